// The supervisor's login (bearer token kept in sessionStorage, so it ends with the tab). Every API call of the
// dashboard goes through call(), which sends the token when there is one (statistics may be for staff only); a 401
// for the token still in use means the session ended on the server: back to the logged-out page.
import { $, ApiError, api, problemText, request, withBearer } from '/_content/Hall.Contracts/js/hall.js';
import { i18n, now, t } from './page.js';

let session = readSession();   // { token, staffCode, name, expiresAt } of the logged-in supervisor
let authMessage = null;        // { kind: 'error' | 'info', status?, zh, en }
const listeners = [];

function readSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem('hall.supervisor') || 'null');
    return stored && stored.token && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

export const currentSession = () => session;

/** Runs after every login, logout and ended session (the panels reload or forget what needs the login). */
export function onSessionChange(listener) { listeners.push(listener); }

function changed() {
  renderAuth();
  listeners.forEach(listener => listener(session));
}

function forget() {
  session = null;
  sessionStorage.removeItem('hall.supervisor');
}

function sessionEnded(why) {
  forget();
  authMessage = { kind: 'error', ...why };
  changed();
}

const calls = withBearer(() => session && session.token, () => sessionEnded(i18n.both('expired')));

/** The JSON of a call made with the supervisor's token. */
export const call = calls.call;
/** The answer itself (a file to save), with the supervisor's token. */
export const fetchWithToken = calls.download;

export function checkExpiry() {
  if (session && Date.parse(session.expiresAt) <= now()) sessionEnded(i18n.both('expired'));
}

async function login(event) {
  event.preventDefault();
  const staffCode = $('login-staff').value.trim();
  const pin = $('login-pin').value;
  const button = $('login-submit');
  button.disabled = true;
  try {
    const answer = await api('/api/supervision/login', { body: { staffCode, pin } });
    $('login-pin').value = '';
    session = answer;
    sessionStorage.setItem('hall.supervisor', JSON.stringify(session));
    authMessage = null;
    changed();
    return;
  } catch (e) {
    $('login-pin').value = '';
    if (e instanceof ApiError) {
      const fallback = { zh: i18n.tIn('zh', `loginFailed.${e.status}`), en: i18n.tIn('en', `loginFailed.${e.status}`) };
      const known = fallback.zh !== `loginFailed.${e.status}`;
      authMessage = { kind: 'error', status: e.status, ...(problemText(e.problem) ?? (known ? fallback : i18n.both('loginError'))) };
    } else {
      authMessage = { kind: 'error', ...i18n.both('network') };
    }
  } finally {
    button.disabled = false;
  }
  renderAuth();
}

function logout() {
  const token = session && session.token;
  forget();
  authMessage = { kind: 'info', ...i18n.both('loggedOut') };
  changed();
  if (token) request('/api/supervision/logout', { method: 'POST', headers: { authorization: 'Bearer ' + token } }).catch(() => { /* the session still ends when it expires */ });
}

export function renderAuth() {
  $('login').hidden = !!session;
  $('who').hidden = !session;
  if (session) $('who-name').textContent = t('who', session.name, session.staffCode);
  const box = $('auth-message');
  box.hidden = !authMessage;
  box.className = 'auth-message' + (authMessage ? ' ' + authMessage.kind : '');
  box.dataset.status = authMessage && authMessage.status ? authMessage.status : '';
  box.textContent = i18n.of(authMessage);
}

$('login').addEventListener('submit', login);
$('logout').addEventListener('click', logout);
