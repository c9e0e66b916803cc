// Pause approvals: windows paused for a reason that needs a supervisor's approval (现场勘察), from
// GET /api/supervision/pause-approvals; approve or reject with POST …/{window}. Unapproved, the pause counts as 离岗.
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { hallTime, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let pauses = [];

export function renderPauseApprovals() {
  const list = $('pause-approvals');
  const shown = !!(currentSession() && pauses.length);
  list.hidden = !shown;
  $('pause-approvals-title').hidden = !shown;
  list.replaceChildren(...(shown ? pauses.map(line) : []));
}

function line(p) {
  const li = el('li', p.decision === 'approved' ? '' : 'warn');
  li.dataset.window = p.windowNumber;
  li.dataset.decision = p.decision;
  li.append(el('span', null, t('pauseApprovalLine', p.windowNumber, p.clerkName ? `${p.clerkName}（${p.staffCode}）` : (p.staffCode || ''), p.reason, hallTime(p.pausedAt, true).slice(-5))),
    el('span', 'decision', t('pauseDecisions')[p.decision]));
  if (p.decision === 'pending') {
    for (const [approve, key] of [[true, 'approvePause'], [false, 'rejectPause']]) {
      const button = el('button', approve ? 'approve' : 'reject', t(key));
      button.addEventListener('click', () => decide(p.windowNumber, approve));
      li.append(button);
    }
  }
  return li;
}

async function decide(windowNumber, approve) {
  try { await call(`/api/supervision/pause-approvals/${windowNumber}`, { method: 'POST', body: { approve } }); } catch { /* shown again as it is */ }
  loadPauseApprovals();
}

export async function loadPauseApprovals() {
  try {
    const answer = await call('/api/supervision/pause-approvals');
    if (currentSession()) { pauses = answer; renderPauseApprovals(); }
  } catch { /* retried by the timer */ }
}

onSessionChange(session => {
  pauses = [];
  renderPauseApprovals();
  if (session) loadPauseApprovals();
});
