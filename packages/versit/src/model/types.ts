/** One parameter of a property: `TYPE=HOME,WORK` is `{ name: 'TYPE', values: ['HOME', 'WORK'] }`. */
export interface VersitParam {
  /** Upper-cased name. vCard 2.1 bare parameters (`TEL;HOME:`) get the name they stand for (`TYPE`). */
  name: string;
  /** Values as written (case kept, quotes removed), split at unquoted commas. */
  values: string[];
}

/** One content line: `[group.]NAME[;params]:value`. */
export interface VersitProperty {
  /** Group prefix (`item1` of `item1.TEL`), case kept. */
  group?: string;
  /** Upper-cased property name. */
  name: string;
  /** Parameters in input order. ENCODING and CHARSET are transfer details: the serializer recomputes them. */
  params: VersitParam[];
  /**
   * The value after transfer decoding (QUOTED-PRINTABLE, charset) with the
   * format's escapes still in place: use the `text/escape` helpers to read
   * text, structured and list values. Empty when `binary` is set.
   */
  value: string;
  /** Decoded bytes of a BASE64 / `ENCODING=b` value. */
  binary?: Uint8Array;
  /** 1-based line where the property starts in the parsed input. */
  line?: number;
  /** Byte offset where the property starts in the parsed input. */
  offset?: number;
}

/** A BEGIN/END block: its properties in order and its nested blocks in order. */
export interface VersitComponent {
  /** Upper-cased component name (`VCARD`, `VCALENDAR`, `VEVENT`...). */
  name: string;
  properties: VersitProperty[];
  components: VersitComponent[];
  line?: number;
  offset?: number;
}
