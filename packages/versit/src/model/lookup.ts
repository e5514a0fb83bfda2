import type { VersitComponent, VersitParam, VersitProperty } from './types.js';

/** First property named `name` (case-insensitive) in a component, or undefined. */
export function findProperty(component: VersitComponent, name: string): VersitProperty | undefined {
  const wanted = name.toUpperCase();
  return component.properties.find((p) => p.name === wanted);
}

/** Every property named `name` (case-insensitive), in input order. */
export function findProperties(component: VersitComponent, name: string): VersitProperty[] {
  const wanted = name.toUpperCase();
  return component.properties.filter((p) => p.name === wanted);
}

/** Every value of every parameter named `name` (case-insensitive), in order. */
export function getParamValues(property: VersitProperty, name: string): string[] {
  const wanted = name.toUpperCase();
  const out: string[] = [];
  for (const param of property.params) if (param.name === wanted) out.push(...param.values);
  return out;
}

/** True when parameter `name` carries `value` (both case-insensitive). */
export function hasParamValue(property: VersitProperty, name: string, value: string): boolean {
  const wanted = value.toUpperCase();
  return getParamValues(property, name).some((v) => v.toUpperCase() === wanted);
}

/**
 * A new property for serializing. `value` is the already-escaped value (see
 * the `text/escape` helpers); names are upper-cased.
 */
export function makeProperty(
  name: string,
  value: string,
  params: ReadonlyArray<VersitParam> = [],
  group?: string,
): VersitProperty {
  const property: VersitProperty = {
    name: name.toUpperCase(),
    params: params.map((p) => ({ name: p.name.toUpperCase(), values: [...p.values] })),
    value,
  };
  if (group !== undefined && group !== '') property.group = group;
  return property;
}
