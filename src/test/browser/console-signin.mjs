// A steward signs in to the console at the organization's identity provider (authorization code with PKCE), keeps
// working past the access token's expiry (the console renews it), signs out there, and a code the console did not
// ask for is not used. Run by ConsoleSignInIT against a hub and a stand-in provider (FakeSignIns) it starts:
//
//   HUB_URL=http://127.0.0.1:PORT ACCESS_SECONDS=3 node src/test/browser/console-signin.mjs
//
// What browser.mjs reads (CHROMIUM, FAILURE_SCREENSHOT, PLAYWRIGHT_CORE) may be set too.
import assert from 'node:assert/strict';

import {openPage, step} from './browser.mjs';

const base = process.env.HUB_URL;
const accessSeconds = Number(process.env.ACCESS_SECONDS || 3);
assert.ok(base, 'set HUB_URL');
// the expired token's refusal is logged by the browser; it is what the renewal answers
const {browser, page, errors} = await openPage('console-signin', /status of 401/);
const tokensInTab = () => page.evaluate(() => Object.keys(sessionStorage).filter(k => k.startsWith('customer-hub.')));

// 1. from a link to one section, to the provider and back, signed in, in that section, the code gone
await page.goto(base + '/console/#/sources');
await page.waitForSelector('#provider-sign-in');
assert.match(await page.locator('#provider-sign-in').innerText(), /^Sign in at 127\.0\.0\.1:\d+$/);
await page.click('#provider-sign-in');
await page.waitForSelector('nav a');
const back = new URL(page.url());
assert.equal(back.search, '', 'the code left the address bar');
assert.equal(back.hash, '#/sources');
assert.match(await page.locator('#who').innerText(), /alice · reader, steward/);
assert.deepEqual((await tokensInTab()).sort(), ['customer-hub.id-token', 'customer-hub.refresh', 'customer-hub.token']);
step('signed in at the identity provider, back in the section the link named');

// 2. past the access token's life, the next view still shows: the console renewed the token
const first = await page.evaluate(() => sessionStorage.getItem('customer-hub.token'));
await page.waitForTimeout((accessSeconds + 2) * 1000);
await page.click('nav a[data-path=audit]');
// the audit view's own heading: until the hashchange is handled the section left is still on the page, and the
// view is drawn only once its request, and the renewal it needed, are done
await page.waitForFunction(() => location.hash === '#/audit'
  && document.querySelector('main h1')?.textContent === 'Audit trail');
assert.equal(await page.locator('#token').count(), 0, 'not sent back to the sign-in');
assert.equal(await page.locator('main .problem').count(), 0, await page.locator('main').innerText());
assert.notEqual(await page.evaluate(() => sessionStorage.getItem('customer-hub.token')), first, 'a new token');
step('the expired token was renewed without leaving the page');

// 3. signing out ends the session at the provider too and leaves no token in the tab
await page.click('#who button');
await page.waitForSelector('#provider-sign-in');
assert.deepEqual(await tokensInTab(), []);
step('signed out here and at the provider');

// 4. a code this tab did not ask for is not exchanged
await page.goto(base + '/console/?code=stolen&state=forged');
await page.waitForSelector('#provider-sign-in');
assert.match(await page.locator('main .problem').innerText(), /does not belong to a sign-in started here/);
assert.equal(new URL(page.url()).search, '');
assert.deepEqual(await tokensInTab(), []);
step('a code the console did not ask for is refused');

assert.deepEqual(errors, [], 'no script errors');
await browser.close();
