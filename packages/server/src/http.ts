import type { Context } from 'hono';
import { fieldError, pointer, type FieldError } from '@memberpulse/integration-schema';
import { subjectOf } from '@memberpulse/integration-schema/validation';
import { duplicateKeys } from './duplicate-keys.js';
import { ProblemError, unprocessable } from './problem.js';

/** Largest accepted request body. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Deepest accepted JSON nesting (objects and arrays). */
export const MAX_JSON_DEPTH = 32;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A problem about the body as a whole: its field error points at the document root (`""`). */
function bodyProblem(status: number, detail: string): ProblemError {
  // A refused oversized body is left unread: closing the connection keeps the client from sending its next
  // request after the rest of this one.
  const headers: Record<string, string> = status === 413 ? { Connection: 'close' } : {};
  return new ProblemError(status, detail, { errors: [fieldError('', status === 413 ? 'too_big' : 'invalid', detail)], headers });
}

/**
 * The body stopped arriving: the client closed the connection, or Node's HTTP parser refused the rest of
 * the request (and answered it itself). Not an error of the server: the access log names what happened.
 */
export class BodyNotReceivedError extends Error {
  override name = 'BodyNotReceivedError';
  constructor(cause: unknown) {
    super('The request body did not arrive in full.', { cause });
  }
}

/** Reads the raw body as UTF-8 text, refusing more than `MAX_BODY_BYTES` (413) and invalid UTF-8 (400). */
export async function readText(c: Context): Promise<string> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) {
    throw bodyProblem(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  }
  const stream = c.req.raw.body;
  if (!stream) return '';
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (err) {
      throw new BodyNotReceivedError(err);
    }
    const { done, value } = next;
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw bodyProblem(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const ch of chunks) {
    bytes.set(ch, at);
    at += ch.byteLength;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw bodyProblem(400, 'The body is not valid UTF-8.');
  }
}

/**
 * Walks a parsed JSON value (iteratively, so a hostile document cannot overflow the stack): its deepest
 * nesting, the pointers of every `__proto__` key, and of every text (value or key) that cannot be stored,
 * with what a message names it by (the schema's parse errors' `subjectOf`: “key”, or Item 2 of “key”).
 * `__proto__` is never a field of ours, and some parsers downstream drop it silently instead of reporting
 * it. Postgres refuses a NUL character in text and JSON, and a lone UTF-16 surrogate (valid in a JSON
 * escape, not in Unicode) would be stored as a replacement character. Both are refused here, for every route.
 */
export function inspectJson(value: unknown): { depth: number; protoKeys: string[]; unstorable: Array<{ at: string; subject: string }> } {
  let depth = 0;
  const protoKeys: string[] = [];
  const unstorable: Array<{ at: string; subject: string }> = [];
  const stack: Array<[unknown, number, Array<string | number>]> = [[value, 1, []]];
  while (stack.length) {
    const [v, d, path] = stack.pop()!;
    if (typeof v === 'string' && UNSTORABLE.test(v)) unstorable.push({ at: pointer(...path), subject: subjectOf(path) });
    if (v === null || typeof v !== 'object') continue;
    if (d > depth) depth = d;
    if (d > MAX_JSON_DEPTH) break;
    if (Array.isArray(v)) v.forEach((child, i) => stack.push([child, d + 1, [...path, i]]));
    else {
      for (const key of Object.keys(v)) {
        const here = [...path, key];
        if (key === '__proto__') protoKeys.push(pointer(...here));
        // The key itself is not quoted: it holds the character.
        if (UNSTORABLE.test(key)) unstorable.push({ at: pointer(...here), subject: 'A field name' });
        stack.push([(v as Record<string, unknown>)[key], d + 1, here]);
      }
    }
  }
  return { depth, protoKeys, unstorable };
}

/** A NUL, or a UTF-16 surrogate not in a pair (in `u` mode a proper pair is one code point, not `Cs`). */
export const UNSTORABLE = /[\0\p{Cs}]/u;

/**
 * Reads and parses a JSON object body. 415 for a non-JSON media type, 400 for broken JSON, too deep
 * nesting or a non-object; `optional` bodies may be empty (answers `undefined`). The raw text is kept on
 * the context for the idempotency fingerprint. What no route can take in a well-formed document (a name
 * given twice in one object, a `__proto__` key, text Postgres cannot store) comes back as `contentErrors`,
 * with pointers, for the route to answer: a write refuses it with 422 (`readJson`), validate lists it among
 * its other errors.
 */
export async function readJsonDocument(c: Context, optional = false): Promise<{ doc: Record<string, unknown>; contentErrors: FieldError[] } | undefined> {
  const text = await readText(c);
  c.set('rawBody', text);
  if (text.trim() === '') {
    if (optional) return undefined;
    throw bodyProblem(400, 'A JSON object body is required.');
  }
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!/^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/.test(type)) {
    throw bodyProblem(415, 'Send the body as application/json.');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw bodyProblem(400, 'The body is not valid JSON.');
  }
  const { depth, protoKeys, unstorable } = inspectJson(doc);
  if (depth > MAX_JSON_DEPTH) throw bodyProblem(400, `The body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw bodyProblem(400, 'The body must be a JSON object.');
  const contentErrors = [
    ...duplicateKeys(text).map((d) => fieldError(d.pointer, 'duplicate', `“${d.name}” is given more than once; send it once.`)),
    ...protoKeys.map((p) => fieldError(p, 'unknown_field', 'Unknown field “__proto__”.')),
    ...unstorable.map((u) => fieldError(u.at, 'invalid_format', `${u.subject} contains a character that cannot be stored (a NUL character or a broken Unicode surrogate); remove it.`)),
  ];
  return { doc: doc as Record<string, unknown>, contentErrors };
}

/** `readJsonDocument` for a route that acts on the body: anything in `contentErrors` is a 422. */
export async function readJson(c: Context, optional = false): Promise<Record<string, unknown> | undefined> {
  const read = await readJsonDocument(c, optional);
  if (read?.contentErrors.length) throw unprocessable(read.contentErrors);
  return read?.doc;
}

/**
 * For a route that takes no body (archive, restore, the DELETEs): anything but white space is refused with
 * 400 (pointer `""`) rather than ignored, so nothing a client sends is dropped silently, and a retry with
 * the same Idempotency-Key cannot differ from the first request in a part the fingerprint leaves out.
 */
export async function readNoBody(c: Context): Promise<void> {
  const text = await readText(c);
  if (text.trim() !== '') throw bodyProblem(400, 'This request takes no body; send it without one.');
  c.set('rawBody', '');
}

/** Request ids we echo: short and free of anything that could break a header or a log line. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** Idempotency keys: 1–255 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
