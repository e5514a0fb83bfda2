import { describe, expect, it } from 'vitest';
import { fieldsFromCtCap } from '../model/property-map.js';
import type { Note, NoteExtension } from '../model/note.js';
import { parsePlainText, toPlainText } from '../plain/plain-text.js';
import { mergeNote } from './merge-note.js';

const sifExtension: NoteExtension = {
  family: 'sif',
  element: { name: 'X-Mood', attributes: [], text: 'good', children: [] },
};
const versitExtension: NoteExtension = {
  family: 'versit',
  scope: 'item',
  dialect: 'vnote-1.1',
  name: 'X-IRMC-LUID',
  params: [],
  value: '000001',
};

const stored: Note = {
  subject: 'Groceries',
  body: 'Groceries\nmilk',
  categories: ['Home'],
  color: 3,
  modified: '2006-10-14T09:00:53Z',
  extensions: [sifExtension],
};

describe('mergeNote', () => {
  it('keeps the fields a phone without CATEGORIES cannot hold', () => {
    const phone = fieldsFromCtCap(['BODY', 'SUMMARY', 'LAST-MODIFIED'], 'text/x-vnote');
    const incoming: Note = {
      subject: 'Groceries',
      body: 'Groceries\nmilk\neggs',
      modified: '2006-10-15T10:00:00Z',
      extensions: [versitExtension],
    };
    expect(mergeNote(stored, incoming, phone)).toEqual({
      subject: 'Groceries',
      body: 'Groceries\nmilk\neggs',
      categories: ['Home'],
      color: 3,
      modified: '2006-10-15T10:00:00Z',
      extensions: [sifExtension, versitExtension],
    });
  });

  it('deletes a field the device holds but did not send', () => {
    const sif = fieldsFromCtCap([], 'text/x-s4j-sifn');
    const merged = mergeNote(stored, { subject: 'Groceries', body: 'Groceries', extensions: [] }, sif, {
      format: 'sifn',
    });
    expect(merged).toEqual({ subject: 'Groceries', body: 'Groceries', extensions: [], origin: 'sifn' });
  });

  it('lets a text/plain device change only subject and body', () => {
    const plain = fieldsFromCtCap([], 'text/plain');
    const merged = mergeNote(stored, { subject: 'Shop', body: 'Shop\nbread', extensions: [] }, plain, {
      format: 'plain',
    });
    expect(merged).toEqual({ ...stored, subject: 'Shop', body: 'Shop\nbread', origin: 'plain' });
  });

  it('replaces the extensions of the family named by the incoming origin', () => {
    const fromSif: Note = { body: 'x', extensions: [], origin: 'sifn' };
    expect(mergeNote(stored, fromSif, undefined)).toEqual({ body: 'x', extensions: [], origin: 'sifn' });
    const fromVNote: Note = { body: 'x', extensions: [], origin: 'vnote-1.1' };
    expect(mergeNote(stored, fromVNote, undefined).extensions).toEqual([sifExtension]);
  });

  it('takes everything from incoming when the device fields are unknown', () => {
    const incoming: Note = { body: 'x', extensions: [] };
    expect(mergeNote(stored, incoming, undefined)).toEqual({ body: 'x', extensions: [sifExtension] });
    expect(mergeNote(stored, incoming, undefined, { family: 'sif' })).toEqual({ body: 'x', extensions: [] });
  });

  it('neither changes its inputs nor shares objects with them', () => {
    const before = JSON.stringify(stored);
    const merged = mergeNote(stored, { extensions: [] }, new Set(['body']));
    expect(JSON.stringify(stored)).toBe(before);
    expect(merged.categories).toEqual(['Home']);
    expect(merged.categories).not.toBe(stored.categories);
    expect(merged.extensions[0]).not.toBe(stored.extensions[0]);
  });

  it('takes off the subject line the server put in front of a text/plain note', () => {
    const vnote: Note = { subject: 'Shopping', body: 'milk\neggs', categories: ['Home'], extensions: [] };
    const plain = fieldsFromCtCap([], 'text/plain');
    const unchanged = parsePlainText(toPlainText(vnote));
    expect(unchanged).toEqual({
      subject: 'Shopping',
      body: 'Shopping\nmilk\neggs',
      extensions: [],
      origin: 'plain',
    });
    // The origin set by the parser is enough: no options needed.
    expect(mergeNote(vnote, unchanged, plain)).toEqual({ ...vnote, origin: 'plain' });
    const edited = parsePlainText('Shopping\r\nmilk\r\neggs\r\nbread');
    expect(mergeNote(vnote, edited, plain)).toEqual({ ...vnote, body: 'milk\neggs\nbread', origin: 'plain' });
    const retitled = parsePlainText('Errands\r\nmilk');
    expect(mergeNote(vnote, retitled, plain)).toEqual({
      ...vnote,
      subject: 'Errands',
      body: 'Errands\nmilk',
      origin: 'plain',
    });
  });
});
