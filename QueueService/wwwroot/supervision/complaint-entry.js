// A supervisor enters a complaint that came by phone, letter, on site or from an evaluator (POST /api/complaints
// with the supervisor's token); the due date follows the channel and 复杂 from the hall's rules on the server.
import { $, ApiError } from '/_content/Hall.Contracts/js/hall.js';
import { i18n } from './page.js';
import { call, onSessionChange } from './session.js';
import { complaintsChanged, lastDay } from './complaints.js';

let message = null;   // { zh, en, isError }

export function renderComplaintEntry() {
  const box = $('complaint-entry-message');
  box.hidden = !message;
  box.textContent = i18n.of(message);
  box.className = 'cp-entry-message' + (message && message.isError ? ' error' : '');
}

const optional = id => $(id).value.trim() || null;

async function enter(event) {
  event.preventDefault();
  const windowNumber = optional('entry-window');
  const body = {
    channel: $('entry-channel').value,
    windowNumber: windowNumber === null ? null : Number(windowNumber),
    staffCode: optional('entry-staff'),
    ticketId: optional('entry-ticket'),
    content: $('entry-content').value.trim(),
    contactName: optional('entry-contact-name'),
    contactPhone: optional('entry-contact-phone'),
    complex: $('entry-complex').checked,
  };
  if (!body.content) {
    message = { ...i18n.both('needText'), isError: true };
    renderComplaintEntry();
    return;
  }
  $('entry-submit').disabled = true;
  try {
    const received = await call('/api/complaints', { body });
    const due = lastDay(received.dueAt);
    message = { zh: i18n.tIn('zh', 'entryDone', due), en: i18n.tIn('en', 'entryDone', due), isError: false };
    $('complaint-entry').reset();
    complaintsChanged();
  } catch (e) {
    message = { ...(e instanceof ApiError ? e.text : i18n.both('network')), isError: true };
  } finally {
    $('entry-submit').disabled = false;
  }
  renderComplaintEntry();
}

$('complaint-new').addEventListener('click', () => {
  $('complaint-entry').hidden = !$('complaint-entry').hidden;
  if (!$('complaint-entry').hidden) $('entry-content').focus();
});
$('complaint-entry').addEventListener('submit', enter);
$('entry-cancel').addEventListener('click', () => { $('complaint-entry').hidden = true; message = null; renderComplaintEntry(); });
onSessionChange(() => {
  message = null;
  $('complaint-entry').reset();
  $('complaint-entry').hidden = true;
  renderComplaintEntry();
});
