// The uplink panel: how far this hall's event record has reached its city (GET /api/supervision/uplink): events
// still to send, the last success, the error that holds it. Shown only when the hall uplinks (Uplink:Url).
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { hallTime, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let uplink = null;

export function renderUplink() {
  const list = $('uplink');
  const shown = !!(currentSession() && uplink && uplink.configured);
  list.hidden = !shown;
  $('uplink-title').hidden = !shown;
  list.replaceChildren();
  if (!shown) return;
  const line = (key, className, text) => {
    const li = el('li', className, text);
    li.dataset.uplink = key;
    list.append(li);
  };
  line('city', '', t('uplinkCity', uplink.city));
  line('backlog', uplink.backlog > 0 ? 'warn' : '', t('uplinkBacklog', uplink.backlog));
  line('last-success', uplink.lastSuccessAt ? '' : 'warn', uplink.lastSuccessAt ? t('uplinkLastSuccess', hallTime(uplink.lastSuccessAt, true)) : t('uplinkNever'));
  if (uplink.failures > 0 && uplink.lastError) line('error', 'bad', t('uplinkError', uplink.lastError, uplink.failures));
}

export async function loadUplink() {
  try {
    const answer = await call('/api/supervision/uplink');
    if (currentSession()) { uplink = answer; renderUplink(); }
  } catch { /* retried by the timer */ }
}

onSessionChange(session => {
  uplink = null;
  renderUplink();
  if (session) loadUplink();
});
