import { readFileSync } from 'node:fs';
import { vectorPath } from '@syncds/test-vectors';
import type { ContentTypeRef, CtCapInfo, DatastoreInfo } from '../choice/choose-format.js';

/** A DevInf capture as Latin-1 text: DevInf needs no decoding, and every byte stays one character. */
export function readVector(path: string): string {
  return readFileSync(vectorPath(path), 'latin1');
}

interface Tag {
  name: string;
  closing: boolean;
  /** Trimmed text after the tag, up to the next `<`. */
  text: string;
}

/** A flat list of the tags of a DevInf document (no attribute or entity handling: DevInf needs none). */
function tags(xml: string): Tag[] {
  const out: Tag[] = [];
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
    const gt = xml.indexOf('>', lt);
    if (gt < 0) break;
    const inside = xml.slice(lt + 1, gt);
    const closing = inside.startsWith('/');
    const name = (closing ? inside.slice(1) : inside).split(/[\s/]/)[0]!;
    const next = xml.indexOf('<', gt);
    out.push({ name, closing, text: xml.slice(gt + 1, next < 0 ? xml.length : next).trim() });
  }
  return out;
}

/** One DevInf's datastores keyed by SourceRef, each with the document's CTCaps (DevInf 1.0/1.1 keep them global). */
export function datastoresOf(message: string): Map<string, DatastoreInfo> {
  const start = message.indexOf('<DevInf');
  const end = message.indexOf('</DevInf>', start);
  const list = tags(message.slice(start, end));
  const ctCaps: CtCapInfo[] = [];
  const stores: Array<{ sourceRef: string; info: DatastoreInfo }> = [];
  let store: { sourceRef: string; info: DatastoreInfo } | undefined;
  let ref: { list: string; value: ContentTypeRef } | undefined;
  let cap: CtCapInfo | undefined;
  for (const tag of list) {
    if (tag.closing) {
      if (tag.name === 'DataStore') store = undefined;
      if (tag.name === 'CTCap') cap = undefined;
      if (ref && ['Rx-Pref', 'Rx', 'Tx-Pref', 'Tx'].includes(tag.name) && store) {
        const info = store.info;
        if (ref.list === 'Rx-Pref') info.rxPref = ref.value;
        else if (ref.list === 'Tx-Pref') info.txPref = ref.value;
        else if (ref.list === 'Rx') info.rx = [...(info.rx ?? []), ref.value];
        else info.tx = [...(info.tx ?? []), ref.value];
        ref = undefined;
      }
      continue;
    }
    if (tag.name === 'DataStore') {
      store = { sourceRef: '', info: {} };
      stores.push(store);
    } else if (tag.name === 'SourceRef' && store) store.sourceRef = tag.text;
    else if (['Rx-Pref', 'Rx', 'Tx-Pref', 'Tx'].includes(tag.name) && store)
      ref = { list: tag.name, value: { ctType: '' } };
    else if (tag.name === 'CTCap') cap = undefined;
    else if (tag.name === 'CTType' && ref) ref.value.ctType = tag.text;
    else if (tag.name === 'VerCT' && ref) ref.value.verCT = tag.text;
    else if (tag.name === 'CTType') {
      cap = { ctType: tag.text, properties: [] };
      ctCaps.push(cap);
    } else if (tag.name === 'PropName' && cap)
      (cap.properties as Array<{ propName: string }>).push({ propName: tag.text });
  }
  return new Map(stores.map((s) => [s.sourceRef, { ...s.info, ctCaps }]));
}

/** The property names a device lists for one content type. */
export function propNamesOf(store: DatastoreInfo, contentType: string): string[] {
  return (store.ctCaps ?? [])
    .filter((cap) => cap.ctType.toLowerCase() === contentType)
    .flatMap((cap) => (cap.properties ?? []).map((p) => p.propName));
}
