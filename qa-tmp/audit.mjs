import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, scheme] of [[768, 'dark'], [1024, 'light'], [1280, 'light'], [360, 'light']]) {
  const p = await b.newPage({ viewport: { width: w, height: 900 }, colorScheme: scheme });
  await p.goto('http://127.0.0.1:9080');
  await p.evaluate((s) => { localStorage.setItem('mp-demo-theme', s); }, scheme);
  await p.reload();
  await p.getByRole('tab', { name: 'Audit trail' }).click();
  await p.waitForTimeout(1500);
  await p.getByRole('tabpanel', { name: 'Audit trail' }).locator('table').scrollIntoViewIfNeeded();
  const overflow = await p.evaluate(() => { const s = document.querySelector('.audit-scroll'); return s.scrollWidth - s.clientWidth; });
  console.log(w, 'overflow', overflow);
  await p.screenshot({ path: `/tmp/a-${w}.png` });
  await p.close();
}
await b.close();
