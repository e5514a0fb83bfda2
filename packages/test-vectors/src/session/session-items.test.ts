import { describe, expect, it } from 'vitest';
import { sessionItems, sessionMessageFiles } from './session-items.js';

describe('sessionMessageFiles', () => {
  it('lists a side of a session sorted by name, or both sides client first', () => {
    const server = sessionMessageFiles('sync4j_pocketpc_notes', 'server');
    expect(server).toHaveLength(16);
    expect(server[0]).toBe('sessions/sync4j_pocketpc_notes/syncml_server_10.xml');
    expect(server[15]).toBe('sessions/sync4j_pocketpc_notes/syncml_server_43.xml');
    const both = sessionMessageFiles('sync4j_pocketpc_notes');
    expect(both).toEqual([...sessionMessageFiles('sync4j_pocketpc_notes', 'client'), ...server]);
  });
});

describe('sessionItems', () => {
  it('reads the b64 SIF-N items of the sync4j Pocket PC client', () => {
    const items = sessionItems('sync4j_pocketpc_notes', 'client');
    expect(items.map((i) => [i.source, i.command, i.type, i.format, i.moreData])).toEqual([
      ['sync4j_pocketpc_notes/syncml_client_11.xml#0', 'Replace', 'text/x-s4j-sifn', 'b64', false],
      ['sync4j_pocketpc_notes/syncml_client_21.xml#0', 'Add', 'text/x-s4j-sifn', 'b64', false],
      ['sync4j_pocketpc_notes/syncml_client_21.xml#1', 'Add', 'text/x-s4j-sifn', 'b64', false],
    ]);
    const first = new TextDecoder().decode(items[0]!.bytes);
    expect(first.startsWith('<?xml version="1.0" encoding="UTF-8"?><note><Subject>client1</Subject>')).toBe(
      true,
    );
  });

  it('reads the CDATA vCalendar items of the P900 session', () => {
    const items = sessionItems('P900_tasksandcalendar');
    expect(items).toHaveLength(15);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['text/calendar', 'text/x-vcalendar']));
    for (const item of items) {
      expect(item.text.startsWith('BEGIN:VCALENDAR')).toBe(true);
      expect(item.text).not.toContain('CDATA');
    }
  });
});
