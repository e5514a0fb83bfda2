/*
 * libwbxml-bench: times libwbxml on one WBXML file, the same-run baseline of @syncds/bench.
 *
 *   libwbxml-bench FILE ITERATIONS [cpu|wall]
 *
 * Prints one JSON object on stdout with, for each operation, the nanoseconds per call over
 * ITERATIONS calls (after ITERATIONS/10 + 1 untimed warm-up calls), measured in process CPU
 * time (cpu, the default: CLOCK_PROCESS_CPUTIME_ID, steady on a shared machine) or elapsed
 * time (wall: CLOCK_MONOTONIC):
 *   wbxml_to_tree  wbxml_tree_from_wbxml + wbxml_tree_destroy
 *   wbxml_to_xml   wbxml_conv_wbxml2xml (compact XML) + free
 *   xml_to_wbxml   wbxml_conv_xml2wbxml with use_strtbl off + free; its input is the XML that
 *                  wbxml_to_xml made of FILE, so it encodes the same document again
 *   tree_to_wbxml  wbxml_tree_to_wbxml (string table off) of a tree decoded once, untimed: the
 *                  encoder alone, without libwbxml's XML parser (informational)
 * An operation that fails reports "ok": false and libwbxml's error text; the others still run.
 * Exit status: 0 when the JSON was printed, 2 on a usage or I/O error (message on stderr).
 *
 * Every call gets its own output and frees it, as a server would per message.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <wbxml/wbxml.h>

/* Debian's libwbxml2-dev ships no wbxml_tree.h although libwbxml2.so exports the tree API;
 * these prototypes match src/wbxml_tree.h and src/wbxml_mem.h of libwbxml 0.11.x. */
typedef struct WBXMLTree_s WBXMLTree;
extern WBXMLError wbxml_tree_from_wbxml(WB_UTINY *wbxml, WB_ULONG wbxml_len, WBXMLLanguage lang,
                                        WBXMLCharsetMIBEnum charset, WBXMLTree **tree);
extern WBXMLError wbxml_tree_to_wbxml(WBXMLTree *tree, WB_UTINY **wbxml, WB_ULONG *wbxml_len,
                                      WBXMLGenWBXMLParams *params);
extern void wbxml_tree_destroy(WBXMLTree *tree);
extern void wbxml_free(void *memblock);

/* Larger inputs are refused: the corpus tops out below 1 MiB. */
#define MAX_INPUT_BYTES (64L * 1024 * 1024)
#define MAX_ITERATIONS 100000000L

typedef struct {
  int ok;
  WBXMLError error;
  double ns_per_op;
  unsigned long output_bytes;
} OpResult;

typedef struct {
  WB_UTINY *wbxml;
  WB_ULONG wbxml_len;
  WB_UTINY *xml; /* made by wbxml_to_xml, input of xml_to_wbxml */
  WB_ULONG xml_len;
  WBXMLTree *tree; /* decoded once, input of tree_to_wbxml */
  WBXMLVersion version;
} Input;

/* The clock chosen on the command line. */
static clockid_t bench_clock = CLOCK_PROCESS_CPUTIME_ID;

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(bench_clock, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static WBXMLGenXMLParams xml_params(void) {
  WBXMLGenXMLParams p;
  memset(&p, 0, sizeof p);
  p.gen_type = WBXML_GEN_XML_COMPACT;
  p.lang = WBXML_LANG_UNKNOWN;
  p.charset = WBXML_CHARSET_UNKNOWN;
  p.indent = 0;
  p.keep_ignorable_ws = FALSE;
  return p;
}

static WBXMLGenWBXMLParams wbxml_params(WBXMLVersion version) {
  WBXMLGenWBXMLParams p;
  memset(&p, 0, sizeof p);
  p.wbxml_version = version;
  p.keep_ignorable_ws = FALSE;
  p.use_strtbl = FALSE;
  p.produce_anonymous = FALSE;
  return p;
}

/* One call of each operation; returns the output length through *out_len. */
static WBXMLError once_wbxml_to_tree(Input *in, unsigned long *out_len) {
  WBXMLTree *tree = NULL;
  WBXMLError e = wbxml_tree_from_wbxml(in->wbxml, in->wbxml_len, WBXML_LANG_UNKNOWN,
                                       WBXML_CHARSET_UNKNOWN, &tree);
  if (tree != NULL) wbxml_tree_destroy(tree);
  *out_len = 0;
  return e;
}

static WBXMLError once_wbxml_to_xml(Input *in, unsigned long *out_len) {
  WBXMLGenXMLParams params = xml_params();
  WB_UTINY *xml = NULL;
  WB_ULONG xml_len = 0;
  WBXMLError e = wbxml_conv_wbxml2xml_withlen(in->wbxml, in->wbxml_len, &xml, &xml_len, &params);
  if (xml != NULL) wbxml_free(xml);
  *out_len = xml_len;
  return e;
}

static WBXMLError once_xml_to_wbxml(Input *in, unsigned long *out_len) {
  WBXMLGenWBXMLParams params = wbxml_params(in->version);
  WB_UTINY *wbxml = NULL;
  WB_ULONG wbxml_len = 0;
  WBXMLError e = wbxml_conv_xml2wbxml_withlen(in->xml, in->xml_len, &wbxml, &wbxml_len, &params);
  if (wbxml != NULL) wbxml_free(wbxml);
  *out_len = wbxml_len;
  return e;
}

static WBXMLError once_tree_to_wbxml(Input *in, unsigned long *out_len) {
  WBXMLGenWBXMLParams params = wbxml_params(in->version);
  WB_UTINY *wbxml = NULL;
  WB_ULONG wbxml_len = 0;
  WBXMLError e = wbxml_tree_to_wbxml(in->tree, &wbxml, &wbxml_len, &params);
  if (wbxml != NULL) wbxml_free(wbxml);
  *out_len = wbxml_len;
  return e;
}

typedef WBXMLError (*OpFn)(Input *, unsigned long *);

static OpResult time_op(OpFn fn, Input *in, long iterations) {
  OpResult r = {0, WBXML_OK, 0.0, 0};
  unsigned long out_len = 0;
  long warmup = iterations / 10 + 1;
  for (long i = 0; i < warmup; i++) {
    WBXMLError e = fn(in, &out_len);
    if (e != WBXML_OK) {
      r.error = e;
      return r;
    }
  }
  double t0 = now_ns();
  for (long i = 0; i < iterations; i++) {
    WBXMLError e = fn(in, &out_len);
    if (e != WBXML_OK) {
      r.error = e;
      return r;
    }
  }
  double t1 = now_ns();
  r.ok = 1;
  r.ns_per_op = (t1 - t0) / (double)iterations;
  r.output_bytes = out_len;
  return r;
}

static void print_json_string(const char *s) {
  putchar('"');
  for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
    if (*p == '"' || *p == '\\') {
      putchar('\\');
      putchar(*p);
    } else if (*p < 0x20) {
      printf("\\u%04x", *p);
    } else {
      putchar(*p);
    }
  }
  putchar('"');
}

static void print_op(const char *name, OpResult r, int last) {
  printf("    ");
  print_json_string(name);
  if (r.ok) {
    printf(": {\"ok\": true, \"nsPerOp\": %.3f, \"outputBytes\": %lu}", r.ns_per_op, r.output_bytes);
  } else {
    printf(": {\"ok\": false, \"error\": ");
    print_json_string((const char *)wbxml_errors_string(r.error));
    printf("}");
  }
  printf("%s\n", last ? "" : ",");
}

static WB_UTINY *read_file(const char *path, WB_ULONG *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "libwbxml-bench: cannot open %s: %s\n", path, strerror(errno));
    return NULL;
  }
  WB_UTINY *buf = malloc((size_t)MAX_INPUT_BYTES + 1);
  if (buf == NULL) {
    fclose(f);
    fprintf(stderr, "libwbxml-bench: out of memory\n");
    return NULL;
  }
  size_t n = fread(buf, 1, (size_t)MAX_INPUT_BYTES + 1, f);
  int failed = ferror(f);
  fclose(f);
  if (failed || n == 0 || n > (size_t)MAX_INPUT_BYTES) {
    fprintf(stderr, "libwbxml-bench: %s: %s\n", path,
            failed ? "read error" : (n == 0 ? "empty file" : "larger than 64 MiB"));
    free(buf);
    return NULL;
  }
  *len = (WB_ULONG)n;
  return buf;
}

int main(int argc, char **argv) {
  if (argc != 3 && argc != 4) {
    fprintf(stderr, "usage: libwbxml-bench FILE ITERATIONS [cpu|wall]\n");
    return 2;
  }
  const char *clock_name = argc == 4 ? argv[3] : "cpu";
  if (strcmp(clock_name, "cpu") == 0) {
    bench_clock = CLOCK_PROCESS_CPUTIME_ID;
  } else if (strcmp(clock_name, "wall") == 0) {
    bench_clock = CLOCK_MONOTONIC;
  } else {
    fprintf(stderr, "libwbxml-bench: the clock is cpu or wall, not %s\n", clock_name);
    return 2;
  }
  char *end = NULL;
  errno = 0;
  long iterations = strtol(argv[2], &end, 10);
  if (errno != 0 || end == argv[2] || *end != '\0' || iterations < 1 || iterations > MAX_ITERATIONS) {
    fprintf(stderr, "libwbxml-bench: ITERATIONS must be an integer from 1 to %ld\n", MAX_ITERATIONS);
    return 2;
  }

  Input in;
  memset(&in, 0, sizeof in);
  in.wbxml = read_file(argv[1], &in.wbxml_len);
  if (in.wbxml == NULL) return 2;
  /* Re-encode with the input's WBXML version, so both sides write the same header. */
  in.version = in.wbxml[0] <= 0x03 ? (WBXMLVersion)in.wbxml[0] : WBXML_VERSION_13;

  OpResult to_tree = time_op(once_wbxml_to_tree, &in, iterations);
  OpResult to_xml = time_op(once_wbxml_to_xml, &in, iterations);

  /* Untimed inputs of the two encoders. */
  OpResult xml_to_wbxml = {0, WBXML_OK, 0.0, 0};
  WBXMLGenXMLParams params = xml_params();
  WBXMLError e = wbxml_conv_wbxml2xml_withlen(in.wbxml, in.wbxml_len, &in.xml, &in.xml_len, &params);
  if (e == WBXML_OK) xml_to_wbxml = time_op(once_xml_to_wbxml, &in, iterations);
  else xml_to_wbxml.error = e;

  OpResult tree_to_wbxml = {0, WBXML_OK, 0.0, 0};
  e = wbxml_tree_from_wbxml(in.wbxml, in.wbxml_len, WBXML_LANG_UNKNOWN, WBXML_CHARSET_UNKNOWN, &in.tree);
  if (e == WBXML_OK) tree_to_wbxml = time_op(once_tree_to_wbxml, &in, iterations);
  else tree_to_wbxml.error = e;

  printf("{\n  \"library\": \"libwbxml\",\n  \"version\": ");
  print_json_string(WBXML_LIB_VERSION);
  printf(",\n  \"clock\": ");
  print_json_string(clock_name);
  printf(",\n  \"file\": ");
  print_json_string(argv[1]);
  printf(",\n  \"bytes\": %lu,\n  \"xmlBytes\": %lu,\n  \"iterations\": %ld,\n  \"ops\": {\n",
         (unsigned long)in.wbxml_len, (unsigned long)in.xml_len, iterations);
  print_op("wbxml_to_tree", to_tree, 0);
  print_op("wbxml_to_xml", to_xml, 0);
  print_op("xml_to_wbxml", xml_to_wbxml, 0);
  print_op("tree_to_wbxml", tree_to_wbxml, 1);
  printf("  }\n}\n");

  if (in.tree != NULL) wbxml_tree_destroy(in.tree);
  if (in.xml != NULL) wbxml_free(in.xml);
  free(in.wbxml);
  return fflush(stdout) == 0 ? 0 : 2;
}
