// A walk through the stewards' console in headless Chromium against a running hub, checking what a steward sees
// and does. `mvn verify` runs it (ConsoleWalkthroughIT) against a test node holding the demo's sample records, with
// Debian's chromium and the playwright-core of package.json here; .ci/run installs both:
//
//   apt-get install chromium && npm ci --prefix src/test/browser
//
// It changes the hub's data (a pair decided, a record split off and merged back, the model trained). To run it by
// hand against `bin/hub demo`:
//
//   export HUB_DATA_DIR=...   # the demo's
//   STEWARD=$(bin/hub token --role steward,reader | tail -1) READER=$(bin/hub token --role reader | tail -1) \
//   OTHER=$(bin/hub token --role steward --subject bob | tail -1) \
//   ADMIN=$(bin/hub token --role admin | tail -1) node src/test/browser/console-walkthrough.mjs
//
// HUB_URL (default http://127.0.0.1:8080) may be set too, and what browser.mjs reads (CHROMIUM, FAILURE_SCREENSHOT,
// PLAYWRIGHT_CORE).
import assert from 'node:assert/strict';

import {openPage, step} from './browser.mjs';

const base = process.env.HUB_URL || 'http://127.0.0.1:8080';
const {STEWARD, READER, ADMIN, OTHER} = process.env;
assert.ok(STEWARD && READER && ADMIN && OTHER, 'set STEWARD, READER, OTHER (a second steward) and ADMIN tokens');

const api = (token, method, path, body, etag) => fetch(base + '/api/v1' + path, {method, headers: {
  Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', ...(etag ? {'If-Match': etag} : {})},
body: body === undefined ? undefined : JSON.stringify(body)});

// the walkthrough provokes a 412 (stale) and a 401 (bad token), which the browser logs
const {browser, page, errors} = await openPage('console-walkthrough', /status of (412|401)/);

async function signIn(token) {
  await page.goto(base + '/console/');
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.fill('#token', token);
  await page.click('button[type=submit]');
  await page.waitForSelector('nav a');
}
const goldenRow = name => page.locator('table.golden > tbody > tr')
  .filter({has: page.locator('td:first-child', {hasText: new RegExp('^' + name + '$')})});
const flash = () => page.locator('div.ok[role=status]');
const noProblem = async what => assert.equal(await page.locator('main .problem').count(), 0,
  what + ': ' + await page.locator('main .problem').allTextContents());

// 1. a steward signs in and decides the first open pair
await signIn(STEWARD);
assert.deepEqual(await page.locator('nav a').allTextContents(),
  ['Review queue', 'Find a customer', 'Risk lists', 'Sources', 'Audit trail', 'Match model']);
await page.waitForSelector('tbody tr a');
const pairId = (await page.locator('tbody tr a').first().textContent()).slice(1);
await page.locator('tbody tr a').first().click();
await page.waitForSelector('h1:has-text("Pair #' + pairId + '")');
assert.ok(await page.locator('text=Why it is here').count());
// opening the pair claimed it: a second steward can neither claim nor see it in their queue meanwhile
await page.waitForSelector('text=Claimed by you until');
const taken = await api(OTHER, 'POST', '/reviews/' + pairId + '/claim', {});
assert.equal(taken.status, 409, 'the second steward is told the pair is being decided');
const theirs = await (await api(OTHER, 'GET', '/reviews?available=true&limit=1000')).json();
assert.ok(!theirs.items.some(p => String(p.id) === pairId), 'the pair left the second steward\'s queue');
// the customer of a side with a name (a guest order has none to set by hand)
let profileId = null;
for (const card of await page.locator('.columns .card').all()) {
  const name = await card.locator('h3').textContent();
  if (!profileId && !/^(Guest order|\(no name\))/.test(name)) {
    profileId = (await card.locator('a[href^="#/profiles/"]').getAttribute('href')).split('/').pop();
  }
}
assert.ok(profileId, 'a side of the pair has a name');
await page.fill('textarea', 'walkthrough: same customer');
await page.click('button:has-text("Same customer")');
await page.waitForSelector('.notice .ok');
assert.match(await page.locator('.columns').textContent(), /record/, 'each side names the customer it is in');
await page.keyboard.press('n');
await page.waitForFunction(id => /^#\/reviews\/\d+$/.test(location.hash) && location.hash !== '#/reviews/' + id, pairId);
const skipped = (await page.evaluate(() => location.hash)).split('/').pop();
await page.waitForSelector('text=Claimed by you until');
await page.keyboard.press('n');
await page.waitForFunction(id => location.hash !== '#/reviews/' + id, skipped);
const free = await api(OTHER, 'POST', '/reviews/' + skipped + '/claim', {});
assert.equal(free.status, 200, 'a pair skipped with n is given back: ' + await free.text());
assert.equal((await api(OTHER, 'DELETE', '/reviews/' + skipped + '/claim')).status, 200);
step('pair #' + pairId + ' claimed on opening and merged; n led on to #' + skipped + ', and n again gave it back');

// 1b. two pairs of the queue kept apart at once
await page.goto(base + '/console/#/reviews');
await page.waitForSelector('tbody input[type=checkbox]');
await page.locator('tbody input[type=checkbox]').nth(0).check();
await page.locator('tbody input[type=checkbox]').nth(1).check();
await page.fill('input[placeholder="why (audit trail)"]', 'walkthrough: two households');
await page.click('button:has-text("Keep the ticked apart")');
await page.waitForSelector('text=2 of 2 decided (kept apart).');
step('two ticked pairs kept apart from the queue');

// 2. a golden value set by hand, then given back to survivorship
await page.goto(base + '/console/#/profiles/' + profileId);
await page.waitForSelector('table.golden');
await noProblem('profile');
// the pair's profile may have been merged into the other one: the page shows the survivor, which actions name
profileId = (await page.locator('main p.muted').first().textContent()).match(/profile ([0-9a-f-]{36})/)[1];
// a person's or an organization's name, whichever this customer has
const names = [];
for (const name of ['Given name', 'Family name', 'Full name', 'Organization']) if (await goldenRow(name).count()) names.push(name);
assert.ok(names.length, 'the customer has a name');
const [named, other] = [names[0], names[names.length - 1]];
await goldenRow(named).locator('summary:has-text("Set by hand")').click();
await goldenRow(named).locator('textarea').fill('Walkthrough');
await goldenRow(named).locator('input').fill('walkthrough: override');
await goldenRow(named).locator('button:has-text("Save")').click();
await page.waitForSelector('text=' + named + ': set by hand.');
assert.equal((await goldenRow(named).locator('td').nth(1).textContent()).trim(), 'Walkthrough');
await goldenRow(named).locator('button:has-text("Back to survivorship")').click();
await page.waitForSelector('text=' + named + ': back to survivorship.');
step(named + ' set by hand and given back on ' + profileId);

// 3. a record split off into its own profile, then merged back
const records = await page.locator('main input[type=checkbox]').count();
assert.ok(records >= 2, 'the merged pair left at least two records');
await page.locator('main input[type=checkbox]').last().check();
await page.fill('input[placeholder="why they are another customer"]', 'walkthrough: split');
await page.click('button:has-text("Split the ticked records off")');
await page.waitForSelector('div.ok[role=status]:has-text("Split 1 record")');
const splitId = (await flash().locator('a').getAttribute('href')).split('/').pop();
assert.equal(await page.locator('main input[type=checkbox]').count(), records - 1);
await page.fill('input[placeholder="profile id"]', splitId);
await page.fill('input[placeholder="why they are the same customer"]', 'walkthrough: merge back');
await page.click('button:has-text("Merge into this profile")');
await page.waitForSelector('div.ok[role=status]:has-text("merged into this one")');
assert.equal(await page.locator('main input[type=checkbox]').count(), records);
step('record split off into ' + splitId + ' and merged back');

// 4. another steward changes the customer meanwhile: the page's action is refused, not applied blind
let r = await api(STEWARD, 'PUT', '/profiles/' + profileId + '/overrides/attributes.segment', {value: 'walkthrough-' + Date.now(), note: 'walkthrough: someone else'});
assert.equal(r.status, 200, await r.text());
await goldenRow(other).locator('summary:has-text("Set by hand")').click();
await goldenRow(other).locator('button:has-text("Save")').click();
await page.waitForSelector('table.golden .problem:has-text("412")');
assert.ok(await page.locator('a:has-text("Read it again")').count());
r = await api(STEWARD, 'DELETE', '/profiles/' + profileId + '/overrides/attributes.segment');
assert.equal(r.status, 200);
step('a stale action answered 412 with a way to read the customer again');

// 5. a merged-away id leads to the survivor
await page.goto(base + '/console/#/profiles/' + splitId);
await page.waitForSelector('text=was merged into this one');
step('the merged-away id ' + splitId + ' shows its survivor');

// 6. a name made of markup stays text
const hostile = '<img src=x onerror=alert(1)>';
const sourceId = 'WALK-' + Date.now();
r = await api(ADMIN, 'POST', '/records/crm', {source: 'crm', sourceId, kind: 'person', fullName: hostile, emails: [sourceId.toLowerCase() + '@example.com']});
assert.equal(r.status, 200);
await page.goto(base + '/console/#/key/crm/' + sourceId);
await page.waitForSelector('h1:has-text("<img")');
assert.equal(await page.locator('main img').count(), 0);
step('a customer named ' + hostile + ' is shown as text');

// 6b. the read-only views answer without a problem: search, risk lists, sources with completeness, audit
await page.goto(base + '/console/#/search');
await page.fill('input[name=familyName]', 'Zhang');
await page.click('button:has-text("Find")');
await page.waitForSelector('main table, main .card:has-text("No profile")');
await noProblem('search');
await page.goto(base + '/console/#/risk/DATA_CONFLICT');
await page.waitForSelector('h1:has-text("Risk lists")');
await noProblem('risk list');
await page.goto(base + '/console/#/sources?completeness=true');
await page.waitForSelector('h2:has-text("Completeness")');
await noProblem('sources');
await page.goto(base + '/console/#/audit?subject=profile:' + profileId);
await page.waitForSelector('h1:has-text("Audit trail")');
await page.waitForSelector('main table');
await noProblem('audit');
assert.ok(await page.locator('main tbody tr').count() >= 4, 'the override, its removal, the split and the merge');
step('search, risk list, sources with completeness and the customer\'s audit trail shown');
await page.goto(base + '/console/#/profiles/' + profileId);
await page.waitForSelector('main input[type=checkbox]');
// two of the customer's records (a steward's merge names no matched record to link from)
const keys = (await page.locator('main input[type=checkbox]').evaluateAll(boxes => boxes.map(b => b.getAttribute('aria-label'))))
  .slice(0, 2).map(label => label.replace(/^split /, '').split(' '));
await page.goto(base + '/console/#/compare/' + keys.flat().map(encodeURIComponent).join('/'));
await page.waitForSelector('h2:has-text("How each field weighed")');
await noProblem('compare');
assert.match(await page.locator('main .card').first().textContent(), /They are one customer now/);
step('two of the customer\'s records scored again: ' + await page.locator('main h1').textContent());

// 6c. an administrator trains the model and re-resolves every record from the model page
await signIn(ADMIN);
await page.goto(base + '/console/#/model');
await page.waitForSelector('h1:has-text("Match model, version")');
const before = await page.locator('main h1').textContent();
await page.click('button:has-text("Train from the stored records")');
await page.waitForSelector('text=Trained version', {timeout: 120000});
await page.waitForFunction(text => document.querySelector('main h1').textContent !== text, before);
await page.click('button:has-text("Re-resolve every record")');
await page.waitForSelector('text=Re-resolved:', {timeout: 120000});
await noProblem('model');
step('trained (' + before + ' → ' + await page.locator('main h1').textContent() + ') and re-resolved: '
  + await page.locator('.notice .ok').textContent());

// 6d. the stored versions: how the learned one agrees with the stewards' decisions above, what the shipped default
// would change, and the default put back with a note
const versionRows = page.locator('table.versions > tbody > tr');
assert.ok(await versionRows.count() >= 2, 'the trained version and the shipped default');
assert.match(await versionRows.first().textContent(), /\(in use\)/);
await versionRows.first().locator('button:has-text("Agreement")').click();
await page.waitForSelector('text=newest pairs stewards decided');
const agreement = await page.locator('.version-answer p.ok').textContent();
assert.doesNotMatch(agreement, /against the 0 newest/, 'the pairs decided above count: ' + agreement);
await versionRows.last().locator('button:has-text("What would change")').click();
await page.waitForSelector('text=Dry run with version 0, nothing changed', {timeout: 120000});
await page.fill('#restore-note', 'walkthrough: back to the shipped default');
await versionRows.last().locator('button:has-text("Restore")').click();
await page.waitForSelector('text=Version 0 restored as version');
await page.waitForFunction(() => /restored from 0/.test(document.querySelector('table.versions tbody tr').textContent));
await noProblem('model versions');
step('versions: ' + agreement + '; the shipped default restored');

// 7. a reader sees customers but no steward actions; a bad token leads back to the sign-in
await signIn(READER);
assert.deepEqual(await page.locator('nav a').allTextContents(), ['Find a customer', 'Risk lists', 'Sources']);
await page.goto(base + '/console/#/profiles/' + profileId);
await page.waitForSelector('table.golden');
await noProblem('profile as a reader');
assert.equal(await page.locator('main button').count(), 0);
assert.equal(await page.locator('main input[type=checkbox]').count(), 0);
await page.evaluate(() => sessionStorage.setItem('customer-hub.token', 'not-a-token'));
await page.reload();
await page.waitForSelector('.problem:has-text("Signed out")');
step('a reader reads without actions; a refused token signs out');

assert.deepEqual(errors, [], 'the page reported errors');
await browser.close();
console.log('walkthrough passed');
