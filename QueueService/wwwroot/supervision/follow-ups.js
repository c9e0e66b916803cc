// Follow-ups of bad ratings (回访/整改): each open one with its ticket, window, clerk and due date, closed from the page
// with the answer given and who handled it. A half-written answer survives re-rendering and language switches.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';
import { counted, hallTime, i18n, loginNeeded, serviceName, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';
import { reviewForm, stepSummary, visitForm } from './follow-up-steps.js';

let followUps = null;        // null until loaded after a login
const drafts = new Map();    // follow-up id -> { open, answer, handledBy, error, busy }

function draftOf(id) {
  if (!drafts.has(id)) drafts.set(id, { open: false, answer: '', handledBy: null, error: null, busy: false });
  return drafts.get(id);
}

const supervisorName = () => (currentSession() ? currentSession().name : '');

function field(tag, className, name, maxLength, label) {
  const input = el(tag, className);
  input.name = name;
  input.maxLength = maxLength;
  input.placeholder = label;
  input.setAttribute('aria-label', label);
  return input;
}

function closeForm(f, draft) {
  const form = el('form', 'fu-form');
  const clearError = () => { draft.error = null; form.querySelector('.fu-error')?.remove(); };
  const rectification = field('textarea', 'fu-rectification', 'rectification', 2000, t('rectification'));
  rectification.rows = 2;
  rectification.value = draft.rectification || '';
  rectification.addEventListener('input', () => { draft.rectification = rectification.value; });
  const answer = field('textarea', 'fu-answer', 'answer', 2000, t('answer'));
  answer.rows = 2;
  answer.value = draft.answer;
  answer.addEventListener('input', () => { draft.answer = answer.value; clearError(); });
  const handledBy = field('input', 'fu-handled-by', 'handledBy', 100, t('handledBy'));
  handledBy.value = draft.handledBy ?? supervisorName();
  handledBy.addEventListener('input', () => { draft.handledBy = handledBy.value; clearError(); });
  const submit = el('button', 'fu-close', t('close'));
  submit.type = 'submit';
  submit.disabled = draft.busy;
  const cancel = el('button', 'fu-cancel', t('cancel'));
  cancel.type = 'button';
  cancel.addEventListener('click', () => { draft.open = false; draft.error = null; renderFollowUps(); });
  form.append(rectification, answer, handledBy, submit, cancel);
  if (draft.error) form.append(el('p', 'fu-error', i18n.of(draft.error)));
  form.addEventListener('submit', event => { event.preventDefault(); closeFollowUp(f.id); });
  return form;
}

function followUpItem(f) {
  const draft = draftOf(f.id);
  const li = el('li', 'follow-up' + (f.overdue ? ' overdue' : ''));
  li.dataset.followUp = f.id;
  li.dataset.ticket = f.ticketNumber;
  const head = el('div', 'fu-head');
  const label = i18n.lang === 'zh' ? f.label : i18n.label('levels', f.level);
  head.append(el('span', 'num', f.ticketNumber), el('span', `rating level-${f.level}`, label), el('span', 'service', serviceName(f.serviceId, f.serviceName)));
  const meta = el('div', 'fu-meta');
  meta.append(
    el('span', 'fu-window', f.windowNumber != null ? t('window', f.windowNumber, f.windowName) : t('none')),
    el('span', 'fu-clerk', f.clerkName ? `${f.clerkName}（${f.staffCode}）` : f.staffCode || t('none')),
    el('span', 'fu-due', `${t('due')} ${hallTime(f.dueAt, false)}`));
  if (f.overdue) meta.append(el('span', 'fu-overdue', t('overdue')));
  li.append(head, meta, stepSummary(f));
  if (!f.visit) li.append(visitForm(f, draft, loadAfterStep));
  if (f.appeal && f.appeal.decision === 'pending') li.append(reviewForm(f, draft, loadAfterStep));
  if (draft.error && !draft.open) li.append(el('p', 'fu-error', i18n.of(draft.error)));
  if (!draft.open) {
    const open = el('button', 'fu-open', t('closeOpen'));
    open.type = 'button';
    open.addEventListener('click', () => { draft.open = true; renderFollowUps(); document.querySelector(`li[data-follow-up='${f.id}'] .fu-answer`)?.focus(); });
    meta.append(open);
    return li;
  }
  li.append(closeForm(f, draft));
  return li;
}

export function renderFollowUps() {
  const list = $('follow-ups');
  const count = $('follow-up-count');
  // Re-rendering must not take the supervisor's cursor out of a half-written answer.
  const active = document.activeElement;
  const focused = active && list.contains(active) && active.name
    ? { id: active.closest('[data-follow-up]').dataset.followUp, name: active.name, start: active.selectionStart, end: active.selectionEnd }
    : null;
  list.replaceChildren();
  count.hidden = !currentSession();
  if (!currentSession()) {
    loginNeeded(list);
    return;
  }
  if (followUps === null) {
    count.hidden = true;
    list.append(el('li', 'loading', t('loading')));
    return;
  }
  if (!counted(count, list, followUps, 'noFollowUps')) return;
  followUps.forEach(f => list.append(followUpItem(f)));
  if (focused) {
    const again = list.querySelector(`li[data-follow-up='${focused.id}'] [name='${focused.name}']`);
    if (again) {
      again.focus();
      try { again.setSelectionRange(focused.start, focused.end); } catch { /* not a text field */ }
    }
  }
}

export async function loadFollowUps() {
  try {
    const list = await call('/api/follow-ups?status=open');
    if (!currentSession()) return;
    if (followUps !== null && JSON.stringify(list) === JSON.stringify(followUps)) return;   // keep an answer being typed undisturbed
    followUps = list;
    const ids = new Set(list.map(f => f.id));
    [...drafts.keys()].filter(id => !ids.has(id)).forEach(id => drafts.delete(id));
    renderFollowUps();
  } catch { /* retried by the timer */ }
}

async function closeFollowUp(id) {
  const draft = draftOf(id);
  const answer = draft.answer.trim();
  const handledBy = (draft.handledBy ?? supervisorName()).trim();
  draft.error = !answer ? i18n.both('answerRequired') : !handledBy ? i18n.both('handledByRequired') : null;
  if (draft.error) {
    renderFollowUps();
    return;
  }
  draft.busy = true;
  renderFollowUps();
  try {
    await call(`/api/follow-ups/${id}/close`, { body: { answer, handledBy, rectification: (draft.rectification || '').trim() || null } });
    closed(id);
  } catch (e) {
    if (!currentSession()) return;   // the session ended meanwhile
    if (e instanceof ApiError && (e.status === 404 || e.status === 409)) {
      closed(id);   // closed by someone else
    } else {
      draft.error = e instanceof ApiError ? e.text : i18n.both('network');
      draft.busy = false;
    }
  }
  renderFollowUps();
}

// After a 回访 or a review: read the list again (an upheld appeal closes the follow-up).
function loadAfterStep() {
  followUps = followUps ? [...followUps] : followUps;
  renderFollowUps();
  loadFollowUps();
}

function closed(id) {
  followUps = (followUps || []).filter(f => f.id !== id);
  drafts.delete(id);
}

onSessionChange(session => {
  followUps = null;
  drafts.clear();
  renderFollowUps();
  if (session) loadFollowUps();
});
