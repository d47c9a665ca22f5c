// How the sources cover the customers, and the audit trail of what stewards did.
import {get} from './api.js';
import {h, show, table, link, field} from './dom.js';
import {queryText, timeText} from './format.js';

const FIELDS = ['name', 'orgName', 'birthDate', 'nationalId', 'taxId', 'emails', 'phones', 'addresses'];

export async function sourcesView(view, params, context) {
  const complete = params.completeness === 'true';
  const {data} = await get('/sources' + queryText({completeness: complete ? 'true' : null}));
  const sources = data.sources || [];
  show(view, h('h1', {}, 'Sources'),
    h('p', {class: 'muted'}, 'What each source holds and how many customers it shares with the others. ',
      complete ? null : link('/sources?completeness=true', 'How complete are their records?')),
    table(['Source', 'Persons', 'Organizations', 'Orders', 'Deleted', 'Erased', 'Customers', 'Only here',
      'Shared with', 'Open reviews', 'Last stored'],
      sources.map(s => [s.source, count(s.records.persons), count(s.records.organizations), count(s.records.orders),
        count(s.records.deleted), count(s.records.erased), count(s.profiles), count(s.profilesOnlyHere),
        Object.entries(s.profilesSharedWith || {}).map(([other, n]) => other + ' ' + count(n)).join('\n'),
        count(s.openReviewPairs), timeText(s.lastStoredAt)])),
    complete ? completeness(sources) : null,
    customers(data.profiles || {}));
}

/** Per source and kind, the share of its records that give each field. */
function completeness(sources) {
  const rows = [];
  for (const s of sources) {
    for (const [kind, shares] of Object.entries(s.completeness || {})) {
      if (!shares.records) continue;
      rows.push([s.source, kind, count(shares.records),
        ...FIELDS.map(f => shares[f] == null ? '' : Math.round(shares[f] * 100) + ' %')]);
    }
  }
  return [h('h2', {}, 'Completeness: the share of records that give each field'),
    table(['Source', 'Kind', 'Records', 'Name', 'Organization', 'Birth date', 'National id', 'Tax id', 'E-mails',
      'Phones', 'Addresses'], rows)];
}

function customers(profiles) {
  return [
    h('h2', {}, count(profiles.active) + ' active customers, by how many sources know them'),
    table(['Sources', 'Customers'], Object.entries(profiles.bySourceCount || {}).map(([n, c]) => [n, count(c)])),
    h('h2', {}, 'The commonest combinations of sources'),
    table(['Sources', 'Customers'],
      (profiles.combinations || []).slice(0, 20).map(c => [c.sources.join(' + '), count(c.profiles)])),
  ];
}

function count(n) {
  return n == null ? '' : Number(n).toLocaleString('en-US');
}

export async function auditView(view, params, context) {
  const subject = params.subject || '';
  const {data} = await get('/audit' + queryText({subject, after: params.after, limit: 50}));
  const items = data.items || [];
  const filter = h('input', {value: subject, placeholder: 'profile:<id> or review_pair:<id>', size: 50});
  show(view, h('h1', {}, 'Audit trail'),
    h('p', {class: 'muted'}, 'Every decision, merge, split, override and erasure, who made it and why.'),
    h('form', {class: 'toolbar', onsubmit: e => {
      e.preventDefault();
      location.hash = '#/audit' + queryText({subject: filter.value.trim()});
    }}, field('About', filter), h('button', {type: 'submit'}, 'Show')),
    items.length ? table(['#', 'When', 'Who', 'Action', 'Subject', 'Detail'], items.map(a => [
      String(a.id), timeText(a.at), a.actor, a.action, subjectLink(a.subject),
      a.detail ? JSON.stringify(a.detail, null, 1) : ''])) : h('p', {class: 'card'}, 'Nothing yet.'),
    data.next != null && items.length === 50
      ? h('p', {}, link('/audit' + queryText({subject, after: data.next}), 'Next page »')) : null);
}

function subjectLink(text) {
  if (text && text.startsWith('profile:')) return link('/profiles/' + text.slice('profile:'.length), text);
  if (text && text.startsWith('review_pair:')) return link('/reviews/' + text.slice('review_pair:'.length), text);
  return text || '';
}
