import type { Contact, ContactName, ContactOrganization } from './contact.js';

/** A text field of the contact addressed by a dotted path (`name.given`, `title`...). */
export type TextPath =
  | `name.${keyof ContactName}`
  | `organization.${keyof ContactOrganization}`
  | 'formattedName'
  | 'fileAs'
  | 'nickname'
  | 'title'
  | 'role'
  | 'note'
  | 'uid'
  | 'spouse'
  | 'children'
  | 'manager'
  | 'assistant';

type TopLevelText = Exclude<TextPath, `name.${string}` | `organization.${string}`>;

/** The value at a text path, or undefined. */
export function getText(contact: Contact, path: TextPath): string | undefined {
  if (path.startsWith('name.')) return contact.name[path.slice(5) as keyof ContactName];
  if (path.startsWith('organization.'))
    return contact.organization[path.slice(13) as keyof ContactOrganization];
  return contact[path as TopLevelText];
}

/** Sets (non-empty value) or removes (undefined or empty) the value at a text path. */
export function setText(contact: Contact, path: TextPath, value: string | undefined): void {
  let target: Record<string, string | undefined>;
  let key: string;
  if (path.startsWith('name.')) {
    target = contact.name as Record<string, string | undefined>;
    key = path.slice(5);
  } else if (path.startsWith('organization.')) {
    target = contact.organization as Record<string, string | undefined>;
    key = path.slice(13);
  } else {
    target = contact as unknown as Record<string, string | undefined>;
    key = path;
  }
  if (value === undefined || value === '') delete target[key];
  else target[key] = value;
}
