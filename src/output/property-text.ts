/**
 * The text of a property as panc's `Property.toString()` gives it, shared by the profile
 * formats: longs in decimal, doubles in Java form, booleans as `true`/`false`, strings as is.
 */
import { formatDouble, type Value } from '../pan/element.js';

/** Java text of a property value; undef and null never reach a finished profile. */
export function propertyText(value: Value): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'bigint':
      return value.toString();
    case 'number':
      return formatDouble(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      throw new TypeError(`a finished profile holds no ${value === null ? 'null' : 'undef'} value`);
  }
}
