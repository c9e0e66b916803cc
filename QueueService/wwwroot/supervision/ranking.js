// The month's satisfaction ranking (满意度排名, the ground of the hall's 红旗窗口 choice): windows and clerks with
// enough ratings, from the `ranking` of /api/stats over the hall's month so far. A month of statistics is not light,
// so it is read again at most every few minutes.
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { hall, i18n, now, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

const rereadAfterMs = 5 * 60 * 1000;
let ranking = null;
let readAt = 0;
let readMonth = '';

function table(id, entries, label) {
  const body = $(id).tBodies[0];
  body.replaceChildren(...entries.map(e => {
    const tr = el('tr');
    tr.dataset.id = e.id;
    tr.append(el('td', 'rank', String(e.rank)), el('td', 'name', label(e)), el('td', 'rated', String(e.rated)),
      el('td', 'rate', `${(e.satisfactionRate * 100).toFixed(1)}%`), el('td', 'bad', String(e.badRatings)));
    return tr;
  }));
  if (entries.length === 0) {
    const tr = el('tr', 'none');
    const td = el('td', null, t('rankingNone'));
    td.colSpan = 5;
    tr.append(td);
    body.append(tr);
  }
}

export function renderRanking() {
  $('ranking-panel').hidden = !currentSession();
  if (!ranking) return;
  $('ranking-minimum').textContent = t('rankingMinimum', ranking.minimumRatings);
  // The hall's window names are Chinese and already say the number.
  table('ranking-windows', ranking.windows, e => (i18n.lang === 'en' ? t('window', e.id) : e.name));
  table('ranking-clerks', ranking.clerks, e => `${e.name}（${e.id}）`);
}

export async function loadRanking() {
  const today = hall.today || new Date(now()).toLocaleDateString('sv-SE', { timeZone: hall.zone });
  const month = today.slice(0, 7);
  if (!currentSession() || (month === readMonth && now() - readAt < rereadAfterMs)) return;
  try {
    const stats = await call(`/api/stats?from=${month}-01&to=${today}`);
    if (!currentSession()) return;
    ranking = stats.ranking;
    readAt = now();
    readMonth = month;
    renderRanking();
  } catch { /* retried by the timer */ }
}

onSessionChange(session => {
  ranking = null;
  readMonth = '';
  renderRanking();
  if (session) loadRanking();
});
