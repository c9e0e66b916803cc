// The one front-end layer every hall page imports (/_content/Hall.Contracts/js/hall.js): element helpers, the page's
// language, calls to the hall's APIs with their refusals as messages, and the hub connection. No framework, no build.

// ---- elements ---------------------------------------------------------------------------------------------------

/** The element with this id. */
export const $ = id => document.getElementById(id);

/** A new element with an optional class and text (null or undefined: no text). */
export function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined && text !== null) element.textContent = text;
  return element;
}

// ---- language ---------------------------------------------------------------------------------------------------

/**
 * The page's language over its own dictionaries: { zh: {...}, en: {...} }, Chinese first. An entry is a string (with
 * {name} placeholders filled from an object) or a function of the arguments; "a.b" reaches into nested entries; a key
 * missing in English falls back to Chinese. Elements carry data-i18n="key" (text) or data-i18n-placeholder="key".
 * storageKey: where the choice is kept across visits (localStorage), or null for a page that starts in Chinese.
 */
export function createI18n(dictionaries, { storageKey = null, language } = {}) {
  const stored = storageKey ? localStorage.getItem(storageKey) : null;
  let lang = normalise(language ?? stored);
  const listeners = [];

  function lookup(code, key) {
    let value = dictionaries[code];
    for (const part of key.split('.')) value = value == null ? undefined : value[part];
    return value;
  }

  function translate(code, key, args) {
    const value = lookup(code, key) ?? lookup('zh', key) ?? key;
    if (typeof value === 'function') return value(...args);
    const values = args[0];
    if (typeof value !== 'string' || !values || typeof values !== 'object') return value;
    return value.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  function apply(root = document) {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = translate(lang, e.dataset.i18n, []); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = translate(lang, e.dataset.i18nPlaceholder, []); });
  }

  const i18n = {
    get lang() { return lang; },
    /** The locale for dates and times in the page's language. */
    get locale() { return lang === 'zh' ? 'zh-CN' : 'en-GB'; },
    t: (key, ...args) => translate(lang, key, args),
    /** The entry in a given language ('zh' or 'en'), e.g. to build a message of several entries. */
    tIn: (code, key, ...args) => translate(code, key, args),
    /** The name of a value in a group of names ('states', 'idle'), or the value itself when the group lacks it. */
    label: (group, value) => lookup(lang, group)?.[value] ?? lookup('zh', group)?.[value] ?? value,
    /** The entry in both languages, for a message that must follow a later switch. */
    both: (key, ...args) => ({ zh: translate('zh', key, args), en: translate('en', key, args) }),
    /** A message { zh, en } in the page's language. */
    of: message => (message ? (message[lang] ?? message.zh) : ''),
    /** Data that has a Chinese value and maybe an English one (a hall's name, a service's nameEn). */
    pick: (zh, en) => (lang === 'en' && en ? en : zh),
    apply,
    use(next) {
      lang = normalise(next);
      if (storageKey) localStorage.setItem(storageKey, lang);
      apply();
      listeners.forEach(listener => listener(lang));
    },
    toggle() { i18n.use(lang === 'zh' ? 'en' : 'zh'); },
    /** Runs after every switch (the texts of data-i18n elements are already in place). */
    onChange(listener) { listeners.push(listener); },
  };
  return i18n;
}

const normalise = code => (code === 'en' ? 'en' : 'zh');

// ---- API calls --------------------------------------------------------------------------------------------------

/**
 * The words of a refusal (application/problem+json): the server's detail carries Chinese then English in one string
 * ("工号或密码错误。Wrong staff number or PIN."); listed field errors the detail does not already name are added.
 * Returns { zh, en }, or null when the answer says nothing.
 */
export function problemText(problem) {
  const detail = problem && (problem.detail || problem.title);
  if (!detail) return null;
  const parts = /^(.*?[。！？）])\s*([A-Za-z].*)$/s.exec(detail);
  const text = parts ? { zh: parts[1], en: parts[2] } : { zh: detail, en: detail };
  const errors = Array.isArray(problem.errors) ? problem.errors : Object.values(problem.errors || {}).flat();
  for (const code of ['zh', 'en']) {
    const missing = errors.filter(e => typeof e === 'string' && !text[code].includes(e));
    if (missing.length) text[code] = `${text[code]} ${missing.join('; ')}`;
  }
  return text;
}

/** A refusal from the server: its status, its stable code, the whole problem and its words { zh, en }. */
export class ApiError extends Error {
  constructor(status, problem) {
    const text = problemText(problem) ?? { zh: `HTTP ${status}`, en: `HTTP ${status}` };
    super(text.zh);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem && typeof problem === 'object' ? problem : {};
    this.code = this.problem.code;
    this.text = text;
  }
}

/** The JSON of an answer, or null (204, empty or not JSON). */
export async function readBody(response) {
  if (response.status === 204) return null;
  const body = await response.text();
  try {
    return body ? JSON.parse(body) : null;
  } catch {
    return null;
  }
}

/**
 * fetch with a JSON body (body: a value, sent as JSON, or a JSON file) and no caching; an answer that is not 2xx throws ApiError.
 * A failed network throws fetch's own TypeError, so a caller can tell "refused" from "not reached".
 */
export async function request(path, { body, headers = {}, ...options } = {}) {
  const init = { cache: 'no-store', ...options, headers: { ...headers } };
  if (body !== undefined) {
    init.method = init.method || 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = body instanceof Blob ? body : JSON.stringify(body);   // a chosen JSON file goes as it is
  }
  const response = await fetch(path, init);
  if (!response.ok) throw new ApiError(response.status, await readBody(response));
  return response;
}

/** request() and the answer's JSON (null for 204). */
export async function api(path, options) {
  return readBody(await request(path, options));
}

/**
 * api() and request() that send a page's login token (Authorization: Bearer) while it has one. A 401 for the token
 * still in use means the session ended on the server (logout elsewhere, expiry, a changed PIN or password): ended()
 * is told, and the refusal is thrown as usual.
 */
export function withBearer(currentToken, ended) {
  async function send(fetcher, path, options = {}) {
    const token = currentToken();
    const headers = { ...(options.headers || {}), ...(token ? { authorization: 'Bearer ' + token } : {}) };
    try {
      return await fetcher(path, { ...options, headers });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && token && currentToken() === token) ended();
      throw e;
    }
  }
  return { call: (path, options) => send(api, path, options), download: (path, options) => send(request, path, options) };
}

/** The file name an answer's Content-Disposition gives, or the fallback. */
export function fileNameOf(response, fallback) {
  const disposition = response.headers.get('content-disposition') || '';
  return (/filename="?([^";]+)"?/i.exec(disposition) || [])[1] || fallback;
}

/** Saves a blob as a download named name (for files fetched with a token, which a plain link cannot send). */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// ---- hub connection ---------------------------------------------------------------------------------------------

/** One reconnect policy for every page: at once, then 1, 2 and 5 s, then every 10 s for as long as it takes. */
export const reconnectDelay = attempt => [0, 1000, 2000, 5000][attempt] ?? 10000;

/**
 * A hub connection with the official @microsoft/signalr client (the page loads
 * /_content/Hall.Contracts/lib/signalr/signalr.min.js first). It never gives up: a failed start and a closed
 * connection are retried with reconnectDelay. online(invoke) runs after every start and reconnect, to load what the
 * page may have missed (a snapshot); when it fails the connection starts over. offline() runs when the link is lost.
 */
export function connectHub(url, { on = {}, accessToken, online = async () => {}, offline = () => {} } = {}) {
  const signalR = globalThis.signalR;
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, accessToken ? { accessTokenFactory: accessToken } : {})
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: context => reconnectDelay(context.previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  for (const [name, handler] of Object.entries(on)) connection.on(name, handler);

  let attempt = 0;
  let retry = null;
  let restarting = false;
  const invoke = (method, ...args) => connection.invoke(method, ...args);

  async function caughtUp() {
    try {
      await online(invoke);
      attempt = 0;
    } catch {
      connection.stop();   // onclose starts it over
    }
  }

  function later() {
    clearTimeout(retry);
    retry = setTimeout(start, reconnectDelay(attempt++));
  }

  async function start() {
    if (connection.state !== signalR.HubConnectionState.Disconnected) return;
    try {
      await connection.start();
    } catch {
      offline();
      later();
      return;
    }
    await caughtUp();
  }

  connection.onreconnecting(() => offline());
  connection.onreconnected(() => caughtUp());
  connection.onclose(() => {
    offline();
    if (!restarting) later();
  });

  return {
    connection,
    invoke,
    start,
    /** Connects again at once, e.g. with a new access token after a login or logout. */
    async restart() {
      if (connection.state === signalR.HubConnectionState.Disconnected) return start();
      restarting = true;
      try { await connection.stop(); } finally { restarting = false; }
      return start();
    },
  };
}
