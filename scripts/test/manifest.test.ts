// custom-elements.json is the public API as IDEs, Storybook's controls and docs/reference see it: built
// from the sources as `npm run manifest` builds it, it must describe every element and nothing private.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { withDistinctNames } from '../../.storybook/manifest-controls.ts';

interface Item {
  name: string;
  description?: string;
  privacy?: string;
  static?: boolean;
}
interface Element {
  name: string;
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
let manifest: { modules: Array<{ declarations?: Element[] }> };
let elements: Element[];

before(() => {
  out = mkdtempSync(join(tmpdir(), 'mp-manifest-'));
  const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  execFileSync(process.execPath, [cem, 'analyze'], {
    cwd: root,
    // The analyzer takes its outdir relative to the working folder.
    env: { ...process.env, MP_MANIFEST_OUTDIR: relative(root, out) },
  });
  manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as typeof manifest;
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
      assert.ok(!m.privacy && !m.name.startsWith('#') && !['shadowRootOptions', 'formAssociated', 'dependencies'].includes(m.name), `${e.tagName}: ${m.name} is not public API`);
    }
    for (const kind of ['members', 'attributes', 'slots', 'cssParts', 'cssProperties', 'events'] as const) {
      for (const item of e[kind] ?? []) assert.ok(item.description?.trim(), `${e.tagName}: ${kind} ${item.name || '(default slot)'} has a description`);
    }
  }
});

test('keeps public statics: an event class’s type, which hosts listen by', () => {
  const saved = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === 'SettingsSavedEvent');
  assert.ok(saved?.members?.some((m) => m.name === 'type' && m.static), JSON.stringify(saved?.members));
});

test('lists each row state of the field mapper as a part of its own', () => {
  const parts = elements.find((e) => e.tagName === 'mp-field-mapper')!.cssParts!.map((p) => p.name);
  for (const state of ['row-mapped', 'row-unmapped', 'row-error', 'row-warning']) assert.ok(parts.includes(state), state);
});

test('as Storybook’s args table gets it, no slot, CSS property or part takes the row of something named before it', () => {
  // A property and its attribute are one row by design; slots, CSS properties and parts must not land on one.
  for (const e of withDistinctNames(manifest).modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)) {
    const taken = new Set([...(e.members ?? []), ...(e.attributes ?? []), ...(e.events ?? [])].map((x) => x.name));
    for (const item of [...(e.slots ?? []), ...(e.cssProperties ?? []), ...(e.cssParts ?? [])]) {
      assert.ok(!taken.has(item.name), `${e.tagName}: ${item.name} would replace another row`);
      taken.add(item.name);
    }
  }
  const grid = withDistinctNames(manifest).modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'mp-endpoint-grid')!;
  assert.ok(grid.attributes!.some((a) => a.name === 'sort') && grid.cssParts!.some((p) => p.name === 'sort (part)'), 'the sort attribute keeps its row beside the sort part');
});
