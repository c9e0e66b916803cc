// The complaint register (投诉) on the dashboard: open, overdue or closed complaints with channel, subject (window,
// clerk, ticket), content, the contact as the server masks it and the due day; each open one is answered (text and
// channel), passed on, closed or marked invalid (with a reason) from here. Half-written text survives re-rendering.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';
import { counted, hallTime, i18n, loginNeeded, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let complaints = null;       // the list for the chosen filter, null until loaded after a login
let filter = 'open';
const drafts = new Map();    // complaint id -> { mode: null | 'answer' | 'invalid' | 'escalate', text, channel, to, error, busy }
const answerChannels = ['letter', 'phone', 'sms', 'web', 'onSite'];
const written = channel => channel === 'web' || channel === 'letter';

function draftOf(c) {
  if (!drafts.has(c.id)) drafts.set(c.id, { mode: null, text: '', channel: written(c.channel) ? 'letter' : 'phone', to: '', error: null, busy: false });
  return drafts.get(c.id);
}

/** The last day to answer: dueAt is the end of that day (the next midnight in the hall's zone). */
export const lastDay = iso => hallTime(new Date(Date.parse(iso) - 1).toISOString(), false);

function input(tag, className, label, value, onInput) {
  const field = el(tag, className);
  field.name = className;
  field.maxLength = 2000;
  field.placeholder = label;
  field.setAttribute('aria-label', label);
  field.value = value;
  field.addEventListener('input', () => { onInput(field.value); });
  return field;
}

function button(className, text, onClick, type = 'button') {
  const b = el('button', className, text);
  b.type = type;
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

/** The form of the step being taken: the answer, the invalid reason or where it is passed on to. */
function stepForm(c, draft) {
  const form = el('form', `cp-form cp-${draft.mode}-form`);
  if (draft.mode === 'answer') {
    const text = input('textarea', 'cp-answer-text', t('answerText'), draft.text, v => { draft.text = v; });
    text.rows = 3;
    const channel = el('select', 'cp-answer-channel');
    channel.setAttribute('aria-label', t('answerChannel'));
    channel.append(...answerChannels.map(a => new Option(i18n.label('answerChannels', a), a, false, draft.channel === a)));
    channel.addEventListener('change', () => { draft.channel = channel.value; });
    form.append(text, channel);
  } else if (draft.mode === 'invalid') {
    form.append(input('input', 'cp-invalid-reason', t('invalidReason'), draft.text, v => { draft.text = v; }));
  } else {
    form.append(input('input', 'cp-escalate-to', t('escalateTo'), draft.to, v => { draft.to = v; }),
      input('input', 'cp-escalate-note', t('escalateNote'), draft.text, v => { draft.text = v; }));
  }
  const save = button('cp-save', t('save'), null, 'submit');
  save.disabled = draft.busy;
  form.append(save, button('cp-cancel', t('doCancel'), () => { draft.mode = null; draft.error = null; renderComplaints(); }));
  form.addEventListener('submit', event => { event.preventDefault(); takeStep(c, draft); });
  return form;
}

function actions(c, draft) {
  const bar = el('div', 'cp-actions');
  const open = mode => () => { draft.mode = mode; draft.error = null; renderComplaints(); };
  bar.append(button('cp-do-answer', t('doAnswer'), open('answer')), button('cp-do-escalate', t('doEscalate'), open('escalate')),
    button('cp-do-close', t('doClose'), () => { draft.mode = 'close'; takeStep(c, draft); }), button('cp-do-invalid', t('doInvalid'), open('invalid')));
  bar.querySelectorAll('button').forEach(b => { b.disabled = draft.busy; });
  return bar;
}

function steps(c) {
  const box = el('div', 'cp-steps');
  if (c.answer) {
    const p = el('p', 'cp-answer', t('answered', hallTime(c.answeredAt, true), i18n.label('answerChannels', c.answerChannel), c.handledBy));
    p.append(el('span', 'cp-answer-text-shown', c.answer));
    box.append(p);
    if (written(c.channel)) {
      const link = el('a', 'cp-print', t('printLetter'));
      link.href = `/supervision/complaint-letter.html?id=${encodeURIComponent(c.id)}`;
      box.append(link);
    }
  }
  if (c.escalatedTo) box.append(el('p', 'cp-escalated', t('escalatedTo', c.escalatedTo)));
  if (c.invalidReason) box.append(el('p', 'cp-invalid', t('invalidBecause', c.invalidReason)));
  if (c.closedAt) box.append(el('p', 'cp-closed', t('closedAt', hallTime(c.closedAt, true))));
  return box;
}

function complaintItem(c) {
  const draft = draftOf(c);
  const li = el('li', `complaint ${c.status}` + (c.overdue ? ' overdue' : ''));
  li.dataset.complaint = c.id;
  li.dataset.status = c.status;
  const head = el('div', 'cp-head');
  head.append(el('span', 'cp-channel', i18n.label('complaintChannels', c.channel)), el('span', 'cp-status', i18n.label('complaintStatuses', c.status)));
  if (c.complex) head.append(el('span', 'cp-complex', t('complex')));
  head.append(el('span', 'cp-received', `${t('receivedAt')} ${hallTime(c.createdAt, true)}`), el('span', 'cp-due', `${t('complaintDue')} ${lastDay(c.dueAt)}`));
  if (c.overdue) head.append(el('span', 'cp-overdue', t('complaintOverdue')));
  const subject = t('subject', c.windowNumber != null ? t('window', c.windowNumber) : null, c.staffCode, c.ticketNumber ?? (c.ticketId ? c.ticketId.slice(0, 8) : null));
  li.append(head, el('div', 'cp-subject', subject), el('p', 'cp-content', c.content), el('div', 'cp-contact', t('contact', c.contactName, c.contactPhone)), steps(c));
  if (c.status !== 'closed' && c.status !== 'invalid') li.append(draft.mode && draft.mode !== 'close' ? stepForm(c, draft) : actions(c, draft));
  if (draft.error) li.append(el('p', 'cp-error', i18n.of(draft.error)));
  return li;
}

export function renderComplaints() {
  const list = $('complaints');
  const count = $('complaint-count');
  const active = document.activeElement;
  const focused = active && list.contains(active) && active.name
    ? { id: active.closest('[data-complaint]').dataset.complaint, name: active.name, start: active.selectionStart, end: active.selectionEnd }
    : null;
  list.replaceChildren();
  $('complaint-tools').hidden = !currentSession();
  count.hidden = !currentSession() || complaints === null;
  if (!currentSession()) {
    loginNeeded(list);
    return;
  }
  if (complaints === null) {
    list.append(el('li', 'loading', t('loading')));
    return;
  }
  if (!counted(count, list, complaints, `noComplaints.${filter}`)) return;
  complaints.forEach(c => list.append(complaintItem(c)));
  const again = focused && list.querySelector(`li[data-complaint='${focused.id}'] [name='${focused.name}']`);
  if (again) {
    again.focus();
    try { again.setSelectionRange(focused.start, focused.end); } catch { /* not a text field */ }
  }
}

export async function loadComplaints() {
  const asked = filter;
  try {
    const list = await call(`/api/complaints?status=${asked}`);
    if (!currentSession() || asked !== filter) return;
    if (complaints !== null && JSON.stringify(list) === JSON.stringify(complaints)) return;   // keep text being typed undisturbed
    complaints = list;
    const ids = new Set(list.map(c => c.id));
    [...drafts.keys()].filter(id => !ids.has(id)).forEach(id => drafts.delete(id));
    renderComplaints();
  } catch { /* retried by the timer */ }
}

async function takeStep(c, draft) {
  const text = draft.text.trim();
  const body = draft.mode === 'answer' ? { text, channel: draft.channel }
    : draft.mode === 'invalid' ? { reason: text }
      : draft.mode === 'escalate' ? { to: draft.to.trim(), note: text || null } : undefined;
  if ((draft.mode === 'answer' || draft.mode === 'invalid') && !text || (draft.mode === 'escalate' && !body.to)) {
    draft.error = i18n.both('needText');
    renderComplaints();
    return;
  }
  const step = draft.mode;
  draft.busy = true;
  renderComplaints();
  try {
    await call(`/api/complaints/${c.id}/${step}`, body === undefined ? { method: 'POST' } : { body });
    drafts.delete(c.id);
  } catch (e) {
    if (!currentSession()) return;
    draft.error = e instanceof ApiError ? e.text : i18n.both('network');
    draft.busy = false;
    if (step === 'close') draft.mode = null;
  }
  complaints = complaints ? [...complaints] : complaints;
  renderComplaints();
  await loadComplaints();
}

/** Reads the list again (after a supervisor entered one). */
export function complaintsChanged() {
  loadComplaints();
}

$('complaint-filter').addEventListener('change', () => {
  filter = $('complaint-filter').value;
  complaints = null;
  renderComplaints();
  loadComplaints();
});

onSessionChange(session => {
  complaints = null;
  drafts.clear();
  renderComplaints();
  if (session) loadComplaints();
});
