// Finding customers: by a description (the matcher's own search), by a source key, and by risk tag.
import {get, post} from './api.js';
import {h, show, table, link, field, notice} from './dom.js';
import {displayName, keyText, label, lean, probabilityText, queryText, searchRecord, weightText} from './format.js';
import {fieldsTable} from './reviews.js';

const RISK_CODES = ['CREDIT_OVERDUE', 'CREDIT_LIMIT_EXCEEDED', 'HIGH_RETURN_RATE', 'LITIGATION', 'DATA_CONFLICT',
  'INVALID_ID', 'DORMANT', 'NEW_CUSTOMER'];

export async function searchView(view, context) {
  const inputs = {};
  const input = (name, text, placeholder) => field(text, inputs[name] = h('input', {name, placeholder: placeholder || ''}));
  const results = h('div');
  const answer = notice();
  const form = h('form', {class: 'card', onsubmit: async e => {
    e.preventDefault();
    answer.clear();
    const values = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value]));
    const record = searchRecord(values);
    if (!Object.keys(record).length) {
      return answer.fail({title: 'Describe the customer', detail: 'fill in at least a name, a phone, an e-mail or an id'});
    }
    try {
      const {data} = await post('/profiles/search', record);
      show(results, resultsTable(data, await namesOf(data.results || [])));
    } catch (error) {
      answer.fail(error);
    }
  }},
  h('div', {class: 'toolbar'}, input('givenName', 'Given name'), input('familyName', 'Family name'),
    input('fullName', 'Full name', '张伟 or Zhang Wei'), input('orgName', 'Organization'),
    input('birthDate', 'Birth date', '1990-03-07')),
  h('div', {class: 'toolbar'}, input('email', 'E-mail'), input('phone', 'Phone'), input('nationalId', 'National id'),
    input('taxId', 'Tax id'), input('postcode', 'Postcode'), input('city', 'City')),
  h('button', {class: 'primary', type: 'submit'}, 'Find'), answer.el);

  const source = h('input', {placeholder: 'crm'});
  const sourceId = h('input', {placeholder: 'C-1001'});
  const byKey = h('form', {class: 'card toolbar', onsubmit: e => {
    e.preventDefault();
    if (source.value.trim() && sourceId.value.trim()) {
      location.hash = '#/key/' + encodeURIComponent(source.value.trim()) + '/' + encodeURIComponent(sourceId.value.trim());
    }
  }}, field('Source', source), field('Source id', sourceId), h('button', {type: 'submit'}, 'Open the profile'));

  const keys = [0, 1, 2, 3].map(i => h('input', {placeholder: ['crm', 'C-1001', 'erp', 'K-77'][i]}));
  const compare = h('form', {class: 'card toolbar', onsubmit: e => {
    e.preventDefault();
    if (keys.every(k => k.value.trim())) {
      location.hash = '#/compare/' + keys.map(k => encodeURIComponent(k.value.trim())).join('/');
    }
  }}, field('Source', keys[0]), field('Source id', keys[1]), field('Other source', keys[2]), field('Other source id', keys[3]),
  h('button', {type: 'submit'}, 'Compare'));

  show(view, h('h1', {}, 'Find a customer'),
    h('p', {class: 'muted'}, 'Describe the customer in any script; the matcher scores the profiles the description '
      + 'reaches, as it would link such a record. Nothing is stored.'),
    form, results, h('h2', {}, 'By a source key'), byKey,
    h('h2', {}, 'Why two records are, or are not, one customer'), compare);
  inputs.givenName.focus();
}

/** The customers' names, which the search answer leaves out; a profile that cannot be read keeps its id. */
async function namesOf(results) {
  const names = await Promise.all(results.map(r => get('/profiles/' + r.profileId)
    .then(({data}) => displayName(data), () => null)));
  return Object.fromEntries(results.map((r, i) => [r.profileId, names[i]]));
}

function resultsTable(data, names) {
  const results = data.results || [];
  if (!results.length) return h('p', {class: 'card'}, 'No profile fits this description.');
  return [
    data.nameMatchesCapped ? h('p', {class: 'problem'}, 'A common name: only some of the persons who bear it were '
      + 'scored. Add a birth date, a postcode or a phone.') : null,
    table(['Customer', 'Band', 'Match', 'Best record', 'Fields that agreed', 'Fields that disagreed'], results.map(r => [
      link('/profiles/' + r.profileId, names[r.profileId] || r.profileId),
      h('span', {class: 'badge ' + r.band}, r.band),
      probabilityText(r.probability) + ' (' + weightText(r.weight) + ')',
      keyText(r.matchedRecord),
      fieldsLeaning(r.fields, 'for'),
      fieldsLeaning(r.fields, 'against'),
    ])),
    h('p', {class: 'muted'}, (data.candidates != null ? data.candidates + ' candidates scored.' : ''))];
}

function fieldsLeaning(fields, side) {
  return (fields || []).filter(f => lean(f.weight) === side).map(f => label(f.field) + ' ' + f.level.toLowerCase()).join(', ');
}

export async function riskView(view, code, params, context) {
  const chosen = code || 'DATA_CONFLICT';
  const {data} = await get('/profiles' + queryText({risk: chosen, after: params.after, limit: 50}));
  const select = h('select', {onchange: e => { location.hash = '#/risk/' + e.target.value; }},
    RISK_CODES.map(c => h('option', {value: c, selected: c === chosen}, c)));
  show(view, h('h1', {}, 'Risk lists'),
    h('p', {class: 'muted'}, 'The active customers that carry a risk tag, with the evidence for it.'),
    h('div', {class: 'toolbar'}, field('Risk', select)),
    data.items.length ? table(['Customer', 'Tier', 'Records', 'Severity', 'Evidence'], data.items.map(p => {
      const tag = (p.riskTags || []).find(t => t.code === chosen) || {};
      return [link('/profiles/' + p.profileId, displayName(p)), p.tier || '', String(p.records.length),
        h('span', {class: 'badge ' + tag.severity}, tag.severity || ''),
        (tag.evidence || []).map(e => keyText(e) + (e.attribute ? ' ' + e.attribute : '')).join('\n')];
    })) : h('p', {class: 'card'}, 'No customer carries ' + chosen + '.'),
    data.next ? h('p', {}, link('/risk/' + chosen + queryText({after: data.next}), 'Next page »')) : null);
}

/** Two stored records scored now, and whether anything keeps their profiles apart (GET /match/{a}/{b}). */
export async function compareView(view, keys, context) {
  if (keys.length !== 4) throw new Error('a comparison needs two source keys: #/compare/crm/C-1/erp/K-7');
  const {data} = await get('/match/' + keys.map(encodeURIComponent).join('/'));
  const profile = side => side.profileId ? link('/profiles/' + side.profileId, side.profileId) : 'none';
  const verdict = data.sameProfile ? 'They are one customer now.'
    : data.keptApart ? 'A steward kept them apart.'
      : data.profilesMayJoin === false
        ? 'Their profiles may not join: ' + (data.joinRefusedBecause || 'the cluster guard refuses')
        : 'They are two customers now; their profiles may join.';
  show(view, h('h1', {}, keyText(data.left) + ' and ' + keyText(data.right)),
    h('p', {class: 'card'}, h('strong', {}, verdict), ' Scored now: ', h('span', {class: 'badge ' + data.band}, data.band),
      ' ', probabilityText(data.probability), ' (', weightText(data.weight), '), rule ', data.rule || '—'),
    h('dl', {class: 'facts card'}, h('dt', {}, keyText(data.left)), h('dd', {}, 'in profile ', profile(data.left)),
      h('dt', {}, keyText(data.right)), h('dd', {}, 'in profile ', profile(data.right))),
    h('h2', {}, 'How each field weighed'), fieldsTable(data.fields || []));
}
