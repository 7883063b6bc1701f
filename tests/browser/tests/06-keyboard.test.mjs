// Journey 6: the login form works with the keyboard alone (Tab, typing, Enter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withKrisenfest, newContext, ADMIN, PW } from '../lib.mjs';

const activeId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

test('keyboard: sign in with Tab and Enter only', () =>
  withKrisenfest({}, async ({ browser, base }) => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);

    // Tab from the top of the page until the email field has the focus
    const visited = [];
    for (let i = 0; i < 12 && (await activeId(page)) !== 'f-email'; i++) {
      await page.keyboard.press('Tab');
      visited.push(await page.evaluate(() => {
        const e = document.activeElement;
        return e ? `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''}` : '';
      }));
    }
    assert.equal(await activeId(page), 'f-email', `Tab reaches the email field (focus went: ${visited.join(' > ')})`);
    assert.ok(visited.length <= 4, `email field reached within a few Tabs: ${visited.join(' > ')}`);
    await page.keyboard.type(ADMIN);
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'f-password', 'next Tab goes to the password');
    await page.keyboard.type(PW);
    await Promise.all([page.waitForURL('**/o/1/'), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, '/o/1/', 'Enter submits and lands on the start page');

    // and the submit button itself is reachable and works with Enter
    const ctx2 = await newContext(browser);
    const p2 = await ctx2.newPage();
    await p2.goto(`${base}/login`);
    await p2.locator('#f-email').focus();
    await p2.keyboard.type(ADMIN);
    await p2.keyboard.press('Tab');
    await p2.keyboard.type(PW);
    await p2.keyboard.press('Tab');
    const focused = await p2.evaluate(() => {
      const e = document.activeElement;
      return e && e.tagName === 'BUTTON' && e.type === 'submit' && !!e.closest('main form');
    });
    assert.ok(focused, 'Tab after the password reaches the sign-in button');
    await Promise.all([p2.waitForURL('**/o/1/'), p2.keyboard.press('Enter')]);
    await ctx.close();
    await ctx2.close();
  }));
