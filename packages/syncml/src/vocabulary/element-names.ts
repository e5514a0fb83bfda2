import { DevInf10, DevInf11, DevInf12, SyncML12, type Vocabulary } from '@syncds/codepages';
import { NameTable } from '@syncds/xml';
import { D_DEV_INF, D_MAX_SIZE, DEVINF_BASE, ELEMENT_ID_LIMIT } from './element-ids.js';

/**
 * Names of element ids, and name -> id lookups for XML (and WBXML LITERAL) elements.
 * SyncML 1.2 holds every SyncML and MetInf element of 1.0-1.2 (later versions only add
 * tokens); DevInf 1.2 every DevInf element but `Size`, the 1.0/1.1 name of token 0x1C.
 */

function entriesOf(v: Vocabulary, base: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const page of v.pages) {
    for (const [token, name] of Object.entries(page.tags))
      out.push([name, base + page.page * 64 + Number(token)]);
  }
  return out;
}

const syncmlEntries = entriesOf(SyncML12, 0);
const devinfEntries = entriesOf(DevInf12, DEVINF_BASE);

const names: string[] = new Array<string>(ELEMENT_ID_LIMIT).fill('');
for (const [name, id] of [...syncmlEntries, ...devinfEntries]) names[id] = name;

/** Element name of an id (DevInf 0x1C as `MaxSize`, or `Size` when `devInfVersion` is 1.0/1.1). */
export function elementName(id: number, devInfVersion?: string): string {
  if (id === D_MAX_SIZE && devInfVersion !== undefined && devInfVersion !== '1.2') return 'Size';
  return names[id] ?? '';
}

/** A name table of `@syncds/xml` and the element id of each of its names. */
export interface ElementNames {
  readonly table: NameTable;
  /** Element id by the table's name id. */
  readonly ids: Int32Array;
}

function elementNames(entries: ReadonlyArray<readonly [string, number]>): ElementNames {
  const unique = new Map<string, number>();
  for (const [name, id] of entries) if (!unique.has(name)) unique.set(name, id);
  return { table: new NameTable([...unique.keys()]), ids: Int32Array.from(unique.values()) };
}

/**
 * SyncML and MetInf names (they never collide), plus `DevInf` for a DevInf document
 * inline in Data: what a name outside DevInf resolves against.
 */
export const SYNCML_NAMES: ElementNames = elementNames([...syncmlEntries, ['DevInf', D_DEV_INF]]);

/** DevInf 1.0-1.2 names (`Size` and `MaxSize` both give token 0x1C). */
export const DEVINF_NAMES: ElementNames = elementNames([
  ...devinfEntries,
  ...entriesOf(DevInf11, DEVINF_BASE),
  ...entriesOf(DevInf10, DEVINF_BASE),
]);
