// The console's frame: sign-in (at the organization's identity provider, or with a hub token), the navigation,
// and which view a location shows.
import {get, readiness, renewWith, session, whenUnauthorized} from './api.js';
import {beginSignIn, finishSignIn, providerConfig, renew, signOutAtProvider} from './signin.js';
import {h, show, problem} from './dom.js';
import {route} from './format.js';
import {reviewQueue, reviewPair} from './reviews.js';
import {profileView, profileByKey} from './profile.js';
import {searchView, riskView, compareView} from './lookup.js';
import {sourcesView, auditView} from './sources.js';
import {modelView} from './model.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');

/** Sections of the console and the roles their API paths take (admin may do everything). */
const SECTIONS = [
  {path: 'reviews', label: 'Review queue', roles: ['steward']},
  {path: 'search', label: 'Find a customer', roles: ['reader', 'steward']},
  {path: 'risk', label: 'Risk lists', roles: ['reader', 'steward']},
  {path: 'sources', label: 'Sources', roles: ['reader', 'steward']},
  {path: 'audit', label: 'Audit trail', roles: ['steward']},
  {path: 'model', label: 'Match model', roles: ['steward']},
];

let caller = null;
let provider = null;

/** Whether the signed-in caller has one of the roles (the API decides again on every request). */
function can(...roles) {
  const granted = caller ? caller.roles : [];
  return granted.includes('admin') || roles.some(role => granted.includes(role));
}

function signInView(reason) {
  const token = h('textarea', {id: 'token', placeholder: 'eyJhbGciOiJIUzI1NiIs…', autocomplete: 'off', spellcheck: 'false'});
  const atProvider = provider ? [
    h('p', {}, h('button', {class: 'primary', type: 'button', id: 'provider-sign-in',
      onclick: () => beginSignIn(provider)}, 'Sign in at ' + new URL(provider.issuer).host)),
    h('p', {class: 'muted'}, 'Or with a hub token:'),
  ] : [];
  const form = h('form', {class: 'card signin', onsubmit: async e => {
    e.preventDefault();
    session.signIn(token.value);
    await start();
  }},
  h('h1', {}, 'Steward console'),
  reason ? problem({title: 'Signed out', detail: reason}) : null,
  ...atProvider,
  h('p', {}, 'Sign in with a hub token. An administrator makes one with ',
    h('code', {}, 'bin/hub token --role steward'), ' (add ', h('code', {}, 'reader'),
    ' for a read-only look). The token stays in this tab only.'),
  token, h('p', {}, h('button', {class: provider ? '' : 'primary', type: 'submit'}, 'Sign in')));
  nav.replaceChildren();
  who.replaceChildren();
  show(view, form);
  if (!provider) token.focus();
}

function signOut() {
  session.signOut();
  caller = null;
  if (!signOutAtProvider(provider)) signInView();
}

function frame() {
  show(nav, SECTIONS.filter(s => can(...s.roles)).map(s => h('a', {href: '#/' + s.path, 'data-path': s.path}, s.label)));
  const health = h('span', {class: 'health'});
  readiness().then(ready => {
    const checks = Object.entries((ready && ready.checks) || {}).map(([name, c]) => name + ' ' + c.status);
    show(health, ready ? (ready.status === 'UP' ? '● ready' : '● not ready') : '● unreachable');
    health.className = 'health ' + (ready && ready.status === 'UP' ? 'up' : 'down');
    health.title = checks.join(', ');
  });
  show(who, health, h('span', {}, caller.subject + ' · ' + caller.roles.join(', ')),
    h('button', {type: 'button', onclick: signOut}, 'Sign out'));
}

async function render() {
  if (!caller) return;
  const place = route(location.hash);
  const [section, ...rest] = place.path;
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('current', a.dataset.path === section);
  // a place the roles do not reach (a link from a steward, the section open before signing in again) leads to
  // the first one they do, not to a refusal
  const known = SECTIONS.find(s => s.path === (section === 'compare' ? 'search' : section));
  if (known && !can(...known.roles)) {
    const first = SECTIONS.find(s => can(...s.roles));
    if (first) return void (location.hash = '#/' + first.path);
  }
  const context = {caller, can};
  document.onkeydown = null; // a view's keys are its own
  // each place renders into its own element: a slow answer for a place already left lands in a detached one
  const target = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
  show(view, target);
  try {
    switch (section) {
      case 'reviews':
        return await (rest.length ? reviewPair(target, rest[0], context) : reviewQueue(target, place.params, context));
      case 'profiles': return await profileView(target, rest[0], context);
      case 'key': return await profileByKey(target, rest[0], rest[1], context);
      case 'search': return await searchView(target, context);
      case 'compare': return await compareView(target, rest, context);
      case 'risk': return await riskView(target, rest[0], place.params, context);
      case 'sources': return await sourcesView(target, place.params, context);
      case 'audit': return await auditView(target, place.params, context);
      case 'model': return await modelView(target, context);
      default: {
        const first = SECTIONS.find(s => can(...s.roles));
        if (first) location.hash = '#/' + first.path;
        else show(target, problem({title: 'Nothing to show',
          detail: 'this token has none of the roles the console uses (steward, reader)'}));
      }
    }
  } catch (error) {
    if (error.status !== 401) show(target, problem(error));
  }
}

async function start() {
  const returned = await finishSignIn(provider);
  if (returned && returned.error) return signInView(returned.error);
  if (returned) session.signIn(returned.token);
  if (!session.token()) return signInView();
  try {
    caller = (await get('/me')).data;
  } catch (error) {
    session.signOut();
    return signInView(error.detail || error.message);
  }
  frame();
  await render();
}

whenUnauthorized(reason => {
  session.signOut();
  caller = null;
  signInView(reason || 'the hub refused the token');
});
renewWith(() => renew(provider));
window.addEventListener('hashchange', render);
providerConfig().then(found => {
  provider = found;
  return start();
});
