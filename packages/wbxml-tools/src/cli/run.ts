import { parseArgs } from 'node:util';
import { WbxmlToolsError } from '../errors.js';
import type { WbxmlToXmlOptions, XmlToWbxmlOptions } from '../options.js';
import { wbxmlToXml } from '../wbxml-to-xml.js';
import { xmlToWbxml } from '../xml-to-wbxml.js';

/** Exit codes of the `wbxml` command. */
export const ExitCode = {
  OK: 0,
  /** The input is malformed, or of no known document type. */
  BAD_INPUT: 1,
  /** Bad command line. */
  USAGE: 2,
  /** A file could not be read or written. */
  IO: 3,
} as const;

/** What the command touches of the outside world (a test passes its own). */
export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  readStdin(): Promise<Uint8Array>;
  writeStdout(bytes: Uint8Array): Promise<void>;
  writeStderr(text: string): void;
}

export const HELP = `Usage: wbxml <decode|encode> [options] FILE

  wbxml decode FILE     WBXML -> XML   (code pages from the WBXML public id)
  wbxml encode FILE     XML -> WBXML   (from the DOCTYPE, root namespace or root element)

FILE may be '-' for standard input. Output goes to standard output unless -o.

Options:
  -o, --output OUT        write to OUT ('-' = standard output)
      --vocabulary ID     force the document type: syncml10, syncml11, syncml12,
                          devinf10, devinf11, devinf12
  -h, --help              this text

decode:
      --indent N          spaces per level (default 2); 0 writes compact XML
      --compact           same as --indent 0
      --no-declaration    no <?xml ...?> line
      --no-doctype        no <!DOCTYPE ...>
      --no-inline         leave documents nested in OPAQUE (DevInf) as OPAQUE

encode:
      --wbxml-version V   1.0, 1.1, 1.2 (default) or 1.3
      --string-table      put strings that repeat into the string table
      --public-id FORM    numeric (default) or string (the FPI in the string table)
      --whitespace MODE   ignorable (default): drop white space between elements;
                          trim: also trim text (as xml2wbxml does); preserve: keep all
      --cdata-as-string   write CDATA as inline strings (default: OPAQUE)
      --no-nest           do not nest DevInf as a WBXML document (it is an error then)

Bytes XML cannot carry (control characters, invalid UTF-8 in OPAQUE) are
written as <opaque|string|entity xmlns="urn:syncds:wbxml-tools" ...> elements,
which encode turns back into the same WBXML.

Exit status: 0 done, 1 malformed or unknown input (the message gives the byte
offset), 2 bad command line, 3 file not readable or writable.
`;

const VERSIONS: Record<string, number> = { '1.0': 0, '1.1': 1, '1.2': 2, '1.3': 3 };

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o' },
      vocabulary: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      indent: { type: 'string' },
      compact: { type: 'boolean' },
      'no-declaration': { type: 'boolean' },
      'no-doctype': { type: 'boolean' },
      'no-inline': { type: 'boolean' },
      'wbxml-version': { type: 'string' },
      'string-table': { type: 'boolean' },
      'public-id': { type: 'string' },
      whitespace: { type: 'string' },
      'cdata-as-string': { type: 'boolean' },
      'no-nest': { type: 'boolean' },
    },
  });
  return { values, positionals };
}

type Values = ReturnType<typeof parse>['values'];

function decodeOptions(v: Values): WbxmlToXmlOptions {
  let indent = 2;
  if (v.indent !== undefined) {
    if (!/^[0-9]{1,2}$/.test(v.indent))
      throw new UsageError(`--indent takes a number 0-99, got "${v.indent}"`);
    indent = Number(v.indent);
  }
  if (v.compact) indent = 0;
  return {
    ...(indent > 0 ? { indent } : {}),
    xmlDeclaration: !v['no-declaration'],
    doctype: !v['no-doctype'],
    inlineNestedDocuments: !v['no-inline'],
    ...(v.vocabulary === undefined ? {} : { vocabulary: v.vocabulary }),
  };
}

function encodeOptions(v: Values): XmlToWbxmlOptions {
  const version = v['wbxml-version'] === undefined ? 2 : VERSIONS[v['wbxml-version']];
  if (version === undefined) throw new UsageError(`--wbxml-version takes 1.0, 1.1, 1.2 or 1.3`);
  const publicId = v['public-id'] ?? 'numeric';
  if (publicId !== 'numeric' && publicId !== 'string')
    throw new UsageError('--public-id takes numeric or string');
  const whitespace = v.whitespace ?? 'ignorable';
  if (whitespace !== 'ignorable' && whitespace !== 'trim' && whitespace !== 'preserve') {
    throw new UsageError('--whitespace takes ignorable, trim or preserve');
  }
  return {
    version,
    publicId,
    whitespace,
    stringTable: v['string-table'] === true,
    cdataAsOpaque: !v['cdata-as-string'],
    nestDocuments: !v['no-nest'],
    ...(v.vocabulary === undefined ? {} : { vocabulary: v.vocabulary }),
  };
}

const DECODE_ONLY = ['indent', 'compact', 'no-declaration', 'no-doctype', 'no-inline'] as const;
const ENCODE_ONLY = [
  'wbxml-version',
  'string-table',
  'public-id',
  'whitespace',
  'cdata-as-string',
  'no-nest',
] as const;

/**
 * Runs `wbxml` with the arguments after the program name; resolves to the
 * exit code. Never throws for bad input, a bad command line or I/O trouble:
 * those are reported on stderr.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.writeStderr(`wbxml: ${(error as Error).message}\nTry 'wbxml --help'.\n`);
    return ExitCode.USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    await io.writeStdout(new TextEncoder().encode(HELP));
    return ExitCode.OK;
  }
  const [command, file, ...extra] = positionals;
  if (command !== 'decode' && command !== 'encode') {
    io.writeStderr(
      `wbxml: ${command === undefined ? 'a command is needed' : `unknown command "${command}"`}\n${HELP}`,
    );
    return ExitCode.USAGE;
  }
  let transcode: (bytes: Uint8Array) => Uint8Array;
  try {
    if (file === undefined) throw new UsageError('an input FILE is needed (- for standard input)');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const wrong = (command === 'decode' ? ENCODE_ONLY : DECODE_ONLY).find(
      (name) => values[name] !== undefined,
    );
    if (wrong !== undefined) throw new UsageError(`--${wrong} is not an option of ${command}`);
    if (command === 'decode') {
      const options = decodeOptions(values);
      transcode = (bytes) => wbxmlToXml(bytes, options);
    } else {
      const options = encodeOptions(values);
      transcode = (bytes) => xmlToWbxml(bytes, options);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.writeStderr(`wbxml ${command}: ${error.message}\nTry 'wbxml --help'.\n`);
    return ExitCode.USAGE;
  }
  let input: Uint8Array;
  try {
    input = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    io.writeStderr(
      `wbxml ${command}: cannot read ${file === '-' ? 'standard input' : file}: ${ioMessage(error)}\n`,
    );
    return ExitCode.IO;
  }
  let output: Uint8Array;
  try {
    output = transcode(input);
  } catch (error) {
    if (!(error instanceof WbxmlToolsError)) throw error;
    const name = file === '-' ? 'standard input' : file;
    if (error.code === 'UNSUPPORTED_OPTION') {
      io.writeStderr(`wbxml ${command}: ${error.message.replace(/ at byte \d+$/, '')}\n`);
      return ExitCode.USAGE;
    }
    io.writeStderr(`wbxml ${command}: ${name}: ${error.message} [${error.code}]\n`);
    return ExitCode.BAD_INPUT;
  }
  const target = values.output ?? '-';
  try {
    if (target === '-') await io.writeStdout(output);
    else await io.writeFile(target, output);
  } catch (error) {
    io.writeStderr(
      `wbxml ${command}: cannot write ${target === '-' ? 'standard output' : target}: ${ioMessage(error)}\n`,
    );
    return ExitCode.IO;
  }
  return ExitCode.OK;
}

function ioMessage(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code !== undefined ? `${e.code} (${e.message ?? ''})` : String(error);
}
