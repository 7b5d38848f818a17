import { chromium } from 'playwright-core';
export async function start(opts = {}) {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  return { b, ctx };
}
export async function open(ctx, name = 'p') {
  const p = await ctx.newPage();
  p.on('console', m => { if (m.type()==='error'||m.type()==='warning') console.log(name, 'CONSOLE', m.type(), m.text()); });
  p.on('pageerror', e => console.log(name, 'PAGEERROR', e.message));
  await p.goto('http://127.0.0.1:9080');
  await p.waitForTimeout(2000);
  return p;
}
export const focused = (p) => p.evaluate(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a ? `${a.tagName} #${a.id||''} [${a.getAttribute('aria-label')||''}] "${(a.value ?? a.textContent ?? '').slice(0,40)}"` : null; });
