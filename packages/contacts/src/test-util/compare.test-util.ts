import { type Contact, emptyContact, PHONE_KINDS, PLACE_KINDS } from '../model/contact.js';

/** Stable sort by kind: SIF-C has one element per kind and slot, so only the order within a kind survives. */
function byKind<T extends { kind: string }>(items: readonly T[], kinds: readonly string[]): T[] {
  return [...items].sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
}

/**
 * The fields both vCard and SIF-C hold, as the cross-format tests compare
 * them: name parts, display name (FN / FileAs), nickname, organization, job
 * title, role, phones (kind + number, in kind order), e-mails, URLs, addresses (kind + every
 * part), IM addresses, birthday, anniversary, note, categories, photo,
 * UID, revision, spouse, children, manager, assistant, sensitivity.
 * Not compared: vCard-only details (groups, extra TYPE values, PREF) and
 * importance (no vCard property).
 */
export function crossFormatFields(c: Contact): Record<string, unknown> {
  return {
    name: c.name,
    displayName: c.fileAs ?? c.formattedName,
    nickname: c.nickname,
    organization: c.organization,
    title: c.title,
    role: c.role,
    phones: byKind(c.phones, PHONE_KINDS).map((p) => `${p.kind}:${p.value}`),
    emails: byKind(c.emails, PLACE_KINDS).map((e) => `${e.kind}:${e.value}`),
    urls: byKind(c.urls, PLACE_KINDS).map((u) => `${u.kind}:${u.value}`),
    addresses: byKind(c.addresses, PLACE_KINDS).map((a) => ({
      kind: a.kind,
      poBox: a.poBox,
      extended: a.extended,
      street: a.street,
      city: a.city,
      region: a.region,
      postalCode: a.postalCode,
      country: a.country,
      label: a.label,
    })),
    ims: c.ims.map((i) => i.value),
    birthday: c.birthday,
    anniversary: c.anniversary,
    note: c.note,
    categories: c.categories,
    photo: c.photo,
    uid: c.uid,
    revision: c.revision,
    spouse: c.spouse,
    children: c.children,
    manager: c.manager,
    assistant: c.assistant,
    sensitivity: c.sensitivity,
  };
}

/** The field names `crossFormatFields` lists, for test titles and reports. */
export const CROSS_FORMAT_FIELD_NAMES: readonly string[] = Object.keys(crossFormatFields(emptyContact()));
