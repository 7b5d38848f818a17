/** SOQL parser for the subset the fake supports (see README of the package). Produces an unresolved AST. */
import { malformed, tokenize, type Token } from './lexer.js';

/** A field path like `Account.Name`, with the position of its token. */
export interface PathRef {
  parts: string[];
  pos: number;
}

/** A literal value in a WHERE clause. */
export type Literal =
  | { kind: 'string'; value: string; like: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'boolean'; value: boolean; pos: number }
  | { kind: 'null'; pos: number }
  | { kind: 'datetime'; value: number; text: string; pos: number }
  | { kind: 'date'; value: string; pos: number }
  | { kind: 'dateRange'; name: string; n?: number; pos: number };

/** A comparison operator. */
export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'LIKE';

/** A WHERE condition. */
export type Condition =
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'compare'; path: PathRef; op: CompareOp; value: Literal }
  | { kind: 'in'; path: PathRef; negate: boolean; values: Literal[] }
  | { kind: 'includes'; path: PathRef; negate: boolean; values: Literal[] };

/** An ORDER BY item. */
export interface OrderItem {
  path: PathRef;
  desc: boolean;
  nullsLast: boolean;
}

/** A parsed query. */
export interface SoqlQuery {
  soql: string;
  count: boolean;
  fields: PathRef[];
  from: { name: string; pos: number };
  where?: Condition;
  orderBy: OrderItem[];
  limit?: number;
  offset?: number;
}

const DATE_RANGES = new Set(['YESTERDAY', 'TODAY', 'TOMORROW', 'LAST_WEEK', 'THIS_WEEK', 'NEXT_WEEK', 'LAST_MONTH', 'THIS_MONTH', 'NEXT_MONTH', 'LAST_90_DAYS', 'NEXT_90_DAYS', 'THIS_YEAR', 'LAST_YEAR', 'NEXT_YEAR']);
const DATE_RANGES_N = new Set(['LAST_N_DAYS', 'NEXT_N_DAYS', 'N_DAYS_AGO', 'LAST_N_WEEKS', 'NEXT_N_WEEKS', 'LAST_N_MONTHS', 'NEXT_N_MONTHS', 'LAST_N_YEARS', 'NEXT_N_YEARS']);

class Parser {
  private i = 0;
  private readonly tokens: Token[];

  constructor(private readonly soql: string) {
    this.tokens = tokenize(soql);
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }

  private expectKeyword(word: string): Token {
    const t = this.next();
    if (t.kind !== 'ident' || t.text.toUpperCase() !== word) throw this.unexpected(t);
    return t;
  }

  private expectPunct(p: string): Token {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== p) throw this.unexpected(t);
    return t;
  }

  private unexpected(t: Token): Error {
    return malformed(this.soql, t.pos, `unexpected token: '${t.text}'`);
  }

  parse(): SoqlQuery {
    this.expectKeyword('SELECT');
    let count = false;
    const fields: PathRef[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'ident' && t.text.toUpperCase() === 'COUNT' && this.peek().text === '(') {
        this.expectPunct('(');
        const close = this.next();
        if (close.text !== ')') throw malformed(this.soql, close.pos, 'Aggregate queries are not supported by this test server; only COUNT() is.');
        count = true;
      } else if (t.kind === 'ident' && t.text.toUpperCase() !== 'FROM') {
        if (this.peek().text === '(') throw malformed(this.soql, t.pos, `unexpected token: '('`);
        fields.push({ parts: t.text.split('.'), pos: t.pos });
      } else if (t.kind === 'punct' && t.text === '(') {
        throw malformed(this.soql, t.pos, 'Relationship subqueries are not supported by this test server.');
      } else {
        throw this.unexpected(t);
      }
      if (this.peek().text === ',') {
        this.next();
        continue;
      }
      break;
    }
    if (count && fields.length) throw malformed(this.soql, fields[0]!.pos, 'COUNT() cannot be combined with other fields');
    this.expectKeyword('FROM');
    const fromTok = this.next();
    if (fromTok.kind !== 'ident' || fromTok.text.includes('.')) throw this.unexpected(fromTok);
    const query: SoqlQuery = { soql: this.soql, count, fields, from: { name: fromTok.text, pos: fromTok.pos }, orderBy: [] };
    if (this.isKeyword('WHERE')) {
      this.next();
      query.where = this.parseCondition();
    }
    if (this.isKeyword('ORDER')) {
      this.next();
      this.expectKeyword('BY');
      for (;;) {
        const t = this.next();
        if (t.kind !== 'ident') throw this.unexpected(t);
        const item: OrderItem = { path: { parts: t.text.split('.'), pos: t.pos }, desc: false, nullsLast: false };
        if (this.isKeyword('ASC')) this.next();
        else if (this.isKeyword('DESC')) {
          this.next();
          item.desc = true;
        }
        item.nullsLast = item.desc;
        if (this.isKeyword('NULLS')) {
          this.next();
          const w = this.next();
          if (w.text.toUpperCase() === 'LAST') item.nullsLast = true;
          else if (w.text.toUpperCase() === 'FIRST') item.nullsLast = false;
          else throw this.unexpected(w);
        }
        query.orderBy.push(item);
        if (this.peek().text === ',') {
          this.next();
          continue;
        }
        break;
      }
    }
    if (this.isKeyword('LIMIT')) {
      this.next();
      query.limit = this.parseNonNegativeInt();
    }
    if (this.isKeyword('OFFSET')) {
      this.next();
      query.offset = this.parseNonNegativeInt();
    }
    const end = this.next();
    if (end.kind !== 'eof') throw this.unexpected(end);
    return query;
  }

  private parseNonNegativeInt(): number {
    const t = this.next();
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) throw this.unexpected(t);
    return Number(t.text);
  }

  /** A sequence of unary conditions joined by one kind of conjunction; mixing AND and OR needs parentheses. */
  private parseCondition(): Condition {
    const first = this.parseUnary();
    let joiner: 'AND' | 'OR' | undefined;
    const items = [first];
    for (;;) {
      const t = this.peek();
      const word = t.kind === 'ident' ? t.text.toUpperCase() : '';
      if (word !== 'AND' && word !== 'OR') break;
      if (joiner && word !== joiner) throw this.unexpected(t);
      joiner = word;
      this.next();
      items.push(this.parseUnary());
    }
    if (!joiner) return first;
    return { kind: joiner === 'AND' ? 'and' : 'or', items };
  }

  private parseUnary(): Condition {
    if (this.isKeyword('NOT')) {
      this.next();
      return { kind: 'not', item: this.parseUnary() };
    }
    if (this.peek().text === '(' && this.peek().kind === 'punct') {
      this.next();
      const inner = this.parseCondition();
      this.expectPunct(')');
      return inner;
    }
    return this.parsePredicate();
  }

  private parsePredicate(): Condition {
    const fieldTok = this.next();
    if (fieldTok.kind !== 'ident') throw this.unexpected(fieldTok);
    const path: PathRef = { parts: fieldTok.text.split('.'), pos: fieldTok.pos };
    const t = this.next();
    if (t.kind === 'op') {
      const op = (t.text === '<>' ? '!=' : t.text) as CompareOp;
      return { kind: 'compare', path, op, value: this.parseLiteral() };
    }
    const word = t.kind === 'ident' ? t.text.toUpperCase() : '';
    if (word === 'LIKE') return { kind: 'compare', path, op: 'LIKE', value: this.parseLiteral() };
    if (word === 'IN') return { kind: 'in', path, negate: false, values: this.parseList() };
    if (word === 'NOT' && this.isKeyword('IN')) {
      this.next();
      return { kind: 'in', path, negate: true, values: this.parseList() };
    }
    if (word === 'INCLUDES' || word === 'EXCLUDES') return { kind: 'includes', path, negate: word === 'EXCLUDES', values: this.parseList() };
    throw this.unexpected(t);
  }

  private parseList(): Literal[] {
    this.expectPunct('(');
    const values: Literal[] = [];
    for (;;) {
      if (this.isKeyword('SELECT')) throw malformed(this.soql, this.peek().pos, 'Semi-join subqueries are not supported by this test server.');
      values.push(this.parseLiteral());
      const t = this.next();
      if (t.text === ',') continue;
      if (t.text === ')') break;
      throw this.unexpected(t);
    }
    return values;
  }

  private parseLiteral(): Literal {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'string', value: t.value ?? '', like: t.like ?? '', pos: t.pos };
      case 'number':
        return { kind: 'number', value: Number(t.text), pos: t.pos };
      case 'datetime':
        return { kind: 'datetime', value: Date.parse(normalizeOffset(t.text)), text: t.text, pos: t.pos };
      case 'date':
        return { kind: 'date', value: t.text, pos: t.pos };
      case 'ident': {
        const word = t.text.toUpperCase();
        if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE', pos: t.pos };
        if (word === 'NULL') return { kind: 'null', pos: t.pos };
        if (DATE_RANGES.has(word)) return { kind: 'dateRange', name: word, pos: t.pos };
        if (DATE_RANGES_N.has(word)) {
          this.expectPunct(':');
          const n = this.parseNonNegativeInt();
          return { kind: 'dateRange', name: word, n, pos: t.pos };
        }
        throw this.unexpected(t);
      }
      case 'punct':
        if (t.text === ':') throw malformed(this.soql, t.pos, 'Bind variables are only allowed in Apex code');
        throw this.unexpected(t);
      default:
        throw this.unexpected(t);
    }
  }
}

/** `+0100` → `+01:00` so Date.parse understands it. */
function normalizeOffset(text: string): string {
  return text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** Parses a SOQL string; throws MALFORMED_QUERY (as an SfApiError) on syntax errors. */
export function parseSoql(soql: string): SoqlQuery {
  return new Parser(soql).parse();
}
