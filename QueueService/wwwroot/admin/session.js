// The administrator's login on this page: a bearer token kept in sessionStorage (it ends with the tab) and sent by
// call() and download(). The browser never caches an HTTP Basic login for this site, so a form on another site has
// no credential to ride on. A 401 for the token still in use means the session ended on the server (logout elsewhere,
// expiry, a changed password): back to the login form, saying why.
import { $, ApiError, api, problemText, request, withBearer } from '/_content/Hall.Contracts/js/hall.js';

const storageKey = 'hall.admin';

export function createSession(i18n) {
  let session = read();          // { token, user, expiresAt }
  let message = null;            // { zh, en } shown on the login form
  const listeners = [];

  function read() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      return stored && stored.token && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
    } catch {
      return null;
    }
  }

  function render() {
    $('login').hidden = !!session;
    $('admin').hidden = !session;
    $('who').hidden = !session;
    if (session) $('who-name').textContent = i18n.t('who', session.user);
    $('login-message').hidden = !message;
    $('login-message').textContent = i18n.of(message);
  }

  function changed() {
    render();
    listeners.forEach(listener => listener(session));
  }

  function end(why) {
    session = null;
    sessionStorage.removeItem(storageKey);
    message = why;
    changed();
  }

  const calls = withBearer(() => session && session.token, () => end(i18n.both('sessionEnded')));

  async function logIn(event) {
    event.preventDefault();
    const button = $('login-submit');
    button.disabled = true;
    try {
      session = await api('/api/admin/session', { body: { user: $('login-user').value.trim(), password: $('login-password').value } });
      sessionStorage.setItem(storageKey, JSON.stringify(session));
      message = null;
      changed();
    } catch (e) {
      message = e instanceof ApiError ? problemText(e.problem) ?? i18n.both('loginFailed') : i18n.both('network');
      render();
    } finally {
      $('login-password').value = '';
      button.disabled = false;
    }
  }

  function logOut() {
    const token = session && session.token;
    end(i18n.both('loggedOut'));
    if (token) request('/api/admin/session', { method: 'DELETE', headers: { authorization: 'Bearer ' + token } }).catch(() => { /* it still ends when it expires */ });
  }

  $('login').addEventListener('submit', logIn);
  $('logout').addEventListener('click', logOut);
  i18n.onChange(render);

  return {
    current: () => session,
    /** Runs after every login, logout and ended session. */
    onChange: listener => listeners.push(listener),
    /** The JSON of a call made with the administrator's token. */
    call: calls.call,
    /** The answer itself (a file to save), with the administrator's token. */
    download: calls.download,
    render,
  };
}
