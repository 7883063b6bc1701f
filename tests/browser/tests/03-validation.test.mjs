// Journey 3: invalid input re-shows the form with messages beside the fields,
// keeps the input and stores nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, text, Api } from '../lib.mjs';

test('validation: empty name and bad email show messages beside the fields, nothing stored', () =>
  withKrisenfest({}, async ({ browser, base }) => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await uiLogin(page, base);
    await page.goto(`${base}/o/1/contacts/new`);

    await page.locator('#f-name').fill('');
    await page.locator('#f-company').fill('Firma Bleibt');
    await page.locator('#f-email').fill('kaputt');
    await page.locator('#f-phone_number_0').fill('0170 555');
    await page.locator('#f-notes').fill('Notiz bleibt');
    // The browser's own checks (required, type=email) would stop this post;
    // switch them off to test what the server answers.
    await page.locator('main form').first().evaluate((f) => { f.noValidate = true; });
    assert.equal(await submit(page), 422, 'invalid contact answers 422');

    for (const field of ['name', 'email']) {
      const err = page.locator(`#err-${field}`);
      await err.waitFor();
      assert.ok(await err.isVisible(), `#err-${field} visible`);
      assert.notEqual(await text(err), '', `#err-${field} has a message`);
      const input = page.locator(`#f-${field}`);
      assert.equal(await input.getAttribute('aria-invalid'), 'true', `${field} aria-invalid`);
      assert.match(await input.getAttribute('aria-describedby') || '', new RegExp(`\\berr-${field}\\b`),
        `${field} described by its message`);
      // beside the field: message and input share the same field container
      const box = page.locator('.field', { has: input });
      assert.equal(await box.locator(`#err-${field}`).count(), 1, `#err-${field} beside its input`);
    }
    assert.equal(await page.locator('#f-company').getAttribute('aria-invalid'), null, 'valid company not marked');
    assert.equal(await page.locator('#err-company').count(), 0, 'no message for company');

    // input kept
    assert.equal(await page.locator('#f-email').inputValue(), 'kaputt');
    assert.equal(await page.locator('#f-company').inputValue(), 'Firma Bleibt');
    assert.equal(await page.locator('#f-phone_number_0').inputValue(), '0170 555');
    assert.equal(await page.locator('#f-notes').inputValue(), 'Notiz bleibt');
    assert.equal(await page.locator('#error-summary').count(), 1, 'summary above the form');

    // nothing stored
    const api = await Api.login(base);
    assert.deepEqual(await api.contacts(), []);

    // correcting the input saves it
    await page.locator('#f-name').fill('Erika Muster');
    await page.locator('#f-email').fill('erika@example.org');
    assert.equal(await submit(page), 303, 'corrected contact saved');
    const list = await api.contacts();
    assert.equal(list.length, 1);
    assert.equal(list[0].company, 'Firma Bleibt');
    assert.equal(list[0].notes, 'Notiz bleibt');
    await ctx.close();
  }));
