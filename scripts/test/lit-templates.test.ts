// The build-time minifiers of Lit templates change what hosts run: they must only ever drop what the
// browser ignores, keep every line (source maps), and leave code outside the templates alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyLitCss } from '../minify-lit-css.mjs';
import { minifyLitHtml } from '../minify-lit-html.mjs';

const lines = (s: string) => s.split('\n').length;

test('css: comments and optional whitespace go; strings, `and (`, descendant ` :` and a space before ${…} stay', () => {
  const source = [
    'const s = css`',
    '  /* the frame */',
    '  :host { display: block ;  color: var(--c) ; }',
    '  .list :hover { color: red; }',
    '  @media (min-width: 40rem) and (max-width: 60rem) { .a::before { content: "  a ; b  " ; } }',
    '  .b { margin: ${gap} 0; }',
    '`;',
    'const untouched = "  css`  ";',
  ].join('\n');
  const out: string = minifyLitCss(source, 'x.ts');
  assert.equal(lines(out), lines(source), 'one line per line');
  assert.ok(!out.includes('the frame'), 'comments dropped');
  assert.ok(out.includes(':host{display:block;color:var(--c)}'), out);
  assert.ok(out.includes('and (max-width:60rem)'), '`and (` keeps its space');
  assert.ok(out.includes('content:"  a ; b  "'), 'quoted strings as written');
  assert.ok(out.includes('.list :hover{color:red}'), 'a descendant `:hover` keeps its space');
  assert.ok(out.includes('.b{margin:${gap} 0}'), 'the space after an expression stays');
  assert.ok(out.endsWith('const untouched = "  css`  ";'), 'code outside templates untouched');
});

test('html: indentation after line breaks goes, line breaks stay; attribute values, <pre> and <textarea> text untouched', () => {
  const source = [
    'const a = html`<div class="x">',
    '    <span title="keep',
    '        this indent">${name}</span>',
    '    text',
    '  </div>`;',
    'const b = html`<pre>',
    '    as written</pre>`;',
    'const c = html`<textarea>',
    '    typed</textarea>`;',
    'const d = svg`<g>',
    '    <path d="M0 0"/></g>`;',
    'const e = `  plain  `;',
  ].join('\n');
  const out: string = minifyLitHtml(source, 'x.ts');
  assert.equal(lines(out), lines(source), 'one line per line');
  assert.ok(out.includes('html`<div class="x">\n<span title="keep\n        this indent">${name}</span>\ntext\n</div>`'), out);
  assert.ok(out.includes('html`<pre>\n    as written</pre>`'), '<pre> left as written');
  assert.ok(out.includes('html`<textarea>\n    typed</textarea>`'), '<textarea> text left as written');
  assert.ok(out.includes('svg`<g>\n<path d="M0 0"/></g>`'), 'svg templates too');
  assert.ok(out.endsWith('const e = `  plain  `;'), 'untagged templates untouched');
});
