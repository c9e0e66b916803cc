// 我的差评: the clerk's own bad ratings with their follow-up, and the appeal (申诉) of one with a reason; the
// supervisor reviews it on the dashboard. A half-written reason survives re-rendering.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';

export function appealsPanel(call, i18n) {
  const { t } = i18n;
  let items = [];
  const drafts = new Map();   // follow-up id -> { reason, error }

  function item(f) {
    const draft = drafts.get(f.id) || { reason: '', error: null };
    const li = el('li', 'appeal-item');
    li.dataset.followUp = f.id;
    li.dataset.ticket = f.ticketNumber;
    li.append(el('span', 'num', f.ticketNumber), el('span', 'rating', i18n.lang === 'zh' ? f.label : t(`levels.${f.level}`)));
    if (f.reasons && f.reasons.length) li.append(el('span', 'reasons', f.reasons.join('、')));
    if (f.appeal) {
      li.append(el('span', `appeal-state ${f.appeal.decision}`, t(`appealStates.${f.appeal.decision}`)));
      return li;
    }
    const reason = el('input', 'appeal-reason');
    reason.maxLength = 500;
    reason.placeholder = t('appealReason');
    reason.setAttribute('aria-label', t('appealReason'));
    reason.value = draft.reason;
    reason.addEventListener('input', () => { drafts.set(f.id, { ...draft, reason: reason.value }); });
    const send = el('button', 'appeal-send', t('appeal'));
    send.type = 'button';
    send.addEventListener('click', async () => {
      const text = (drafts.get(f.id)?.reason || '').trim();
      try {
        await call(`/api/follow-ups/${f.id}/appeal`, { reason: text });
        drafts.delete(f.id);
        await load();
      } catch (e) {
        drafts.set(f.id, { reason: text, error: e instanceof ApiError ? e.text : { zh: e.message, en: e.message } });
        render();
      }
    });
    li.append(reason, send);
    if (draft.error) li.append(el('p', 'error', i18n.of(draft.error)));
    return li;
  }

  function render() {
    const list = $('appeals');
    list.replaceChildren(...(items.length ? items.map(item) : [el('li', 'none', t('noBadRatings'))]));
  }

  async function load() {
    try {
      items = await call('/api/follow-ups/mine');
      render();
    } catch { /* the next rating or login reads it again */ }
  }

  return { load, render };
}
