// The match model's stored versions: where each came from, how each agrees with what stewards decided, and for
// administrators what re-resolving with one would change, and putting one back to use.
import {get, post} from './api.js';
import {h, link, notice, show, table} from './dom.js';
import {keyText, timeText} from './format.js';
import {followJob} from './jobs.js';

/** The versions newest first, then the shipped default (version 0); refresh() shows the model page again. */
export async function versionsSection(context, refresh) {
  const {data} = await get('/admin/models?limit=50');
  const versions = [...data.versions, {version: 0, trainedOn: 0}];
  const answer = notice();
  const out = h('div', {class: 'version-answer'});
  const note = h('input', {type: 'text', id: 'restore-note', size: 48,
    placeholder: 'why a version is put back (for the audit trail)'});
  const rows = versions.map(v => [
    String(v.version) + (v.version === data.inUse ? ' (in use)' : ''),
    timeText(v.createdAt), v.createdBy || '', v.trainedOn ? v.trainedOn.toLocaleString('en') : '',
    origin(v), h('div', {class: 'toolbar'}, buttons(v, data.inUse, context, answer, out, note, refresh))]);
  return h('div', {},
    h('h2', {}, 'Versions'),
    h('p', {class: 'muted'}, 'Every training stores a version; the newest is in use on every node. "Agreement" '
      + 'scores the pairs stewards decided again with a version.'
      + (context.can('admin') ? ' "What would change" is a dry run of a re-resolution with it; "Restore" puts it '
        + 'back as the newest version, pinned against automatic training.' : '')),
    context.can('admin') ? h('div', {class: 'toolbar'}, note) : null,
    table(['Version', 'Created', 'By', 'Trained on', 'Origin', ''], rows, {class: 'versions'}),
    answer.el, out);
}

function origin(v) {
  const parts = [];
  if (v.restoredFrom !== undefined) parts.push('restored from ' + v.restoredFrom);
  if (v.pinned) parts.push('pinned');
  if (v.reason) parts.push('"' + v.reason + '"');
  if (v.version === 0) return 'the shipped default';
  if (v.restoredFrom === undefined) parts.unshift('trained');
  return parts.join(', ');
}

function buttons(v, inUse, context, answer, out, note, refresh) {
  const agreement = h('button', {type: 'button', onclick: async () => {
    answer.clear();
    try {
      const {data} = await get('/admin/models/' + v.version + '/agreement');
      show(out, agreementView(data));
    } catch (error) {
      answer.fail(error);
    }
  }}, 'Agreement');
  if (!context.can('admin')) return [agreement];
  const dryRun = h('button', {type: 'button', onclick: async () => {
    show(out);
    try {
      const {data} = await post('/admin/reresolve?dryRun=true&model=' + v.version, {});
      followJob(data.jobId, answer, 'Dry run', job => {
        answer.clear();
        show(out, previewView(job.modelVersion, job.preview));
      });
    } catch (error) {
      answer.fail(error);
    }
  }}, 'What would change');
  const restore = v.version === inUse ? null : h('button', {type: 'button', class: 'danger', onclick: async () => {
    if (!note.value.trim()) {
      answer.fail({title: 'A note is needed', detail: 'Say above why version ' + v.version + ' is put back.'});
      note.focus();
      return;
    }
    try {
      const {data} = await post('/admin/models/' + v.version + '/restore', {note: note.value});
      answer.ok('Version ' + v.version + ' restored as version ' + data.version + (data.pinned ? ', pinned' : '')
        + '. Re-resolve to apply it to the stored records.');
      setTimeout(() => refresh().catch(e => answer.fail(e)), 1500);
    } catch (error) {
      answer.fail(error);
    }
  }}, 'Restore');
  return [agreement, dryRun, restore];
}

function agreementView(a) {
  const row = (title, counts) => [title, String(counts.MERGE), String(counts.REVIEW), String(counts.APART)];
  return h('div', {class: 'card'},
    h('p', {class: 'ok'}, 'Version ' + a.modelVersion + ' against the ' + a.pairs + ' newest pairs stewards decided: '
      + a.agreeing + ' agree, ' + a.unsure + ' unsure (review'
      + (a.guarded ? '; ' + a.guarded + ' of them it would merge, but the cluster guard stopped' : '') + '), '
      + a.disagreeing + ' disagree.'),
    table(['Stewards', 'MERGE', 'REVIEW', 'APART'], [row('merged', a.merged), row('kept apart', a.keptApart)]),
    a.disagreements.length ? h('h2', {}, 'Where the model says the opposite') : null,
    a.disagreements.length ? table(['Pair', 'Steward', 'Model', 'Records'], a.disagreements.map(d => [
      link('/reviews/' + d.reviewId, '#' + d.reviewId), d.decision,
      d.band + ' ' + (d.probability * 100).toFixed(1) + ' %', keyText(d.left) + ' / ' + keyText(d.right)])) : null);
}

function previewView(version, p) {
  return h('div', {class: 'card'},
    h('p', {class: 'ok'}, 'Dry run with version ' + version + ', nothing changed: ' + p.moving + ' of ' + p.records
      + ' records would change profile; profiles ' + p.profilesNow + ' now, ' + p.profilesAfter + ' after; '
      + p.pairsJoined + ' pairs of records would come together, ' + p.pairsParted + ' would part; '
      + p.reviewPairs + ' review pairs.'),
    p.examples.length ? table(['Record', 'From', 'To'], p.examples.map(m => [
      link('/key/' + encodeURIComponent(m.source) + '/' + encodeURIComponent(m.sourceId), m.source + ' ' + m.sourceId),
      link('/profiles/' + m.from, m.from), m.newProfile ? 'a new profile' : link('/profiles/' + m.to, m.to)])) : null);
}
