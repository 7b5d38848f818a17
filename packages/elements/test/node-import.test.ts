// SSR frameworks (Next.js, Nuxt, Angular SSR) import a page's modules in Node, where there is no DOM, to render it
// before the browser upgrades the elements. Lit's Node build makes elements importable there; the package must
// not touch a DOM global as it loads either, or the host's server render throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the package and its React wrappers load in Node, where there is no DOM', async () => {
  assert.equal(typeof globalThis.HTMLElement, 'undefined', 'no DOM here, as in a server render');
  const elements = await import('../src/index.ts');
  assert.equal(typeof elements.MpFieldMapper, 'function');
  const react = await import('../src/react.ts');
  assert.equal(typeof react.IntegrationProvider, 'object', 'a React component');
});
