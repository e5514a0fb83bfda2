/** The URI the `xml` prefix is bound to by definition. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
/** The URI of `xmlns` attributes themselves (they declare, they are not in a namespace of ours). */
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

/**
 * Namespace bindings in scope, by element depth. Prefixed lookups go through
 * one map (prefix -> newest binding), and each binding remembers the one it
 * shadows, so a lookup costs the same at any depth.
 */
export class NamespaceScope {
  private readonly newest = new Map<string, number>();
  private prefixes: string[] = [];
  private uris: string[] = [];
  private shadowed: number[] = [];
  /** defaults[d]: the default namespace inside the element at depth d (0 = document). */
  private defaults: string[] = [''];
  /** marks[d]: number of bindings before the element at depth d declared its own. */
  private marks: number[] = [0];

  clear(): void {
    this.newest.clear();
    this.prefixes = [];
    this.uris = [];
    this.shadowed = [];
    this.defaults = [''];
    this.marks = [0];
  }

  /** Opens the scope of the element at `depth` (inherits everything). */
  enter(depth: number): void {
    this.marks[depth] = this.prefixes.length;
    this.defaults[depth] = this.defaults[depth - 1];
  }

  setDefault(depth: number, uri: string): void {
    this.defaults[depth] = uri;
  }

  defaultAt(depth: number): string {
    return this.defaults[depth];
  }

  bind(prefix: string, uri: string): void {
    const index = this.prefixes.length;
    this.prefixes.push(prefix);
    this.uris.push(uri);
    this.shadowed.push(this.newest.get(prefix) ?? -1);
    this.newest.set(prefix, index);
  }

  /** The URI bound to `prefix`, or undefined. */
  resolve(prefix: string): string | undefined {
    if (prefix === 'xml') return XML_NAMESPACE;
    const index = this.newest.get(prefix);
    return index === undefined ? undefined : this.uris[index];
  }

  /** Closes the scope of the element at `depth`. */
  leave(depth: number): void {
    const mark = this.marks[depth];
    if (this.prefixes.length === mark) return;
    for (let i = this.prefixes.length - 1; i >= mark; i--) {
      const previous = this.shadowed[i];
      if (previous < 0) this.newest.delete(this.prefixes[i]);
      else this.newest.set(this.prefixes[i], previous);
    }
    this.prefixes.length = mark;
    this.uris.length = mark;
    this.shadowed.length = mark;
  }
}
