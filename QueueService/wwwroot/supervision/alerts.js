// Open alerts (a printer out of paper, a bad rating …), kept until a supervisor acknowledges them; live from the hub.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';
import { counted, hall, i18n, loginNeeded, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let alerts = [];

export function renderAlerts() {
  const list = $('alerts');
  list.replaceChildren();
  const count = $('alert-count');
  count.hidden = !currentSession();
  if (!currentSession()) {
    loginNeeded(list);
    return;
  }
  if (!counted(count, list, alerts, 'noAlerts')) return;
  alerts.forEach(a => {
    const li = el('li', a.kind);
    li.dataset.kind = a.kind;
    li.dataset.alert = a.id;
    const raised = new Date(Date.parse(a.raisedAt)).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', timeZone: hall.zone });
    const button = el('button', 'ack', t('ack'));
    button.type = 'button';
    button.addEventListener('click', () => acknowledge(a.id));
    li.append(el('time', null, raised), el('span', 'what', i18n.pick(a.message, a.messageEn)), button);
    list.append(li);
  });
}

export async function loadAlerts() {
  try {
    const list = await call('/api/alerts');
    if (currentSession()) { alerts = list; renderAlerts(); }
  } catch { /* retried on reconnect and by the timer */ }
}

async function acknowledge(id) {
  // No "by": the server records the logged-in supervisor's staff number.
  try {
    await call(`/api/alerts/${id}/acknowledge`, { body: {} });
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 409 && e.status !== 404)) return;   // 404, 409: gone already
  }
  removeAlert(id);
}

/** An alert raised anywhere in the hall (AlertRaised), shown only to a logged-in supervisor. */
export function alertRaised(a) {
  if (!currentSession()) return;
  if (!alerts.some(x => x.id === a.id)) alerts.unshift(a);
  renderAlerts();
}

export function removeAlert(id) {
  alerts = alerts.filter(a => a.id !== id);
  renderAlerts();
}

onSessionChange(session => {
  alerts = [];
  renderAlerts();
  if (session) loadAlerts();
});
