// The phone's complaint form (网上投诉): content, the window and staff number it is about, a contact if the citizen
// wants an answer; POST /api/complaints as channel "web" (anonymous, limited per address). The reference and the day
// the answer is due are shown; a refusal shows the server's own words.
import { $, ApiError, api, createI18n } from '/_content/Hall.Contracts/js/hall.js';
import texts from './complaint-texts.js';

const i18n = createI18n(texts, { storageKey: 'hall.lang' });
const { t } = i18n;
const state = { hall: null, received: null, hadPhone: false, error: null };

/**
 * The last day to answer, as the hall says it: dueAt is the end of that day (the next midnight, with the hall's
 * offset), so its own date digits are read and a midnight goes back one day, whatever the phone's time zone.
 */
function dueDay(iso) {
  const [y, m, d] = iso.substring(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (iso.substring(11, 19) === '00:00:00') day.setUTCDate(day.getUTCDate() - 1);
  return day;
}

function render() {
  if (state.hall) $('hall-name').textContent = i18n.pick(state.hall.name, state.hall.nameEn);
  $('privacy').textContent = t('privacy', state.hall?.personalDataRetainDays);
  const contacts = state.hall?.contacts || {};
  $('phones').textContent = [contacts.complaintPhone && t('complaintPhone', { phone: contacts.complaintPhone }),
    contacts.supervisionPhone && t('supervisionPhone', { phone: contacts.supervisionPhone })].filter(Boolean).join('　');
  $('error').hidden = !state.error;
  $('error').textContent = i18n.of(state.error);
  $('write').hidden = !!state.received;
  $('done').hidden = !state.received;
  if (state.received) {
    const day = dueDay(state.received.dueAt);
    $('reference').textContent = state.received.id;
    $('due').textContent = t('due', day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), t('weekdays')[day.getUTCDay()], t('months')[day.getUTCMonth()]);
    $('phone-note').textContent = t(state.hadPhone ? 'phoneNote' : 'noPhoneNote');
  }
}

const optional = id => $(id).value.trim() || null;

async function send(event) {
  event.preventDefault();
  const content = $('content').value.trim();
  state.error = content ? null : i18n.both('contentRequired');
  if (state.error) {
    render();
    $('content').focus();
    return;
  }
  const windowNumber = optional('window');
  const body = {
    channel: 'web',
    content,
    windowNumber: windowNumber === null ? null : Number(windowNumber),
    staffCode: optional('staff'),
    contactName: optional('contact-name'),
    contactPhone: optional('contact-phone'),
  };
  $('submit').disabled = true;
  $('submit').textContent = t('sending');
  try {
    state.received = await api('/api/complaints', { body, headers: { 'X-Device-Id': 'mobile' } });
    state.hadPhone = !!body.contactPhone;
    $('form').reset();
    window.scrollTo(0, 0);
  } catch (e) {
    state.error = e instanceof ApiError ? e.text : i18n.both('network');
  } finally {
    $('submit').disabled = false;
    $('submit').textContent = t('submit');
  }
  render();
}

async function start() {
  i18n.onChange(render);
  $('lang').addEventListener('click', i18n.toggle);
  $('form').addEventListener('submit', send);
  $('again').addEventListener('click', () => { state.received = null; render(); });
  i18n.apply();
  render();
  try {
    state.hall = await api('/api/hall');
  } catch { /* the form works without the hall's name */ }
  render();
  document.body.dataset.ready = 'true';
}

start();
