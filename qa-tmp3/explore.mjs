import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
const p = await ctx.newPage();
p.on('console', m => { if (m.type()==='error'||m.type()==='warning') console.log('CONSOLE', m.type(), m.text()); });
await p.goto('http://127.0.0.1:9080');
await p.waitForTimeout(2500);
await p.screenshot({ path: '/tmp/qa-helper3/01-top.png' });
// Dump accessible snapshot of settings
const snap = await p.locator('mp-integration-settings').first().ariaSnapshot();
console.log(snap);
await b.close();
