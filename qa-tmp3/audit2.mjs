import { start, open, focused } from './lib.mjs';
for (const [w, theme] of [[360,'light'],[360,'dark'],[1280,'dark']]) {
const { b, ctx } = await start({ viewport: { width: w, height: 800 } });
const p = await open(ctx);
p.on('dialog', d => { console.log('DIALOG', d.type(), JSON.stringify(d.message())); d.accept(); });
await p.locator('#theme').selectOption(theme);
await p.locator('#role').selectOption('auditor');
await p.waitForTimeout(1000);
await p.locator('#tab-audit').click();
await p.waitForTimeout(1500);
console.log(w, theme, 'state', await p.locator('#audit-state').textContent());
console.log('docScrollWidth', await p.evaluate(() => [document.documentElement.scrollWidth, innerWidth]));
await p.locator('#audit-state').scrollIntoViewIfNeeded();
await p.screenshot({ path: `/tmp/qa-helper3/23-audit-auditor-${w}-${theme}.png` });
await p.locator('#audit-more').scrollIntoViewIfNeeded();
await p.screenshot({ path: `/tmp/qa-helper3/23b-audit-auditor-${w}-${theme}-more.png` });
await p.locator('#audit-more').click(); await p.waitForTimeout(1200);
console.log('state', await p.locator('#audit-state').textContent(), await focused(p));
await p.screenshot({ path: `/tmp/qa-helper3/23c-audit-auditor-${w}-${theme}-older.png` });
await p.locator('#audit-decrypts-only').check(); await p.waitForTimeout(1200);
console.log('decrypt state', await p.locator('#audit-state').textContent());
await p.locator('#theme').selectOption('light');
await b.close();
}
