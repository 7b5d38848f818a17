// A PGlite data folder as a first start leaves it (migrated, no tenants), for tests of what a server does
// with one rather than of making one: copying it takes a fraction of a second, PGlite's initdb and the
// migrations several.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db.js';

let template: Promise<string> | undefined;

/** Made on first use in this test process; removed when it exits. */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mp-migrated-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await (await openDatabase({ kind: 'pglite', dataDir: dir })).close();
    return dir;
  })();
  return template;
}

/** Puts a migrated, empty PGlite database (and nothing else) in `dir`, made (0700) if missing; answers `dir`. */
export async function migratedDataDir(dir: string): Promise<string> {
  cpSync(await migratedTemplate(), dir, { recursive: true });
  return dir;
}
