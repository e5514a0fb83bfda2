import { decodeBase64, encodeBase64, makeProperty, type VersitProperty } from '@syncds/versit';
import type { VersitPropertyExtension } from '../model/types.js';

// ENCODING and CHARSET describe the transfer, which the serializer redoes.
const TRANSFER_PARAMS: ReadonlySet<string> = new Set(['ENCODING', 'CHARSET']);

/** Keeps a property the model does not know, tagged with its format and place. */
export function propertyExtension(
  property: VersitProperty,
  format: 'vcalendar' | 'icalendar',
  scope: 'calendar' | 'component',
): VersitPropertyExtension {
  const ext: VersitPropertyExtension = {
    type: 'property',
    format,
    scope,
    name: property.name,
    params: property.params
      .filter((p) => !TRANSFER_PARAMS.has(p.name))
      .map((p) => ({ name: p.name, values: [...p.values] })),
    value: property.value,
  };
  if (property.group !== undefined) ext.group = property.group;
  if (property.binary !== undefined) ext.binary = encodeBase64(property.binary);
  return ext;
}

/** The property an extension stands for, ready to serialize. */
export function extensionProperty(ext: VersitPropertyExtension): VersitProperty {
  const property = makeProperty(ext.name, ext.value, ext.params, ext.group);
  if (ext.binary !== undefined) {
    const bytes = decodeBase64(ext.binary);
    if (bytes !== undefined) property.binary = bytes;
  }
  return property;
}
