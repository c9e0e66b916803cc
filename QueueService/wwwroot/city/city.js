// The city's overview (/city/ on a server started with --Queue:Role=city): every hall's live state from its uplink,
// and the month compared across halls with the figures the assessment uses. Refreshed every 10 seconds.
import { $, ApiError, api, createI18n, el, fileNameOf, problemText, saveFile, withBearer } from '/_content/Hall.Contracts/js/hall.js';
import texts from './texts.js';

const i18n = createI18n(texts, { storageKey: 'hall.lang' });
const { t } = i18n;
const awayAfterMs = 2 * 60 * 1000;   // halls send a heartbeat every 30 s; two minutes of silence is "not heard from"
let session = readSession();
let message = null;   // { zh, en } or a texts key
let last = { halls: null, stats: null, at: null };

function readSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem('hall.city') || 'null');
    return stored && stored.token && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

const calls = withBearer(() => session && session.token, () => { forget(); show('expired'); });

function forget() {
  session = null;
  sessionStorage.removeItem('hall.city');
}

function show(what) {
  message = what;
  render();
}

const percent = share => (share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)}%`);
const minutes = seconds => (seconds === null || seconds === undefined ? '–' : t('minutes', (seconds / 60).toFixed(1)));
const time = iso => (iso ? new Date(iso).toLocaleString(i18n.locale, { hour12: false }) : '–');
const cell = (text, numeric) => el('td', numeric ? 'n' : null, text);

function stateOf(hall) {
  if (hall.revoked) return 'revoked';
  if (hall.refusedAt && (!hall.lastBatchAt || Date.parse(hall.refusedAt) >= Date.parse(hall.lastBatchAt))) return 'refused';
  if (!hall.lastBatchAt) return 'never';
  return Date.now() - Date.parse(hall.lastBatchAt) > awayAfterMs ? 'away' : 'online';
}

function renderHalls(halls) {
  const body = $('halls').tBodies[0];
  body.replaceChildren(...halls.map(h => {
    const row = el('tr');
    row.dataset.hall = h.hallId;
    const name = el('td', null, h.name);
    const state = stateOf(h);
    const stateCell = el('td');
    stateCell.append(el('span', `state ${state}`, i18n.label('states', state)));
    if (h.refusedReason) stateCell.append(el('div', 'refusal', t('refusedAt', time(h.refusedAt), h.refusedReason)));
    const alerts = el('td');
    for (const a of h.alerts) alerts.append(el('div', 'alert-line', i18n.pick(a.message, a.messageEn)));
    row.append(name, stateCell, cell(time(h.lastEventAt)), cell(h.backlog ?? '–', true), cell(h.today.issued, true),
      cell(h.today.served, true), cell(h.today.waiting, true), alerts);
    return row;
  }));
  $('no-halls').hidden = halls.length > 0;
}

function renderComparison(stats) {
  const row = (h, total) => {
    const tr = el('tr', total ? 'total' : null);
    tr.append(cell(total ? t('total') : h.hallName), cell(h.issued, true), cell(h.served, true), cell(percent(h.sameDayCompletionRate), true),
      cell(percent(h.satisfactionRate), true), cell(h.dissatisfied + h.veryDissatisfied, true), cell(percent(h.rectifiedRate), true),
      cell(minutes(h.avgWaitSeconds), true), cell(minutes(h.p90WaitSeconds), true));
    return tr;
  };
  $('comparison').tBodies[0].replaceChildren(...stats.halls.map(h => row(h, false)), row(stats.total, true));
}

function render() {
  i18n.apply();
  $('login').hidden = !!session;
  $('who').hidden = !session;
  $('who-name').textContent = session ? `${session.name}（${session.staffCode}）` : '';
  $('content').hidden = !session || !last.halls;
  const text = message === null ? null : typeof message === 'string' ? i18n.both(message) : message;
  $('message').hidden = !text;
  $('message').textContent = text ? i18n.of(text) : '';
  if (last.halls) renderHalls(last.halls);
  if (last.stats) renderComparison(last.stats);
  $('updated').textContent = last.at ? t('updated', last.at.toLocaleTimeString(i18n.locale, { hour12: false })) : '';
}

function monthRange() {
  const [y, m] = $('month').value.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${$('month').value}-01`, to: `${$('month').value}-${String(lastDay).padStart(2, '0')}` };
}

async function refresh() {
  if (!session) {
    show('pleaseLogIn');
    return;
  }
  try {
    const { from, to } = monthRange();
    const [halls, stats] = await Promise.all([calls.call('/api/city/halls'), calls.call(`/api/city/stats?from=${from}&to=${to}`)]);
    last = { halls, stats, at: new Date() };
    message = null;
  } catch (e) {
    message = e instanceof ApiError ? (e.status === 404 ? 'notCity' : e.text) : 'network';
  }
  render();
}

async function download(format) {
  try {
    const response = await calls.download(`/api/city/reports/monthly?month=${$('month').value}&format=${format}`);
    saveFile(await response.blob(), fileNameOf(response, `city-monthly-report.${format}`));
  } catch (e) {
    show(e instanceof ApiError ? e.text : 'network');
  }
}

$('login').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    session = await api('/api/supervision/login', { body: { staffCode: $('login-staff').value.trim(), pin: $('login-pin').value } });
    sessionStorage.setItem('hall.city', JSON.stringify(session));
    message = null;
  } catch (e) {
    message = e instanceof ApiError ? (problemText(e.problem) ?? e.text) : 'network';
  }
  $('login-pin').value = '';
  await refresh();
});
$('logout').addEventListener('click', async () => {
  try {
    await calls.call('/api/supervision/logout', { method: 'POST' });
  } catch {
    // the token ends here whatever the server said
  }
  forget();
  last = { halls: null, stats: null, at: null };
  await refresh();
});
$('lang').addEventListener('click', () => { i18n.toggle(); render(); });
$('month').addEventListener('change', refresh);
$('download-csv').addEventListener('click', () => download('csv'));
$('download-xlsx').addEventListener('click', () => download('xlsx'));

const today = new Date();
$('month').value = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
api('/api/hall').then(hall => { $('city-name').textContent = i18n.pick(hall.name, hall.nameEn); }).catch(() => {});
refresh();
setInterval(refresh, 10_000);
