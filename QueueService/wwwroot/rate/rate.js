// The software evaluator on a tablet at a window: /rate/{window number}. After the clerk finishes a ticket it
// invites a rating for the hall's time-out: the citizen presses a level, then may tick reasons under it (评价选项);
// the rating is recorded with the same rules as a bus evaluator.
import { $, ApiError, api, connectHub, createI18n } from '/_content/Hall.Contracts/js/hall.js';
import { loadRatingOptions, renderReasons } from '/_content/Hall.Contracts/js/rating-reasons.js';
import texts from './texts.js';

const levelKeys = { 5: 'verySatisfied', 4: 'satisfied', 3: 'fairlySatisfied', 2: 'dissatisfied', 1: 'veryDissatisfied' };
let chosen = null;

const windowNumber = Number(location.pathname.split('/').filter(Boolean).pop());
const i18n = createI18n(texts, { storageKey: 'hall.lang' });
let timeoutSeconds = 60, countdown = null, windowInfo = null, refusal = null;
// The tablet's device key comes once in its start address (/rate/3?key=rate-3.…), is kept on the tablet and taken
// out of the address bar, so it is not shown on screen or left in the history.
const params = new URLSearchParams(location.search);
if (params.get('key')) {
  localStorage.setItem('hall.deviceKey', params.get('key'));
  history.replaceState(null, '', location.pathname);
}
const deviceKey = localStorage.getItem('hall.deviceKey');

function renderWindow() {
  if (!windowInfo) return;
  $('window-name').textContent = windowInfo.name;
  $('clerk').textContent = windowInfo.clerk ? i18n.t('clerk', windowInfo.clerk) : '';
}

function renderError() {
  $('error').hidden = !refusal;
  $('error').textContent = i18n.of(refusal);
}

function show(screen) {
  for (const id of ['idle', 'invite', 'reasons-screen', 'thanks']) $(id).hidden = id !== screen;
}

function invite(number) {
  $('number').textContent = number;
  refusal = null;
  renderError();
  show('invite');
  let left = timeoutSeconds;
  $('seconds').textContent = left;
  clearInterval(countdown);
  countdown = setInterval(() => {
    left -= 1;
    $('seconds').textContent = left;
    $('seconds-reasons').textContent = left;
    if (left <= 0) { clearInterval(countdown); show('idle'); }
  }, 1000);
}

// A level with options opens the reasons; one without is sent at once.
async function choose(level) {
  await loadRatingOptions();
  $('chosen-level').textContent = i18n.t(levelKeys[level]);
  chosen = { level, picker: renderReasons($('reasons'), level, i18n.lang) };
  if (chosen.picker.count === 0) { await rate(level, []); return; }
  show('reasons-screen');
}

async function rate(level, reasons) {
  clearInterval(countdown);
  chosen = null;
  try {
    const result = await api(`/api/windows/${windowNumber}/rate`, {
      body: { level, reasons },
      headers: { 'X-Device-Id': `tablet-${windowNumber}`, ...(deviceKey ? { 'X-Device-Key': deviceKey } : {}) },
    });
    $('thanks-level').textContent = result.ticket ? `${result.ticket.number} · ${result.ticket.rating.label}` : '';
    show('thanks');
  } catch (e) {
    refusal = e instanceof ApiError ? e.text : { zh: e.message, en: e.message };
    renderError();
    show('idle');
  }
  setTimeout(() => show('idle'), 5000);
}

document.querySelectorAll('.level').forEach(b => b.addEventListener('click', () => choose(Number(b.dataset.level))));
$('submit').addEventListener('click', () => { if (chosen) rate(chosen.level, chosen.picker.ticked()); });
$('skip').addEventListener('click', () => { if (chosen) rate(chosen.level, []); });
i18n.onChange(() => { renderWindow(); renderError(); });
$('lang').addEventListener('click', i18n.toggle);

async function snapshot(invoke) {
  const s = await invoke('GetSnapshot');
  windowInfo = s.windows.find(w => w.number === windowNumber) || null;
  renderWindow();
}
const hub = connectHub('/hubs/hall', {
  on: {
    TicketChanged: m => { if (m.windowNumber === windowNumber && m.kind === 'finished') invite(m.number); },
    WindowChanged: m => { if (m.window.number === windowNumber) { windowInfo = m.window; renderWindow(); } },
    HallChanged: () => snapshot(hub.invoke).catch(() => {}),
  },
  online: snapshot,
});

loadRatingOptions();
api('/api/hall').then(h => { timeoutSeconds = h.ratingTimeoutSeconds || 60; }).catch(() => {});
i18n.apply();
renderWindow();
hub.start();
