// The reasons a citizen may tick under a rating level (评价选项, the hall file's ratingOptions), shared by the
// tablet evaluator and the phone's tracking page: one toggle button per option, in the page's language.
import { api } from './hall.js';

let options = null;

/** The hall's options per level ("1"…"5"), read once. */
export async function loadRatingOptions() {
  options ??= await api('/api/rating-options').catch(() => ({}));
  return options;
}

/**
 * Fills `container` with the level's options as toggle buttons; returns a function giving the ticked codes in order.
 * `lang` is 'zh' or 'en'.
 */
export function renderReasons(container, level, lang) {
  const list = (options && options[String(level)]) || [];
  const ticked = [];
  container.replaceChildren(...list.map(o => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'reason';
    b.dataset.code = o.code;
    b.textContent = lang === 'en' && o.textEn ? o.textEn : o.text;
    b.setAttribute('aria-pressed', 'false');
    b.addEventListener('click', () => {
      const at = ticked.indexOf(o.code);
      if (at >= 0) ticked.splice(at, 1); else ticked.push(o.code);
      b.setAttribute('aria-pressed', String(at < 0));
    });
    return b;
  }));
  return { count: list.length, ticked: () => [...ticked] };
}
