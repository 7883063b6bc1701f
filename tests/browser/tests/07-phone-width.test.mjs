// Journey 7: at phone width (360 x 740) the team page does not scroll
// sideways. Screenshots of the start page, the team page and the contact form
// at 360 px and 1280 px go to tests/browser/screenshots/ (git-ignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, uiLogin, submit, Api, screenshotPath } from '../lib.mjs';

const people = [
  ['Erika Mustermann-Schönfeld', 'Geschäftsführerin', '', '+49 170 1234567', '0761 1234560', 'erika.mustermann-schoenfeld@baeckerei-beispiel.de'],
  ['Jürgen Groß', 'Systembetreuer', 'IT-Service Süd GmbH & Co. KG', '+49 151 98765432', '0761 555444', 'support@it-service-sued.example'],
  ['Özlem Yılmaz', 'Buchhaltung', '', '+49 160 5550001', '', 'oezlem@baeckerei-beispiel.de'],
  ['Hans-Peter Übermuth', 'Filialleitung Innenstadt', '', '+49 171 2223334', '0761 2223330', ''],
  ['Stadtwerke Freiburg Störungsannahme', 'Internetanbieter', 'Stadtwerke Freiburg', '0800 1234567', '', 'stoerung@stadtwerke.example'],
];

async function widths(page) {
  return page.evaluate(() => ({ scroll: document.scrollingElement.scrollWidth, client: document.documentElement.clientWidth }));
}

test('phone width: team page without horizontal scrolling; screenshots at 360 and 1280 px', () =>
  withKrisenfest({}, async ({ browser, base }) => {
    const api = await Api.login(base);
    const ids = [];
    for (const [name, fn, company, mobile, office, email] of people) {
      const phones = [{ kind: 'mobile', number: mobile }];
      if (office) phones.push({ kind: 'office', number: office });
      ids.push((await api.newContact({ name, function: fn, company, phones, email,
        external: !!company, last_verified: company ? '2025-03-01' : null })).id);
    }
    await api.newRole({ name: 'Notfallleitung', duties: 'Entscheidet über Notbetrieb, informiert Kunden und Lieferanten.',
      primary_contact_id: ids[0], deputy_contact_ids: [ids[3], ids[2]] });
    await api.newRole({ name: 'Technik', duties: 'Stellt Kasse, Warenwirtschaft und Internet wieder her.',
      primary_contact_id: ids[1], deputy_contact_ids: [] });
    await api.newRole({ name: 'Datenschutz', duties: '', primary_contact_id: null, deputy_contact_ids: [] });

    const shots = [['start', '/o/1/'], ['team', '/o/1/team'], ['contact-form', '/o/1/contacts/new'],
      ['contact-edit', `/o/1/contacts/${ids[0]}`], ['role-form', '/o/1/roles/new']];
    const overflow = {};
    for (const [w, h] of [[360, 740], [1280, 900]]) {
      const ctx = await newContext(browser, { viewport: { width: w, height: h }, isMobile: w < 400, hasTouch: w < 400,
        deviceScaleFactor: 1 });
      const page = await ctx.newPage();
      await page.goto(`${base}/login`);
      await page.screenshot({ path: screenshotPath(`login-${w}`), fullPage: true });
      await uiLogin(page, base);
      for (const [name, path] of shots) {
        await page.goto(`${base}${path}`);
        await page.screenshot({ path: screenshotPath(`${name}-${w}`), fullPage: true });
        overflow[`${name}@${w}`] = await widths(page);
        if (name === 'team' && w === 360) {
          // informational: tap-to-call links that stick out of the screen (inside a scrolling table)
          const clipped = await page.evaluate(() => [...document.querySelectorAll('main a[href^="tel:"]')]
            .filter((a) => a.getBoundingClientRect().right > document.documentElement.clientWidth).length);
          const total = await page.locator('main a[href^="tel:"]').count();
          if (clipped) console.log(`team@360: ${clipped} of ${total} tel: links reach beyond the right edge of the screen`);
        }
      }
      // the contact form with validation messages
      await page.goto(`${base}/o/1/contacts/new`);
      await page.locator('#f-email').fill('kaputt');
      await page.locator('main form').first().evaluate((f) => { f.noValidate = true; });
      assert.equal(await submit(page), 422);
      await page.screenshot({ path: screenshotPath(`contact-form-errors-${w}`), fullPage: true });
      overflow[`contact-form-errors@${w}`] = await widths(page);
      await ctx.close();
    }

    const wide = Object.entries(overflow).filter(([k, v]) => k.endsWith('@360') && v.scroll > 360);
    if (wide.length) console.log(`pages wider than 360 px: ${wide.map(([k, v]) => `${k}=${v.scroll}`).join(', ')}`);
    assert.ok(overflow['team@360'].scroll <= 360,
      `team page scrolls sideways at 360 px: scrollWidth ${overflow['team@360'].scroll}`);
  }));
