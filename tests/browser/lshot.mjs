import { chromium } from 'playwright-core';
const base = process.argv[2];
const pages = process.argv.slice(3);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--no-first-run'] });
for (const width of [1280, 360]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE' });
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.fill('#f-email', process.env.KF_USER || 'admin@example.org');
  await page.fill('#f-password', process.env.KF_PW || 'correct horse battery');
  await page.click('button[type=submit].primary');
  for (const p of pages) {
    await page.goto(base + p);
    const name = p.replace(/[^a-z0-9]+/gi, '_');
    await page.screenshot({ path: `/tmp/lshot/${name}_${width}.png`, fullPage: true });
  }
  await ctx.close();
}
await browser.close();
