// How the console words what the API answers. Pure functions of JSON: no page, no requests (tested with node).

/** A record's or profile's name as a person would read it. */
export function displayName(record) {
  if (!record) return '(unknown)';
  const parts = [record.givenName, record.familyName].filter(Boolean).join(' ');
  const name = record.orgName || record.fullName || parts;
  if (name) return name;
  // a guest order names nobody: what it does carry is how to reach the customer
  const contact = (record.emails || [])[0] || (record.phones || [])[0];
  const what = record.kind === 'order' ? 'Guest order' : '(no name)';
  return contact ? what + ' · ' + contact : what;
}

/** "crm C-1001" for a {source, sourceId}. */
export function keyText(key) {
  return key ? key.source + ' ' + key.sourceId : '';
}

/** An address on one line. */
export function addressText(address) {
  if (!address || typeof address !== 'object') return address == null ? '' : String(address);
  return ['line1', 'line2', 'city', 'region', 'postcode', 'country']
    .map(part => address[part]).filter(v => v !== null && v !== undefined && v !== '').join(', ');
}

/** Any attribute value as text: lists one item per line, addresses on one line, absent as empty. */
export function valueText(value) {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join('\n');
  if (typeof value === 'object') return 'line1' in value || 'city' in value || 'postcode' in value
    ? addressText(value) : JSON.stringify(value);
  return String(value);
}

/** The attributes a steward compares, in the order of the canonical record. */
export const COMPARED = ['givenName', 'familyName', 'fullName', 'orgName', 'birthDate', 'nationalId', 'taxId',
  'emails', 'phones', 'addresses'];

/** Canonical attribute names as labels. */
export const LABELS = {
  givenName: 'Given name', familyName: 'Family name', fullName: 'Full name', orgName: 'Organization',
  birthDate: 'Birth date', nationalId: 'National id', taxId: 'Tax id', emails: 'E-mails', phones: 'Phones',
  addresses: 'Addresses', kind: 'Kind', updatedAt: 'Updated at',
  // the matcher's fields, as explanations name them
  given: 'Given name', family: 'Family name', email: 'E-mail', phone: 'Phone', address: 'Address', org: 'Organization',
};

export function label(attribute) {
  if (LABELS[attribute]) return LABELS[attribute];
  return attribute.startsWith('attributes.') ? attribute.slice('attributes.'.length) : attribute;
}

/**
 * Two records side by side: one row per attribute either has (the compared ones, then their source attributes),
 * each with both values as text and whether they read the same once case and spacing are set aside.
 */
export function comparisonRows(left, right) {
  const l = left || {};
  const r = right || {};
  const rows = [];
  const add = (name, a, b) => {
    const x = valueText(a);
    const y = valueText(b);
    if (x === '' && y === '') return;
    rows.push({attribute: name, left: x, right: y, same: x !== '' && y !== '' && loose(x) === loose(y),
      oneSided: x === '' || y === ''});
  };
  for (const name of COMPARED) add(name, l[name], r[name]);
  const extra = new Set([...Object.keys(l.attributes || {}), ...Object.keys(r.attributes || {})]);
  for (const name of [...extra].sort()) add('attributes.' + name, (l.attributes || {})[name], (r.attributes || {})[name]);
  return rows;
}

function loose(text) {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The field comparisons of a pair's explanation, wherever the answer nests them. */
export function explanationOf(holder) {
  if (!holder) return null;
  const outer = holder.explanation || holder;
  return outer.explanation && typeof outer.explanation === 'object' ? outer.explanation : outer;
}

/**
 * Why a pair is where it is, in a line: its rule, and what stopped a merge its score alone would have made (the
 * cluster guard's objection) or what the records share ("household": a phone and an address, different names).
 */
export function pairReason(item) {
  const outer = (item && item.explanation) || {};
  const inner = explanationOf(item) || {};
  const rule = outer.rule || inner.rule || '';
  const guard = inner.guard || outer.guard;
  const shared = inner.shared || outer.shared;
  const what = Array.isArray(shared) && shared.length ? ' (shared ' + shared.join(', ') + ')' : '';
  return rule + (guard ? ': ' + guard : '') + what;
}

/** 'for', 'against' or 'neutral': how a field's weight leans. */
export function lean(weight) {
  if (weight > 0.05) return 'for';
  if (weight < -0.05) return 'against';
  return 'neutral';
}

/** A match weight in bits, signed: "+6.07", "-12.15", "0". */
export function weightText(weight) {
  if (weight === null || weight === undefined || Number.isNaN(weight)) return '';
  if (Math.abs(weight) < 0.005) return '0';
  return (weight > 0 ? '+' : '') + weight.toFixed(2);
}

/** A probability as a percentage with the precision that matters near the bands: "96.7 %", "99.99 %". */
export function probabilityText(p) {
  if (p === null || p === undefined) return '';
  if (p >= 0.999 && p < 1) return (p * 100).toFixed(2) + ' %';
  return (p * 100).toFixed(1) + ' %';
}

/** An ISO instant as "2026-12-05 15:54 UTC"; text that is no instant as it is. */
export function timeText(iso) {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return String(iso);
  return t.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** An amount with its currency: "1,234.50 CNY". */
export function moneyText(amount, currency) {
  if (amount === null || amount === undefined) return '';
  const text = Number(amount).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  return currency ? text + ' ' + currency : text;
}

/** One line for an event of a profile's history. */
export function historyText(event) {
  switch (event.event) {
    case 'created': return 'Profile created';
    case 'record-linked': {
      const how = [event.rule, event.band, event.score != null ? probabilityText(event.score) : null]
        .filter(Boolean).join(', ');
      const matched = event.matchedWith ? ' matched with ' + keyText(event.matchedWith) : '';
      return 'Record ' + keyText(event.record) + ' linked' + matched + (how ? ' (' + how + ')' : '');
    }
    case 'profile-merged':
      return 'Profile ' + (event.merged || '') + ' merged in' + (event.actor ? ' by ' + event.actor : '')
        + (typeof event.reason === 'string' ? ': ' + event.reason : '');
    case 'steward-action': {
      const note = event.detail && event.detail.note ? ': ' + event.detail.note : '';
      return 'Steward ' + (event.actor || '') + ': ' + event.action + note;
    }
    case 'risk-raised': return 'Risk ' + event.code + ' raised (' + event.severity + ')';
    case 'risk-cleared': return 'Risk ' + event.code + ' cleared';
    default: return event.event || JSON.stringify(event);
  }
}

/** A query string from the given parameters, leaving out empty ones: "?status=open&limit=50". */
export function queryText(params) {
  const parts = Object.entries(params || {})
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v));
  return parts.length ? '?' + parts.join('&') : '';
}

/** The console's place from its location hash: "#/reviews/58?x=1" → {path: ['reviews', '58'], params: {x: '1'}}. */
export function route(hash) {
  const text = (hash || '').replace(/^#\/?/, '');
  const [path, query] = text.split('?', 2);
  const params = {};
  for (const [k, v] of new URLSearchParams(query || '')) params[k] = v;
  return {path: path.split('/').filter(Boolean).map(decodeURIComponent), params};
}

/**
 * A description for POST /profiles/search from a form's fields: only what was filled in, the e-mail, phone and
 * postcode in the record's lists.
 */
export function searchRecord(form) {
  const record = {};
  const text = name => (form[name] || '').trim();
  for (const name of ['givenName', 'familyName', 'fullName', 'orgName', 'birthDate', 'nationalId', 'taxId']) {
    if (text(name)) record[name] = text(name);
  }
  if (text('email')) record.emails = [text('email')];
  if (text('phone')) record.phones = [text('phone')];
  const address = {};
  for (const part of ['line1', 'city', 'postcode', 'country']) if (text(part)) address[part] = text(part);
  if (Object.keys(address).length) record.addresses = [address];
  if (record.orgName && !record.givenName && !record.familyName) record.kind = 'organization';
  return record;
}

/**
 * A steward's override as the API takes it: lists (e-mails, phones) one per line, addresses as JSON, the rest
 * as written. Throws with the reason when the text cannot be that attribute's value.
 */
export function overrideValue(attribute, text) {
  const trimmed = (text || '').trim();
  if (attribute === 'addresses') {
    const parsed = JSON.parse(trimmed);
    return Array.isArray(parsed) ? parsed : [parsed];
  }
  if (attribute === 'emails' || attribute === 'phones') {
    return trimmed.split('\n').map(s => s.trim()).filter(Boolean);
  }
  if (trimmed === '') throw new Error('give a value, or remove the override to return to survivorship');
  return trimmed;
}
