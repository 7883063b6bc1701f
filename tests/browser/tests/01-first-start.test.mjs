// Journey 1: first start. The one-time set-up link from stdout creates the
// organisation and its admin and lands on the start page with the five steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, submit, text, PW, Api } from '../lib.mjs';

test('first start: set-up link creates the organisation and shows the five steps', () =>
  withKrisenfest({ init: false }, async ({ server, browser, base }) => {
    const link = await server.setupLink();
    assert.ok(link.startsWith(`${base}/setup?token=`), `set-up link on stdout: ${link}`);

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    const resp = await page.goto(link);
    assert.equal(resp.status(), 200, `set-up page answers: ${await text(page.locator('main'))}`);

    // fields found through their <label for>, as a screen reader would
    for (const id of ['org_name', 'name', 'email', 'password', 'password2']) {
      const input = page.locator(`#f-${id}`);
      assert.equal(await input.count(), 1, `input #f-${id}`);
      assert.equal(await page.locator(`label[for="f-${id}"]`).count(), 1, `label for ${id}`);
    }
    await page.locator('#f-org_name').fill('Bäckerei Beispiel');
    await page.locator('#f-name').fill('Anna Admin');
    await page.locator('#f-email').fill('anna@example.org');
    await page.locator('#f-password').fill(PW);
    await page.locator('#f-password2').fill(PW);
    assert.equal(await submit(page), 303, 'set-up form answers with a redirect');
    assert.equal(new URL(page.url()).pathname, '/o/1/', 'lands on the start page');

    // the five steps of the plan
    const steps = page.locator('main ol.path > li');
    await steps.first().waitFor();
    assert.equal(await steps.count(), 5, 'five steps on the start page');
    for (let i = 0; i < 5; i++)
      assert.match(await text(steps.nth(i).locator('h2')), new RegExp(`^${i + 1}\\b`), `step ${i + 1} numbered`);
    assert.match(await text(page.locator('header')), /Bäckerei Beispiel/, 'organisation name in the header');
    assert.match(await page.title(), /Bäckerei Beispiel/, 'organisation name in the title');

    // signed in already: the admin exists and the API knows the organisation
    const api = await Api.login(base, 'anna@example.org', PW);
    const orgs = await api.get('/orgs');
    assert.deepEqual(orgs.map((o) => [o.id, o.name, o.role]), [[1, 'Bäckerei Beispiel', 'admin']]);

    // the link works only once
    const again = await page.goto(link);
    assert.ok([403, 410].includes(again.status()), `second use of the set-up link: ${again.status()}`);
    await ctx.close();
  }));
