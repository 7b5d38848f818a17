import { start, open, focused } from './lib.mjs';
const { b, ctx } = await start();
const p = await open(ctx);
p.on('dialog', d => { console.log('DIALOG', d.type(), d.message()); d.dismiss(); });
const card = p.locator('mp-integration-settings[category=inbound]');
await card.getByRole('radio', { name: 'InTouch Connector' }).focus();
await p.keyboard.press('Space');
await p.keyboard.press('Tab');
await p.keyboard.type('12ab');
await p.keyboard.press('Tab');
for (const l of ['101', '', '101', 'abc', ' 102 ']) { await p.keyboard.type(l); await p.keyboard.press('Enter'); }
await p.keyboard.press('Tab'); // scheme
await p.keyboard.press('ArrowDown'); // HTTPS?
await p.keyboard.press('Tab'); // host
await p.keyboard.type('http://club.example.com/path');
await p.keyboard.press('Tab'); await p.keyboard.type('svc');
await p.keyboard.press('Tab'); await p.keyboard.type('pw123');
await p.keyboard.press('Tab');
console.log('focus', await focused(p));
for (const l of ['verbose', 'a = 1', '=x', 'b=2']) { await p.keyboard.type(l); await p.keyboard.press('Enter'); }
await p.keyboard.press('Tab');
console.log('focus', await focused(p));
await p.waitForTimeout(300);
console.log(await card.ariaSnapshot());
// Save draft via keyboard
await card.getByRole('button', { name: 'Save draft' }).focus();
await p.keyboard.press('Enter');
await p.waitForTimeout(1500);
console.log('---- after save draft');
console.log(await card.ariaSnapshot());
console.log('focus', await focused(p));
await p.screenshot({ path: '/tmp/qa-helper3/05-inbound-save.png' });
await p.keyboard.press('PageDown');
await p.screenshot({ path: '/tmp/qa-helper3/05b-inbound-save.png' });
await b.close();
