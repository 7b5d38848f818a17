import type * as z from 'zod/mini';
import { NOT_BLANK } from './schemas.js';
import { ONE_LINE_TEXT, VISIBLE_TEXT } from '../rules/endpoint.js';
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
  record: 'an object',
  null: 'null',
};

const presenceCodes = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/**
 * What a message names: the property, or the list item and its list, so a caller reading the errors as a
 * list (not beside a form control) knows which input to fix without decoding the pointer.
 */
export function subjectOf(path: readonly (string | number)[], names: Readonly<Record<string, string>> = {}): string {
  const last = path.at(-1);
  if (path.length === 1 && typeof last === 'string' && Object.hasOwn(names, last)) return names[last]!;
  if (last === undefined) return 'The body';
  if (typeof last === 'number') {
    const list = path.at(-2);
    return list === undefined ? `Item ${last + 1}` : `Item ${last + 1} of “${list}”`;
  }
  return `“${last}”`;
}

function describe(issue: Issue, doc: unknown, subject: string): { code: FieldErrorCode; message: string } {
  const required = { code: 'required', message: `${subject} is required.` } as const;
  if (presenceCodes.has(issue.code) && valueAt(doc, issue.path) === undefined) return required;
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'invalid_type', message: `${subject} must be ${typeWords[issue.expected] ?? issue.expected}.` };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? required : { code: 'too_short', message: `${subject} must be at least ${issue.minimum} characters.` };
      }
      return { code: 'too_small', message: `${subject} must be at least ${issue.minimum}.` };
    case 'too_big':
      if (issue.origin === 'string') return { code: 'too_long', message: `${subject} must be at most ${issue.maximum} characters.` };
      if (issue.origin === 'array') return { code: 'too_big', message: `${subject} takes at most ${issue.maximum} items.` };
      return { code: 'too_big', message: `${subject} must be at most ${issue.maximum}.` };
    case 'invalid_value':
      return { code: 'invalid_option', message: `${subject} must be one of: ${issue.values.map(String).join(', ')}.` };
    case 'invalid_format':
      if (issue.format === 'regex' && (issue.pattern === String(NOT_BLANK) || issue.pattern === String(VISIBLE_TEXT))) return required;
      if (issue.format === 'regex' && issue.pattern === String(ONE_LINE_TEXT)) {
        return { code: 'invalid_format', message: `${subject} must be one line of visible text: no line breaks, tabs, or invisible direction or spacing characters.` };
      }
      return { code: 'invalid_format', message: `${subject} has the wrong format.` };
    case 'invalid_key':
      return { code: 'invalid', message: `${subject} is not a valid key: use letters, digits and _ only.` };
    case 'invalid_union':
      return { code: 'invalid_type', message: `${subject} has the wrong type.` };
    default:
      return { code: 'invalid', message: issue.message ? `${subject}: ${issue.message}` : `${subject} is not valid.` };
  }
}

/**
 * Turns zod issues into field errors with JSON Pointers into `doc` and plain messages; `names` words a
 * top-level property as the caller knows it (a secret's label for `value`), not by its key.
 */
export function issuesToFieldErrors(issues: readonly Issue[], doc: unknown, names?: Readonly<Record<string, string>>): FieldError[] {
  const out: FieldError[] = [];
  // Two checks can fail alike ('' is both too short and blank): one error says it. A set, as a body may hold
  // thousands of unknown keys.
  const said = new Set<string>();
  const add = (at: string, code: FieldErrorCode, message: string) => {
    if (said.has(`${code} ${at}`)) return;
    said.add(`${code} ${at}`);
    out.push(fieldError(at, code, message));
  };
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p.description) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(pointer(...path, key), 'unknown_field', `Unknown field “${key}”.`);
      continue;
    }
    const { code, message } = describe(issue, doc, subjectOf(path, names));
    add(pointer(...path), code, message);
  }
  return out;
}

/** Parses untrusted input with a schema, answering field errors (worded with `names`, as `issuesToFieldErrors`) instead of throwing. */
export function parseWithPointers<S extends z.ZodMiniType>(schema: S, doc: unknown, names?: Readonly<Record<string, string>>): ParseResult<z.output<S>> {
  const result = schema.safeParse(doc);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: issuesToFieldErrors(result.error.issues, doc, names) };
}
