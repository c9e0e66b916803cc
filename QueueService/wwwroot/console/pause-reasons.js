// The hall's pause reasons (GET /api/pause-reasons) offered under the pause field; any other text still works.
// Reasons that need a supervisor's approval (现场勘察) say so, since unapproved they count as 离岗.
import { $, api, el } from '/_content/Hall.Contracts/js/hall.js';

export async function loadPauseReasons(t) {
  try {
    const reasons = await api('/api/pause-reasons');
    $('pause-reasons').replaceChildren(...reasons.map(r => {
      const option = el('option');
      option.value = r.text;
      if (r.needsApproval) option.label = `${r.text}（${t('needsApproval')}）`;
      return option;
    }));
  } catch { /* the field still takes any text */ }
}
