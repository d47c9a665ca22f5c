// The match model in use: what the hub learned from its data (EM), field by field, its stored versions, and for
// administrators the training and re-resolution that bring it up to date.
import {get, post} from './api.js';
import {h, show, table, notice} from './dom.js';
import {label, lean, weightText} from './format.js';
import {followJob} from './jobs.js';
import {versionsSection} from './versions.js';

export async function modelView(view, context) {
  const {data} = await get('/admin/model');
  const model = data.model || {};
  const fields = Object.entries(model.fields || {});
  show(view, h('h1', {}, 'Match model, version ' + data.version),
    h('p', {class: 'muted'}, data.version === 0
      ? 'The shipped defaults: the hub has not learned from its own records yet.'
      : 'Learned by EM from the hub\'s own records, without labels. m: how often duplicates show a level; u: how '
        + 'often unrelated records do; the weight is log2(m/u), what a pair at that level adds to its score.'),
    context.can('admin') ? actions(view, context) : null,
    h('h2', {}, 'Fields'),
    fields.length ? h('div', {class: 'columns'}, fields.map(([name, field]) => fieldTable(name, field)))
      : h('p', {class: 'muted'}, 'No field estimates.'),
    model.lambda != null ? h('p', {class: 'muted'}, 'Prior share of matching pairs: persons ' + model.lambda.toExponential(2)
      + (model.orgLambda != null ? ', organizations ' + model.orgLambda.toExponential(2) : '') + '.') : null,
    data.note ? h('details', {}, h('summary', {}, 'How it was trained'), h('p', {class: 'muted'}, data.note)) : null,
    await versionsSection(context, () => modelView(view, context)));
}

function fieldTable(name, field) {
  const levels = field.levels || [];
  return h('div', {class: 'card'}, h('h3', {}, label(name)),
    table(['Level', 'm', 'u', 'Weight'], levels.map((level, i) => {
      const m = (field.m || [])[i];
      const u = (field.u || [])[i];
      const weight = m > 0 && u > 0 ? Math.log2(m / u) : null;
      return [level, share(m), share(u), h('span', {class: lean(weight)}, weightText(weight))];
    })));
}

function share(p) {
  if (p === null || p === undefined) return '';
  return p >= 0.001 ? (p * 100).toFixed(1) + ' %' : p.toExponential(1);
}

/** Training and re-resolution, for administrators; a re-resolution's progress is polled until it ends. */
function actions(view, context) {
  const answer = notice();
  const train = h('button', {type: 'button', class: 'primary', onclick: async () => {
    train.disabled = true;
    try {
      const {data} = await post('/admin/train', {});
      answer.ok('Trained version ' + data.version + ' on ' + data.trainedOn + ' records in ' + data.seconds + ' s. '
        + 'Re-resolve to apply it to the records stored before.');
      setTimeout(() => modelView(view, context).catch(e => answer.fail(e)), 1500);
    } catch (error) {
      answer.fail(error);
      train.disabled = false;
    }
  }}, 'Train from the stored records');
  const reresolve = h('button', {type: 'button', onclick: async () => {
    reresolve.disabled = true;
    try {
      const {data} = await post('/admin/reresolve', {});
      followJob(data.jobId, answer, 'Re-resolving', job => answer.ok('Re-resolved: ' + job.moved + ' record'
        + (job.moved === 1 ? '' : 's') + ' moved to another profile.'));
    } catch (error) {
      answer.fail(error);
      reresolve.disabled = false;
    }
  }}, 'Re-resolve every record');
  return h('div', {class: 'card'}, h('div', {class: 'toolbar'}, train, reresolve), answer.el);
}

