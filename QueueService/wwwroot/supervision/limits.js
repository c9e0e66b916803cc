// The limits panel: what the abuse controls and the bounded work queues of this server refused or dropped since it
// started (GET /api/supervision/limits), so a supervisor sees a flood or a stuck queue, not only the log.
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { i18n, loginNeeded, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let limits = null;

const limitName = key => {
  const [kind, name] = key.split(':');
  return name ? t('limitOf', i18n.label('limitKinds', kind), i18n.label('limitNames', name)) : i18n.label('limitNames', key);
};

export function renderLimits() {
  const list = $('limits');
  list.replaceChildren();
  if (!currentSession()) {
    loginNeeded(list);
    return;
  }
  if (!limits) return;
  const refused = Object.entries(limits.refused).filter(([key]) => !key.startsWith('queue:'));
  refused.forEach(([key, count]) => {
    const li = el('li', 'warn', t('refusedTimes', limitName(key), count));
    li.dataset.limit = key;
    list.append(li);
  });
  limits.queues.forEach(q => {
    const li = el('li', q.dropped > 0 ? 'bad' : q.depth * 2 > q.capacity ? 'warn' : '',
      t('queueState', i18n.label('limitNames', q.name), q.depth, q.capacity, q.dropped));
    li.dataset.queue = q.name;
    list.append(li);
  });
  if (list.children.length === 0) list.append(el('li', 'none', t('noLimitsHit')));
}

export async function loadLimits() {
  try {
    const answer = await call('/api/supervision/limits');
    if (currentSession()) { limits = answer; renderLimits(); }
  } catch { /* retried by the timer */ }
}

onSessionChange(session => {
  limits = null;
  renderLimits();
  if (session) loadLimits();
});
