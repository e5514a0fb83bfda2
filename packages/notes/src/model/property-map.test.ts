import { describe, expect, it } from 'vitest';
import { NOTE_FIELDS } from './fields.js';
import { fieldsFromCtCap, NOTE_PROPERTY_FIELDS, noteFieldsOfFormat } from './property-map.js';

const sorted = (set: ReadonlySet<string> | undefined): string[] | undefined =>
  set ? [...set].sort() : undefined;

describe('fieldsFromCtCap', () => {
  it('maps vNote property names, ignoring case and structure properties', () => {
    expect(
      sorted(fieldsFromCtCap(['BEGIN', 'END', 'VERSION', 'body', 'SUMMARY', 'X-IRMC-LUID'], 'text/x-vnote')),
    ).toEqual(['body', 'subject']);
  });
  it('maps X-FUNAMBOL-POSITION to the four window fields', () => {
    expect(sorted(fieldsFromCtCap(['X-FUNAMBOL-POSITION'], 'text/x-vnote'))).toEqual([
      'height',
      'left',
      'top',
      'width',
    ]);
  });
  it('maps vJournal names', () => {
    expect(sorted(fieldsFromCtCap(['SUMMARY', 'DESCRIPTION', 'DTSTART'], 'text/calendar'))).toEqual([
      'body',
      'entryDate',
      'entryTimeZone',
      'subject',
    ]);
  });
  it('maps SIF-N element names', () => {
    expect(sorted(fieldsFromCtCap(['Subject', 'Body', 'Date', 'COLOR'], 'text/x-s4j-sifn'))).toEqual([
      'body',
      'color',
      'modified',
      'subject',
    ]);
  });
  it('gives text/plain its subject and body whatever the CTCap says', () => {
    expect(sorted(fieldsFromCtCap(['BODY'], 'text/plain'))).toEqual(['body', 'subject']);
  });
  it('gives every field of the format when the device sent no CTCap', () => {
    expect(sorted(fieldsFromCtCap([], 'text/x-s4j-sifn'))).toEqual([
      'body',
      'categories',
      'color',
      'folder',
      'height',
      'left',
      'modified',
      'subject',
      'top',
      'width',
    ]);
    expect(fieldsFromCtCap([], 'text/x-vnote')).toEqual(noteFieldsOfFormat('vnote-1.1'));
  });
  it('is undefined for a content type that is not a note', () => {
    expect(fieldsFromCtCap(['N'], 'text/x-vcard')).toBeUndefined();
  });
  it('only names canonical fields', () => {
    for (const table of Object.values(NOTE_PROPERTY_FIELDS)) {
      for (const fields of Object.values(table)) for (const f of fields) expect(NOTE_FIELDS).toContain(f);
    }
  });
});
