import {
  decodeBase64,
  encodeBase64,
  getParamValues,
  parseVersitItem,
  splitEscaped,
  splitStructuredLists,
  unescapeText,
  type VersitProperty,
} from '@syncds/versit';
import { parseCalendarDate, parseTimestamp } from '../common/dates.js';
import { sensitivityOfClass } from '../common/enums.js';
import { mediaTypeOfToken, sniffImageType } from '../common/photo.js';
import { contactError } from '../errors.js';
import {
  ADDRESS_PARTS,
  type Contact,
  type ContactAddress,
  type ContactPhoto,
  emptyContact,
  type VCardDetails,
  type VCardExtension,
} from '../model/contact.js';
import {
  DEFAULT_CONTACT_FALLBACK_CHARSET,
  DEFAULT_CONTACT_MAX_FIELDS,
  DEFAULT_CONTACT_MAX_ITEM_BYTES,
  DEFAULT_CONTACT_MAX_LINE_BYTES,
  type ContactParseOptions,
} from '../options.js';
import {
  FUNAMBOL_IM_TYPE,
  IM_SERVICES,
  imProtocolOfProperty,
  phoneKindOf,
  placeKindOf,
} from './type-mapping.js';
import { withVersitErrors } from './versit-errors.js';

type VCardDialect = 'vcard-2.1' | 'vcard-3.0' | 'vcard-4.0';

/** Properties read as plain text into one canonical field (first occurrence; later ones become extensions). */
const TEXT_FIELDS = {
  FN: 'formattedName',
  TITLE: 'title',
  ROLE: 'role',
  NOTE: 'note',
  UID: 'uid',
  'X-SPOUSE': 'spouse',
  'X-FUNAMBOL-CHILDREN': 'children',
  'X-CHILDREN': 'children',
  'X-MANAGER': 'manager',
  'X-EVOLUTION-MANAGER': 'manager',
  'X-ASSISTANT': 'assistant',
  'X-EVOLUTION-ASSISTANT': 'assistant',
} as const satisfies Record<string, keyof Contact>;

type TextField = (typeof TEXT_FIELDS)[keyof typeof TEXT_FIELDS];

/**
 * Parses a vCard 2.1, 3.0 or 4.0 item into the canonical contact. The item's
 * VERSION decides the dialect (2.1 when missing). Properties the model does
 * not know are kept in `extensions` (family `vcard`) with their escaping.
 * Throws ContactCodecError.
 */
export function parseVCard(input: Uint8Array | string, options?: ContactParseOptions): Contact {
  const { component } = withVersitErrors(() =>
    parseVersitItem(input, {
      maxItemBytes: options?.maxItemBytes ?? DEFAULT_CONTACT_MAX_ITEM_BYTES,
      maxLineBytes: options?.maxLineBytes ?? DEFAULT_CONTACT_MAX_LINE_BYTES,
      maxProperties: options?.maxFields ?? DEFAULT_CONTACT_MAX_FIELDS,
      fallbackCharset:
        options?.fallbackCharset === undefined ? DEFAULT_CONTACT_FALLBACK_CHARSET : options.fallbackCharset,
    }),
  );
  if (component.name !== 'VCARD') {
    throw contactError('NOT_A_VCARD', `Expected BEGIN:VCARD, found BEGIN:${component.name}`, {
      offset: component.offset ?? 0,
      line: component.line ?? 1,
    });
  }
  const versionProperty = component.properties.find((p) => p.name === 'VERSION');
  const version = versionProperty?.value.trim() ?? '2.1';
  const dialect: VCardDialect | undefined =
    version === '2.1'
      ? 'vcard-2.1'
      : version === '3.0'
        ? 'vcard-3.0'
        : version === '4.0'
          ? 'vcard-4.0'
          : undefined;
  if (dialect === undefined) {
    throw contactError(
      'UNSUPPORTED_VERSION',
      `Unsupported vCard VERSION "${version}"`,
      locationOf(versionProperty),
    );
  }
  // Nested components (an AGENT card some 2.1 writers embed) are outside the model and dropped.
  const reader = new VCardReader(dialect);
  for (const property of component.properties) reader.read(property);
  return reader.finish();
}

function locationOf(property: VersitProperty | undefined): {
  offset?: number;
  line?: number;
  property?: string;
} {
  if (property === undefined) return {};
  const location: { offset?: number; line?: number; property?: string } = { property: property.name };
  if (property.offset !== undefined) location.offset = property.offset;
  if (property.line !== undefined) location.line = property.line;
  return location;
}

function upperTypes(property: VersitProperty): Set<string> {
  const types = new Set<string>();
  for (const value of getParamValues(property, 'TYPE')) {
    for (const part of value.split(',')) {
      const t = part.trim().toUpperCase();
      if (t !== '') types.add(t);
    }
  }
  return types;
}

function hasPrefParam(property: VersitProperty): boolean {
  return property.params.some((p) => p.name === 'PREF');
}

function setDetails(target: VCardDetails, property: VersitProperty, extraTypes: string[]): void {
  if (property.group !== undefined) target.group = property.group;
  if (extraTypes.length > 0) target.extraTypes = extraTypes;
}

class VCardReader {
  private readonly contact: Contact = emptyContact();
  private readonly dialect: VCardDialect;
  private readonly seen = new Set<string>();
  /** LABEL properties wait until every ADR is read. */
  private readonly labels: VersitProperty[] = [];

  constructor(dialect: VCardDialect) {
    this.dialect = dialect;
    this.contact.source = dialect;
  }

  private text(property: VersitProperty): string {
    return unescapeText(property.value, this.dialect).trim();
  }

  read(property: VersitProperty): void {
    const name = property.name;
    if (name === 'VERSION' || name === 'BEGIN' || name === 'END') return;
    if (property.binary === undefined && this.readKnown(name, property)) return;
    if (name === 'PHOTO' && !this.seen.has('PHOTO')) {
      this.seen.add('PHOTO');
      const photo = this.photo(property);
      if (photo) this.contact.photo = photo;
      return;
    }
    this.extension(property);
  }

  /** Reads a property the model knows; false when it belongs in the extensions. */
  private readKnown(name: string, property: VersitProperty): boolean {
    const c = this.contact;
    if (Object.hasOwn(TEXT_FIELDS, name)) {
      const field: TextField = TEXT_FIELDS[name as keyof typeof TEXT_FIELDS];
      if (this.seen.has(field)) return false;
      this.seen.add(field);
      const text = this.text(property);
      if (text !== '') c[field] = text;
      return true;
    }
    switch (name) {
      case 'N':
        return this.once('N', () => this.name(property));
      case 'NICKNAME':
        return this.once('NICKNAME', () => {
          const items = this.list(property.value);
          if (items.length > 0) c.nickname = items.join(', ');
        });
      case 'ORG':
        return this.once('ORG', () => {
          const [company, department, office] = splitStructuredLists(property.value, this.dialect).map((l) =>
            l.join(', ').trim(),
          );
          if (company) c.organization.company = company;
          if (department) c.organization.department = department;
          if (office) c.organization.officeLocation = office;
        });
      case 'TEL':
        return this.phone(property);
      case 'EMAIL':
        return this.email(property);
      case 'ADR':
        return this.address(property);
      case 'LABEL':
        this.labels.push(property);
        return true;
      case 'URL':
        return this.url(property);
      case 'IMPP':
        return this.impp(property);
      case 'BDAY':
        return this.once('BDAY', () => this.date(property, 'birthday'));
      case 'X-ANNIVERSARY':
      case 'ANNIVERSARY':
        return this.once('ANNIVERSARY', () => this.date(property, 'anniversary'));
      case 'CATEGORIES':
        for (const item of this.list(property.value))
          if (!c.categories.includes(item)) c.categories.push(item);
        return true;
      case 'REV':
        return this.once('REV', () => {
          const text = this.text(property);
          if (text === '') return;
          const revision = parseTimestamp(text);
          if (revision === undefined)
            throw contactError('INVALID_DATE', `Invalid REV "${text}"`, locationOf(property));
          c.revision = revision;
        });
      case 'CLASS': {
        if (this.seen.has('CLASS')) return false;
        const sensitivity = sensitivityOfClass(this.text(property));
        if (sensitivity === undefined) return false;
        this.seen.add('CLASS');
        c.sensitivity = sensitivity;
        return true;
      }
      default: {
        const protocol = imProtocolOfProperty(name);
        if (protocol === undefined) return false;
        const value = this.text(property);
        if (value !== '') {
          const im: Contact['ims'][number] = { value, protocol };
          setDetails(im, property, [...upperTypes(property)]);
          c.ims.push(im);
        }
        return true;
      }
    }
  }

  /** Runs `read` for the first property of a kind; later ones become extensions. */
  private once(key: string, read: () => void): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    read();
    return true;
  }

  /** A list value: `,` separated in every version; vCard 2.1 writers also use `;`. */
  private list(value: string): string[] {
    const parts = splitEscaped(value, ',').flatMap((part) =>
      this.dialect === 'vcard-2.1' ? splitEscaped(part, ';') : [part],
    );
    return parts.map((part) => unescapeText(part, this.dialect).trim()).filter((s) => s !== '');
  }

  private name(property: VersitProperty): void {
    // vCard 3.0/4.0 components may be lists: additional names join with a
    // space, honorifics with a comma ("ing. jr, M.Sc.").
    const joined = splitStructuredLists(property.value, this.dialect).map((list, index) =>
      list
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .join(index >= 3 ? ', ' : ' '),
    );
    const [family, given, middle, prefix, suffix] = joined;
    const n = this.contact.name;
    if (family) n.family = family;
    if (given) n.given = given;
    if (middle) n.middle = middle;
    if (prefix) n.prefix = prefix;
    if (suffix) n.suffix = suffix;
  }

  private phone(property: VersitProperty): boolean {
    let value = this.text(property);
    if (value.toLowerCase().startsWith('tel:')) value = value.slice(4);
    if (value === '') return true;
    const reading = phoneKindOf(upperTypes(property), hasPrefParam(property));
    const phone: Contact['phones'][number] = { kind: reading.kind, value };
    if (reading.preferred) phone.preferred = true;
    setDetails(phone, property, reading.extraTypes);
    this.contact.phones.push(phone);
    return true;
  }

  private email(property: VersitProperty): boolean {
    const types = upperTypes(property);
    const value = this.text(property);
    if (types.has(FUNAMBOL_IM_TYPE)) {
      // Funambol carries the SIF IMAddress as an EMAIL with this type.
      if (value !== '') {
        const im: Contact['ims'][number] = { value };
        setDetails(
          im,
          property,
          [...types].filter((t) => t !== FUNAMBOL_IM_TYPE && t !== 'INTERNET' && t !== 'HOME'),
        );
        this.contact.ims.push(im);
      }
      return true;
    }
    if (value === '') return true;
    const reading = placeKindOf(types, hasPrefParam(property));
    const email: Contact['emails'][number] = { kind: reading.kind, value };
    if (reading.preferred) email.preferred = true;
    setDetails(email, property, reading.extraTypes);
    this.contact.emails.push(email);
    return true;
  }

  private address(property: VersitProperty): boolean {
    const parts = splitStructuredLists(property.value, this.dialect).map((list) =>
      list
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .join('\n'),
    );
    const [poBox, extended, street, city, region, postalCode, country] = parts;
    const reading = placeKindOf(upperTypes(property), hasPrefParam(property));
    const address: ContactAddress = { kind: reading.kind };
    if (poBox) address.poBox = poBox;
    if (extended) address.extended = extended;
    if (street) address.street = street;
    if (city) address.city = city;
    if (region) address.region = region;
    if (postalCode) address.postalCode = postalCode;
    if (country) address.country = country;
    const labelParam = getParamValues(property, 'LABEL')[0];
    if (labelParam) address.label = labelParam.replace(/\\n/gi, '\n');
    if (reading.preferred) address.preferred = true;
    setDetails(address, property, reading.extraTypes);
    if (ADDRESS_PARTS.some((part) => address[part] !== undefined)) this.contact.addresses.push(address);
    return true;
  }

  /** A LABEL goes to the first address of its kind without a label, or becomes a label-only address. */
  private label(property: VersitProperty): void {
    const text = this.text(property);
    if (text === '') return;
    const reading = placeKindOf(upperTypes(property), hasPrefParam(property));
    const target = this.contact.addresses.find((a) => a.kind === reading.kind && a.label === undefined);
    if (target) {
      target.label = text;
      return;
    }
    const address: ContactAddress = { kind: reading.kind, label: text };
    setDetails(address, property, reading.extraTypes);
    this.contact.addresses.push(address);
  }

  private url(property: VersitProperty): boolean {
    const value = this.text(property);
    if (value === '') return true;
    const reading = placeKindOf(upperTypes(property), false);
    const url: Contact['urls'][number] = { kind: reading.kind, value };
    setDetails(
      url,
      property,
      reading.extraTypes.filter((t) => t !== 'PREF'),
    );
    this.contact.urls.push(url);
    return true;
  }

  private impp(property: VersitProperty): boolean {
    const uri = this.text(property);
    if (uri === '') return true;
    const colon = uri.indexOf(':');
    const scheme = colon > 0 ? uri.slice(0, colon).toLowerCase() : '';
    const service = IM_SERVICES.find((s) => s.scheme === scheme);
    const im: Contact['ims'][number] = service
      ? { value: uri.slice(colon + 1), protocol: service.protocol }
      : { value: uri };
    setDetails(im, property, [...upperTypes(property)]);
    this.contact.ims.push(im);
    return true;
  }

  private date(property: VersitProperty, field: 'birthday' | 'anniversary'): void {
    const text = this.text(property);
    if (text === '') return;
    const date = parseCalendarDate(text);
    if (date === undefined) {
      throw contactError('INVALID_DATE', `Invalid ${property.name} "${text}"`, locationOf(property));
    }
    this.contact[field] = date;
  }

  private photo(property: VersitProperty): ContactPhoto | undefined {
    const typeToken = getParamValues(property, 'TYPE')[0];
    const mediaTypeParam = getParamValues(property, 'MEDIATYPE')[0];
    const declared = mediaTypeParam ?? (typeToken ? mediaTypeOfToken(typeToken) : undefined);
    if (property.binary !== undefined) {
      if (property.binary.length === 0) return undefined;
      const mediaType = declared ?? sniffImageType(property.binary);
      return mediaType
        ? { data: encodeBase64(property.binary), mediaType }
        : { data: encodeBase64(property.binary) };
    }
    const value = this.text(property);
    if (value === '') return undefined;
    if (value.toLowerCase().startsWith('data:')) {
      // vCard 4.0 inline photo: data:[<media type>][;base64],<data>
      const comma = value.indexOf(',');
      const meta = comma < 0 ? '' : value.slice(5, comma);
      const bytes = comma < 0 || !/;base64$/i.test(meta) ? undefined : decodeBase64(value.slice(comma + 1));
      if (bytes === undefined)
        throw contactError('INVALID_PHOTO', 'PHOTO data: URI is not base64 data', locationOf(property));
      const mediaType = meta.slice(0, -';base64'.length) || sniffImageType(bytes);
      return mediaType ? { data: encodeBase64(bytes), mediaType } : { data: encodeBase64(bytes) };
    }
    return declared ? { uri: value, mediaType: declared } : { uri: value };
  }

  private extension(property: VersitProperty): void {
    const extension: VCardExtension = {
      family: 'vcard',
      dialect: this.dialect,
      name: property.name,
      params: property.params
        .filter((p) => p.name !== 'ENCODING' && p.name !== 'CHARSET')
        .map((p) => ({ name: p.name, values: [...p.values] })),
      value: property.value,
    };
    if (property.group !== undefined) extension.group = property.group;
    if (property.binary !== undefined) extension.binary = encodeBase64(property.binary);
    this.contact.extensions.push(extension);
  }

  finish(): Contact {
    for (const label of this.labels) this.label(label);
    return this.contact;
  }
}
