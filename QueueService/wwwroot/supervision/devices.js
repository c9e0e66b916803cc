// The devices panel: the last status each device reported (online, out of paper, fault …), for a logged-in supervisor.
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { i18n, loginNeeded, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let devices = [];

export function renderDevices() {
  const list = $('devices');
  list.replaceChildren();
  if (!currentSession()) {
    loginNeeded(list);
    return;
  }
  if (devices.length === 0) {
    list.append(el('li', 'none', t('noDevices')));
    return;
  }
  devices.forEach(d => {
    const li = el('li', d.status === 'online' ? '' : d.status === 'paperLow' ? 'warn' : 'bad');
    li.dataset.device = d.deviceId;
    li.append(el('span', 'dot'), document.createTextNode(`${d.deviceId} · ${i18n.label('deviceStatus', d.status)}${d.detail ? ' · ' + d.detail : ''}`));
    list.append(li);
  });
}

export async function loadDevices() {
  try {
    const list = await call('/api/devices');
    if (currentSession()) { devices = list; renderDevices(); }
  } catch { /* retried by the timer */ }
}

onSessionChange(session => {
  devices = [];
  renderDevices();
  if (session) loadDevices();
});
