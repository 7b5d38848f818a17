/** SOQL tokenizer: identifiers, string/number/date literals and punctuation, with positions for error messages. */
import { SfApiError } from '../errors.js';

/** A token kind. */
export type TokenKind = 'ident' | 'string' | 'number' | 'datetime' | 'date' | 'punct' | 'op' | 'eof';

/** One token; `pos` is the 0-based offset in the query text. */
export interface Token {
  kind: TokenKind;
  text: string;
  /** Decoded value of string literals. */
  value?: string;
  /** String literals as a LIKE pattern: wildcards bare, `\%` `\_` `\\` for literal percent, underscore and backslash. */
  like?: string;
  pos: number;
}

/** Builds Salesforce's "ERROR at Row:r:Column:c" message for a position. */
export function positionMessage(soql: string, pos: number, detail: string): string {
  const before = soql.slice(0, pos);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = soql.indexOf('\n', pos) === -1 ? soql.length : soql.indexOf('\n', pos);
  const col = pos - lineStart + 1;
  return `\n${soql.slice(lineStart, lineEnd)}\n${' '.repeat(col - 1)}^\nERROR at Row:${row}:Column:${col}\n${detail}`;
}

/** A MALFORMED_QUERY error at a position. */
export function malformed(soql: string, pos: number, detail: string): SfApiError {
  return new SfApiError(400, 'MALFORMED_QUERY', positionMessage(soql, pos, detail));
}

const ESCAPES: Record<string, string> = {
  n: '\n', N: '\n', r: '\r', R: '\r', t: '\t', T: '\t', b: '\b', B: '\b', f: '\f', F: '\f',
  '"': '"', "'": "'", '\\': '\\',
};

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)/;

/** Splits a SOQL string into tokens. String literals carry their decoded value and their LIKE pattern. */
export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const ch = soql.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      const start = i;
      let value = '';
      let like = '';
      i++;
      for (;;) {
        if (i >= soql.length) throw malformed(soql, start, `line 1:${start} mismatched character '<EOF>' expecting '''`);
        const c = soql.charAt(i);
        if (c === '\\') {
          const n = soql.charAt(i + 1);
          if (n === 'u') {
            const hex = soql.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw malformed(soql, i, `Invalid string literal '${soql.slice(start, i + 6)}'. Illegal unicode escape sequence.`);
            value += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            continue;
          }
          if (n === '%' || n === '_') {
            value += n;
            like += `\\${n}`;
            i += 2;
            continue;
          }
          const esc = ESCAPES[n];
          if (esc === undefined) throw malformed(soql, start, `Invalid string literal '${soql.slice(start, i + 2)}'. Illegal escape sequence '\\${n}'`);
          value += esc;
          like += esc === '\\' ? '\\\\' : esc;
          i += 2;
          continue;
        }
        if (c === "'") {
          i++;
          break;
        }
        value += c;
        like += c;
        i++;
      }
      tokens.push({ kind: 'string', text: soql.slice(start, i), value, like, pos: start });
      continue;
    }
    const rest = soql.slice(i);
    let m = DATETIME.exec(rest);
    if (m) {
      tokens.push({ kind: 'datetime', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    m = DATE.exec(rest);
    if (m) {
      tokens.push({ kind: 'date', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    const signAllowed = !prev || prev.kind === 'op' || (prev.kind === 'punct' && prev.text !== ')') || (prev.kind === 'ident' && /^(in|limit|offset)$/i.test(prev.text));
    m = NUMBER.exec(rest);
    if (m && (/^\d|^\./.test(rest) || signAllowed)) {
      tokens.push({ kind: 'number', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    m = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
    if (m) {
      tokens.push({ kind: 'ident', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    m = /^(?:!=|<>|<=|>=|=|<|>)/.exec(rest);
    if (m) {
      tokens.push({ kind: 'op', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if ('(),:'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, pos: i });
      i++;
      continue;
    }
    throw malformed(soql, i, `unexpected token: '${ch}'`);
  }
  tokens.push({ kind: 'eof', text: '<EOF>', pos: soql.length });
  return tokens;
}
