// 办结 dialog: the visit's outcome in one keystroke or two. F4 opens it; 1–5 choose the outcome, Enter confirms, and
// F4 again confirms 即办件 at once (so "F4 F4" is the everyday finish). Digits typed into a field stay in the field,
// and keys that confirm a pinyin IME's candidate (Enter, digits while composing) are left to the IME.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';

const OUTCOMES = ['completed', 'accepted', 'supplement', 'refused', 'consulted'];
const SEPARATORS = /[、，,;；]/;
const MAX_DAYS = 365;

/**
 * finish(body) posts the finish and resolves once done (it throws the server's refusal); currentTicket() is the
 * window's ticket; materialsOf(serviceId) the materials its service's guide lists.
 */
export function finishDialog({ i18n, finish, currentTicket, materialsOf }) {
  const dialog = $('finish-dialog');
  const radios = () => [...dialog.querySelectorAll('input[name="finish-outcome"]')];
  let error = null;   // { zh, en }, kept so a language switch shows it again
  let busy = false;
  let openedFor = null;   // the ticket the dialog is finishing

  const chosen = () => radios().find(r => r.checked)?.value ?? 'completed';

  function choose(outcome, focus = true) {
    const radio = radios().find(r => r.value === outcome);
    radio.checked = true;
    if (focus) radio.focus();
    showFields();
  }

  function showFields() {
    const outcome = chosen();
    $('finish-days-row').hidden = outcome !== 'accepted';
    $('finish-materials-row').hidden = outcome !== 'supplement';
    $('finish-reason-row').hidden = outcome !== 'refused';
    showError(null);
  }

  function showError(message) {
    error = message || null;
    $('finish-error').textContent = i18n.of(error);
    $('finish-error').hidden = !error;
  }

  function materialBoxes(serviceId) {
    return (materialsOf(serviceId) || []).map(name => {
      const label = el('label', 'material');
      const box = el('input');
      box.type = 'checkbox';
      box.value = name;
      label.append(box, el('span', null, name));
      return label;
    });
  }

  function open() {
    const ticket = currentTicket();
    if (dialog.open) return true;
    if (!ticket) return false;
    openedFor = ticket.id;
    $('finish-ticket').textContent = `${ticket.number} ${ticket.serviceName ?? ''}`.trim();
    for (const id of ['finish-case', 'finish-days', 'finish-other-materials', 'finish-reason']) $(id).value = '';
    $('finish-materials').replaceChildren(...materialBoxes(ticket.serviceId));
    $('finish-materials').hidden = !$('finish-materials').children.length;
    dialog.showModal();
    choose('completed');
    return true;
  }

  function close() { if (dialog.open) dialog.close(); }

  // The window's ticket changed under the dialog (transferred, finished elsewhere): its outcome no longer applies.
  function follow(ticket) { if (dialog.open && ticket?.id !== openedFor) close(); }

  const fail = (key, focusId) => { showError(i18n.both(key)); if (focusId) $(focusId).focus(); return null; };

  // The body of POST /api/windows/{n}/finish, or null when the dialog itself can tell what is missing.
  function body() {
    const outcome = chosen();
    const result = { outcome, caseNumber: $('finish-case').value.trim() || null };
    if (outcome === 'accepted') {
      const text = $('finish-days').value.trim();
      const days = Number(text);
      if (text && !(Number.isInteger(days) && days >= 1 && days <= MAX_DAYS)) return fail('finishDialog.daysInvalid', 'finish-days');
      result.promisedWorkingDays = text ? days : null;   // empty: the server takes the guide's days
    }
    if (outcome === 'supplement') {
      const ticked = [...$('finish-materials').querySelectorAll('input:checked')].map(b => b.value);
      const others = $('finish-other-materials').value.split(SEPARATORS).map(m => m.trim()).filter(Boolean);
      const missing = [...new Set([...ticked, ...others])];
      if (!missing.length) return fail('finishDialog.materialsNeeded', 'finish-other-materials');
      result.missingMaterials = missing;
    }
    if (outcome === 'refused') result.reason = $('finish-reason').value.trim();   // an empty one: the server says why
    return result;
  }

  async function confirm() {
    if (busy) return;
    const request = body();
    if (!request) return;
    busy = true;
    showError(null);
    try {
      await finish(request);
      close();
    } catch (e) {
      showError(e instanceof ApiError ? e.text : { zh: e.message, en: e.message });
      if (request.outcome === 'refused' && !request.reason) $('finish-reason').focus();
    } finally {
      busy = false;
    }
  }

  const typing = target => target instanceof HTMLTextAreaElement
    || (target instanceof HTMLInputElement && !['radio', 'checkbox'].includes(target.type));

  dialog.addEventListener('keydown', event => {
    if (event.isComposing || event.keyCode === 229 || event.ctrlKey || event.altKey || event.metaKey) return;
    if (/^F\d+$/.test(event.key)) {
      // The desk's F keys are not for a half-filled dialog (and F5 must not reload the page).
      event.preventDefault();
      event.stopPropagation();
      if (event.key === 'F4' && !event.repeat) { choose('completed', false); confirm(); }
      return;
    }
    if (/^[1-5]$/.test(event.key) && !typing(event.target)) {
      event.preventDefault();
      choose(OUTCOMES[Number(event.key) - 1]);
      return;
    }
    if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement) && !(event.target instanceof HTMLTextAreaElement)) {
      event.preventDefault();
      confirm();
    }
  });
  $('finish-form').addEventListener('submit', event => { event.preventDefault(); confirm(); });
  for (const radio of radios()) radio.addEventListener('change', showFields);
  dialog.addEventListener('input', event => { if (event.target.name !== 'finish-outcome') showError(null); });   // being put right
  $('finish-cancel').addEventListener('click', close);

  return { open, close, follow, get isOpen() { return dialog.open; }, render: () => showError(error) };
}
