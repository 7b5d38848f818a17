import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
await page.goto(process.argv[2], { waitUntil: 'networkidle' });
await page.waitForTimeout(1500);
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
await page.screenshot({ path: process.argv[3] });
await browser.close();
