// Sample data the generators draw on: names, subjects and lines of text in several scripts.

/** A contact's data, also used for event locations. */
export interface Person {
  readonly given: string;
  readonly family: string;
  readonly company: string;
  readonly department: string;
  readonly title: string;
  readonly street: string;
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
  readonly phoneCountry: string;
}

/** Names with the characters devices get wrong (umlauts, accents, an apostrophe, CJK). */
export const PEOPLE: readonly Person[] = [
  {
    given: 'Jürgen',
    family: 'Weiß',
    company: 'Müller & Söhne GmbH',
    department: 'Einkauf',
    title: 'Leiter Einkauf',
    street: 'Königsallee 12',
    city: 'Düsseldorf',
    region: 'NRW',
    postalCode: '40212',
    country: 'Deutschland',
    phoneCountry: '+49',
  },
  {
    given: 'Amélie',
    family: "O'Connor",
    company: 'Société Générale de Logiciels',
    department: 'R&D',
    title: 'Ingénieure',
    street: '8 rue de la Paix',
    city: 'Paris',
    region: 'Île-de-France',
    postalCode: '75002',
    country: 'France',
    phoneCountry: '+33',
  },
  {
    given: 'Masa’aki',
    family: 'Amemiya',
    company: '株式会社サンプル',
    department: 'Sales',
    title: 'Manager',
    street: '1-1 Kasumigaseki',
    city: 'Chiyoda-ku',
    region: 'Tokyo',
    postalCode: '100-0013',
    country: 'Japan',
    phoneCountry: '+81',
  },
  {
    given: 'Karen',
    family: 'Anderson',
    company: 'Northwind Traders',
    department: 'Field Service',
    title: 'Technician',
    street: '4567 Main St, Suite 200',
    city: 'Buffalo',
    region: 'NY',
    postalCode: '98052',
    country: 'USA',
    phoneCountry: '+1',
  },
  {
    given: 'Lars',
    family: 'Østergaard',
    company: 'Fjord Shipping A/S',
    department: 'Operations',
    title: 'Dispatcher',
    street: 'Havnegade 3',
    city: 'København',
    region: '',
    postalCode: '1058',
    country: 'Danmark',
    phoneCountry: '+45',
  },
  {
    given: 'Zofia',
    family: 'Wójcik',
    company: 'Kraków Consulting sp. z o.o.',
    department: 'Audit',
    title: 'Senior Auditor',
    street: 'ul. Floriańska 22',
    city: 'Kraków',
    region: 'Małopolskie',
    postalCode: '31-021',
    country: 'Polska',
    phoneCountry: '+48',
  },
];

export const SUBJECTS: readonly string[] = [
  'Quarterly review',
  'Réunion d’équipe',
  'Dentist; bring the X-rays',
  'Call with Tokyo office',
  'Release planning, sprint 12',
  'Übergabe Projekt Nord',
];

export const NOTE_LINES: readonly string[] = [
  'Agenda: budget, hiring, the new office.',
  'Bring the signed contract (3 copies).',
  'Parking is behind the building; gate code 4711.',
  'Ask about the € invoice from March.',
  'Follow up by e-mail, not phone.',
  'Room 2.14, second floor — next to the kitchen.',
];
