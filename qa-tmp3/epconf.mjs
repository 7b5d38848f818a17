import { start, open, focused } from './lib.mjs';
const { b, ctx } = await start();
const A = await open(ctx, 'A'); const B = await open(ctx, 'B');
for (const p of [A,B]) { p.on('dialog', d => { console.log('DIALOG', d.type(), d.message()); d.dismiss(); });
  await p.locator('#tab-endpoints').click();
  await p.getByRole('button', { name: 'Edit Riverside Sports Club' }).click(); await p.waitForTimeout(1200);
  await p.locator('mp-endpoint-grid').getByRole('button', { name: 'Edit Gym door sensor' }).click(); await p.waitForTimeout(600);
}
await A.bringToFront();
await A.keyboard.press('Control+a'); await A.keyboard.type('Counts entries (edited in A)');
await A.locator('mp-endpoint-grid').getByRole('button', { name: 'Update' }).click(); await A.waitForTimeout(1200);
console.log('A:', (await A.locator('mp-endpoint-grid').ariaSnapshot()).split('\n').filter(l=>/paragraph|status|cell/.test(l)).join('\n'));
await B.bringToFront();
await B.keyboard.press('Control+a'); await B.keyboard.type('Counts entries and exits (B)');
await B.locator('mp-endpoint-grid').getByRole('button', { name: 'Update' }).click(); await B.waitForTimeout(1500);
console.log('B:', await B.locator('mp-endpoint-grid').ariaSnapshot());
console.log('focus', await focused(B));
await B.screenshot({ path: '/tmp/qa-helper3/30-ep-conflict.png' });
await b.close();
