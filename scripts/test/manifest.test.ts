// custom-elements.json is the public API as IDEs, Storybook's controls and docs/reference see it: built
// from the sources as `npm run manifest` builds it, it must describe every element and nothing private.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';

interface Item {
  name: string;
  description?: string;
  privacy?: string;
  static?: boolean;
}
interface Element {
  tagName: string;
  summary?: string;
  members?: Item[];
  attributes?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  events?: Item[];
}

const root = new URL('../..', import.meta.url).pathname;
let out: string;
let elements: Element[];

before(() => {
  out = mkdtempSync(join(tmpdir(), 'mp-manifest-'));
  const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  execFileSync(process.execPath, [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
    cwd: root,
    // The analyzer takes its outdir relative to the working folder.
    env: { ...process.env, MP_MANIFEST_OUTDIR: relative(root, out) },
  });
  const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as { modules: Array<{ declarations?: Element[] }> };
  elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
});

after(() => rmSync(out, { recursive: true, force: true }));

test('lists every element the package defines, each with a summary', () => {
  assert.deepEqual(elements.map((e) => e.tagName).sort(), [
    'mp-combobox',
    'mp-endpoint-grid',
    'mp-field-mapper',
    'mp-field-mapper-row',
    'mp-integration-provider',
    'mp-integration-settings',
  ]);
  for (const e of elements) assert.ok(e.summary?.trim() && !e.summary.includes('\n'), `${e.tagName} has a one-line summary`);
});

test('holds only public API, every piece of it described', () => {
  for (const e of elements) {
    for (const m of e.members ?? []) {
      assert.ok(!m.privacy && !m.static && !m.name.startsWith('#'), `${e.tagName}: ${m.name} is not public API`);
    }
    for (const kind of ['members', 'attributes', 'slots', 'cssParts', 'cssProperties', 'events'] as const) {
      for (const item of e[kind] ?? []) assert.ok(item.description?.trim(), `${e.tagName}: ${kind} ${item.name || '(default slot)'} has a description`);
    }
  }
});

test('lists each row state of the field mapper as a part of its own', () => {
  const parts = elements.find((e) => e.tagName === 'mp-field-mapper')!.cssParts!.map((p) => p.name);
  for (const state of ['row-mapped', 'row-unmapped', 'row-error', 'row-warning']) assert.ok(parts.includes(state), state);
});
