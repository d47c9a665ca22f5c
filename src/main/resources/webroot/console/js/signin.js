// Signing in at the organization's identity provider: OAuth 2.0 authorization code with PKCE (RFC 7636) for a
// public client, the console, which holds no secret. The tokens stay in this tab only, like a pasted hub token;
// the refresh token buys a new access token when the short-lived one runs out, without sending the steward away.

const FLOW_KEY = 'customer-hub.sign-in';
const REFRESH_KEY = 'customer-hub.refresh';
const ID_TOKEN_KEY = 'customer-hub.id-token';

/** The provider the hub names for the console (endpoints, client id), or null: stewards paste hub tokens. */
export async function providerConfig() {
  try {
    const answer = await fetch(new URL('sign-in.json', document.baseURI), {cache: 'no-store'});
    return answer.ok ? (await answer.json()).provider || null : null;
  } catch (e) {
    return null;
  }
}

// the console's own address, as registered at the provider: no query, no fragment
const redirectUri = () => location.origin + location.pathname;

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Off to the provider's sign-in page; it sends the browser back here with a code (finishSignIn). */
export async function beginSignIn(provider) {
  const verifier = randomText(32);
  const state = randomText(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({verifier, state, hash: location.hash}));
  const url = new URL(provider.authorizationEndpoint);
  for (const [name, value] of Object.entries({response_type: 'code', client_id: provider.clientId,
    redirect_uri: redirectUri(), scope: provider.scope, state, code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256'})) url.searchParams.set(name, value);
  location.assign(url.href);
}

/**
 * When the provider has sent the browser back here: the code exchanged for tokens, {token} or {error}; null when
 * this load is no return from the provider. The code leaves the address bar either way.
 */
export async function finishSignIn(provider) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) || 'null');
  sessionStorage.removeItem(FLOW_KEY);
  history.replaceState(null, '', redirectUri() + ((flow && flow.hash) || ''));
  if (params.has('error')) return {error: params.get('error_description') || params.get('error')};
  // a code this tab did not ask for (another site's link) is not used
  if (!flow || params.get('state') !== flow.state) {
    return {error: 'the answer of the identity provider does not belong to a sign-in started here'};
  }
  if (!provider) return {error: 'the hub names no identity provider any more'};
  return tokens(provider, {grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    client_id: provider.clientId, code_verifier: flow.verifier});
}

async function tokens(provider, form) {
  let answer;
  try {
    answer = await fetch(provider.tokenEndpoint, {method: 'POST', body: new URLSearchParams(form),
      headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'}});
  } catch (e) {
    return {error: 'the identity provider cannot be reached (' + e.message + ')'};
  }
  const data = await answer.json().catch(() => ({}));
  if (!answer.ok || !data.access_token) {
    return {error: data.error_description || data.error || 'the identity provider answered ' + answer.status};
  }
  if (data.refresh_token) sessionStorage.setItem(REFRESH_KEY, data.refresh_token);
  if (data.id_token) sessionStorage.setItem(ID_TOKEN_KEY, data.id_token);
  return {token: data.access_token};
}

let renewing = null;

/**
 * A new access token with the refresh token, or null (none, or the provider said no: the steward signs in
 * again). Requests refused at once share one renewal: a refresh token may be good for one use only.
 */
export function renew(provider) {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (!provider || !refreshToken) return Promise.resolve(null);
  renewing = renewing || tokens(provider, {grant_type: 'refresh_token', refresh_token: refreshToken,
    client_id: provider.clientId}).then(result => {
    if (result.error) sessionStorage.removeItem(REFRESH_KEY);
    return result.token || null;
  }).finally(() => { renewing = null; });
  return renewing;
}

/**
 * Forgets the provider's tokens; where the provider ends sessions and the steward signed in there, the browser
 * goes there to end it too (returns true), so that the next person at this screen is asked who they are.
 */
export function signOutAtProvider(provider) {
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(ID_TOKEN_KEY);
  if (!provider || !provider.endSessionEndpoint || !idToken) return false;
  const url = new URL(provider.endSessionEndpoint);
  url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  location.assign(url.href);
  return true;
}
