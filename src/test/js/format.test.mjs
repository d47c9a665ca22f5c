// The console's wording of API answers (src/main/resources/webroot/console/js/format.js), run by `node --test`
// from ConsoleScriptsTest.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {addressText, comparisonRows, displayName, explanationOf, historyText, keyText, label, lean, moneyText,
  overrideValue, pairReason, probabilityText, queryText, route, searchRecord, timeText, valueText, weightText}
  from '../../main/resources/webroot/console/js/format.js';

test('a person is named by full name, else given and family name; an organization by its name', () => {
  assert.equal(displayName({givenName: 'Wei', familyName: 'Zhang'}), 'Wei Zhang');
  assert.equal(displayName({fullName: '张伟', givenName: '伟', familyName: '张'}), '张伟');
  assert.equal(displayName({orgName: 'Acme GmbH', fullName: 'ignored'}), 'Acme GmbH');
  assert.equal(displayName({familyName: 'Zhang'}), 'Zhang');
});

test('a record without a name is shown by how to reach it, a guest order as such', () => {
  assert.equal(displayName({kind: 'order', phones: ['3123281870']}), 'Guest order · 3123281870');
  assert.equal(displayName({kind: 'person', emails: ['a@b.c'], phones: ['1']}), '(no name) · a@b.c');
  assert.equal(displayName({kind: 'order'}), 'Guest order');
  assert.equal(displayName(null), '(unknown)');
});

test('addresses read on one line, leaving out the parts not given', () => {
  assert.equal(addressText({line1: '8 Jianguo Rd', line2: null, city: 'Beijing', postcode: '100022', country: 'CN'}),
    '8 Jianguo Rd, Beijing, 100022, CN');
  assert.equal(addressText(null), '');
  assert.equal(addressText('12 Main St'), '12 Main St');
});

test('values: lists one per line, addresses inside lists on one line, absent as empty, numbers and false as text', () => {
  assert.equal(valueText(['a@x.io', 'b@x.io']), 'a@x.io\nb@x.io');
  assert.equal(valueText([{line1: '1 A St', city: 'X'}]), '1 A St, X');
  assert.equal(valueText(null), '');
  assert.equal(valueText(undefined), '');
  assert.equal(valueText(false), 'false');
  assert.equal(valueText(0), '0');
  assert.equal(valueText({reason: 'x'}), '{"reason":"x"}');
});

test('two records side by side: same values ignoring case and spacing, one-sided values, source attributes last', () => {
  const rows = comparisonRows(
    {givenName: 'Wei', familyName: 'ZHANG', emails: ['w@x.io'], attributes: {segment: 'retail', consent: true}},
    {givenName: 'Wei ', familyName: 'zhang', birthDate: '1990-03-07', attributes: {segment: 'vip'}});
  const by = Object.fromEntries(rows.map(r => [r.attribute, r]));
  assert.deepEqual(rows.map(r => r.attribute),
    ['givenName', 'familyName', 'birthDate', 'emails', 'attributes.consent', 'attributes.segment']);
  assert.equal(by.givenName.same, true);
  assert.equal(by.familyName.same, true);
  assert.equal(by.birthDate.oneSided, true);
  assert.equal(by.birthDate.same, false);
  assert.equal(by['attributes.segment'].same, false);
  assert.equal(by['attributes.consent'].left, 'true');
});

test('full-width and half-width forms compare the same (NFKC), as the matcher reads them', () => {
  const [row] = comparisonRows({givenName: 'Ｗｅｉ'}, {givenName: 'Wei'});
  assert.equal(row.same, true);
});

test('nothing to compare gives no rows', () => {
  assert.deepEqual(comparisonRows({}, null), []);
});

test('a review item nests its scored explanation under the decision; a profile record does not', () => {
  const fields = [{field: 'family', level: 'EXACT', weight: 6}];
  const review = {explanation: {band: 'REVIEW', rule: 'cluster-guard', explanation: {band: 'MERGE', fields, guard: 'conflicting national ids'}}};
  assert.equal(explanationOf(review).fields, fields);
  assert.equal(explanationOf({explanation: {band: 'MERGE', fields}}).fields, fields);
  assert.equal(explanationOf(null), null);
});

test('why a pair waits: its rule, the guard that stopped the merge, what the records share', () => {
  assert.equal(pairReason({explanation: {rule: 'cluster-guard', explanation: {rule: 'fellegi-sunter', guard: 'conflicting birth dates'}}}),
    'cluster-guard: conflicting birth dates');
  assert.equal(pairReason({explanation: {rule: 'household', explanation: {rule: 'household', shared: ['phone:1', 'address:2']}}}),
    'household (shared phone:1, address:2)');
  assert.equal(pairReason({explanation: {rule: 'fellegi-sunter'}}), 'fellegi-sunter');
  assert.equal(pairReason({}), '');
});

test('weights are signed bits; a weight near zero leans nowhere', () => {
  assert.equal(weightText(6.071), '+6.07');
  assert.equal(weightText(-12.149), '-12.15');
  assert.equal(weightText(0), '0');
  assert.equal(weightText(0.001), '0');
  assert.equal(weightText(undefined), '');
  assert.equal(lean(3), 'for');
  assert.equal(lean(-0.5), 'against');
  assert.equal(lean(0), 'neutral');
  assert.equal(lean(0.01), 'neutral');
});

test('probabilities near certainty keep the digits that tell them apart', () => {
  assert.equal(probabilityText(0.9669), '96.7 %');
  assert.equal(probabilityText(0.99949), '99.95 %');
  assert.equal(probabilityText(1), '100.0 %');
  assert.equal(probabilityText(0), '0.0 %');
  assert.equal(probabilityText(null), '');
});

test('times are shown in UTC to the minute; text that is no time is kept', () => {
  assert.equal(timeText('2026-12-05T15:54:40.729926Z'), '2026-12-05 15:54 UTC');
  assert.equal(timeText('2026-12-05T16:54:40+01:00'), '2026-12-05 15:54 UTC');
  assert.equal(timeText('soon'), 'soon');
  assert.equal(timeText(null), '');
});

test('money has two decimals, thousands separated, and its currency', () => {
  assert.equal(moneyText(1234.5, 'CNY'), '1,234.50 CNY');
  assert.equal(moneyText(0), '0.00');
  assert.equal(moneyText(null, 'EUR'), '');
});

test('labels: canonical names, the matcher field names, source attributes by their own name', () => {
  assert.equal(label('birthDate'), 'Birth date');
  assert.equal(label('family'), 'Family name');
  assert.equal(label('attributes.creditLimit'), 'creditLimit');
  assert.equal(label('somethingNew'), 'somethingNew');
});

test('history events read as sentences', () => {
  assert.equal(historyText({event: 'record-linked', record: {source: 'crm', sourceId: 'C-1'},
    matchedWith: {source: 'erp', sourceId: 'K-7'}, rule: 'fellegi-sunter', band: 'MERGE', score: 1}),
  'Record crm C-1 linked matched with erp K-7 (fellegi-sunter, MERGE, 100.0 %)');
  assert.equal(historyText({event: 'steward-action', actor: 'ann', action: 'profile.split', detail: {note: 'two people'}}),
    'Steward ann: profile.split: two people');
  assert.equal(historyText({event: 'profile-merged', merged: 'p2', actor: 'ann', reason: 'same id'}),
    'Profile p2 merged in by ann: same id');
  assert.equal(historyText({event: 'risk-raised', code: 'LITIGATION', severity: 'high'}), 'Risk LITIGATION raised (high)');
  assert.equal(historyText({event: 'risk-cleared', code: 'DORMANT'}), 'Risk DORMANT cleared');
  assert.equal(historyText({event: 'created'}), 'Profile created');
  assert.equal(historyText({event: 'something-new'}), 'something-new');
});

test('query strings leave out empty parameters and escape the rest', () => {
  assert.equal(queryText({status: 'open', after: null, limit: 50, order: ''}), '?status=open&limit=50');
  assert.equal(queryText({after: 'value:12.5:7'}), '?after=value%3A12.5%3A7');
  assert.equal(queryText({}), '');
});

test('routes come from the location hash, with their parameters', () => {
  assert.deepEqual(route('#/reviews/58?status=merged'), {path: ['reviews', '58'], params: {status: 'merged'}});
  assert.deepEqual(route('#/key/crm/C%2F1'), {path: ['key', 'crm', 'C/1'], params: {}});
  assert.deepEqual(route(''), {path: [], params: {}});
  assert.deepEqual(route('#/'), {path: [], params: {}});
});

test('a search description holds only what was filled in, contacts in their lists', () => {
  assert.deepEqual(searchRecord({fullName: ' 夏俊 ', birthDate: '1974-11-14', email: '', phone: '138 0013 8000', postcode: '100022'}),
    {fullName: '夏俊', birthDate: '1974-11-14', phones: ['138 0013 8000'], addresses: [{postcode: '100022'}]});
  assert.deepEqual(searchRecord({orgName: 'Acme Co., Ltd.'}), {orgName: 'Acme Co., Ltd.', kind: 'organization'});
  assert.deepEqual(searchRecord({}), {});
});

test('override values: lists one per line, addresses as JSON, a blank single value refused', () => {
  assert.deepEqual(overrideValue('emails', 'a@x.io\n\n b@x.io '), ['a@x.io', 'b@x.io']);
  assert.deepEqual(overrideValue('addresses', '{"line1": "1 A St"}'), [{line1: '1 A St'}]);
  assert.deepEqual(overrideValue('addresses', '[{"city": "X"}]'), [{city: 'X'}]);
  assert.equal(overrideValue('givenName', ' Wei '), 'Wei');
  assert.throws(() => overrideValue('givenName', '  '), /give a value/);
  assert.throws(() => overrideValue('addresses', 'not json'), SyntaxError);
});

test('key text', () => {
  assert.equal(keyText({source: 'crm', sourceId: 'C-1'}), 'crm C-1');
  assert.equal(keyText(null), '');
});
