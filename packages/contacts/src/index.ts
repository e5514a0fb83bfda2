export { parseContact, serializeContact } from './codec.js';
export { baseContentType, CONTACT_CONTENT_TYPES, contactFormatOf, contentTypeOf } from './content-types.js';
export {
  CONTACT_ERROR_STATUS,
  ContactCodecError,
  type ContactErrorCode,
  type ContactErrorLocation,
} from './errors.js';
export {
  CONTACT_FIELDS,
  CONTACT_SCALAR_FIELDS,
  contactFieldsForContentType,
  fieldsFromCtCap,
  SIFC_ELEMENT_FIELDS,
  VCARD_PROPERTY_FIELDS,
} from './merge/fields.js';
export { mergeContact } from './merge/merge-contact.js';
export { contactFieldsPresent } from './merge/present-fields.js';
export {
  ADDRESS_PARTS,
  type Contact,
  type ContactAddress,
  type ContactAddressParts,
  type ContactEmail,
  type ContactExtension,
  type ContactFormat,
  type ContactFormatFamily,
  type ContactIm,
  type ContactImportance,
  type ContactName,
  type ContactOrganization,
  type ContactPhone,
  type ContactPhoto,
  type ContactSensitivity,
  type ContactUrl,
  emptyContact,
  PHONE_KINDS,
  PLACE_KINDS,
  type PhoneKind,
  type PlaceKind,
  type SifExtension,
  type VCardDetails,
  type VCardExtension,
} from './model/contact.js';
export {
  type ContactParseOptions,
  type ContactSerializeOptions,
  DEFAULT_CONTACT_FALLBACK_CHARSET,
  DEFAULT_CONTACT_MAX_FIELDS,
  DEFAULT_CONTACT_MAX_ITEM_BYTES,
  DEFAULT_CONTACT_MAX_LINE_BYTES,
  type SifWriteOptions,
  type VCardWriteOptions,
} from './options.js';
export { parseSifC } from './sifc/read-sifc.js';
export { toSifC } from './sifc/write-sifc.js';
export { parseVCard } from './vcard/read-vcard.js';
export { toVCard, type VCardVersion } from './vcard/write-vcard.js';
