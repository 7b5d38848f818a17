import { normalizeEndpointName } from '../rules/endpoint.js';

/**
 * Names compare as they look: without case, repeated space, invisible joiners and variation selectors, or
 * Unicode's alternative spellings (NFKC), so "Orders", " orders", "Orders\uFE0F", "Order  feed" and
 * "Order feed", and "Café" typed either way, collide. Case is Unicode's full case folding, as lower-casing
 * alone is not: "STRASSE" and "straße", "ΟΔΟΣ" and "οδοσ" collide too. Decomposed first and composed after,
 * as Unicode's canonical caseless match does, so marks typed in another order still match. Dotless ı folds
 * to itself, as Unicode folds it outside Turkish: "sıkı" and "siki" are other words.
 *
 * The server stores this key (`name_key`, unique per tenant): a change here needs a migration that brings
 * the stored keys along (packages/server/src/migrations.ts, version 3). Only the server compares names, so
 * this lives in the `/validation` entry, out of the widgets' main entry.
 */
export function endpointNameKey(name: string): string {
  return normalizeEndpointName(name.normalize('NFKC').replace(/\p{Default_Ignorable_Code_Point}/gu, ''))
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^ı]/gu, (c) => c.toUpperCase().toLowerCase())
    .normalize('NFC');
}
