// 一事一评 on the tracking page: once the ticket is done and not yet rated, and the page was opened from the ticket's
// own link (it carries the key ?k=), the citizen picks a level, may tick reasons, and sends the rating.
import { $, ApiError, api } from '/_content/Hall.Contracts/js/hall.js';
import { loadRatingOptions, renderReasons } from '/_content/Hall.Contracts/js/rating-reasons.js';

const levels = [5, 4, 3, 2, 1];

export function ratingPanel(id, i18n, onRated) {
  const key = new URLSearchParams(location.search).get('k');
  let level = null, picker = null, refusal = null;

  function renderLevels() {
    $('rate-levels').replaceChildren(...levels.map(l => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `rate-level l${l}`;
      b.dataset.level = String(l);
      b.textContent = i18n.t(`levels.${l}`);
      b.setAttribute('aria-pressed', String(level === l));
      b.addEventListener('click', async () => {
        level = l;
        await loadRatingOptions();
        picker = renderReasons($('rate-reasons'), l, i18n.lang);
        renderLevels();
        $('rate-send').disabled = false;
      });
      return b;
    }));
  }

  async function send() {
    if (!level) return;
    $('rate-send').disabled = true;
    try {
      await api(`/api/tickets/${id}/rating`, { body: { level, reasons: picker ? picker.ticked() : [], key } });
      refusal = null;
      onRated();
    } catch (e) {
      refusal = e instanceof ApiError ? e.text : { zh: e.message, en: e.message };
      $('rate-send').disabled = false;
    }
    renderError();
  }

  function renderError() {
    $('rate-error').hidden = !refusal;
    $('rate-error').textContent = refusal ? i18n.of(refusal) : '';
  }

  $('rate-send').addEventListener('click', send);

  return {
    /** Shows the panel when this ticket may be rated from here; re-renders texts on a language switch. */
    render(ticket) {
      const open = Boolean(key) && ticket && ticket.status === 'done' && !ticket.rating;
      $('rate-panel').hidden = !open;
      if (!open) return;
      renderLevels();
      if (level && picker) picker = renderReasons($('rate-reasons'), level, i18n.lang);
      $('rate-send').disabled = !level;
      renderError();
    },
  };
}
