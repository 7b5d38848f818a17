// <mp-field-mapper> on the largest org we plan for (a 900-field Salesforce Contact with a 1,000-value
// multi-select picklist, 150 MemberPulse fields), in headless Chromium. Each interaction is timed in the page
// from the action until the result is in the DOM with style and layout done (including any animation frame
// the virtualizer waits for before it renders: a conservative figure), median of several runs after a warm-up.
// Also the element's min+gzip size, with and without its dependencies (lit, the virtualizer).
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { browserSize, type BenchRow } from './support/size.js';
import { report } from './support/report.js';

const RUNS = 7;

const pageScript = `
import { MpFieldMapper } from './packages/elements/src/field-mapper/field-mapper.ts';
import { largeContactFields, largeSourceFields } from './packages/elements/src/test-fixtures/index.ts';
const sources = largeSourceFields(150);
const targets = largeContactFields(900, 1000);
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
/** Resolves once the element has updated, the virtualizer has put rows (or options) in, and style and layout are done. */
async function rendered(el, ready) {
  await el.updateComplete;
  for (let i = 0; i < 20 && !ready(); i++) await frame();
  el.getBoundingClientRect();
  el.shadowRoot.querySelector('mp-field-mapper-row, [role=option]')?.getBoundingClientRect();
}
const rows = (el) => el.shadowRoot.querySelectorAll('mp-field-mapper-row').length;
window.bench = {
  tag: MpFieldMapper.name,
  counts: { sources: sources.length, targets: targets.length },
  async mount() {
    document.querySelector('mp-field-mapper')?.remove();
    const el = document.createElement('mp-field-mapper');
    el.sourceFields = sources;
    el.targetFields = targets;
    el.value = [];
    const t = performance.now();
    document.body.append(el);
    await rendered(el, () => rows(el) > 0);
    return { wall: performance.now() - t, rows: rows(el) };
  },
  async keystroke() {
    const el = document.querySelector('mp-field-mapper');
    const search = el.shadowRoot.querySelector('#search');
    const first = () => el.shadowRoot.querySelector('mp-field-mapper-row')?.dataset.source;
    const before = first();
    const t = performance.now();
    search.value = search.value ? '' : 'c';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await rendered(el, () => first() !== before);
    return { wall: performance.now() - t, rows: rows(el) };
  },
  async openCombobox() {
    const el = document.querySelector('mp-field-mapper');
    const box = el.shadowRoot.querySelector('mp-combobox[data-source="email"]');
    box.hide();
    await box.updateComplete;
    const input = box.shadowRoot.querySelector('input');
    const t = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await rendered(box, () => box.shadowRoot.querySelectorAll('[role=option]').length > 0);
    const wall = performance.now() - t;
    const options = box.shadowRoot.querySelectorAll('[role=option]').length;
    const listed = box.shownOptions.length;
    box.hide();
    await box.updateComplete;
    return { wall, options, listed };
  },
  async autoMap() {
    const mapper = document.querySelector('mp-field-mapper');
    const t = performance.now();
    const found = mapper.autoMap();
    await rendered(mapper, () => mapper.shadowRoot.querySelector('[part=suggestion]') !== null);
    return { wall: performance.now() - t, suggestions: found.length };
  },
};
`;

async function bundlePage(): Promise<string> {
  const result = await build({
    stdin: { contents: pageScript, resolveDir: process.cwd(), sourcefile: 'field-mapper-bench-page.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: 'tsconfig.json',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

type Step = 'mount' | 'keystroke' | 'openCombobox' | 'autoMap';

const run = (page: Page, step: Step) =>
  page.evaluate((s) => (window as unknown as { bench: Record<string, () => Promise<Record<string, number>>> }).bench[s]!(), step);

/** Runs one step `RUNS` times (after `before`, each time); returns the median time (ms) and the last run's details. */
async function measure(page: Page, step: Step, before?: Step) {
  const times: number[] = [];
  let detail: Record<string, number> = {};
  for (let i = 0; i < RUNS; i++) {
    if (before) await run(page, before);
    detail = await run(page, step);
    times.push(detail.wall!);
  }
  return { ms: [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, detail };
}

const js = await bundlePage();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const rows: BenchRow[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(`<!doctype html><html><body><script type="module">${js.replace(/<\/script/g, '<\\/script')}</script></body></html>`);
  await page.waitForFunction(() => 'bench' in window);
  // One warm-up of everything, as a host page would have loaded the code already.
  for (const step of ['keystroke', 'openCombobox', 'autoMap'] as const) {
    await run(page, 'mount');
    await run(page, step);
  }

  const counts = await page.evaluate(() => (window as unknown as { bench: { counts: { sources: number; targets: number } } }).bench.counts);
  const scale = `${counts.sources} fields × ${counts.targets} CRM fields`;
  const first = await measure(page, 'mount');
  const key = await measure(page, 'keystroke', 'mount');
  const open = await measure(page, 'openCombobox', 'mount');
  const auto = await measure(page, 'autoMap', 'mount');
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

  const timed = (metric: string, m: { ms: number }, budget: number, note: string) =>
    rows.push({ metric: `${metric} (${note}), median of ${RUNS}`, value: m.ms, unit: 'ms', budget: `≤ ${budget} ms`, ok: m.ms <= budget });
  timed('first render', first, 50, `${scale}, ${first.detail.rows} rows in the DOM`);
  timed('one filter keystroke', key, 16, `${key.detail.rows} rows left`);
  timed('open a combobox', open, 50, `${open.detail.listed} options, ${open.detail.options} in the DOM`);
  timed('auto-map all rows', auto, 50, `${auto.detail.suggestions} suggestions shown`);
} finally {
  await browser.close();
}

const entry = `export { MpFieldMapper } from './packages/elements/src/field-mapper/field-mapper.ts';`;
const all = await browserSize(entry, 'field-mapper');
const own = await browserSize(entry, 'field-mapper-own', { external: ['lit', 'lit/*', 'lit-html', 'lit-html/*', '@lit/*', '@lit-labs/*'] });
rows.push({ metric: 'mp-field-mapper with lit, virtualizer and schema rules, min+gzip', value: all.gzip / 1024, unit: 'kB' });
rows.push({ metric: 'mp-field-mapper own code (+ combobox, i18n, styles, schema rules; lit and virtualizer external), min+gzip', value: own.gzip / 1024, unit: 'kB' });
report('field-mapper', rows);
process.exit(rows.every((r) => r.ok !== false) ? 0 : 1);
