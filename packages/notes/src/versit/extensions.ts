import {
  decodeBase64,
  encodeBase64,
  escapeText,
  splitEscaped,
  unescapeText,
  type VersitComponent,
  type VersitDialect,
  type VersitProperty,
} from '@syncds/versit';
import type {
  ExtensionComponent,
  ExtensionProperty,
  VersitComponentExtension,
  VersitPropertyExtension,
} from '../model/note.js';

/** Plain copy of a parsed property (no positions; bytes as base64). */
export function plainProperty(property: VersitProperty): ExtensionProperty {
  const out: ExtensionProperty = {
    name: property.name,
    params: property.params.map((p) => ({ name: p.name, values: [...p.values] })),
    value: property.binary === undefined ? property.value : encodeBase64(property.binary),
  };
  if (property.group !== undefined) out.group = property.group;
  if (property.binary !== undefined) out.base64 = true;
  return out;
}

/** Plain copy of a parsed component and everything inside it (explicit stack: no recursion on input nesting). */
export function plainComponent(component: VersitComponent): ExtensionComponent {
  const root: ExtensionComponent = { name: component.name, properties: [], components: [] };
  const work: Array<[VersitComponent, ExtensionComponent]> = [[component, root]];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const [source, target] = item;
    target.properties = source.properties.map(plainProperty);
    for (const child of source.components) {
      const copy: ExtensionComponent = { name: child.name, properties: [], components: [] };
      target.components.push(copy);
      work.push([child, copy]);
    }
  }
  return root;
}

export function propertyExtension(
  property: VersitProperty,
  dialect: VersitDialect,
  scope: 'item' | 'calendar',
): VersitPropertyExtension {
  return { family: 'versit', scope, dialect, ...plainProperty(property) };
}

export function componentExtension(
  component: VersitComponent,
  dialect: VersitDialect,
  scope: 'item' | 'calendar',
): VersitComponentExtension {
  return { family: 'versit', scope, dialect, component: plainComponent(component) };
}

/**
 * A value escaped for `from` rewritten for `to`: split at unescaped `;`
 * (structure kept), each part unescaped and escaped again.
 */
function convertEscapes(value: string, from: string, to: VersitDialect): string {
  if (from === to) return value;
  return splitEscaped(value, ';')
    .map((part) => escapeText(unescapeText(part, from as VersitDialect), to))
    .join(';');
}

/** A kept property back as a Versit property of `dialect`. */
export function extensionProperty(
  property: ExtensionProperty,
  from: string,
  dialect: VersitDialect,
): VersitProperty {
  const out: VersitProperty = {
    name: property.name,
    params: property.params.map((p) => ({ name: p.name, values: [...p.values] })),
    value: '',
  };
  if (property.group !== undefined) out.group = property.group;
  if (property.base64) out.binary = decodeBase64(property.value) ?? new Uint8Array(0);
  else out.value = convertEscapes(property.value, from, dialect);
  return out;
}

/** A kept component back as a Versit component of `dialect`. */
export function extensionComponent(
  component: ExtensionComponent,
  from: string,
  dialect: VersitDialect,
): VersitComponent {
  const root: VersitComponent = { name: component.name, properties: [], components: [] };
  const work: Array<[ExtensionComponent, VersitComponent]> = [[component, root]];
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    const [source, target] = item;
    target.properties = source.properties.map((p) => extensionProperty(p, from, dialect));
    for (const child of source.components) {
      const copy: VersitComponent = { name: child.name, properties: [], components: [] };
      target.components.push(copy);
      work.push([child, copy]);
    }
  }
  return root;
}
