import type * as z from 'zod/mini';
import { NOT_BLANK } from './schemas.js';
import { fieldError, pointer, type FieldError, type FieldErrorCode } from '../problem.js';

type Issue = z.core.$ZodIssue;

/** The outcome of parsing an untrusted document. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = doc;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

const presenceCodes = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

function describe(issue: Issue, doc: unknown): { code: FieldErrorCode; message: string } {
  if (presenceCodes.has(issue.code) && valueAt(doc, issue.path) === undefined) return { code: 'required', message: 'Required.' };
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'invalid_type', message: `Must be ${typeWords[issue.expected] ?? issue.expected}.` };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { code: 'required', message: 'Required.' }
          : { code: 'too_short', message: `Must be at least ${issue.minimum} characters.` };
      }
      return { code: 'too_small', message: `Must be at least ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too_long', message: `Must be at most ${issue.maximum} characters.` };
      if (issue.origin === 'array') return { code: 'too_big', message: `At most ${issue.maximum} items.` };
      return { code: 'too_big', message: `Must be at most ${issue.maximum}.` };
    case 'invalid_value':
      return { code: 'invalid_option', message: `Must be one of: ${issue.values.map(String).join(', ')}.` };
    case 'invalid_format':
      if (issue.format === 'regex' && issue.pattern === String(NOT_BLANK)) return { code: 'required', message: 'Required.' };
      return { code: 'invalid_format', message: 'Has the wrong format.' };
    case 'invalid_key':
      return { code: 'invalid', message: 'Keys must be identifiers (letters, digits and _).' };
    case 'invalid_union':
      return { code: 'invalid_type', message: 'Has the wrong type.' };
    default:
      return { code: 'invalid', message: issue.message || 'Is not valid.' };
  }
}

/** Turns zod issues into field errors with JSON Pointers into `doc` and plain messages. */
export function issuesToFieldErrors(issues: readonly Issue[], doc: unknown): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p.description) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(fieldError(pointer(...path, key), 'unknown_field', `Unknown field “${key}”.`));
      continue;
    }
    const { code, message } = describe(issue, doc);
    out.push(fieldError(pointer(...path), code, message));
  }
  return out;
}

/** Parses untrusted input with a schema, answering field errors instead of throwing. */
export function parseWithPointers<S extends z.ZodMiniType>(schema: S, doc: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(doc);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues, doc) };
}
