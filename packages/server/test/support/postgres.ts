// Starts a throw-away real Postgres cluster (initdb + pg_ctl) for the suites and the bench. Postgres refuses
// to run as root, so as root the binaries run through `runuser -u postgres --` on a folder that user owns.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running cluster: `databaseUrl(name)` makes a fresh database and answers its URL. */
export interface PostgresCluster {
  port: number;
  version: string;
  /** The cluster's data folder (readable by root; the leakage scan reads it raw). */
  dataDir: string;
  /** A new database of the cluster; `SQL_ASCII` makes one of that encoding, which the server refuses. */
  createDatabase(prefix?: string, encoding?: 'SQL_ASCII'): Promise<string>;
  stop(): void;
}

/** Where initdb/pg_ctl/postgres live, or why the real-Postgres runs are skipped. */
export function findPostgres(): { bin: string } | { missing: string } {
  const candidates = [
    ...(process.env.PATH ?? '').split(':').filter(Boolean),
    '/usr/local/bin',
    ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : []),
  ];
  for (const dir of candidates) {
    if (['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)))) return { bin: dir };
  }
  return { missing: 'Postgres binaries (initdb, pg_ctl, postgres) were not found on PATH, in /usr/local/bin or /usr/lib/postgresql/*/bin' };
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin: string, args: string[]): SpawnSyncReturns<string> {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return spawnSync(cmd, argv, { encoding: 'utf8', cwd: tmpdir() });
}

function postgresUid(): { uid: number; gid: number } | null {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return r.status === 0 && g.status === 0 ? { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) } : null;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * initdb + pg_ctl start on a temp folder and a free port (trust auth on loopback, fsync off: the data is
 * thrown away). Throws when the binaries fail; `findPostgres()` first tells whether to try at all.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const found = findPostgres();
  if ('missing' in found) throw new Error(found.missing);
  const dir = mkdtempSync(join(tmpdir(), 'mp-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) {
    const owner = postgresUid();
    if (!owner) throw new Error('Running as root but there is no postgres user to run Postgres as.');
    chownSync(dir, owner.uid, owner.gid);
  }
  const bin = (name: string) => join(found.bin, name);
  const init = run(bin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = run(bin('pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr || start.stdout}`);
  const version = (run(bin('postgres'), ['--version']).stdout ?? '').trim();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    run(bin('pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  // A run stopped part-way (Ctrl+C, a CI timeout) stops its cluster too, then ends as the signal would have.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stop();
      process.kill(process.pid, signal);
    });
  }
  let n = 0;
  const { default: pg } = await import('pg');
  return {
    port,
    version,
    dataDir: data,
    async createDatabase(prefix = 'mp', encoding?: 'SQL_ASCII') {
      const name = `${prefix}_${process.pid}_${++n}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}${encoding ? ` ENCODING '${encoding}' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'` : ''}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop,
  };
}
