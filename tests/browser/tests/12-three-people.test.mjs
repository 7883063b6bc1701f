// Journey 12: three people build a plan together, each in their own browser.
// Anna (admin) invites Eddi by email; Nele (Notfallleiterin) and Eddi see
// Anna's new contact appear live and see each other on the page; Nele gives
// Eddi a task, he finishes it; Eddi mentions Nele in a comment; both edit the
// same contact and nobody's change is lost; Nele submits the plan and Anna
// approves it. Every notification email lands in the test's SMTP sink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  withKrisenfest, newContext, uiLogin, submit, text, screenshotPath, startMailSink, Api, PW, ADMIN,
} from '../lib.mjs';

const NELE = 'nele@example.org';
const EDDI = 'eddi@example.org';

/** The browser of one person, signed in. */
async function person(browser, base, email) {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  if (email) await uiLogin(page, base, email);
  return page;
}

test('three people: invitation, live changes, tasks, comments, no overwrite, approval, mails', async () => {
  const sink = await startMailSink();
  try {
    await withKrisenfest({ serveArgs: sink.serveArgs }, async ({ server, browser, base }) => {
      server.addUser(NELE, 'Nele Notfall', 'notfallleiter');
      const anna = await person(browser, base, ADMIN);
      const nele = await person(browser, base, NELE);
      const eddi = await person(browser, base, null);
      const api = await Api.login(base);

      // ---- Anna invites Eddi; the invitation mail carries the one-time link
      await anna.goto(`${base}/o/1/members`);
      await anna.locator('#f-email').fill(EDDI);
      await anna.locator('#f-role').selectOption('editor');
      assert.equal(await submit(anna), 201, 'invitation created (the page shows the link too)');
      const invite = await sink.waitFor((m) => m.to.includes(EDDI), 'with the invitation');
      assert.match(invite.subject, /Einladung/);
      const link = invite.body.match(/http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_\-]+/);
      assert.ok(link, `a link in the invitation: ${invite.body}`);
      await eddi.goto(link[0]);
      await eddi.locator('#f-name').fill('Eddi Editor');
      await eddi.locator('#f-password').fill(PW);
      await eddi.locator('#f-password2').fill(PW);
      assert.equal(await submit(eddi), 303, 'Eddi joined');
      const members = await api.get('/orgs/1/members');
      const list = members.members || members;
      const eddiMember = list.find((m) => m.email === EDDI);
      assert.equal(eddiMember && eddiMember.role, 'editor');

      // ---- live: Nele and Eddi have the team page open, Anna adds a contact
      await nele.goto(`${base}/o/1/team`);
      await eddi.goto(`${base}/o/1/team`);
      const presence = eddi.locator('#live .presence');
      await presence.waitFor({ state: 'visible' });
      assert.match(await text(presence), /Nele Notfall/);
      for (const p of [nele, eddi]) await p.evaluate(() => { window.kfNoReload = 1; });
      await anna.goto(`${base}/o/1/contacts/new`);
      await anna.locator('#f-name').fill('Erika Muster');
      await anna.locator('#f-phone_kind_0').selectOption('mobile');
      await anna.locator('#f-phone_number_0').fill('+49 170 1234567');
      assert.equal(await submit(anna), 303, 'contact saved');
      for (const p of [nele, eddi]) {
        await p.locator('main', { hasText: 'Erika Muster' }).waitFor();
        assert.equal(await p.evaluate(() => window.kfNoReload), 1, 'shown without reload');
      }
      await eddi.screenshot({ path: screenshotPath('12-three-live'), fullPage: true });
      const erika = (await api.contacts()).find((c) => c.name === 'Erika Muster');

      // ---- Nele gives Eddi a task on the contact; he gets a mail and finishes it
      await nele.goto(`${base}/o/1/contacts/${erika.id}`);
      await nele.locator(`main a[href*="/tasks/new?entity=contact&entity_id=${erika.id}"]`).first().click();
      await nele.locator('#f-title').fill('Handynummer von Erika prüfen');
      await nele.locator('#f-assignee_id').selectOption({ label: 'Eddi Editor' });
      await nele.locator('#f-due_date').fill('2099-03-01');
      assert.equal(await submit(nele), 303, 'task saved');
      const assigned = await sink.waitFor((m) => m.to.includes(EDDI) && m.subject.includes('Handynummer'),
        'about the task for Eddi');
      assert.match(assigned.body, /Handynummer von Erika prüfen/);
      await eddi.goto(`${base}/o/1/tasks/mine`);
      await eddi.locator('main a', { hasText: 'Handynummer von Erika prüfen' }).first().click();
      await eddi.locator('#f-status').selectOption('done');
      assert.equal(await submit(eddi), 303, 'task done');
      const tasks = await api.get('/orgs/1/tasks');
      const task = (tasks.tasks || tasks).find((t) => t.title === 'Handynummer von Erika prüfen');
      assert.equal(task.status, 'done');

      // ---- Eddi mentions Nele in a comment on the contact
      await eddi.goto(`${base}/o/1/contacts/${erika.id}`);
      await eddi.locator('#f-comment').fill('@"Nele Notfall" bitte die **Firma** ergänzen');
      assert.equal(await submit(eddi, eddi.locator('#comments button[type="submit"]').last()), 303, 'comment saved');
      const mention = await sink.waitFor((m) => m.to.includes(NELE) && /erwähnt/.test(m.subject),
        'about the mention for Nele');
      assert.match(mention.subject, /Kontakt „Erika Muster“ \(von Eddi Editor\)/);
      assert.match(mention.body, new RegExp(`/o/1/contacts/${erika.id}`), 'the link to the contact');
      await nele.goto(`${base}/o/1/contacts/${erika.id}`);
      const comment = nele.locator('#comments .comment', { hasText: 'bitte die' });
      assert.equal(await comment.locator('strong', { hasText: 'Firma' }).count(), 1, 'Markdown rendered');

      // ---- both edit the contact: Nele saves first, Eddi's save is refused and he chooses per field
      await nele.goto(`${base}/o/1/contacts/${erika.id}`);
      await eddi.goto(`${base}/o/1/contacts/${erika.id}`);
      await nele.locator('#f-company').fill('Muster GmbH');
      assert.equal(await submit(nele), 303, 'Nele saved');
      await eddi.locator('#f-company').fill('Muster AG');
      await eddi.locator('#f-function').fill('Buchhaltung');
      assert.equal(await submit(eddi), 409, 'stale save refused');
      assert.equal((await api.get(`/orgs/1/contacts/${erika.id}`)).company, 'Muster GmbH', 'nothing overwritten');
      await eddi.locator('input[name="_take:company"][value="saved"]').check();
      await eddi.screenshot({ path: screenshotPath('12-three-conflict'), fullPage: true });
      assert.equal(await submit(eddi), 303, 'saved with his choice');
      const merged = await api.get(`/orgs/1/contacts/${erika.id}`);
      assert.equal(merged.company, 'Muster GmbH', "Nele's company kept");
      assert.equal(merged.function, 'Buchhaltung', "Eddi's function kept");

      // ---- Nele submits the plan, Anna approves it (four eyes)
      await nele.goto(`${base}/o/1/plan-versions`);
      await nele.locator('#f-note').fill('Erste gemeinsame Fassung');
      assert.equal(await submit(nele), 303, 'version submitted');
      const ask = await sink.waitFor((m) => m.to.includes(ADMIN) && /Freigabe|freigeben/.test(m.subject + m.body),
        'asking Anna to approve');
      assert.ok(ask);
      await anna.goto(`${base}/o/1/plan-versions`);
      assert.equal(await submit(anna, anna.locator('main form[action$="/plan-versions/1/approve"] button')), 303,
        'approved');
      await anna.screenshot({ path: screenshotPath('12-three-approved'), fullPage: true });
      const versions = await api.get('/orgs/1/plan-versions');
      assert.equal(versions.approved, 1);
      assert.equal(versions.versions[0].approved_by.name, 'Anna Admin');
      await sink.waitFor((m) => m.to.includes(NELE) && /freigegeben/.test(m.subject + m.body),
        'telling Nele that the plan was approved');

      // every mail is addressed to one of the three and its subject is German
      for (const m of sink.mails()) {
        assert.match(m.to, /(admin|nele|eddi)@example\.org/);
        assert.match(m.subject, /Einladung|Aufgabe|erwähnt|Freigabe|freigegeben/, `German subject: ${m.subject}`);
      }
    });
  } finally {
    sink.stop();
  }
});
