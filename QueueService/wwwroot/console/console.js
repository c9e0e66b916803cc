// Clerk console: one window, one clerk. Actions go to /api/windows/{n}/…; the hub keeps the view live.
import { $, ApiError, api, connectHub, createI18n, el } from '/_content/Hall.Contracts/js/hall.js';
import texts from './texts.js';
import { appealsPanel } from './appeals.js';
import { loadPauseReasons } from './pause-reasons.js';
import { bookingForm } from '/staff/booking-form.js';
import { finishDialog } from './finish-dialog.js';

const i18n = createI18n(texts);   // the console starts in Chinese at every visit
const { t } = i18n;
let session = JSON.parse(sessionStorage.getItem('console.session') || 'null');
let services = [];
let windowInfo = null;
let counts = [];
let error = null;   // { zh, en } shown under the desk

function showError(message) {
  error = message || null;
  $('error').textContent = i18n.of(error);
  $('error').hidden = !error;
}

const asMessage = e => (e instanceof ApiError ? e.text : { zh: e.message, en: e.message });

// Every call carries the clerk's token; a 401 outside the login means the login has ended.
async function call(path, body, token = session && session.token) {
  try {
    return await api(path, { ...(body === undefined ? {} : { method: 'POST', body }), headers: token ? { Authorization: 'Bearer ' + token } : {} });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && session && !path.endsWith('/login')) logoutLocally();
    throw e;
  }
}

const appeals = appealsPanel((path, body) => call(path, body), i18n);
const booking = bookingForm($('staff-booking'), (path, body) => call(path, body), i18n);

async function act(action, body) {
  showError(null);
  try {
    const result = await call(`/api/windows/${session.windowNumber}/${action}`, body ?? null);
    if (action === 'call-next' && result === null) showError(i18n.both('nobodyWaiting'));
    if (result && result.window) { windowInfo = result.window; render(); }
    if (action === 'logout') logoutLocally();
    if (action === 'help') $('help-sent').hidden = false;
    if (action === 'after-hours-refusal') { $('after-hours-sent').hidden = false; $('after-hours-reason').value = ''; $('after-hours-number').value = ''; }
  } catch (e) { showError(asMessage(e)); }
}

function logoutLocally() {
  session = null; windowInfo = null;
  finishing.close();
  sessionStorage.removeItem('console.session');
  render();
}

function countItem(label, value) {
  const li = el('li');
  li.append(label, el('b', null, value));
  return li;
}

function render() {
  $('login-form').hidden = !!session;
  $('desk').hidden = !session;
  $('badge').textContent = session && windowInfo?.clerk
    ? `${windowInfo.clerk.name}（${windowInfo.clerk.staffCode}）· ${windowInfo.clerk.post === 'temporary' ? t('temporaryPost') : windowInfo.clerk.post + t('post')}` : '';
  if (!session || !windowInfo) return;
  $('window-name').textContent = windowInfo.name;
  $('state').textContent = i18n.label('states', windowInfo.state) + (windowInfo.pauseReason ? `（${windowInfo.pauseReason}）` : '');
  const ticket = windowInfo.currentTicket;
  finishing.follow(ticket);
  $('number').textContent = ticket ? ticket.number : '—';
  $('service').textContent = ticket ? ticket.serviceName : '';
  renderElapsed();
  const mine = new Set(windowInfo.serviceIds);
  $('counts').replaceChildren(...counts.filter(c => mine.has(c.serviceId)).map(c => countItem(`${c.prefix} ${c.serviceName}`, c.waiting)));
  const select = $('transfer-service');
  if (select.options.length !== services.length) {
    select.replaceChildren(...services.map(s => new Option(`${s.prefix} ${s.name}`, s.id)));
  }
}

function renderElapsed() {
  const ticket = windowInfo?.currentTicket;
  const element = $('elapsed');
  if (!ticket || !ticket.startedAt) { element.textContent = ''; element.classList.remove('late'); return; }
  const seconds = Math.max(0, Math.floor((Date.now() - new Date(ticket.startedAt).getTime()) / 1000));
  const promised = services.find(s => s.id === ticket.serviceId)?.promisedMinutes ?? 0;
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  element.textContent = t('elapsed', clock, promised);
  element.classList.toggle('late', promised > 0 && seconds > promised * 60);
}

async function loadWindow() {
  if (!session) return;
  try {
    windowInfo = await call(`/api/windows/${session.windowNumber}`);
    if (!windowInfo.clerk) { logoutLocally(); return; }
    render();
  } catch (e) { showError(asMessage(e)); }
}

async function loadServices() {
  services = await call('/api/services');
  counts = services.map(s => ({ serviceId: s.id, serviceName: s.name, prefix: s.prefix, waiting: s.waiting }));
  render();
}

// Today's served count and rating summary of this window, from the statistics of the hall day.
let todayTimer = null;
async function loadToday() {
  if (!session) return;
  try {
    const hall = await call('/api/hall');
    const day = hall.now.substring(0, 10);
    const stats = await call(`/api/stats?from=${day}&to=${day}`);
    const w = stats.windows.find(x => x.windowNumber === session.windowNumber);
    const rate = w && w.satisfactionRate != null ? `${Math.round(w.satisfactionRate * 100)}%` : '—';
    const rows = [
      [t('served'), w ? w.served : 0], [t('noShow'), w ? w.noShow : 0],
      [t('rated'), w ? w.rated : 0], [t('satisfaction'), rate],
      [t('goodRatings'), w ? `${w.verySatisfied} / ${w.satisfied} / ${w.basicallySatisfied}` : '0 / 0 / 0'],
      [t('badRatings'), w ? `${w.dissatisfied} / ${w.veryDissatisfied}` : '0 / 0'],
    ];
    $('today').replaceChildren(...rows.map(([label, value]) => countItem(label, value)));
  } catch (e) { showError(asMessage(e)); }
}
const refreshToday = () => { clearTimeout(todayTimer); todayTimer = setTimeout(loadToday, 500); };

// A PIN the administrator set must be replaced at the first login; changing it ends the login, so log in again.
async function changeOwnPin(number, staffCode, token, currentPin) {
  const newPin = window.prompt(t('newPin'));
  if (!newPin) { showError(i18n.both('pinChangeNeeded')); return null; }
  if (window.prompt(t('newPinAgain')) !== newPin) { showError(i18n.both('pinsDiffer')); return null; }
  await call(`/api/windows/${number}/pin`, { currentPin, newPin }, token);
  return call(`/api/windows/${number}/login`, { staffCode, pin: newPin }, null);
}

$('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  showError(null);
  const number = Number($('window').value);
  try {
    session = null;
    const staffCode = $('staff').value;
    let response = await call(`/api/windows/${number}/login`, { staffCode, pin: $('pin').value });
    if (response.mustChangePin) response = await changeOwnPin(number, staffCode, response.token, $('pin').value);
    if (!response) { $('pin').value = ''; return; }
    session = { token: response.token, windowNumber: response.windowNumber };
    sessionStorage.setItem('console.session', JSON.stringify(session));
    $('pin').value = '';
    await loadWindow();
    refreshToday();
    appeals.load();
    booking.load().catch(() => { /* no service takes appointments */ });
  } catch (e) { showError(asMessage(e)); }
});

// 办结 goes through the finish dialog, which asks for the visit's outcome (F4 F4: 即办件).
async function finishWith(body) {
  const result = await call(`/api/windows/${session.windowNumber}/finish`, body);
  showError(null);
  if (result && result.window) { windowInfo = result.window; render(); }
}
const finishing = finishDialog({
  i18n, finish: finishWith, currentTicket: () => windowInfo?.currentTicket,
  materialsOf: serviceId => services.find(s => s.id === serviceId)?.materials ?? [],
});

function finish() {
  if (!finishing.open()) showError(i18n.both('nothingToFinish'));
}

const buttons = { 'call-next': () => act('call-next'), recall: () => act('recall'), start: () => act('start'), finish,
  'no-show': () => act('no-show'), hold: () => act('hold'), 'call-back': () => act('call-back'), resume: () => act('resume'),
  call: () => act('call', { number: $('call-number').value }),
  'transfer-to-service': () => act('transfer', { serviceId: Number($('transfer-service').value) }),
  'transfer-to-window': () => act('transfer', { windowNumber: Number($('transfer-window').value) }),
  pause: () => act('pause', { reason: $('pause-reason').value }), help: () => act('help'), logout: () => act('logout'),
  // 不得无故拒绝延时服务: a visit not served after closing is registered with its reason.
  'after-hours-refusal': () => act('after-hours-refusal', { reason: $('after-hours-reason').value, ticketNumber: $('after-hours-number').value.trim() || null }) };
for (const [id, handler] of Object.entries(buttons)) $(id).addEventListener('click', handler);

document.addEventListener('keydown', event => {
  if (!session || finishing.isOpen) return;   // the dialog has its own keys
  const button = document.querySelector(`#desk button[data-key="${event.key}"]`);
  if (button) { event.preventDefault(); button.click(); }
});

i18n.onChange(() => { render(); finishing.render(); showError(error); if (session) { refreshToday(); appeals.render(); } });
$('lang').addEventListener('click', i18n.toggle);

function reload() {
  loadWindow();
  loadServices().catch(e => showError(asMessage(e)));
}

const hub = connectHub('/hubs/hall', {
  on: {
    WindowChanged: message => {
      if (session && message.window.number === session.windowNumber) { windowInfo = message.window; render(); }
    },
    TicketCalled: message => { if (session && message.windowNumber === session.windowNumber) loadWindow(); },
    QueueCountsChanged: message => { counts = message.services; render(); },
    TicketChanged: message => {
      if (session && message.windowNumber === session.windowNumber && ['finished', 'noShow', 'rated'].includes(message.kind)) refreshToday();
      if (session && message.windowNumber === session.windowNumber && message.kind === 'rated') appeals.load();
    },
    HallChanged: reload,
  },
  online: reload,   // also after a reconnect: whatever happened meanwhile
});
hub.start();

setInterval(renderElapsed, 1000);
reload();
refreshToday();
if (session) { appeals.load(); booking.load().catch(() => { /* no service takes appointments */ }); }
loadPauseReasons(t);
i18n.apply();
render();
