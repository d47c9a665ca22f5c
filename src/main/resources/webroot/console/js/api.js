// The hub's API as the console calls it: the signed-in steward's token on every request, problems as errors.

const TOKEN_KEY = 'customer-hub.token';
// beside the console's own path, so that a hub served under a prefix (/hub/console/ → /hub/api/v1) works as well
const API = new URL('../api/v1', document.baseURI).pathname;
const HEALTH = new URL('../health/ready', document.baseURI).pathname;

/** A problem+json answer (or a failed request) as an error with the problem's title, detail and status. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? title + ': ' + detail : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

// the tab's session only: closing the tab signs out, and no other site can read it
export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  signIn: token => sessionStorage.setItem(TOKEN_KEY, token.trim()),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onUnauthorized = () => {};
let renewToken = async () => null;

/** What to do when the token is refused (expired, signed with another key): back to the sign-in. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

/** How to get a new token when one is refused (the identity provider's refresh), before giving up on it. */
export function renewWith(handler) {
  renewToken = handler;
}

/**
 * One request under /api/v1. Resolves to {data, etag, url} (url: where a redirect ended, e.g. the survivor of a
 * merged-away profile); rejects with an ApiError.
 */
export async function call(method, path, {body, ifMatch} = {}, retried = false, renewed = false) {
  const headers = {Authorization: 'Bearer ' + (session.token() || ''), Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch) headers['If-Match'] = ifMatch;
  let response;
  try {
    response = await fetch(API + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'The hub cannot be reached', e.message);
  }
  // 503 with Retry-After: the hub did nothing (a batch is writing the profile the request names); once more
  const wait = Number(response.headers.get('Retry-After'));
  if (response.status === 503 && !retried && wait > 0 && wait <= 5) {
    await new Promise(resolve => setTimeout(resolve, wait * 1000));
    return call(method, path, {body, ifMatch}, true, renewed);
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401 && !renewed) {
    const token = await renewToken();
    if (token) {
      session.signIn(token);
      return call(method, path, {body, ifMatch}, retried, true);
    }
  }
  if (!response.ok) {
    if (response.status === 401) onUnauthorized(data.detail);
    throw new ApiError(response.status, data.title || response.statusText, data.detail || '');
  }
  return {data, etag: response.headers.get('ETag'), url: response.url};
}

export const get = path => call('GET', path);

/** The hub's readiness (no token needed): {status, checks: {postgres: {status}, …}}, or null when unreachable. */
export async function readiness() {
  try {
    return await (await fetch(HEALTH, {cache: 'no-store'})).json();
  } catch (e) {
    return null;
  }
}
export const post = (path, body, ifMatch) => call('POST', path, {body, ifMatch});
export const put = (path, body, ifMatch) => call('PUT', path, {body, ifMatch});
export const del = (path, body, ifMatch) => call('DELETE', path, {body, ifMatch});
