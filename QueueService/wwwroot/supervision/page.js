// What the dashboard's panels share: the page's language, the hall's clock and names from the last snapshot.
import { createI18n, el } from '/_content/Hall.Contracts/js/hall.js';
import texts from './texts.js';
import complaintTexts from './complaint-texts.js';
import staffTexts from './staff-texts.js';

// The panels' own dictionaries are merged into the page's.
const merged = [texts, complaintTexts, staffTexts];
export const i18n = createI18n({ zh: Object.assign({}, ...merged.map(m => m.zh)), en: Object.assign({}, ...merged.map(m => m.en)) }, { storageKey: 'hall.lang' });
export const { t } = i18n;

export const hall = {
  skewMs: 0,                     // server clock minus browser clock, so elapsed times follow the hall's clock
  today: null,                   // hall date, YYYY-MM-DD in the hall's zone
  zone: 'Asia/Shanghai',         // replaced by the snapshot's zone
  names: { zh: '', en: '' },
  serviceNamesEn: new Map(),
};

export const now = () => Date.now() + hall.skewMs;

/** A service's name in the page's language (the snapshot's names are Chinese). */
export const serviceName = (id, name) => (i18n.lang === 'en' && hall.serviceNamesEn.get(id)) || name;

export function duration(ms) {
  if (ms == null || ms < 0) ms = 0;
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}

export function minutes(seconds) {
  if (seconds == null) return t('none');
  return `${(seconds / 60).toFixed(1)} ${t('min')}`;
}

/** A hall-zone date (and time) as the Chinese write it, 2026/12/02 09:30. */
export function hallTime(iso, withTime) {
  const options = { timeZone: hall.zone, year: 'numeric', month: '2-digit', day: '2-digit', hour12: false };
  if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  return new Date(Date.parse(iso)).toLocaleString('zh-CN', options);
}

/** The line a supervisor's panel shows while nobody is logged in. */
export function loginNeeded(list) {
  list.append(el('li', 'login-needed', t('loginToSee')));
}

/** A panel's count badge and, for an empty list, its "none" line; true when there are items to list. */
export function counted(count, list, items, noneKey) {
  count.textContent = String(items.length);
  count.className = 'count' + (items.length === 0 ? ' zero' : '');
  if (items.length === 0) list.append(el('li', 'none', t(noneKey)));
  return items.length > 0;
}
