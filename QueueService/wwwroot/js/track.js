// Live status of one ticket for the citizen's phone: /t/{ticket id}.
import { $, ApiError, api, connectHub, createI18n } from '/_content/Hall.Contracts/js/hall.js';
import texts from './track-texts.js';
import { enableSound, soundEnabled, turnAlert } from './turn-alert.js';
import { ratingPanel } from './track-rating.js';

const id = location.pathname.split('/').filter(Boolean).pop();
const i18n = createI18n(texts, { storageKey: 'hall.lang' });
const { t } = i18n;
let ticket = null;
const turn = turnAlert(id);
let stage = '';
const ratingForm = ratingPanel(id, i18n, () => load());

function render() {
  if (!ticket) return;
  $('number').textContent = ticket.number;
  $('service').textContent = ticket.serviceName;
  const status = $('status');
  status.textContent = i18n.label('status', ticket.status);
  status.className = 'status ' + ticket.status;
  $('wait').hidden = ticket.status !== 'waiting';
  $('ahead').textContent = ticket.ahead;
  $('minutes').textContent = ticket.estimatedWaitMinutes;
  const called = $('called');
  called.hidden = !(ticket.status === 'called' || ticket.status === 'serving') || !ticket.windowNumber;
  called.textContent = ticket.windowNumber ? t('goTo', ticket.windowNumber) : '';
  renderOutcome(ticket.outcome);
  const rating = $('rating');
  rating.hidden = !ticket.rating;
  rating.textContent = ticket.rating ? t('rated', ticket.rating.label) : '';
  const banner = $('turn-alert');
  banner.hidden = !stage;
  banner.className = 'turn-alert ' + stage;
  banner.textContent = stage === 'near' ? t('nearBanner', ticket.ahead) : stage === 'called' ? t('calledBanner', ticket.windowNumber) : '';
  $('sound').hidden = soundEnabled() || !['waiting', 'called'].includes(ticket.status);
  ratingForm.render(ticket);
  $('updated').textContent = t('updated', new Date().toLocaleTimeString(i18n.locale));
}

// 办件结果 once the visit is finished: a 承诺件's due date, a 补正's list of what to bring (一次性告知), a refusal's reason.
function renderOutcome(outcome) {
  $('outcome').hidden = !outcome;
  if (!outcome) return;
  const caseNumber = outcome.caseNumber ? t('caseNumber', outcome.caseNumber) : '';
  const reason = outcome.reason || '';
  $('outcome-text').textContent = t(`outcomes.${outcome.kind}`, { dueDate: outcome.dueDate || '', reason }) + caseNumber;
  $('outcome-materials').replaceChildren(...(outcome.missingMaterials || []).map(m => {
    const item = document.createElement('li');
    item.textContent = m;
    return item;
  }));
}

function showError(key) {
  $('error').hidden = false;
  $('error').textContent = t(key);
}

async function load() {
  try {
    ticket = await api(`/api/tickets/${id}`);
    stage = turn.update(ticket).stage;
    $('error').hidden = true;
    render();
  } catch (e) {
    showError(e instanceof ApiError && e.status === 404 ? 'notFound' : 'offline');
  }
}

async function loadHall() {
  try {
    const hall = await api('/api/hall');
    $('hall-name').textContent = i18n.pick(hall.name, hall.nameEn);
  } catch { /* the page works without the hall's name */ }
}

i18n.onChange(() => { render(); loadHall(); });
$('lang').addEventListener('click', i18n.toggle);
$('sound').addEventListener('click', () => { enableSound(); render(); });
// A phone that slept missed hub messages: read the ticket again when the page shows or the network returns.
document.addEventListener('visibilitychange', () => { if (!document.hidden) load(); });
window.addEventListener('online', load);
window.addEventListener('pageshow', (event) => { if (event.persisted) load(); });

// Any change in the queue may move this ticket; re-read it rather than guess.
const hub = connectHub('/hubs/hall', {
  on: { TicketChanged: load, TicketCalled: load, QueueCountsChanged: load },
  online: load,
});

i18n.apply();
loadHall();
load();
hub.start();
setInterval(load, 30000);
