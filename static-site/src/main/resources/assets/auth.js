// The access token is kept in memory only (never in storage a script could read later);
// a reload gets a new one through the HttpOnly refresh cookie. A flag in localStorage only
// says whether trying the cookie is worth a request.
import { request, ApiError } from './api.js';

const SIGNED_IN = 'lt.signedIn';
let accessToken = null;
let refreshing = null;

function remember(tokens) {
  accessToken = tokens.accessToken;
  localStorage.setItem(SIGNED_IN, '1');
}

export function mightBeSignedIn() {
  return accessToken !== null || localStorage.getItem(SIGNED_IN) === '1';
}

export async function signIn(email, password) {
  remember(await request('/api/auth/login', { method: 'POST', body: { email, password }, credentials: 'include' }));
}

export async function register(displayName, email, password) {
  await request('/api/auth/register', { method: 'POST', body: { displayName, email, password } });
  await signIn(email, password);
}

export async function signOut() {
  try {
    await request('/api/auth/logout', { method: 'POST', credentials: 'include' });
  } finally {
    accessToken = null;
    localStorage.removeItem(SIGNED_IN);
  }
}

// Renews the access token through the refresh cookie; one renewal at a time, since each
// rotates the cookie. Resolves false when there is no session to renew.
export function refresh() {
  if (!refreshing) {
    refreshing = request('/api/auth/refresh', { method: 'POST', credentials: 'include' })
      .then((tokens) => { remember(tokens); return true; })
      .catch((error) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
          accessToken = null;
          localStorage.removeItem(SIGNED_IN);
          return false;
        }
        throw error;
      })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

// Whether the shopper is signed in, renewing the token from the cookie when needed.
export async function ensureSignedIn() {
  if (accessToken) return true;
  if (!mightBeSignedIn()) return false;
  return refresh();
}

// An API call as the signed-in shopper; an expired token is renewed once and retried.
export async function authorized(path, options = {}) {
  const call = () => request(path, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${accessToken}` } });
  if (!accessToken && !(await refresh())) throw new ApiError(401, { title: 'Please sign in', detail: 'Your session has ended.' });
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && (await refresh())) return call();
    throw error;
  }
}
