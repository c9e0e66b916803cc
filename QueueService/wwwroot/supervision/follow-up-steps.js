// The steps of a follow-up between opening and closing, on the dashboard: the 回访 (how, by whom, what the citizen
// said) and the review (复核) of the rated clerk's appeal. Each step is one request; the list is read again after it.
import { ApiError, el } from '/_content/Hall.Contracts/js/hall.js';
import { hallTime, i18n, t } from './page.js';
import { call, currentSession } from './session.js';

const channels = ['phone', 'sms', 'visit', 'onSite'];

function failed(draft, e) {
  draft.error = e instanceof ApiError ? e.text : i18n.both('network');
  draft.busy = false;
}

/** What has happened so far: the citizen's reasons, the 回访, and the appeal with its decision. */
export function stepSummary(f) {
  const box = el('div', 'fu-steps');
  if (f.reasons && f.reasons.length) box.append(el('p', 'fu-reasons', `${t('reasons')}：${f.reasons.join('、')}`));
  if (f.visit) {
    box.append(el('p', 'fu-visit', t('visited', hallTime(f.visit.at, true), t(`visitChannels.${f.visit.channel}`), f.visit.by, f.visit.note)));
  }
  if (f.appeal) {
    box.append(el('p', `fu-appeal ${f.appeal.decision}`, t('appealed', f.appeal.reason, t(`decisions.${f.appeal.decision}`))));
  }
  return box;
}

/** The 回访 form: channel, who called, what the citizen said. */
export function visitForm(f, draft, done) {
  const form = el('form', 'fu-visit-form');
  const channel = el('select', 'fu-visit-channel');
  channel.name = 'visitChannel';
  channel.setAttribute('aria-label', t('visitChannel'));
  channels.forEach(c => {
    const o = el('option', '', t(`visitChannels.${c}`));
    o.value = c;
    o.selected = (draft.visitChannel || 'phone') === c;
    channel.append(o);
  });
  channel.addEventListener('change', () => { draft.visitChannel = channel.value; });
  const note = el('input', 'fu-visit-note');
  note.name = 'visitNote';
  note.maxLength = 2000;
  note.placeholder = t('visitNote');
  note.setAttribute('aria-label', t('visitNote'));
  note.value = draft.visitNote || '';
  note.addEventListener('input', () => { draft.visitNote = note.value; });
  const submit = el('button', 'fu-visit-save', t('visitSave'));
  submit.type = 'submit';
  submit.disabled = draft.busy;
  form.append(channel, note, submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    draft.busy = true;
    try {
      await call(`/api/follow-ups/${f.id}/visit`, {
        body: { channel: draft.visitChannel || 'phone', by: currentSession() ? currentSession().name : '', note: (draft.visitNote || '').trim() },
      });
      draft.visitNote = '';
      draft.busy = false;
      draft.error = null;
    } catch (e) {
      failed(draft, e);
    }
    done();
  });
  return form;
}

/** A pending appeal's review: a note, then 申诉成立 (the rating no longer counts) or 不成立. */
export function reviewForm(f, draft, done) {
  const form = el('form', 'fu-review-form');
  const note = el('input', 'fu-review-note');
  note.name = 'reviewNote';
  note.maxLength = 2000;
  note.placeholder = t('reviewNote');
  note.setAttribute('aria-label', t('reviewNote'));
  note.value = draft.reviewNote || '';
  note.addEventListener('input', () => { draft.reviewNote = note.value; });
  const review = async upheld => {
    draft.busy = true;
    try {
      await call(`/api/follow-ups/${f.id}/review`, { body: { upheld, note: (draft.reviewNote || '').trim() } });
      draft.reviewNote = '';
      draft.busy = false;
      draft.error = null;
    } catch (e) {
      failed(draft, e);
    }
    done();
  };
  const uphold = el('button', 'fu-uphold', t('uphold'));
  uphold.type = 'button';
  uphold.disabled = draft.busy;
  uphold.addEventListener('click', () => review(true));
  const reject = el('button', 'fu-reject', t('reject'));
  reject.type = 'button';
  reject.disabled = draft.busy;
  reject.addEventListener('click', () => review(false));
  form.append(note, uphold, reject);
  form.addEventListener('submit', event => event.preventDefault());
  return form;
}
