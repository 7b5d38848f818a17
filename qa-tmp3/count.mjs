import { start } from './lib.mjs';
const { b, ctx } = await start();
const p = await ctx.newPage();
p.on('request', r => { if (r.url().includes(':9787')) console.log(r.method(), r.url().replace('http://127.0.0.1:9787','')); });
p.on('response', r => { if (r.url().includes(':9787') && r.status()>=400) console.log('  ->', r.status(), r.url().replace('http://127.0.0.1:9787','')); });
await p.goto('http://127.0.0.1:9080');
await p.waitForTimeout(5000);
await b.close();
