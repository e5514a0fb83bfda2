import { describe, expect, it } from 'vitest';
import { dialectOf, isLegacyDialect, VERSIT_DIALECTS } from './dialect.js';
import { findProperties, getParamValues, hasParamValue, makeProperty } from './model/lookup.js';
import { detectDialect } from './parse/detect.js';

describe('dialects', () => {
  it('maps component name and VERSION to a dialect', () => {
    expect(dialectOf('vcard', '2.1')).toBe('vcard-2.1');
    expect(dialectOf('VCARD', undefined)).toBe('vcard-2.1');
    expect(dialectOf('VCARD', '3.0')).toBe('vcard-3.0');
    expect(dialectOf('VCARD', ' 4.0 ')).toBe('vcard-4.0');
    expect(dialectOf('VCARD', '5.0')).toBeUndefined();
    expect(dialectOf('VCALENDAR', '1.0')).toBe('vcalendar-1.0');
    expect(dialectOf('VCALENDAR', '2.0')).toBe('icalendar-2.0');
    expect(dialectOf('VNOTE', '1.1')).toBe('vnote-1.1');
    expect(dialectOf('VEVENT', '2.0')).toBeUndefined();
  });

  it('tells legacy dialects from RFC ones', () => {
    expect(VERSIT_DIALECTS.filter(isLegacyDialect)).toEqual(['vcard-2.1', 'vcalendar-1.0', 'vnote-1.1']);
  });

  it('detects the dialect from the first BEGIN and VERSION lines, before any unfolding', () => {
    expect(
      detectDialect('BEGIN:VCALENDAR\r\nVERSION:1.0\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'),
    ).toBe('vcalendar-1.0');
    expect(detectDialect(new TextEncoder().encode('begin:vcard\nN:x\nversion:3.0\nend:vcard\n'))).toBe(
      'vcard-3.0',
    );
    expect(detectDialect('BEGIN:VNOTE\nBODY:x\nEND:VNOTE')).toBe('vnote-1.1');
    expect(detectDialect('N:no component')).toBeUndefined();
  });
});

describe('property lookup', () => {
  const tel = makeProperty('tel', '1', [
    { name: 'type', values: ['home'] },
    { name: 'TYPE', values: ['VOICE', 'pref'] },
  ]);

  it('collects parameter values across repeated parameters and compares case-insensitively', () => {
    expect(tel).toEqual({
      name: 'TEL',
      params: [
        { name: 'TYPE', values: ['home'] },
        { name: 'TYPE', values: ['VOICE', 'pref'] },
      ],
      value: '1',
    });
    expect(getParamValues(tel, 'Type')).toEqual(['home', 'VOICE', 'pref']);
    expect(hasParamValue(tel, 'type', 'PREF')).toBe(true);
    expect(hasParamValue(tel, 'type', 'cell')).toBe(false);
    expect(makeProperty('TEL', '2', [], 'item1').group).toBe('item1');
  });

  it('finds every property of a name', () => {
    const component = {
      name: 'VCARD',
      properties: [tel, makeProperty('N', 'x'), makeProperty('TEL', '2')],
      components: [],
    };
    expect(findProperties(component, 'tel').map((p) => p.value)).toEqual(['1', '2']);
  });
});
