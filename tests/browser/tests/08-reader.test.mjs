// Journey 8: a reader sees the plan but no add buttons, and every write answers 403.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, text, Api } from '../lib.mjs';

test('reader: no add buttons, read-only forms, 403 on posting', () =>
  withKrisenfest({}, async ({ server, browser, base }) => {
    server.addUser('leser@example.org', 'Lea Leser', 'reader');
    const admin = await Api.login(base);
    const c = await admin.newContact({ name: 'Erika Muster', phones: [{ kind: 'mobile', number: '+49 170 1234567' }] });
    const r = await admin.newRole({ name: 'Notfallleitung', primary_contact_id: c.id });

    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await uiLogin(page, base, 'leser@example.org');

    // start page: no way to add
    assert.equal(await page.locator('main a[href$="/contacts/new"], main a[href$="/roles/new"]').count(), 0,
      'no add links on the start page');

    // team page: the plan, but no add buttons
    await page.goto(`${base}/o/1/team`);
    assert.match(await text(page.locator('main')), /Erika Muster/);
    assert.match(await text(page.locator('main')), /Notfallleitung/);
    assert.equal(await page.locator('a[href$="/contacts/new"], a[href$="/roles/new"]').count(), 0,
      'no add buttons on the team page');
    assert.ok(await page.locator('main a[href^="tel:"]').count() >= 1, 'tap-to-call works for readers too');

    // contact and role pages are read-only: no save, no delete
    for (const path of [`/o/1/contacts/${c.id}`, `/o/1/roles/${r.id}`]) {
      await page.goto(`${base}${path}`);
      assert.equal(await page.locator('main form button[type="submit"]').count(), 0, `no save button on ${path}`);
      assert.equal(await page.locator('main a[href$="/delete"]').count(), 0, `no delete link on ${path}`);
      assert.equal(await page.locator('#f-name').getAttribute('readonly'), '', `name read-only on ${path}`);
    }

    // the forms for new items are closed
    for (const path of ['/o/1/contacts/new', '/o/1/roles/new', `/o/1/contacts/${c.id}/delete`]) {
      const resp = await page.goto(`${base}${path}`);
      assert.equal(resp.status(), 403, `GET ${path} as reader`);
    }

    // posting: as a web form (with the session's own CSRF token) and through the API
    const session = await (await page.request.get(`${base}/api/v1/session`)).json();
    const csrf = session.csrf_token;
    assert.ok(csrf, 'reader has a CSRF token');
    const posts = [
      ['/o/1/contacts/new', { _csrf: csrf, name: 'Von Lea' }],
      [`/o/1/contacts/${c.id}`, { _csrf: csrf, version: '1', name: 'Geändert von Lea' }],
      [`/o/1/contacts/${c.id}/delete`, { _csrf: csrf, version: '1' }],
      ['/o/1/roles/new', { _csrf: csrf, name: 'Von Lea' }],
    ];
    for (const [path, form] of posts) {
      const resp = await page.request.post(`${base}${path}`, { form, maxRedirects: 0 });
      assert.equal(resp.status(), 403, `POST ${path} as reader`);
    }
    const apiResp = await page.request.post(`${base}/api/v1/orgs/1/contacts`, {
      headers: { 'X-CSRF-Token': csrf }, data: { name: 'Von Lea per API' },
    });
    assert.equal(apiResp.status(), 403, 'API POST as reader');
    assert.equal((await apiResp.json()).error.code, 'forbidden');

    const reader = await Api.login(base, 'leser@example.org');
    const viaApi = await reader.req('POST', '/orgs/1/contacts', { name: 'Von Lea per API' });
    assert.equal(viaApi.status, 403);

    // nothing changed
    const contacts = await admin.contacts();
    assert.deepEqual(contacts.map((x) => [x.name, x.version]), [['Erika Muster', 1]]);
    assert.equal((await admin.roles()).length, 1);
    await ctx.close();
  }));
