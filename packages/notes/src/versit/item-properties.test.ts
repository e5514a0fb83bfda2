import type { VersitComponent, VersitProperty } from '@syncds/versit';
import { describe, expect, it } from 'vitest';
import type { Note } from '../model/note.js';
import { NOTE_PROPERTY_FIELDS } from '../model/property-map.js';
import { type ItemDialect, readItemProperties, textReader } from './item-properties.js';
import { VJOURNAL_ITEM } from './vjournal.js';
import { VNOTE_ITEM } from './vnote.js';

const property = (name: string, value: string): VersitProperty => ({ name, params: [], value });
const component = (properties: VersitProperty[], components: VersitComponent[] = []): VersitComponent => ({
  name: 'VNOTE',
  properties,
  components,
});

// A dialect with one text reader and one reader that refuses every value.
const testItem: ItemDialect = {
  dialect: 'icalendar-2.0',
  readers: new Map([
    ['SUMMARY', textReader('subject', 'icalendar-2.0')],
    ['X-REFUSED', () => false],
  ]),
  legacyCategories: false,
  dropped: new Set(['VERSION']),
};

function read(item: VersitComponent): Note {
  const note: Note = { extensions: [] };
  readItemProperties(note, item, testItem);
  return note;
}

const kept = (name: string, value: string) => ({
  family: 'versit',
  scope: 'item',
  dialect: 'icalendar-2.0',
  name,
  params: [],
  value,
});

describe('readItemProperties', () => {
  it('reads the first property of a name and keeps repeated ones', () => {
    expect(read(component([property('SUMMARY', 'One'), property('SUMMARY', 'Two')]))).toEqual({
      subject: 'One',
      extensions: [kept('SUMMARY', 'Two')],
    });
  });

  it('keeps unknown properties and values a reader refuses, drops the dropped names', () => {
    expect(
      read(component([property('VERSION', '2.0'), property('X-REFUSED', 'a'), property('X-OTHER', 'b')])),
    ).toEqual({ extensions: [kept('X-REFUSED', 'a'), kept('X-OTHER', 'b')] });
  });

  it('does not take inherited object keys for property names', () => {
    expect(read(component([property('constructor', 'x'), property('__proto__', 'y')]))).toEqual({
      extensions: [kept('constructor', 'x'), kept('__proto__', 'y')],
    });
  });

  it('adds up repeated CATEGORIES, split at commas only unless legacy', () => {
    const note = read(component([property('CATEGORIES', 'a;b,c'), property('CATEGORIES', ' ,d')]));
    expect(note).toEqual({ categories: ['a;b', 'c', 'd'], extensions: [] });
    const legacy: Note = { extensions: [] };
    readItemProperties(legacy, component([property('CATEGORIES', 'a;b,c')]), {
      ...testItem,
      legacyCategories: true,
    });
    expect(legacy.categories).toEqual(['a', 'b', 'c']);
  });

  it('keeps nested components as item extensions', () => {
    const alarm: VersitComponent = {
      name: 'VALARM',
      properties: [property('ACTION', 'DISPLAY')],
      components: [],
    };
    expect(read(component([], [alarm])).extensions).toEqual([
      {
        family: 'versit',
        scope: 'item',
        dialect: 'icalendar-2.0',
        component: {
          name: 'VALARM',
          properties: [{ name: 'ACTION', params: [], value: 'DISPLAY' }],
          components: [],
        },
      },
    ]);
  });
});

describe('the dialect tables', () => {
  // What a device's CTCap says it holds (NOTE_PROPERTY_FIELDS) and what the
  // parser reads must name the same properties, or a merge would erase fields.
  it.each([
    ['vnote-1.1', VNOTE_ITEM],
    ['vjournal-2.0', VJOURNAL_ITEM],
  ] as const)('%s reads every property its CTCap table names', (format, item) => {
    const read = [...item.readers.keys(), 'CATEGORIES'].sort();
    expect(read).toEqual(Object.keys(NOTE_PROPERTY_FIELDS[format]).sort());
  });
});
