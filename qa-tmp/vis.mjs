import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto('http://127.0.0.1:9080');
await p.getByRole('tab', { name: 'Customer onboard' }).click();
await p.getByRole('button', { name: 'Edit Northside Tennis Centre' }).click();
const grid = p.locator('mp-endpoint-grid');
await grid.getByRole('button', { name: 'Next page' }).waitFor();
// keyboard: focus Next, Enter, then Previous via Shift+Tab, Enter
await grid.getByRole('button', { name: 'Next page' }).focus();
await p.keyboard.press('Enter');
await p.waitForTimeout(1200);
await p.keyboard.press('Shift+Tab');
await p.keyboard.press('Enter');
await p.waitForTimeout(1500);
await p.screenshot({ path: '/tmp/v-prev.png' });
// danger hover in dark
await p.evaluate(() => { document.documentElement.dataset.mpTheme = 'dark'; });
await grid.getByRole('button', { name: /^Delete/ }).first().click();
const del = grid.getByRole('button', { name: 'Delete endpoint' });
await del.hover();
await p.waitForTimeout(300);
await p.screenshot({ path: '/tmp/v-hover.png' });
await grid.getByRole('button', { name: 'Keep it' }).click();
// RTL
await p.evaluate(() => { document.documentElement.dir = 'rtl'; document.documentElement.dataset.mpTheme = 'light'; });
await p.waitForTimeout(300);
await grid.locator('[part="pager"]').scrollIntoViewIfNeeded();
await p.screenshot({ path: '/tmp/v-rtl.png' });
await b.close();
