import { start, open } from './lib.mjs';
const overflowCheck = (p) => p.evaluate(() => {
  const out = [];
  const W = document.documentElement.clientWidth;
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > W + 1) out.push(`${el.tagName}.${el.className||''}#${el.id||''} right=${Math.round(r.right)} W=${W}`);
      const cs = getComputedStyle(el);
      if ((el.scrollWidth > el.clientWidth + 1) && cs.overflowX !== 'auto' && cs.overflowX !== 'scroll' && el.clientWidth > 0 && !['HTML','BODY','TEXTAREA','SELECT'].includes(el.tagName)) out.push(`clip? ${el.tagName}.${el.className||''}#${el.id||''} sw=${el.scrollWidth} cw=${el.clientWidth} ov=${cs.overflowX} text="${(el.textContent||'').trim().slice(0,40)}"`);
    }
  };
  walk(document);
  return [...new Set(out)].slice(0, 25);
});
const [w, theme] = [Number(process.argv[2]), process.argv[3]];
const { b, ctx } = await start({ viewport: { width: w, height: 1000 } });
const p = await open(ctx);
p.on('dialog', d => d.accept());
await p.locator('#theme').selectOption(theme);
await p.waitForTimeout(800);
const shot = async (name) => { await p.screenshot({ path: `/tmp/qa-helper3/t-${w}-${theme}-${name}.png` }); };
console.log('settings overflow', await overflowCheck(p));
for (const cat of ['crm','accounting','payment-gateway','inbound']) {
  await p.locator(`mp-integration-settings[category=${cat}]`).evaluate(e => e.scrollIntoView());
  await p.waitForTimeout(300); await shot('set-'+cat);
}
// CRM further down (field mapper)
await p.locator('mp-integration-settings[category=crm]').getByRole('heading', { name: 'What syncs where' }).evaluate(e => e.scrollIntoView()).catch(()=>{});
await p.waitForTimeout(300); await shot('set-crm-mapper');
await p.locator('#tab-endpoints').click(); await p.waitForTimeout(500);
await p.locator('#tab-endpoints').evaluate(e => e.scrollIntoView());
await shot('cust-list');
console.log('cust overflow', await overflowCheck(p));
await p.getByRole('button', { name: 'Edit Riverside Sports Club' }).click(); await p.waitForTimeout(1500);
await p.locator('#customer-detail').evaluate(e => e.scrollIntoView());
await shot('cust-grid');
console.log('grid overflow', await overflowCheck(p));
await p.locator('mp-endpoint-grid').getByRole('button', { name: /^Edit / }).first().click(); await p.waitForTimeout(800);
await shot('cust-dialog');
await p.keyboard.press('Escape'); await p.waitForTimeout(300);
await p.locator('#tab-audit').click(); await p.waitForTimeout(1500);
await p.locator('#tab-audit').evaluate(e => e.scrollIntoView());
await shot('audit');
console.log('audit overflow', await overflowCheck(p));
await p.locator('#theme').selectOption('light');
await b.close();
