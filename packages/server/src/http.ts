import type { Context } from 'hono';
import { fieldError } from '@memberpulse/integration-schema';
import { ProblemError } from './problem.js';

/** Largest accepted request body. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Deepest accepted JSON nesting (objects and arrays). */
export const MAX_JSON_DEPTH = 32;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A problem about the body as a whole: its field error points at the document root (`""`). */
function bodyProblem(status: number, detail: string): ProblemError {
  return new ProblemError(status, detail, { errors: [fieldError('', status === 413 ? 'too_big' : 'invalid', detail)] });
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
    const { done, value } = await reader.read();
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

/** Deepest nesting of a parsed JSON value (iterative, so a hostile document cannot overflow the stack). */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (d > MAX_JSON_DEPTH) return d;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Reads and parses a JSON object body. 415 for a non-JSON media type, 400 for broken JSON, too deep
 * nesting or a non-object; `optional` bodies may be empty (answers `undefined`). The raw text is kept on
 * the context for the idempotency fingerprint.
 */
export async function readJson(c: Context, optional = false): Promise<Record<string, unknown> | undefined> {
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
  if (jsonDepth(doc) > MAX_JSON_DEPTH) throw bodyProblem(400, `The body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw bodyProblem(400, 'The body must be a JSON object.');
  return doc as Record<string, unknown>;
}

/** Request ids we echo: short and free of anything that could break a header or a log line. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** Idempotency keys: 1–255 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
