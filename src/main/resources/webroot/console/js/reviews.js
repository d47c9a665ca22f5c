// The review queue and one pair: both records side by side, how each field weighed, and the decision.
import {del, get, post} from './api.js';
import {h, show, table, link, field, notice, reloadLink} from './dom.js';
import {comparisonRows, displayName, explanationOf, keyText, label, lean, moneyText, pairReason, probabilityText, queryText,
  timeText, weightText} from './format.js';

const PAGE = 50;

export async function reviewQueue(view, params, context) {
  const status = params.status || 'open';
  const order = params.order || 'id';
  // open pairs another steward has claimed are theirs to decide: left out unless asked for
  const mine = status === 'open' && params.all !== 'true';
  const query = {status, order: order === 'value' ? 'value' : null, available: mine ? 'true' : null,
    after: params.after, limit: PAGE};
  const page = (await get('/reviews' + queryText(query))).data;
  const here = {status, order, all: mine ? null : 'true'};
  const go = changes => { location.hash = '#/reviews' + queryText({...here, ...changes}); };
  const statusSelect = h('select', {onchange: e => go({status: e.target.value, after: null})},
    ['open', 'merged', 'kept-apart', 'moot'].map(s => h('option', {value: s, selected: s === status}, s)));
  const orderSelect = h('select', {onchange: e => go({order: e.target.value, after: null})},
    h('option', {value: 'id', selected: order !== 'value'}, 'oldest first'),
    h('option', {value: 'value', selected: order === 'value'}, 'most valuable customers first'));
  const bulk = status === 'open' && context.can('steward') ? bulkDecisions(page.items) : null;
  const rows = page.items.map(item => ({
    class: 'clickable',
    onclick: e => { if (e.target.type !== 'checkbox') location.hash = '#/reviews/' + item.id; },
    cells: [
      ...(bulk ? [bulk.checkbox(item)] : []),
      link('/reviews/' + item.id, '#' + item.id),
      probabilityText(item.score),
      pairReason(item),
      [displayName(item.left.record), h('div', {class: 'muted'}, keyText(item.left))],
      [displayName(item.right.record), h('div', {class: 'muted'}, keyText(item.right))],
      order === 'value' ? moneyText(item.value12m) : timeText(item.createdAt),
      [h('span', {class: 'badge ' + item.status}, item.status),
        item.claimedBy ? h('div', {class: 'muted'}, 'claimed by ' + item.claimedBy) : null],
    ],
  }));
  show(view,
    h('h1', {}, 'Review queue'),
    h('p', {class: 'muted'}, 'Pairs the matcher was not sure of. Open one to compare the two records and decide.'),
    h('div', {class: 'toolbar'}, field('Status', statusSelect), field('Order', orderSelect),
      status === 'open' ? h('label', {}, h('input', {type: 'checkbox', checked: !mine,
        onchange: e => go({all: e.target.checked ? 'true' : null, after: null})}),
      ' also the pairs other stewards are deciding') : null),
    bulk && rows.length ? bulk.toolbar : null,
    rows.length ? table([...(bulk ? [''] : []), 'Pair', 'Match', 'Rule', 'Left', 'Right',
      order === 'value' ? 'Value (12 m)' : 'Since', 'Status'], rows)
      : h('p', {class: 'card'}, status === 'open' ? 'Nothing to review.' : 'No ' + status + ' pairs.'),
    h('p', {}, params.after ? link('/reviews' + queryText(here), '« First page') : null, ' ',
      page.next != null && rows.length === PAGE
        ? link('/reviews' + queryText({...here, after: page.next}), 'Next page »') : null));
}

/**
 * Deciding the ticked pairs of a page at once (POST /reviews/decisions), each with the version the page shows, so
 * that a pair whose records changed since is refused rather than decided blind; the answer says for each pair.
 */
function bulkDecisions(items) {
  const ticked = new Map();
  const note = h('input', {placeholder: 'why (audit trail)', size: 36});
  const answer = notice();
  const send = decision => async () => {
    if (!ticked.size) return answer.fail({title: 'Nothing ticked', detail: 'tick the pairs to decide'});
    const decisions = [...ticked.values()]
      .map(item => ({id: item.id, decision, note: note.value || null, version: item.version}));
    try {
      const {data} = await post('/reviews/decisions', {decisions});
      const done = data.results.filter(r => r.status === 'decided').length;
      const notDone = data.results.filter(r => r.status !== 'decided');
      show(answer.el, h('div', {class: notDone.length ? 'problem' : 'ok'},
        done + ' of ' + data.results.length + ' decided (' + (decision === 'merge' ? 'merged' : 'kept apart') + ').',
        notDone.map(r => h('p', {}, '#' + r.id + ' ' + r.status + (r.problem ? ': ' + r.problem.detail : ''))),
        h('p', {}, reloadLink('Read the queue again'))));
    } catch (error) {
      answer.fail(error);
    }
  };
  return {
    checkbox: item => h('input', {type: 'checkbox', 'aria-label': 'pair ' + item.id,
      onchange: e => (e.target.checked ? ticked.set(item.id, item) : ticked.delete(item.id))}),
    toolbar: h('div', {}, h('div', {class: 'toolbar'}, field('Note for the ticked pairs', note),
      h('button', {type: 'button', onclick: send('merge')}, 'Merge the ticked'),
      h('button', {type: 'button', onclick: send('keep-apart')}, 'Keep the ticked apart')), answer.el),
  };
}

export async function reviewPair(view, id, context) {
  const {data: item, etag} = await get('/reviews/' + encodeURIComponent(id));
  const claim = await claimed(item, context);
  const explanation = explanationOf(item) || {};
  const comparison = comparisonRows(item.left.record, item.right.record);
  show(view,
    h('h1', {}, 'Pair #' + item.id + ' ', h('span', {class: 'badge ' + item.status}, item.status)),
    h('p', {class: 'muted'}, 'Match probability ', h('strong', {}, probabilityText(item.score)),
      ' · weight ', weightText(explanation.weight), ' · scored ', explanation.band || '—',
      explanation.modelVersion != null ? ' by model v' + explanation.modelVersion : ''),
    h('p', {}, h('strong', {}, 'Why it is here: '), pairReason(item) || '—', ' · ',
      // the model may have learned since the pair was queued
      link('/compare/' + [item.left.source, item.left.sourceId, item.right.source, item.right.sourceId]
        .map(encodeURIComponent).join('/'), 'score it again now')),
    claim.mine ? h('p', {class: 'muted'}, 'Claimed by you until ' + timeText(claim.until)
      + ': the other stewards\' queues skip this pair meanwhile.') : null,
    claim.by ? h('div', {class: 'problem'}, h('strong', {}, 'Another steward is deciding this pair. '), claim.by) : null,
    claim.mine ? decisionForm(item, etag) : decided(item),
    h('div', {class: 'columns'}, side('Left', item.left), side('Right', item.right)),
    h('h2', {}, 'The two records'),
    table(['Attribute', keyText(item.left), keyText(item.right)], comparison.map(row => ({
      class: row.same ? 'same' : row.oneSided ? '' : 'differs',
      cells: [label(row.attribute), row.left, row.right],
    })), {class: 'compare'}),
    h('h2', {}, 'How each field weighed'),
    fieldsTable(explanation.fields || []));
}

/** The field comparisons of a pair: level and weight, with a bar as long as the weight. */
export function fieldsTable(fields) {
  const total = fields.reduce((sum, f) => sum + Math.abs(f.weight || 0), 0) || 1;
  return table(['Field', 'Level', 'Weight'], fields.map(f => [
    label(f.field),
    f.level + (f.tfAdjusted ? ' (by its frequency)' : ''),
    h('span', {class: lean(f.weight)}, weightText(f.weight),
      f.weight ? h('span', {class: 'bar ' + lean(f.weight),
        style: {width: Math.round(120 * Math.abs(f.weight) / total) + 'px'}}) : null),
  ]));
}

/** One side of a pair: the record, and the customer it belongs to now (a merge joins whole profiles). */
function side(title, party) {
  const customer = h('p', {class: 'muted'});
  if (party.profileId) {
    get('/profiles/' + party.profileId).then(({data}) => show(customer, customerText(data)), () => {});
  }
  return h('div', {class: 'card'},
    h('div', {class: 'muted'}, title + ' · ' + keyText(party)),
    h('h3', {}, displayName(party.record)),
    party.profileId ? h('p', {}, 'In profile ', link('/profiles/' + party.profileId, party.profileId))
      : h('p', {class: 'muted'}, 'In no profile now'),
    customer);
}

function customerText(profile) {
  const records = profile.records.length;
  const risks = (profile.riskTags || []).map(t => t.code);
  return displayName(profile) + ' · ' + records + ' record' + (records === 1 ? '' : 's') + ' from '
    + [...new Set(profile.records.map(r => r.source))].join(', ') + ' · tier ' + (profile.tier || 'none')
    + (risks.length ? ' · ' + risks.join(', ') : '');
}

function decided(item) {
  if (item.status === 'open') return null;
  return h('p', {class: 'card'}, 'Decided ', h('strong', {}, item.status), item.decidedBy ? ' by ' + item.decidedBy : '',
    item.decidedAt ? ' on ' + timeText(item.decidedAt) : '', item.note ? ': ' + item.note : '');
}

function decisionForm(item, etag) {
  const note = h('textarea', {placeholder: 'Why (kept in the audit trail)'});
  const answer = notice();
  const decide = decision => async () => {
    for (const b of buttons) b.disabled = true;
    try {
      await post('/reviews/' + item.id + '/decision', {decision, note: note.value || null}, etag);
      answer.ok(decision === 'merge' ? 'Merged. ' : 'Kept apart. ');
      const next = await nextOpen(item.id);
      answer.el.firstChild.append(next ? link('/reviews/' + next.id, 'Next open pair »') : link('/reviews', 'Back to the queue'));
    } catch (error) {
      answer.fail(error);
      // a pair whose records changed since it was read (412) is read again before anyone decides it
      if (error.status !== 412) for (const b of buttons) b.disabled = false;
    }
  };
  const buttons = [
    h('button', {class: 'primary', type: 'button', onclick: decide('merge')}, 'Same customer: merge'),
    h('button', {type: 'button', onclick: decide('keep-apart')}, 'Different customers: keep apart'),
  ];
  // a steward works through hundreds of pairs: m, k and n spare the mouse (not while typing a note)
  document.onkeydown = e => {
    if (!buttons[0].isConnected) return; // a pair no longer shown
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    if (e.key === 'm' && !buttons[0].disabled) decide('merge')();
    else if (e.key === 'k' && !buttons[1].disabled) decide('keep-apart')();
    else if (e.key === 'n') {
      // skipped undecided: the claim is given up, so the pair goes back to the others' queues at once
      const release = buttons[0].disabled ? Promise.resolve() : del('/reviews/' + item.id + '/claim').catch(() => {});
      release.then(() => nextOpen(item.id)).then(next => { location.hash = next ? '#/reviews/' + next.id : '#/reviews'; });
    }
  };
  return h('div', {class: 'card'}, h('div', {class: 'toolbar'}, field('Note', note), ...buttons), answer.el,
    h('p', {class: 'muted'}, 'Keys: m merge · k keep apart · n next open pair'));
}

async function nextOpen(after) {
  return (await get('/reviews' + queryText({status: 'open', available: 'true', after, limit: 1}))).data.items[0];
}

/**
 * The steward who opens an open pair claims it, so that the others' queues skip it while they decide; a pair
 * another steward has claimed is shown, with who and until when, and not decided here.
 */
async function claimed(item, context) {
  if (item.status !== 'open' || !context.can('steward')) return {mine: false};
  try {
    const {data} = await post('/reviews/' + item.id + '/claim', {minutes: 15});
    return {mine: true, until: data.claimedUntil};
  } catch (error) {
    if (error.status === 409) return {mine: false, by: error.detail};
    throw error;
  }
}
