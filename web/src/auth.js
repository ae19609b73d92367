// Sign-in shared by both pages. The token lives in this tab's sessionStorage. Its payload is read only to know the
// role for what the page shows and asks for; the gateway and the services check every request.
import { h } from './dom.js';

const storageKey = 'patientflow.token';
const roleClaims = ['role', 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role'];

/** The roles the development sign-in offers: those who watch the board. */
export const signInRoles = ['ops', 'front-desk', 'clinician'];

const listeners = new Set();

export class SignedOutError extends Error {
  constructor() {
    super('signed out');
  }
}

export class ApiError extends Error {
  constructor(path, status) {
    super(`${path.split('?')[0]} answered ${status}`);
    this.status = status;
  }
}

export function token() {
  return sessionStorage.getItem(storageKey);
}

/** The signed-in role, or null. */
export function role() {
  const current = token();
  return current ? roleOf(current) : null;
}

/** The role claim of a JWT (its payload is base64url JSON), or null when it has none or is not a JWT. */
export function roleOf(jwt) {
  try {
    const base64 = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    const claim = roleClaims.map((name) => payload[name]).find((value) => value !== undefined);
    return (Array.isArray(claim) ? claim[0] : claim) ?? null;
  } catch {
    return null;
  }
}

/** Calls the listener with the new role (or null) whenever the token changes. */
export function onRoleChange(listener) {
  listeners.add(listener);
}

function store(value) {
  if (value) sessionStorage.setItem(storageKey, value);
  else sessionStorage.removeItem(storageKey);
  const current = role();
  for (const listener of listeners) listener(current);
}

/** Asks the gateway's development endpoint for a token (it exists only when the gateway runs in Development). */
export async function signIn(wanted) {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: wanted }),
  });
  if (response.status === 404) throw new Error('no development sign-in here: paste a token');
  if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
  store((await response.json()).accessToken);
}

/** A token from an identity provider, pasted with or without its "Bearer " prefix. */
export function useToken(pasted) {
  const value = pasted.trim().replace(/^Bearer\s+/i, '');
  if (!roleOf(value)) throw new Error('that is not a token with a role');
  store(value);
}

export function signOut() {
  store(null);
}

export function authorization() {
  const current = token();
  return current ? { Authorization: `Bearer ${current}` } : {};
}

/** GETs JSON with the token. A 401 means the token is no longer good (expired, or another signing key): sign out. */
export async function getJson(path, signal) {
  if (!token()) throw new SignedOutError();
  const response = await fetch(path, { headers: { Accept: 'application/json', ...authorization() }, signal });
  if (response.status === 401) {
    signOut();
    throw new SignedOutError();
  }
  if (!response.ok) throw new ApiError(path, response.status);
  return response.json();
}

let lastAutoSignIn = -Infinity;

/**
 * With ?role=ops (or another role) in the address and no token, signs in with that role: how browser tests and
 * screenshots open a page. At most once per 10 s, so a gateway refusing the token cannot make it loop.
 */
export async function autoSignIn() {
  const wanted = new URLSearchParams(location.search).get('role');
  if (!wanted || token() || performance.now() - lastAutoSignIn < 10_000) return false;
  lastAutoSignIn = performance.now();
  await signIn(wanted);
  return true;
}

/** The sign-in bar: role and "Sign in", or a pasted token; once signed in, the role and "Sign out". */
export function mountSignIn(container) {
  const wanted = new URLSearchParams(location.search).get('role');
  const select = h('select', { 'aria-label': 'Role', 'data-testid': 'signin-role' },
    ...signInRoles.map((name) => h('option', { value: name, selected: name === wanted }, name)));
  const pasted = h('input', { type: 'password', placeholder: 'or paste a token', 'aria-label': 'Access token', autocomplete: 'off' });
  const error = h('span', { class: 'signin-error', role: 'alert' });
  const status = h('span', { class: 'signin-role', 'data-testid': 'signed-in-as' });
  const attempt = async (action) => {
    error.textContent = '';
    try {
      await action();
      pasted.value = '';
    } catch (failure) {
      error.textContent = failure.message;
    }
  };
  const signedOut = h('span', { class: 'signin-form' },
    select,
    h('button', { type: 'button', onclick: () => attempt(() => signIn(select.value)) }, 'Sign in'),
    pasted,
    h('button', { type: 'button', onclick: () => attempt(() => useToken(pasted.value)) }, 'Use token'));
  pasted.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') attempt(() => useToken(pasted.value));
  });
  const signedIn = h('span', { class: 'signin-done' }, status, h('button', { type: 'button', onclick: signOut }, 'Sign out'));
  const render = (current) => {
    signedIn.hidden = !current;
    signedOut.hidden = Boolean(current);
    status.textContent = current ?? '';
    status.title = current ? `signed in as ${current}` : '';
  };
  onRoleChange(render);
  render(role());
  container.append(error, signedOut, signedIn);
  return { showError: (message) => { error.textContent = message; } };
}
