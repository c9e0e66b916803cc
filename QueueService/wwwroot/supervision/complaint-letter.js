// The printable answer to a written complaint (书面答复): the hall, the complaint (date, channel, content, subject),
// the answer, its date and the handler, laid out as an A4 letter (@media print hides the page's buttons). It reads
// the complaint with the supervisor's token that the dashboard keeps for this tab (sessionStorage).
import { $, ApiError, api, createI18n, withBearer } from '/_content/Hall.Contracts/js/hall.js';
import texts from './complaint-letter-texts.js';

const i18n = createI18n(texts, { storageKey: 'hall.lang' });
const { t } = i18n;
const id = new URLSearchParams(location.search).get('id');
const state = { hall: null, complaint: null, message: null };

function storedSession() {
  try {
    const stored = JSON.parse(sessionStorage.getItem('hall.supervisor') || 'null');
    return stored && stored.token ? stored : null;
  } catch {
    return null;
  }
}

const session = storedSession();
const { call } = withBearer(() => session && session.token, () => { state.message = i18n.both('loginFirst'); });

/** A date in the hall's zone, as a letter writes it (2026年11月25日, 25 November 2026). */
function longDate(iso) {
  return new Date(Date.parse(iso)).toLocaleDateString(i18n.locale, { timeZone: state.hall?.timeZone || 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
}

function render() {
  $('message').hidden = !state.message;
  $('message').textContent = i18n.of(state.message);
  const c = state.complaint;
  $('letter').hidden = !c;
  $('print').disabled = !c;
  if (!c) return;
  const hallName = state.hall ? i18n.pick(state.hall.name, state.hall.nameEn) : '';
  document.title = `${t('title')} · ${hallName}`;
  $('hall').textContent = hallName;
  $('reference').textContent = c.id;
  $('salutation').textContent = t('salutation', c.contactName);
  $('opening').textContent = t('opening', longDate(c.createdAt));
  $('received').textContent = longDate(c.createdAt);
  $('channel').textContent = i18n.label('channels', c.channel);
  $('subject').textContent = t('subjectOf', c.windowNumber, c.staffCode, c.ticketNumber ?? (c.ticketId ? c.ticketId.slice(0, 8) : null));
  $('content').textContent = c.content;
  $('answer').textContent = c.answer;
  const phone = state.hall?.contacts?.supervisionPhone;
  $('closing').textContent = phone ? t('supervisionPhone', phone) : t('closing');
  // The dashboard knows the logged-in supervisor's name; another handler is named by staff number.
  $('handler').textContent = t('handlerOf', c.handledBy, session && session.staffCode === c.handledBy ? session.name : null);
  $('answered').textContent = longDate(c.answeredAt);
  $('answer-channel').textContent = i18n.label('answerChannels', c.answerChannel);
  $('signature').textContent = hallName;
  $('signed-on').textContent = longDate(c.answeredAt);
}

async function start() {
  i18n.onChange(render);
  $('lang').addEventListener('click', i18n.toggle);
  $('print').addEventListener('click', () => window.print());
  i18n.apply();
  if (!id) state.message = i18n.both('noId');
  else if (!session) state.message = i18n.both('loginFirst');
  else {
    try {
      state.hall = await api('/api/hall');
      const complaint = await call(`/api/complaints/${encodeURIComponent(id)}`);
      if (complaint.answer) state.complaint = complaint;
      else state.message = i18n.both('notAnswered');
    } catch (e) {
      if (!state.message) state.message = e instanceof ApiError ? e.text : i18n.both('network');
    }
  }
  render();
  document.body.dataset.ready = 'true';
}

start();
