import { start, open, focused } from './lib.mjs';
const { b, ctx } = await start();
const p = await open(ctx);
p.on('dialog', d => { console.log('DIALOG', d.type(), d.message()); d.dismiss(); });
const card = p.locator('mp-integration-settings[category=inbound]');
await card.getByRole('radio', { name: 'InTouch Connector' }).focus();
await p.keyboard.press('Space');
await p.keyboard.press('Tab');
await p.keyboard.type('12');
await p.keyboard.press('Tab');
for (const l of ['101', '', ' 102 ']) { await p.keyboard.type(l); await p.keyboard.press('Enter'); }
await p.keyboard.press('Tab'); // scheme
await p.keyboard.press('ArrowDown');
await p.keyboard.press('Tab'); await p.keyboard.type('club.example.com');
await p.keyboard.press('Tab'); await p.keyboard.type('svc');
await p.keyboard.press('Tab'); await p.keyboard.type('pw123');
await p.keyboard.press('Tab');
const opts = process.argv.slice(2);
for (const l of opts) { await p.keyboard.type(l); await p.keyboard.press('Enter'); }
await card.getByRole('button', { name: 'Save draft' }).focus();
await p.keyboard.press('Enter');
await p.waitForTimeout(1500);
console.log('---- after save draft');
console.log((await card.ariaSnapshot()).split('\n').filter(l=>/problem|link|invalid|Saved|saved|status|Draft|draft|text: /.test(l)).join('\n'));
console.log('focus', await focused(p));
await p.screenshot({ path: '/tmp/qa-helper3/07-inbound-save3.png' });
p.removeAllListeners('dialog'); p.on('dialog', d => { console.log('DIALOG2', d.type(), d.message()); d.accept(); });
await p.reload(); await p.waitForTimeout(2000);
console.log('---- after reload');
console.log(await card.ariaSnapshot());
for (const id of ['cfg-clubIds','cfg-customOptions']) console.log(id, JSON.stringify(await card.locator('#'+id).inputValue().catch(e=>e.message)));
await b.close();
