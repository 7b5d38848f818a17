/** The REST API under `/services/data/vXX.X/`: describes, records, upserts, collections, queries and limits. */
import { randomBytes } from 'node:crypto';
import { SfApiError, SfApiErrors, errorBody, jsonParserError, notFound } from './errors.js';
import type { ApiAllowance } from './limits.js';
import { createRecord, deleteRecord, objectForWrite, requireRecord, updateRecord, upsertRecord } from './records.js';
import { project, runQuery } from './soql/evaluate.js';
import type { ResolvedPath } from './soql/resolve.js';
import { describeOf, fieldsOf, findField, getObject, requireObject } from './store.js';
import { VERSION_PLACEHOLDER } from './constants.js';
import type { FakeOrg, OrgObject, SfRecord } from './types.js';

/** One REST call, already authenticated. */
export interface RestRequest {
  method: string;
  /** Path segments after `/services/data/vXX.X/`, URL-decoded. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  version: string;
  userId: string;
}

/** What to send back. `body` undefined means no content. */
export interface RestAnswer {
  status: number;
  body?: unknown;
}

interface Cursor {
  records: SfRecord[];
  totalSize: number;
}

const DEFAULT_BATCH = 2000;
const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};

/** Serves the REST resources of one fake org. */
export class RestApi {
  private readonly cursors = new Map<string, Cursor>();

  constructor(
    private readonly org: FakeOrg,
    private readonly allowance: ApiAllowance,
    /** Largest page a query answers (Salesforce: 2,000; tests may lower it). */
    public maxBatchSize = DEFAULT_BATCH,
  ) {}

  /** Answers one request; Salesforce errors become their JSON arrays. */
  handle(req: RestRequest): RestAnswer {
    try {
      return this.route(req);
    } catch (err) {
      if (err instanceof SfApiError || err instanceof SfApiErrors) {
        const extra = err instanceof SfApiError && err.status === 300 ? (err as SfApiError & { ids?: string[] }).ids : undefined;
        if (extra) return { status: 300, body: extra.map((id) => `/services/data/v${req.version}/sobjects/${req.segments[1]}/${id}`) };
        return { status: err.status, body: errorBody(err) };
      }
      throw err;
    }
  }

  private route(req: RestRequest): RestAnswer {
    const [head, ...rest] = req.segments;
    const m = req.method;
    if (head === undefined || head === '') return { status: 200, body: this.resources(req.version) };
    if (head === 'limits' && rest.length === 0 && m === 'GET') return { status: 200, body: this.allowance.body() };
    if (head === 'sobjects') return this.sobjects(req, rest);
    if ((head === 'query' || head === 'queryAll') && m === 'GET') return this.query(req, head === 'queryAll', rest[0]);
    if (head === 'composite' && rest[0] === 'sobjects') return this.collections(req, rest.slice(1));
    throw notFound();
  }

  private resources(version: string): Record<string, string> {
    const base = `/services/data/v${version}`;
    return { sobjects: `${base}/sobjects`, query: `${base}/query`, queryAll: `${base}/queryAll`, limits: `${base}/limits`, composite: `${base}/composite` };
  }

  private sobjects(req: RestRequest, rest: string[]): RestAnswer {
    const m = req.method;
    const [name, a, b, ...more] = rest;
    if (name === undefined) {
      if (m !== 'GET') throw methodNotAllowed(m);
      const sobjects = [...this.org.objects.values()].map((o) => o.summary);
      return { status: 200, body: { encoding: 'UTF-8', maxBatchSize: 200, sobjects } };
    }
    const obj = requireObject(this.org, name);
    if (a === undefined) {
      if (m === 'GET') return { status: 200, body: { objectDescribe: obj.summary, recentItems: [] } };
      if (m === 'POST') {
        const id = createRecord(this.org, obj, asRecord(req.body), req.userId);
        return { status: 201, body: { id, success: true, errors: [] } };
      }
      throw methodNotAllowed(m);
    }
    if (a === 'describe' && b === undefined && m === 'GET') return { status: 200, body: describeOf(obj) };
    if (more.length) throw notFound();
    if (b === undefined) return this.byId(req, obj, a);
    return this.byExternalId(req, obj, a, b);
  }

  private byId(req: RestRequest, obj: OrgObject, id: string): RestAnswer {
    switch (req.method) {
      case 'GET':
        return { status: 200, body: this.readRecord(obj, requireRecord(obj, id), req.query.get('fields'), req.version) };
      case 'PATCH':
        updateRecord(this.org, obj, id, asRecord(req.body), req.userId);
        return { status: 204 };
      case 'DELETE':
        deleteRecord(this.org, obj, id);
        return { status: 204 };
      default:
        throw methodNotAllowed(req.method);
    }
  }

  private byExternalId(req: RestRequest, obj: OrgObject, fieldName: string, value: string): RestAnswer {
    if (req.method === 'PATCH') {
      const out = upsertRecord(this.org, obj, fieldName, value, asRecord(req.body), req.userId);
      return { status: out.created ? 201 : 200, body: { id: out.id, success: true, errors: [], created: out.created } };
    }
    if (req.method === 'GET') {
      const f = findField(obj, fieldName);
      if (!f || !(f.externalId || f.idLookup)) throw notFound(`Provided external ID field does not exist or is not accessible: ${fieldName}`);
      const match = [...obj.records.values()].find((r) => r.IsDeleted !== true && r[f.name] != null && String(r[f.name]).toLowerCase() === value.toLowerCase());
      if (!match) throw notFound();
      return { status: 200, body: this.readRecord(obj, match, req.query.get('fields'), req.version) };
    }
    throw methodNotAllowed(req.method);
  }

  private readRecord(obj: OrgObject, record: SfRecord, fieldList: string | null, version: string): SfRecord {
    const all = fieldsOf(obj);
    const wanted = fieldList
      ? fieldList.split(',').map((n) => {
          const f = findField(obj, n.trim());
          if (!f) throw new SfApiError(400, 'INVALID_FIELD', `No such column '${n.trim()}' on sobject of type ${obj.summary.name}`);
          return f;
        })
      : all;
    const paths: ResolvedPath[] = wanted.map((f) => ({ steps: [], field: f, parts: [f.name.toLowerCase()] }));
    return project(this.org, obj, record, paths, version);
  }

  private query(req: RestRequest, includeDeleted: boolean, locator: string | undefined): RestAnswer {
    const base = `/services/data/v${req.version}/${includeDeleted ? 'queryAll' : 'query'}`;
    if (locator) {
      const [key, offsetText] = locator.split('-');
      const cursor = this.cursors.get(key ?? '');
      const offset = Number(offsetText);
      if (!cursor || !Number.isInteger(offset)) throw new SfApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return { status: 200, body: this.page(base, key!, cursor, offset, this.batchSize(req)) };
    }
    const q = req.query.get('q');
    if (!q) throw new SfApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const outcome = runQuery(this.org, q, { includeDeleted, apiVersion: req.version, now: Date.now() });
    const key = `01g5g${randomBytes(6).toString('hex').toUpperCase()}`;
    const cursor: Cursor = { records: outcome.records, totalSize: outcome.totalSize };
    if (outcome.records.length > this.batchSize(req)) this.cursors.set(key, cursor);
    return { status: 200, body: this.page(base, key, cursor, 0, this.batchSize(req)) };
  }

  private batchSize(req: RestRequest): number {
    const header = String(req.headers['sforce-query-options'] ?? '');
    const asked = /batchSize=(\d+)/i.exec(header);
    const n = asked ? Math.max(200, Math.min(DEFAULT_BATCH, Number(asked[1]))) : DEFAULT_BATCH;
    return Math.min(n, this.maxBatchSize);
  }

  private page(base: string, key: string, cursor: Cursor, offset: number, size: number) {
    const records = cursor.records.slice(offset, offset + size);
    const next = offset + size;
    const done = next >= cursor.records.length;
    if (done) this.cursors.delete(key);
    return { totalSize: cursor.totalSize, done, ...(done ? {} : { nextRecordsUrl: `${base}/${key}-${next}` }), records };
  }

  private collections(req: RestRequest, rest: string[]): RestAnswer {
    const body = req.body as { allOrNone?: unknown; records?: unknown } | null;
    if (!body || typeof body !== 'object' || !Array.isArray(body.records)) throw jsonParserError('Expected an object with a records array');
    if (body.records.length > 200) throw new SfApiError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
    const allOrNone = body.allOrNone === true;
    const records = body.records.map(asRecord);
    const typeOf = (r: SfRecord): OrgObject => {
      const t = (r.attributes as { type?: unknown } | undefined)?.type;
      if (typeof t !== 'string') throw new SfApiError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
      return objectForWrite(this.org, t);
    };
    const strip = (r: SfRecord): SfRecord => {
      const { attributes: _a, ...rest2 } = r;
      return rest2;
    };
    let run: (r: SfRecord) => { id: string; created?: boolean };
    if (req.method === 'PATCH' && rest.length === 2) {
      const obj = requireObject(this.org, rest[0]!);
      const extField = rest[1]!;
      run = (r) => {
        const key = Object.keys(r).find((k) => k.toLowerCase() === extField.toLowerCase());
        const value = key ? r[key] : undefined;
        if (value === undefined || value === null) throw new SfApiError(400, 'MISSING_ARGUMENT', `${extField} not specified`, []);
        const out = upsertRecord(this.org, obj, extField, String(value), strip(r), req.userId);
        return { id: out.id, created: out.created };
      };
    } else if (req.method === 'POST' && rest.length === 0) {
      run = (r) => ({ id: createRecord(this.org, typeOf(r), strip(r), req.userId) });
    } else if (req.method === 'PATCH' && rest.length === 0) {
      run = (r) => {
        if (typeof r.id !== 'string' && typeof r.Id !== 'string') throw new SfApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', []);
        const { id, Id, ...values } = strip(r);
        return { id: updateRecord(this.org, typeOf(r), String(id ?? Id), values, req.userId) };
      };
    } else {
      throw methodNotAllowed(req.method);
    }
    const snapshot = allOrNone ? new Map([...this.org.objects].filter(([, o]) => o.records.size).map(([k, o]) => [k, new Map(o.records)])) : null;
    const results: unknown[] = [];
    let failed = false;
    for (const r of records) {
      if (failed && allOrNone) {
        results.push({ id: null, success: false, errors: [ROLLED_BACK] });
        continue;
      }
      try {
        const out = run(r);
        results.push({ id: out.id, success: true, errors: [], ...(out.created === undefined ? {} : { created: out.created }) });
      } catch (err) {
        if (!(err instanceof SfApiError || err instanceof SfApiErrors)) throw err;
        failed = true;
        const errors = (err instanceof SfApiErrors ? err.errors : [err]).map((e) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields ?? [] }));
        results.push({ success: false, errors });
      }
    }
    if (failed && snapshot) {
      for (const [k, o] of this.org.objects) o.records = snapshot.get(k) ?? (o.records.size ? new Map() : o.records);
      return { status: 200, body: results.map((r) => ((r as { success: boolean }).success ? { id: null, success: false, errors: [ROLLED_BACK] } : r)) };
    }
    return { status: 200, body: results };
  }
}

function asRecord(body: unknown): SfRecord {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw jsonParserError('Expected a JSON object for the record');
  return body as SfRecord;
}

function methodNotAllowed(method: string): SfApiError {
  return new SfApiError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,POST,DELETE`);
}

/** Replaces the API-version placeholder of stored describe urls with the served version. */
export function withVersion(json: string, version: string): string {
  return json.replaceAll(VERSION_PLACEHOLDER, version);
}

/** Objects the org lists, for hooks that seed records. */
export function objectNamed(org: FakeOrg, name: string): OrgObject {
  const obj = getObject(org, name);
  if (!obj) throw new Error(`The fake org has no object ${name}`);
  return obj;
}
