import { start, open, focused } from './lib.mjs';
const { b, ctx } = await start();
const A = await open(ctx, 'A');
const B = await open(ctx, 'B');
for (const p of [A,B]) p.on('dialog', d => { console.log('DIALOG', d.type(), d.message()); d.dismiss(); });
const ca = A.locator('mp-integration-settings[category=inbound]');
const cb = B.locator('mp-integration-settings[category=inbound]');
await ca.locator('#cfg-clientId').focus();
await A.keyboard.press('Control+a'); await A.keyboard.type('14');
await ca.getByRole('button', { name: 'Save draft' }).focus(); await A.keyboard.press('Enter');
await A.waitForTimeout(1500);
await B.bringToFront();
await cb.locator('#cfg-host').focus();
await B.keyboard.press('Control+a'); await B.keyboard.type('third.example.com');
await cb.getByRole('button', { name: 'Save draft' }).focus(); await B.keyboard.press('Enter');
await B.waitForTimeout(2000);
await cb.getByRole('button', { name: 'Compare' }).focus(); await B.keyboard.press('Enter');
await B.waitForTimeout(1000);
console.log('---- B compare');
console.log(await cb.ariaSnapshot());
console.log('focus', await focused(B));
await B.screenshot({ path: '/tmp/qa-helper3/12-compare.png' });
const mode = process.argv[2] || 'over';
if (mode === 'over') {
  await cb.getByRole('button', { name: 'Save my changes over theirs' }).first().focus(); await B.keyboard.press('Enter');
} else {
  await cb.getByRole('button', { name: /Load theirs/ }).first().focus(); await B.keyboard.press('Enter');
}
await B.waitForTimeout(2000);
console.log('---- B after', mode);
console.log((await cb.ariaSnapshot()).split('\n').filter(l=>/textbox|status|paragraph|strong|Unsaved|Last saved/.test(l)).join('\n'));
await B.screenshot({ path: '/tmp/qa-helper3/13-resolved.png' });
await b.close();
