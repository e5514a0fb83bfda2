import { describe, expect, it } from 'vitest';
import { datastoresOf, propNamesOf, readVector } from '../test-util/devinf.test-util.js';
import { chooseFormat, type DatastoreInfo, otherFamily } from './choose-format.js';

const w910i = datastoresOf(readVector('wbxml/funambol/sonyericsson-W910i.xml'));
const n80 = datastoresOf(readVector('wbxml/funambol/msg1.xml'));
const p900 = datastoresOf(readVector('sessions/P900_tasksandcalendar/syncml_client_10.xml'));
const synthesis = datastoresOf(readVector('sessions/synthesis_tasks/syncml_client_10.xml'));
// The DevInf a Horde server answered with: text/x-vcard announced as VerCT 3.0.
const horde = datastoresOf(readVector('sessions/synthesis_tasks/syncml_server_10.xml'));

describe('the real DevInfs as read by the test helper', () => {
  it('W910i: contacts prefer vCard 2.1 and also take text/vcard 3.0; notes are text/plain', () => {
    expect(w910i.get('Contacts')).toMatchObject({
      rxPref: { ctType: 'text/x-vcard', verCT: '2.1' },
      rx: [{ ctType: 'text/vcard', verCT: '3.0' }],
    });
    expect(w910i.get('Notes')?.rxPref).toEqual({ ctType: 'text/plain', verCT: '1.0' });
    expect(propNamesOf(w910i.get('Contacts')!, 'text/x-vcard')).toContain('NOTE');
  });
  it('P900: one vCalendar 1.0 agenda with its CTCap', () => {
    const agenda = p900.get('c:\\Documents\\agenda\\agenda')!;
    expect(agenda.rxPref).toEqual({ ctType: 'text/x-vcalendar', verCT: '1.0' });
    const names = propNamesOf(agenda, 'text/x-vcalendar');
    expect(names).toHaveLength(23);
    expect(names.slice(0, 4)).toEqual(['AALARM', 'ATTACH', 'ATTENDEE', 'BEGIN']);
  });
  it('Horde: notes prefer text/x-vnote 1.1, contacts text/x-vcard 3.0', () => {
    expect(horde.get('notes')).toMatchObject({ rxPref: { ctType: 'text/x-vnote', verCT: '1.1' } });
    expect(horde.get('contacts')).toMatchObject({ rxPref: { ctType: 'text/x-vcard', verCT: '3.0' } });
  });
});

describe('chooseFormat with a DevInf', () => {
  it('takes the Rx-Pref of the datastore (W910i contacts -> vCard 2.1)', () => {
    expect(chooseFormat({ kind: 'contact', datastore: w910i.get('Contacts') })).toEqual({
      contentType: 'text/x-vcard',
      version: '2.1',
      format: 'vcard-2.1',
      family: 'versit',
      reason: 'rx-pref',
    });
  });
  it('tells text/x-vcard 3.0 (Horde) from text/x-vcard 2.1', () => {
    expect(chooseFormat({ kind: 'contact', datastore: horde.get('contacts') })).toMatchObject({
      contentType: 'text/x-vcard',
      version: '3.0',
      format: 'vcard-3.0',
      reason: 'rx-pref',
    });
  });
  it('W910i notes -> text/plain, P900 and N80 calendars and tasks -> vCalendar 1.0', () => {
    expect(chooseFormat({ kind: 'note', datastore: w910i.get('Notes') })).toMatchObject({
      contentType: 'text/plain',
      format: 'plain',
      reason: 'rx-pref',
    });
    const agenda = p900.get('c:\\Documents\\agenda\\agenda');
    expect(chooseFormat({ kind: 'event', datastore: agenda })).toMatchObject({ format: 'vcalendar-1.0' });
    expect(chooseFormat({ kind: 'task', datastore: agenda })).toMatchObject({ format: 'vcalendar-1.0' });
    expect(chooseFormat({ kind: 'event', datastore: n80.get('./C:Calendar') })).toMatchObject({
      contentType: 'text/x-vcalendar',
      version: '1.0',
      reason: 'rx-pref',
    });
    expect(chooseFormat({ kind: 'task', datastore: synthesis.get('./tasks') })).toMatchObject({
      format: 'vcalendar-1.0',
    });
  });
  it('goes down the Rx list when the Rx-Pref cannot carry the kind', () => {
    const store: DatastoreInfo = {
      rxPref: { ctType: 'text/x-vcalendar', verCT: '1.0' },
      rx: [{ ctType: 'text/calendar', verCT: '2.0' }],
    };
    expect(chooseFormat({ kind: 'note', datastore: store })).toMatchObject({
      contentType: 'text/calendar',
      format: 'icalendar-2.0',
      reason: 'rx',
    });
  });
  it('skips pairs it cannot write (text/vcard 4.0)', () => {
    const store: DatastoreInfo = {
      rxPref: { ctType: 'text/vcard', verCT: '4.0' },
      rx: [{ ctType: 'text/vcard', verCT: '3.0' }],
    };
    expect(chooseFormat({ kind: 'contact', datastore: store })).toMatchObject({
      version: '3.0',
      reason: 'rx',
    });
  });
  it('uses the Meta Type when the lists offer nothing usable', () => {
    const store: DatastoreInfo = { rxPref: { ctType: 'application/x-unknown', verCT: '1' } };
    expect(chooseFormat({ kind: 'note', datastore: store, metaType: 'text/x-vnote' })).toMatchObject({
      contentType: 'text/x-vnote',
      version: '1.1',
      reason: 'meta-type',
    });
  });
  it('honours FORMAT=sif when the device lists a SIF type, and FORMAT=vob', () => {
    const store: DatastoreInfo = {
      rxPref: { ctType: 'text/x-vcard', verCT: '2.1' },
      rx: [{ ctType: 'text/x-s4j-sifc', verCT: '1.0' }],
    };
    expect(chooseFormat({ kind: 'contact', datastore: store, preference: 'sif' })).toMatchObject({
      contentType: 'text/x-s4j-sifc',
      family: 'sif',
      reason: 'preference',
    });
    expect(chooseFormat({ kind: 'contact', datastore: store, preference: 'versit' })).toMatchObject({
      contentType: 'text/x-vcard',
      reason: 'preference',
    });
  });
  it('applies FORMAT=sif even when the DevInf lists no SIF type (a 415 switches back)', () => {
    expect(
      chooseFormat({ kind: 'contact', datastore: w910i.get('Contacts'), preference: 'sif' }),
    ).toMatchObject({
      contentType: 'text/x-s4j-sifc',
      reason: 'preference-default',
    });
  });
});

describe('chooseFormat without a DevInf', () => {
  it('follows the Meta Type a Funambol Pocket PC sends (SIF-C, SIF-E, SIF-N)', () => {
    for (const [kind, type] of [
      ['contact', 'text/x-s4j-sifc'],
      ['event', 'text/x-s4j-sife'],
      ['note', 'text/x-s4j-sifn'],
    ] as const) {
      expect(chooseFormat({ kind, metaType: type })).toMatchObject({
        contentType: type,
        family: 'sif',
        reason: 'meta-type',
      });
    }
  });
  it('takes Meta Type and Meta Version together', () => {
    expect(chooseFormat({ kind: 'contact', metaType: { ctType: 'text/vcard', verCT: '3.0' } })).toMatchObject(
      {
        format: 'vcard-3.0',
      },
    );
  });
  it('ignores a Meta Type that cannot carry the kind', () => {
    expect(chooseFormat({ kind: 'note', metaType: 'text/x-vcalendar' })).toMatchObject({
      contentType: 'text/plain',
      reason: 'default',
    });
  });
  it('falls back to the defaults per kind', () => {
    expect(chooseFormat({ kind: 'contact' })).toMatchObject({
      contentType: 'text/x-vcard',
      version: '2.1',
      reason: 'default',
    });
    expect(chooseFormat({ kind: 'event' })).toMatchObject({
      contentType: 'text/x-vcalendar',
      version: '1.0',
    });
    expect(chooseFormat({ kind: 'task' })).toMatchObject({ contentType: 'text/x-vcalendar', version: '1.0' });
    expect(chooseFormat({ kind: 'note' })).toMatchObject({ contentType: 'text/plain', version: '1.0' });
    expect(chooseFormat({ kind: 'note', preference: 'sif' })).toMatchObject({
      contentType: 'text/x-s4j-sifn',
      reason: 'preference-default',
    });
  });
  it('moves on when types are excluded, and gives up only when all are', () => {
    expect(chooseFormat({ kind: 'note', exclude: ['text/plain'] })).toMatchObject({
      contentType: 'text/x-s4j-sifn',
    });
    expect(
      chooseFormat({
        kind: 'note',
        exclude: ['text/plain', 'text/x-s4j-sifn', 'text/x-vnote', 'text/calendar'],
      }),
    ).toBeUndefined();
  });
});

describe('otherFamily (a device answered 415)', () => {
  it.each([
    ['text/x-vcard', undefined, 'text/x-s4j-sifc'],
    ['text/x-s4j-sifc', undefined, 'text/x-vcard'],
    ['text/x-s4j-sife', undefined, 'text/x-vcalendar'],
    ['text/x-s4j-sift', undefined, 'text/x-vcalendar'],
    ['text/x-vcalendar', 'task', 'text/x-s4j-sift'],
    ['text/calendar', 'event', 'text/x-s4j-sife'],
    ['text/calendar', 'note', 'text/x-s4j-sifn'],
    ['text/x-s4j-sifn', undefined, 'text/plain'],
    ['TEXT/PLAIN; charset=UTF-8', undefined, 'text/x-s4j-sifn'],
  ] as const)('%s (%s) -> %s', (type, kind, expected) => {
    expect(otherFamily(type, kind)?.contentType).toBe(expected);
  });
  it('prefers a type of the other family the device lists', () => {
    expect(otherFamily('text/x-s4j-sifc', 'contact', w910i.get('Contacts'))).toMatchObject({
      contentType: 'text/x-vcard',
      version: '2.1',
    });
    const store: DatastoreInfo = {
      rxPref: { ctType: 'text/x-s4j-sifc' },
      rx: [{ ctType: 'text/vcard', verCT: '3.0' }],
    };
    expect(otherFamily('text/x-s4j-sifc', 'contact', store)).toMatchObject({
      contentType: 'text/vcard',
      version: '3.0',
    });
  });
  it('needs the kind for text/calendar and x-vcalendar, and a known type', () => {
    expect(otherFamily('text/calendar')).toBeUndefined();
    expect(otherFamily('text/x-vcalendar', 'note')).toBeUndefined();
    expect(otherFamily('application/octet-stream')).toBeUndefined();
  });
});
