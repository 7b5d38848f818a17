import { start, open, focused } from './lib.mjs';
const { b, ctx } = await start();
const p = await open(ctx);
p.on('dialog', d => { console.log('DIALOG', d.type(), JSON.stringify(d.message())); d.accept(); });
await p.locator('#tab-audit').click();
await p.waitForTimeout(1500);
console.log('state', await p.locator('#audit-state').textContent());
console.log(await p.locator('#audit-rows').innerText());
await p.screenshot({ path: '/tmp/qa-helper3/20-audit-admin.png' });
await p.locator('#audit-more').scrollIntoViewIfNeeded();
await p.screenshot({ path: '/tmp/qa-helper3/20b-audit-admin-bottom.png' });
await p.locator('#audit-more').focus(); await p.keyboard.press('Enter');
await p.waitForTimeout(1500);
console.log('state', await p.locator('#audit-state').textContent(), 'more hidden', await p.locator('#audit-more').isHidden());
console.log('focus', await focused(p));
await p.screenshot({ path: '/tmp/qa-helper3/21-audit-older.png' });
let n=0; while (await p.locator('#audit-more').isVisible() && n++<20) { await p.locator('#audit-more').click(); await p.waitForTimeout(800); }
console.log('state end', await p.locator('#audit-state').textContent(), 'more hidden', await p.locator('#audit-more').isHidden(), 'rows', await p.locator('#audit-rows tr').count());
// decrypts filter
await p.locator('#audit-decrypts-only').check();
await p.waitForTimeout(1500);
console.log('decrypt state', await p.locator('#audit-state').textContent());
console.log(await p.locator('#audit-rows').innerText());
await p.screenshot({ path: '/tmp/qa-helper3/22-audit-decrypts.png' });
await b.close();
