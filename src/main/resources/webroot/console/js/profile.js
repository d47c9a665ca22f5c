// One customer: the golden record with where each value came from, risk, orders, the records and why each is
// here, the history, and a steward's corrections (override, split, merge), each sent with the profile's version.
import {del, get, post, put} from './api.js';
import {h, show, table, link, field, notice} from './dom.js';
import {displayName, historyText, keyText, label, moneyText, overrideValue, probabilityText, queryText, timeText,
  valueText} from './format.js';
import {fieldsTable} from './reviews.js';

const OVERRIDE_RULE = 'steward-override';

export async function profileByKey(view, source, sourceId, context) {
  const {data} = await get('/profiles/by-key/' + encodeURIComponent(source) + '/' + encodeURIComponent(sourceId));
  location.replace('#/profiles/' + data.profileId);
}

/** flash: what the steward's last action did, shown above the profile as it is now. */
export async function profileView(view, id, context, flash) {
  const path = '/profiles/' + encodeURIComponent(id);
  const [{data: profile, etag}, {data: explained}, {data: history}, {data: orders}] = await Promise.all([
    get(path + '?lineage=true'), get(path + '/explain'), get(path + '/history?limit=200'),
    get(path + '/orders?limit=50')]);
  const reviews = context.can('steward')
    ? (await get('/reviews' + queryText({status: 'open', profile: profile.profileId, limit: 100}))).data.items : [];
  const steward = context.can('steward');
  const refresh = message => profileView(view, profile.profileId, context, message);
  show(view,
    flash ? h('div', {class: 'ok', role: 'status'}, flash) : null,
    profile.profileId !== id ? h('p', {class: 'ok'}, 'Profile ' + id + ' was merged into this one.') : null,
    h('h1', {}, displayName(profile), ' ', h('span', {class: 'badge'}, profile.tier || 'no tier')),
    h('p', {class: 'muted'}, profile.kind + ' · profile ' + profile.profileId + ' · version ' + profile.version
      + ' · ' + profile.records.length + ' record' + (profile.records.length === 1 ? '' : 's')
      + ' · since ' + timeText(profile.createdAt) + ' · updated ' + timeText(profile.updatedAt)),
    reviews.length ? h('p', {class: 'card'}, 'Open review pairs: ',
      reviews.map((r, i) => [i ? ', ' : '', link('/reviews/' + r.id, '#' + r.id)])) : null,
    h('h2', {}, 'Risk'), riskTable(profile.riskTags || []),
    h('h2', {}, 'Golden record'), goldenTable(profile, etag, steward, refresh),
    h('h2', {}, 'Orders'), ordersFacts(profile.orders), orderList(orders),
    h('h2', {}, 'Records and why each is here'), recordsSection(profile, explained, etag, steward, refresh),
    steward ? [h('h2', {}, 'Merge another profile into this one'), mergeForm(profile, etag, refresh)] : null,
    h('h2', {}, 'History'), historyList(history));
}

function riskTable(tags) {
  if (!tags.length) return h('p', {class: 'muted'}, 'No risk tags.');
  return table(['Code', 'Severity', 'Since', 'Evidence'], tags.map(tag => [
    tag.code, h('span', {class: 'badge ' + tag.severity}, tag.severity), timeText(tag.since),
    (tag.evidence || []).map(e => [keyText(e), e.attribute ? ' ' + e.attribute + ' = ' + valueText(e.value) : '',
      e.detail ? ' ' + valueText(e.detail) : '', '\n']),
  ]));
}

function goldenTable(profile, etag, steward, refresh) {
  const lineage = profile.lineage || {};
  const names = Object.keys(lineage).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return table(['Attribute', 'Value', 'Rule', 'Where it came from'].concat(steward ? [''] : []), names.map(name => {
    const entry = lineage[name];
    const candidates = entry.candidates || [];
    const cells = [
      label(name),
      valueText(entry.value),
      [entry.rule === OVERRIDE_RULE ? h('strong', {}, 'set by a steward') : entry.rule, why(entry.why)],
      [(entry.from || []).map(keyText).join(', '), candidates.length > 1 ? h('details', {},
        h('summary', {}, candidates.length + ' values offered'),
        table(['Value', 'Record', 'At'], candidates.map(c =>
          [valueText(c.value) + (c.field ? ' (as ' + c.field + ')' : ''), keyText(c), timeText(c.at)])))
        : null],
    ];
    if (steward) cells.push(overrideControl(profile, name, entry, etag, refresh));
    return cells;
  }), {class: 'golden'});
}

/** What decided between values that disagree: short reasons inline, long ones folded. */
function why(reason) {
  const text = valueText(reason);
  if (!text) return null;
  if (text.length <= 90) return h('div', {class: 'muted'}, text);
  return h('details', {class: 'muted'}, h('summary', {}, text.slice(0, 60) + '…'), text);
}

const ORDER = ['givenName', 'familyName', 'fullName', 'orgName', 'birthDate', 'nationalId', 'taxId', 'emails', 'phones',
  'addresses'];
function order(name) {
  const i = ORDER.indexOf(name);
  return i < 0 ? ORDER.length : i;
}

function overrideControl(profile, attribute, entry, etag, refresh) {
  const answer = notice();
  const path = '/profiles/' + profile.profileId + '/overrides/' + encodeURIComponent(attribute);
  if (entry.rule === OVERRIDE_RULE) {
    return h('div', {}, h('button', {type: 'button', onclick: () => act(answer, refresh,
      () => del(path, undefined, etag), () => label(attribute) + ': back to survivorship.')}, 'Back to survivorship'), answer.el);
  }
  const editor = h('details', {}, h('summary', {}, 'Set by hand'));
  const value = h('textarea', {placeholder: attribute === 'addresses' ? '[{"line1": "…", "city": "…"}]'
    : attribute === 'emails' || attribute === 'phones' ? 'one per line' : 'value'});
  value.value = attribute === 'addresses' ? JSON.stringify(entry.value || [], null, 1) : valueText(entry.value);
  const note = h('input', {placeholder: 'why (audit trail)'});
  const save = () => {
    let given;
    try {
      given = overrideValue(attribute, value.value);
    } catch (error) {
      return answer.fail({title: 'Not a value for ' + label(attribute), detail: error.message});
    }
    return act(answer, refresh, () => put(path, {value: given, note: note.value || null}, etag),
      () => label(attribute) + ': set by hand.');
  };
  editor.append(field('Value', value), field('Note', note),
    h('button', {type: 'button', class: 'primary', onclick: save}, 'Save'), answer.el);
  return editor;
}

/**
 * A steward's action, then the profile as it is now with what the action did. A refusal stays beside the
 * action's button; a failure to read the profile again after the action is not reported as the action failing.
 */
async function act(answer, refresh, action, message) {
  let result;
  try {
    result = await action();
  } catch (error) {
    return answer.fail(error);
  }
  try {
    await refresh(message(result));
    window.scrollTo(0, 0);
  } catch (error) {
    answer.fail({title: 'Done, but the profile could not be read again', detail: error.message});
  }
}

function ordersFacts(orders) {
  if (!orders || !orders.orderCount) return h('p', {class: 'muted'}, 'No orders.');
  const facts = [
    ['Orders', orders.orderCount + (orders.keptOrders !== orders.orderCount ? ' (' + orders.keptOrders + ' kept)' : '')],
    ['Spend', moneyText(orders.spend, orders.valueCurrency)],
    ['Value, last 12 months', moneyText(orders.value12m, orders.valueCurrency)],
    ['Average order', moneyText(orders.averageOrderValue, orders.valueCurrency)],
    ['First and last order', timeText(orders.firstOrderAt) + ' … ' + timeText(orders.lastOrderAt)],
    ['Returns', orders.returns + ' (' + ((orders.returnRate || 0) * 100).toFixed(1) + ' %)'],
    ['Cancellations', orders.cancellations],
    ['Channels', (orders.channels || []).join(', ')],
  ];
  return h('dl', {class: 'facts card'}, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]));
}

/** The orders themselves, newest first, folded: the figures above are what most readers want. */
function orderList(page) {
  const orders = page.orders || [];
  if (!orders.length) return null;
  return h('details', {}, h('summary', {}, (page.truncated ? 'The newest ' : 'The ') + orders.length + ' orders'),
    table(['Ordered', 'Order', 'Amount', 'Status', 'Channel', 'Customer record'], orders.map(o => [
      timeText(o.orderedAt), keyText(o), moneyText(o.amount, o.currency), o.status || '', o.channel || '',
      keyText(o.customer)])));
}

function recordsSection(profile, explained, etag, steward, refresh) {
  const chosen = new Set();
  const rows = (explained.records || []).map(r => {
    const key = {source: r.source, sourceId: r.sourceId};
    const cells = [
      keyText(r),
      [r.rule || '', r.band ? ' ' : '', r.band ? h('span', {class: 'badge ' + r.band}, r.band) : null],
      r.score != null ? probabilityText(r.score) : '',
      // scored again now, with the model in use, and whether anything would keep them apart
      r.matchedWith ? link('/compare/' + [r.source, r.sourceId, r.matchedWith.source, r.matchedWith.sourceId]
        .map(encodeURIComponent).join('/'), keyText(r.matchedWith)) : '',
      timeText(r.linkedAt),
      r.explanation && r.explanation.fields
        ? h('details', {}, h('summary', {}, 'fields'), fieldsTable(r.explanation.fields)) : '',
    ];
    if (steward) cells.unshift(h('input', {type: 'checkbox', 'aria-label': 'split ' + keyText(r),
      onchange: e => (e.target.checked ? chosen.add(key) : chosen.delete(key))}));
    return cells;
  });
  const headers = ['Record', 'Rule and band', 'Match', 'Matched with', 'Linked', 'Comparison'];
  if (!steward) return table(headers, rows);
  const note = h('input', {placeholder: 'why they are another customer', size: 36});
  const answer = notice();
  const split = h('button', {type: 'button', class: 'danger', onclick: () => {
    if (!chosen.size) return answer.fail({title: 'Nothing chosen', detail: 'tick the records that belong to another customer'});
    return act(answer, refresh,
      () => post('/profiles/' + profile.profileId + '/split', {records: [...chosen], note: note.value || null}, etag),
      ({data}) => ['Split ' + chosen.size + ' record' + (chosen.size === 1 ? '' : 's') + ' off into a new profile: ',
        link('/profiles/' + data.newProfileId, data.newProfileId)]);
  }}, 'Split the ticked records off');
  return [table([''].concat(headers), rows), h('div', {class: 'toolbar'}, field('Note', note), split), answer.el];
}

function mergeForm(profile, etag, refresh) {
  const other = h('input', {placeholder: 'profile id', size: 40});
  const note = h('input', {placeholder: 'why they are the same customer', size: 36});
  const answer = notice();
  return [h('div', {class: 'toolbar'}, field('Profile', other), field('Note', note),
    h('button', {type: 'button', class: 'primary', onclick: () => act(answer, refresh,
      () => post('/profiles/' + profile.profileId + '/merge', {with: other.value.trim(), note: note.value || null}, etag),
      () => 'Profile ' + other.value.trim() + ' merged into this one.')}, 'Merge into this profile')), answer.el];
}

function historyList(history) {
  const events = history.events || [];
  if (!events.length) return h('p', {class: 'muted'}, 'Nothing yet.');
  return [h('ol', {class: 'history card'},
    events.map(e => h('li', {}, h('time', {datetime: e.at}, timeText(e.at)), historyText(e)))),
    history.truncated ? h('p', {class: 'muted'}, 'Older entries left out.') : null];
}
