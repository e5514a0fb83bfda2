import type { GeneratedItem } from './generated-item.js';
import { PEOPLE, NOTE_LINES } from './sample-data.js';
import { email, escapeText, fold, lines, pad2, phone } from './versit-text.js';

/** vCard 3.0 as Evolution / Apple Address Book / Horde send it. */
export function vcard30(i: number, next: () => number): GeneratedItem {
  const p = PEOPLE[i % PEOPLE.length]!;
  const year = 1950 + Math.floor(next() * 50);
  return {
    contentType: 'text/vcard',
    text: lines(
      'BEGIN:VCARD',
      'VERSION:3.0',
      `N:${escapeText(p.family)};${escapeText(p.given)};;;`,
      `FN:${escapeText(`${p.given} ${p.family}`)}`,
      `ORG:${escapeText(p.company)};${escapeText(p.department)}`,
      `TITLE:${escapeText(p.title)}`,
      `TEL;TYPE=WORK,VOICE:${phone(p, next)}`,
      `TEL;TYPE=CELL:${phone(p, next)}`,
      i % 2 === 0 ? `TEL;TYPE=HOME,VOICE:${phone(p, next)}` : '',
      `EMAIL;TYPE=INTERNET,WORK:${email(p, 'example.com')}`,
      i % 3 === 0 ? `EMAIL;TYPE=INTERNET,HOME:${email(p, 'example.org')}` : '',
      fold(
        `ADR;TYPE=WORK:;;${escapeText(p.street)};${escapeText(p.city)};${escapeText(p.region)};${p.postalCode};${escapeText(p.country)}`,
      ),
      `URL;TYPE=WORK:https://www.example.com/people/${i}`,
      `BDAY:${year}-${pad2(1 + (i % 12))}-${pad2(1 + ((i * 7) % 28))}`,
      fold(
        `NOTE:${escapeText(`${NOTE_LINES[i % NOTE_LINES.length]}\n${NOTE_LINES[(i + 2) % NOTE_LINES.length]}`)}`,
      ),
      `CATEGORIES:${i % 2 === 0 ? 'Business,VIP' : 'Personal'}`,
      `UID:${(0x5f3a_0000 + i * 7919).toString(16)}-vcard30@example.com`,
      `REV:2008-12-${pad2(1 + i)}T10:${pad2(i * 7)}:00Z`,
      'END:VCARD',
    ),
  };
}

/** vCard 4.0 (RFC 6350) as CardDAV-era clients write it. */
export function vcard40(i: number, next: () => number): GeneratedItem {
  const p = PEOPLE[i % PEOPLE.length]!;
  const year = 1950 + Math.floor(next() * 50);
  return {
    contentType: 'text/vcard',
    text: lines(
      'BEGIN:VCARD',
      'VERSION:4.0',
      'KIND:individual',
      `FN:${escapeText(`${p.given} ${p.family}`)}`,
      `N:${escapeText(p.family)};${escapeText(p.given)};;;`,
      `ORG:${escapeText(p.company)};${escapeText(p.department)}`,
      `TITLE:${escapeText(p.title)}`,
      `TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:${phone(p, next).replace(/ /g, '-')}`,
      `TEL;VALUE=uri;TYPE=cell:tel:${phone(p, next).replace(/ /g, '-')}`,
      `EMAIL;TYPE=work:${email(p, 'example.com')}`,
      fold(
        `ADR;TYPE=work:;;${escapeText(p.street)};${escapeText(p.city)};${escapeText(p.region)};${p.postalCode};${escapeText(p.country)}`,
      ),
      `BDAY:${year}${pad2(1 + (i % 12))}${pad2(1 + ((i * 7) % 28))}`,
      i % 2 === 0 ? `ANNIVERSARY:${year + 25}0615` : '',
      fold(`NOTE:${escapeText(NOTE_LINES[i % NOTE_LINES.length]!)}`),
      `CATEGORIES:${i % 2 === 0 ? 'work,vip' : 'friends'}`,
      `UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff${String(100 + i)}`,
      `REV:200812${pad2(1 + i)}T101500Z`,
      'END:VCARD',
    ),
  };
}
