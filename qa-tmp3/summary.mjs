import { start, open, focused } from './lib.mjs';
const { b, ctx } = await start();
const p = await open(ctx);
p.on('dialog', d => { console.log('DIALOG', d.type(), d.message()); d.accept(); });
const card = p.locator('mp-integration-settings[category=inbound]');
await card.locator('#cfg-clubIds').focus();
await p.keyboard.press('Control+End'); await p.keyboard.press('Enter'); await p.keyboard.type('9x');
await card.locator('#cfg-customOptions').focus();
await p.keyboard.press('Control+End'); await p.keyboard.press('Enter'); await p.keyboard.type('novalue');
await card.getByRole('button', { name: 'Save draft' }).focus(); await p.keyboard.press('Enter');
await p.waitForTimeout(1500);
console.log('focus after save', await focused(p));
// Tab to second summary link and press Enter
await p.keyboard.press('Tab'); await p.keyboard.press('Tab');
console.log('focus on', await focused(p));
await p.keyboard.press('Enter'); await p.waitForTimeout(500);
console.log('after link', await focused(p));
// fix it
await p.keyboard.press('Control+End'); await p.keyboard.press('Backspace'); await p.keyboard.press('Backspace'); await p.keyboard.press('Backspace'); await p.keyboard.press('Backspace'); await p.keyboard.press('Backspace'); await p.keyboard.press('Backspace'); await p.keyboard.press('Backspace');await p.keyboard.press('Backspace');
await p.keyboard.press('Tab'); await p.waitForTimeout(300);
console.log((await card.ariaSnapshot()).split('\n').filter(l=>/problem|link|invalid|“/.test(l)).join('\n'));
await p.screenshot({ path: '/tmp/qa-helper3/31-summary-after-fix.png' });
await b.close();
