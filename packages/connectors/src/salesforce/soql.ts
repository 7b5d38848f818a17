import { ConnectorError } from '../errors.js';

/**
 * Escapes a value for a SOQL string literal: backslash and single quote first (so an attacker's quote can
 * never close the literal), then the control characters SOQL knows.
 */
export function escapeSoqlString(value: string): string {
  return value.replace(/[\\'"\n\r\t\b\f]/g, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      default:
        return `\\${c}`;
    }
  });
}

/** A quoted SOQL string literal. */
export function soqlString(value: string): string {
  return `'${escapeSoqlString(value)}'`;
}

/** A SOQL datetime literal (unquoted, UTC, whole seconds: fractions are cut off). */
export function soqlDateTime(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new ConnectorError('invalid', 'The time to list changes since is not a valid date.');
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]{0,79}(?:\.[A-Za-z][A-Za-z0-9_]{0,79}){0,4}$/;

/** Checks an object or field name (identifiers cannot be escaped, only refused). */
export function soqlName(name: string): string {
  if (!IDENTIFIER.test(name)) throw new ConnectorError('invalid', `“${name}” is not a Salesforce API name.`);
  return name;
}

/** A record id of 15 or 18 letters and digits. */
export function soqlId(id: string): string {
  if (!/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/.test(id)) throw new ConnectorError('invalid', `“${id}” is not a Salesforce record id.`);
  return `'${id}'`;
}
