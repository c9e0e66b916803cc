// The hall calendar panel: a year's holidays and make-up workdays as the text typed from the State Council's notice,
// applied at once; the server answers the bookings that now fall on a holiday, listed here for staff to move.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';

/** Starts the panel in the page's language, calling the server through send(path, options) (the logged-in session). */
export function startCalendar(i18n, send) {
  const { t } = i18n;
  let message = null;   // { zh, en, isError }
  let toMove = [];

  function renderMessage() {
    const box = $('calendar-message');
    box.hidden = !message;
    if (!message) return;
    box.textContent = i18n.of(message);
    box.classList.toggle('error', message.isError);
  }

  function renderToMove() {
    $('calendar-to-move').hidden = toMove.length === 0;
    $('calendar-bookings').replaceChildren(...toMove.map(b => el('li', null, t('calendar.booking', b.appointment.code,
      i18n.pick(b.appointment.serviceName, b.appointment.serviceNameEn), b.appointment.slotStart.slice(0, 16).replace('T', ' ')))));
  }

  function render() {
    renderMessage();
    renderToMove();
  }

  async function loadYear() {
    message = null;
    toMove = [];
    render();
    // Nothing can be typed or applied until the year's text is in, so a late answer never replaces what was typed.
    $('calendar-text').readOnly = true;
    $('calendar-apply').disabled = true;
    try {
      const year = await send(`/api/admin/calendar/${$('calendar-year').value}/text`);
      $('calendar-text').value = year.text;
      $('calendar-text').placeholder = t('calendar.empty');
    } catch {
      $('calendar-text').value = '';
    } finally {
      $('calendar-text').readOnly = false;
      $('calendar-apply').disabled = false;
    }
  }

  async function apply() {
    const year = $('calendar-year').value;
    try {
      const change = await send(`/api/admin/calendar/${year}/import`, { method: 'POST', body: { text: $('calendar-text').value } });
      const holidays = change.entries.filter(e => e.kind === 'holiday').length;
      message = i18n.both('calendar.applied', holidays, change.entries.length - holidays);
      toMove = change.bookingsToMove;
    } catch (e) {
      const reason = e instanceof ApiError ? e.text : i18n.both('network');
      message = { zh: i18n.tIn('zh', 'calendar.refused', reason.zh), en: i18n.tIn('en', 'calendar.refused', reason.en), isError: true };
      toMove = [];
    }
    render();
  }

  /** Starts on the hall's year (any other year may be typed: the next year's notice comes out in November). */
  async function showYears() {
    const field = $('calendar-year');
    if (!field.value) {
      let year = new Date().getFullYear();
      try { year = Number((await send('/api/hall')).now.slice(0, 4)); } catch { /* the browser's year will do */ }
      field.value = String(year);
    }
    await loadYear();
  }

  $('calendar-year').addEventListener('change', loadYear);
  $('calendar-apply').addEventListener('click', apply);
  i18n.onChange(render);
  return { showYears };
}
