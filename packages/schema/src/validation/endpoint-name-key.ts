import { normalizeEndpointName } from '../rules/endpoint.js';

/**
 * Names compare as they look: without case, repeated space, invisible joiners and variation selectors, or
 * Unicode's alternative spellings (NFKC), so "Orders", " orders", "Orders\uFE0F", "Order  feed" and
 * "Order feed", and "Café" typed either way, collide. Only the server compares names, so this lives in the
 * `/validation` entry, out of the widgets' main entry.
 */
export function endpointNameKey(name: string): string {
  return normalizeEndpointName(name.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, '')).toLocaleLowerCase('en');
}
