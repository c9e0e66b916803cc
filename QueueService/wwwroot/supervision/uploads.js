// The 好差评 upload panel: how far the upload of ratings and rectifications to the provincial platform is behind
// (GET /api/supervision/rating-uploads): records waiting, the oldest, the error holding the queue, the last success.
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { hallTime, loginNeeded, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let uploads = null;

export function renderUploads() {
  const list = $('uploads');
  list.replaceChildren();
  if (!currentSession()) {
    loginNeeded(list);
    return;
  }
  if (!uploads) return;
  const line = (key, className, text) => {
    const li = el('li', className, text);
    li.dataset.upload = key;
    list.append(li);
  };
  if (!uploads.configured) line('configured', 'warn', t('uploadsOff'));
  line('unsent', uploads.unsent > 0 ? 'warn' : '', t('uploadsUnsent', uploads.unsent));
  line('sent', '', t('uploadsSent', uploads.sent));
  if (uploads.oldestUnsentAt) line('oldest', 'warn', t('uploadsOldest', hallTime(uploads.oldestUnsentAt, true)));
  if (uploads.lastSentAt) line('last-sent', '', t('uploadsLastSent', hallTime(uploads.lastSentAt, true)));
  line('error', uploads.lastError ? 'bad' : '', uploads.lastError ? t('uploadsError', uploads.lastError) : t('uploadsNoError'));
}

export async function loadUploads() {
  try {
    const answer = await call('/api/supervision/rating-uploads');
    if (currentSession()) { uploads = answer; renderUploads(); }
  } catch { /* retried by the timer */ }
}

onSessionChange(session => {
  uploads = null;
  renderUploads();
  if (session) loadUploads();
});
