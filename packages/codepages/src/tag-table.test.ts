import { describe, expect, it } from 'vitest';
import {
  builtinVocabularies,
  CodePageError,
  DevInf10,
  DevInf11,
  DevInf12,
  DevInfTag,
  MetInfTag,
  pageOfTagId,
  SyncML10,
  SyncML11,
  SyncML12,
  SyncMLTag,
  TAG_IDS_PER_PAGE,
  tagId,
  tagIdOf,
  tagName,
  tagTable,
  tokenOfTagId,
  type Vocabulary,
} from './index.js';

describe('element ids', () => {
  it('are page * 64 + token', () => {
    expect(TAG_IDS_PER_PAGE).toBe(64);
    expect(tagIdOf(0, 0x05)).toBe(0x05);
    expect(tagIdOf(1, 0x05)).toBe(0x45);
    expect(tagIdOf(255, 0x3f)).toBe(16383);
    expect(pageOfTagId(0x45)).toBe(1);
    expect(tokenOfTagId(0x45)).toBe(0x05);
    expect(pageOfTagId(16383)).toBe(255);
    expect(tokenOfTagId(16383)).toBe(0x3f);
  });

  it('generated constants match the brief and the tables', () => {
    expect(SyncMLTag.Add).toBe(0x05);
    expect(SyncMLTag.SyncML).toBe(0x2d);
    expect(SyncMLTag.Correlator).toBe(0x3c);
    expect(MetInfTag.Anchor).toBe(64 + 0x05);
    expect(MetInfTag.FieldLevel).toBe(64 + 0x16);
    expect(DevInfTag.CTCap).toBe(0x05);
    expect(DevInfTag.Size).toBe(0x1c);
    expect(DevInfTag.MaxSize).toBe(0x1c);
    expect(DevInfTag.RxPref).toBe(0x1a);
    expect(DevInfTag.FilterRx).toBe(0x30);
  });

  it('every constant names the same element in the newest vocabulary', () => {
    for (const [key, id] of Object.entries(SyncMLTag)) expect(tagTable(SyncML12).nameById(id)).toBe(key);
    for (const [key, id] of Object.entries(MetInfTag)) expect(tagTable(SyncML12).nameById(id)).toBe(key);
    for (const [key, id] of Object.entries(DevInfTag)) {
      const name = tagTable(key === 'Size' ? DevInf11 : DevInf12).nameById(id);
      expect(name?.replace('-', '')).toBe(key);
    }
    expect(Object.keys(SyncMLTag)).toHaveLength(55);
    expect(Object.keys(MetInfTag)).toHaveLength(18);
    expect(Object.keys(DevInfTag)).toHaveLength(48);
  });
});

describe('TagTable', () => {
  it('round-trips every name of every built-in vocabulary', () => {
    let count = 0;
    for (const v of builtinVocabularies) {
      const table = tagTable(v);
      for (const p of v.pages) {
        for (const [token, name] of Object.entries(p.tags)) {
          const id = tagIdOf(p.page, Number(token));
          expect(table.name(p.page, Number(token))).toBe(name);
          expect(tagName(v, p.page, Number(token))).toBe(name);
          expect(table.id(name)).toBe(id);
          expect(table.id(name, p.page)).toBe(id);
          expect(tagId(v, name)).toBe(id);
          count++;
        }
      }
    }
    expect(count).toBe(45 + 16 + (48 + 17) + (55 + 18) + 35 + 38 + 47);
  });

  it('answers unknown names and tokens without throwing', () => {
    const t = tagTable(SyncML12);
    expect(t.name(0, 0x30)).toBeUndefined(); // reserved
    expect(t.name(0, 0x01)).toBeUndefined(); // a global token, not a tag
    expect(t.name(0, 0x40)).toBeUndefined(); // not an identity
    expect(t.name(2, 0x05)).toBeUndefined(); // no such page
    expect(t.name(300, 0x05)).toBeUndefined();
    expect(t.id('Bogus')).toBe(-1);
    expect(t.id('Anchor', 0)).toBe(-1); // Anchor is on page 1
    expect(t.id('Anchor', 1)).toBe(MetInfTag.Anchor);
    expect(t.nameById(-1)).toBeUndefined();
  });

  it('knows version differences', () => {
    expect(tagName(SyncML10, 0, 0x34)).toBeUndefined();
    expect(tagName(SyncML11, 0, 0x34)).toBe('MoreData');
    expect(tagName(SyncML11, 0, 0x3b)).toBeUndefined();
    expect(tagName(SyncML12, 0, 0x3b)).toBe('Move');
    expect(tagName(SyncML10, 1, 0x15)).toBeUndefined();
    expect(tagName(SyncML11, 1, 0x15)).toBe('MaxObjSize');
    expect(tagName(DevInf10, 0, 0x1c)).toBe('Size');
    expect(tagName(DevInf12, 0, 0x1c)).toBe('MaxSize');
    expect(tagId(DevInf12, 'Size')).toBe(-1);
    expect(tagId(DevInf10, 'UTC')).toBe(-1);
    expect(tagId(DevInf11, 'UTC')).toBe(0x28);
  });

  it('maps namespaces to pages, case-insensitively', () => {
    const t = tagTable(SyncML11);
    expect(t.pageOf('SYNCML:SYNCML1.1')).toBe(0);
    expect(t.pageOf('syncml:metinf')).toBe(1);
    expect(t.pageOf('SYNCML:METINF')).toBe(1);
    expect(t.pageOf('syncml:devinf')).toBe(-1);
    expect(t.namespaceOf(1)).toBe('syncml:metinf');
    expect(t.namespaceOf(2)).toBeUndefined();
  });

  it('is built once per vocabulary', () => {
    expect(tagTable(SyncML12)).toBe(tagTable(SyncML12));
    expect(tagTable(SyncML12).vocabulary).toBe(SyncML12);
  });

  it('indexes a caller vocabulary: validates, freezes, resolves duplicate names per page', () => {
    const v: Vocabulary = {
      id: 'x',
      name: 'X',
      rootElement: 'Root',
      publicId: { fpi: '-//X//DTD X//EN', altFpis: [] },
      pages: [
        { page: 3, namespace: 'urn:x3', tags: { 63: 'Shared' } },
        { page: 0, namespace: 'urn:x', tags: { 5: 'Root', 6: 'Shared' } },
      ],
    };
    const t = tagTable(v);
    expect(Object.isFrozen(v)).toBe(true);
    expect(t.id('Shared')).toBe(0x06); // lowest page wins
    expect(t.id('Shared', 3)).toBe(3 * 64 + 0x3f);
    expect(t.name(3, 0x3f)).toBe('Shared');
    expect(t.name(1, 0x05)).toBeUndefined();

    const broken = { ...v, pages: [{ page: 0, namespace: 'urn:x', tags: { 2: 'Root' } }] };
    expect(() => tagTable(broken)).toThrow(CodePageError);
  });
});
