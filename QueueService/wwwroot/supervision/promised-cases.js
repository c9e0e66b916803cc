// 承诺件 panel: the cases accepted at the windows and still open, by due date (GET /api/promised-cases), overdue ones
// marked; 办结 records that the result is ready or delivered (POST …/{ticketId}/complete).
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let cases = [];

export function renderPromisedCases() {
  const list = $('promised-cases');
  const shown = !!currentSession();
  $('promised-cases-panel').hidden = !shown;
  if (!shown) return;
  list.replaceChildren(...cases.map(line));
  if (!cases.length) list.append(el('li', 'none', t('noPromisedCases')));
}

function line(c) {
  const li = el('li', c.overdue ? 'bad' : '');
  li.dataset.ticket = c.ticketId;
  li.append(el('span', null, t('promisedCaseLine', c.number || '', c.serviceName, c.caseNumber || '—', c.dueDate, c.windowNumber ?? '')));
  if (c.overdue) li.append(el('span', 'overdue', t('promisedOverdue')));
  const button = el('button', 'complete', t('completePromised'));
  button.addEventListener('click', async () => {
    try { await call(`/api/promised-cases/${c.ticketId}/complete`, { method: 'POST' }); } catch { /* shown again as it is */ }
    loadPromisedCases();
  });
  li.append(button);
  return li;
}

export async function loadPromisedCases() {
  try {
    const answer = await call('/api/promised-cases');
    if (currentSession()) { cases = answer; renderPromisedCases(); }
  } catch { /* retried by the timer */ }
}

onSessionChange(session => {
  cases = [];
  renderPromisedCases();
  if (session) loadPromisedCases();
});
