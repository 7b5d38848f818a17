import { ConfigError, type DatabaseTarget } from './config.js';
import { migrations } from './migrations.js';

/** Rows and count of one statement. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

/**
 * The storage interface: one SQL dialect (Postgres), two drivers (PGlite embedded, node-postgres).
 * `transaction` runs `fn` in BEGIN … COMMIT and rolls back when it throws.
 */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Postgres only (other processes may write): calls `onPayload` for every `NOTIFY` on `channel`, and
   * `onState(false)` when the listening connection is down (at first, and each time it is lost: notifications
   * may be missed), `onState(true)` once it listens again; a try to listen again that fails changes nothing.
   * Answers a function that stops listening.
   */
  listen?(channel: string, onPayload: (payload: string) => void, onState: (listening: boolean) => void): Promise<() => Promise<void>>;
}

/** Postgres error with its SQLSTATE (both drivers set `code`). */
export function sqlState(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : undefined;
}

/** The constraint a unique violation hit, when the driver says. */
export function violatedConstraint(err: unknown): string | undefined {
  const c = (err as { constraint?: unknown } | null)?.constraint;
  return typeof c === 'string' ? c : undefined;
}

/**
 * A `memory://` database as migrated, kept (gzipped, about 4.5 MB) from the second this process opens: later
 * ones start from it, skipping PGlite's initdb and every migration (about 2 s a start against 4 s), which a
 * test suite or a host starting many throw-away servers feels; a process that opens one pays nothing. It is
 * taken before that database's first write, so nothing stored in one reaches another.
 */
let migratedMemory: Promise<Blob> | undefined;
let memoryOpened = 0;

/** An embedded PGlite at `dataDir`, or in memory (from `loadDataDir`, a dump, when given); `dump` gzips it. */
async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<{ db: Database; dump: () => Promise<Blob> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = dataDir ? new PGlite(dataDir) : new PGlite({ loadDataDir });
  try {
    await pg.waitReady;
  } catch (err) {
    // PGlite aborts with no word of why; a file this user cannot write is the usual reason, not the only one.
    if (!dataDir) throw err;
    throw new ConfigError(
      `MP_DATA_DIR ${dataDir}: PGlite could not open its database there (${(err as Error).message}). Check that this user owns, and can write, every file in it.`,
      { cause: err },
    );
  }
  const wrap = (q: { query: (s: string, p?: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }> }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  const base = wrap(pg);
  let closed = false;
  const db: Database = {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
  return { db, dump: () => pg.dumpDataDir('gzip') };
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000, application_name: 'mp-integration-server' });
  // A broken idle connection must not crash the process; the next query gets a fresh one.
  pool.on('error', () => {});
  const run = async <T>(client: { query: (s: string, p?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }> }, sql: string, params: readonly unknown[] = []) => {
    const r = await client.query(sql, params as unknown[]);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
  };
  let closed = false;
  const listeners = new Set<() => Promise<void>>();
  const listen = async (channel: string, onPayload: (payload: string) => void, onState: (listening: boolean) => void) => {
    let stopped = closed;
    let client: InstanceType<typeof pg.Client> | null = null;
    let retry: NodeJS.Timeout | null = null;
    // Only changes are said: each `false` drops every cached describe, which a failed try must not do again.
    let listening: boolean | undefined;
    const say = (now: boolean) => {
      if (listening === now) return;
      listening = now;
      onState(now);
    };
    // Registered before connecting, so a close() that comes first still ends this listener.
    const stop = async () => {
      stopped = true;
      listeners.delete(stop);
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    };
    listeners.add(stop);
    const connect = async () => {
      if (stopped) return;
      const c = new pg.Client({ connectionString: url, application_name: 'mp-integration-server-listen' });
      const lost = () => {
        if (client !== c) return;
        client = null;
        say(false);
        if (!stopped) retry = setTimeout(() => void connect(), 1000);
      };
      c.on('error', lost);
      c.on('end', lost);
      c.on('notification', (n) => n.channel === channel && onPayload(n.payload ?? ''));
      client = c;
      try {
        await c.connect();
        await c.query(`LISTEN ${channel}`);
      } catch {
        lost();
        c.end().catch(() => {});
        return;
      }
      if (stopped) await c.end().catch(() => {});
      else say(true);
    };
    say(false);
    await connect();
    return stop;
  };
  return {
    kind: 'postgres',
    listen,
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

/** Opens the database the configuration names and applies every pending migration. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const inMemory = target.kind === 'pglite' && target.dataDir === null;
  const template = inMemory ? await migratedMemory?.catch(() => undefined) : undefined;
  const pglite = target.kind === 'pglite' ? await openPglite(target.dataDir, template) : null;
  const db = target.kind === 'postgres' ? await openPostgres(target.url) : pglite!.db;
  try {
    if (target.kind === 'postgres') await requireUtf8(db);
    await migrate(db);
    if (inMemory && !template && ++memoryOpened > 1) await (migratedMemory ??= pglite!.dump());
  } catch (err) {
    await db.close().catch(() => {});
    throw target.kind === 'postgres' ? unreachable(target.url, err) : err;
  }
  return db;
}

/**
 * Names, descriptions and settings hold any Unicode text, and migration 3 folds case with `normalize()`: a
 * database of another encoding (SQL_ASCII takes any bytes and compares them as bytes) is refused before any
 * migration runs.
 */
async function requireUtf8(db: Database): Promise<void> {
  const { rows } = await db.query<{ encoding: string }>(`SELECT current_setting('server_encoding') AS encoding`);
  const encoding = rows[0]?.encoding;
  if (encoding !== 'UTF8') {
    throw new Error(`The database in DATABASE_URL is encoded ${encoding}; MemberPulse needs UTF8: create it with ENCODING 'UTF8' (docs/server.md).`);
  }
}

/** A connection failure, worded with DATABASE_URL's host, port and database (never its password); other errors as they are. */
function unreachable(url: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|28P01|28000|3D000)$/.test(code)) return err;
  const { hostname, port, pathname } = new URL(url);
  return new Error(`Could not use the database in DATABASE_URL (${hostname}:${port || 5432}${pathname}): ${code} ${(err as Error).message}`, { cause: err });
}

/** The migration versions already applied; empty when the `mp_migrations` table does not exist yet. */
async function appliedVersions(q: Queryable): Promise<Set<number>> {
  const table = await q.query<{ present: boolean }>(`SELECT to_regclass('mp_migrations') IS NOT NULL AS present`);
  if (!table.rows[0]?.present) return new Set();
  const rows = await q.query<{ version: number }>('SELECT version FROM mp_migrations');
  return new Set(rows.rows.map((r) => r.version));
}

/**
 * Applies the migrations not yet applied, each in its own transaction, serialised by an advisory lock. When
 * every one is applied it issues no DDL, so a role with only DML grants can start a server.
 */
export async function migrate(db: Database): Promise<number[]> {
  const applied: number[] = [];
  const done = await appliedVersions(db);
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      // The lock comes before any DDL: concurrent CREATE TABLE IF NOT EXISTS still collide in pg_type.
      await tx.query('SELECT pg_advisory_xact_lock(7263801)');
      await tx.query(`CREATE TABLE IF NOT EXISTS mp_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      if ((await tx.query('SELECT 1 FROM mp_migrations WHERE version = $1', [m.version])).rows.length) return;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('INSERT INTO mp_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}
