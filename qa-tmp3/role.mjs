import { start, open, focused } from './lib.mjs';
const { b, ctx } = await start();
const p = await open(ctx);
let accept = false;
p.on('dialog', d => { console.log('DIALOG', d.type(), JSON.stringify(d.message()), accept ? 'accept' : 'dismiss'); accept ? d.accept() : d.dismiss(); });
const card = p.locator('mp-integration-settings[category=inbound]');
await card.locator('#cfg-username').focus();
await p.keyboard.press('Control+a'); await p.keyboard.type('changed-user');
console.log('outer dirty', await p.evaluate(() => document.querySelector('mp-integration-settings').dirty));
// switch role by keyboard
await p.locator('#role').focus();
await p.keyboard.press('ArrowDown');
await p.waitForTimeout(1500);
console.log('role now', await p.locator('#role').inputValue());
console.log('username', await card.locator('#cfg-username').inputValue().catch(e=>'ERR'));
// select tab switch
await p.locator('#tab-endpoints').click();
await p.waitForTimeout(500);
await p.locator('#tab-settings').click();
await p.waitForTimeout(500);
console.log('after tab switch username', await card.locator('#cfg-username').inputValue().catch(e=>'ERR'));
// theme switch
await p.locator('#theme').selectOption('dark');
await p.waitForTimeout(500);
console.log('after theme username', await card.locator('#cfg-username').inputValue().catch(e=>'ERR'));
// Reload, dismiss
p.reload().catch(e => console.log('reload err', e.message.split('\n')[0]));
await p.waitForTimeout(2000);
console.log('after reload-dismiss username', await card.locator('#cfg-username').inputValue().catch(e=>'ERR'));
// now accept role switch
accept = true;
await p.locator('#role').selectOption('editor');
await p.waitForTimeout(2000);
console.log('role now', await p.locator('#role').inputValue());
console.log('username', await card.locator('#cfg-username').inputValue().catch(e=>'ERR'));
await p.locator('#theme').selectOption('light');
await b.close();
