// The queues panel: waiting people per service, the longest wait (ticking) and the expected wait.
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { duration, now, serviceName, t } from './page.js';

let queues = [];

export function setQueues(list) {
  queues = list;
}

export function renderQueues() {
  $('queues').replaceChildren(...queues.map(q => {
    const row = el('tr');
    row.dataset.service = q.serviceId;
    const longest = q.oldestIssuedAt ? now() - Date.parse(q.oldestIssuedAt) : null;
    if (longest != null && q.waiting > 0 && longest > 30 * 60000) row.className = 'long';
    const waitCell = el('td', 'n longest', longest != null && q.waiting > 0 ? duration(longest) : t('none'));
    if (q.oldestIssuedAt && q.waiting > 0) waitCell.dataset.since = q.oldestIssuedAt;
    row.append(el('td', null, `${q.prefix} ${serviceName(q.serviceId, q.serviceName)}`), el('td', 'n waiting', String(q.waiting)), waitCell,
      el('td', 'n', `${q.estimatedWaitMinutes} ${t('min')}`));
    return row;
  }));
  $('kpi-waiting').textContent = String(queues.reduce((s, q) => s + q.waiting, 0));
}
