// The attendance panel (考勤): per clerk, one hall day at a time (today by default), first login and last logout
// against the opening hours, minutes late, early and paused, and who did not come (GET /api/attendance).
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { hall, hallTime, now, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let days = null;

export function renderAttendance() {
  const body = $('attendance-rows');
  body.replaceChildren();
  $('attendance-panel').hidden = !currentSession();
  if (!days) return;
  for (const d of days) {
    const row = el('tr', d.absent ? 'absent' : d.lateMinutes > 0 || d.earlyLeaveMinutes > 0 ? 'warn' : '');
    row.dataset.staff = d.staffCode;
    row.append(
      el('td', null, `${d.name}（${d.staffCode}）`),
      el('td', null, d.absent ? t('absent') : hallTime(d.firstLoginAt, true).slice(-5)),
      el('td', null, d.lastLogoutAt ? hallTime(d.lastLogoutAt, true).slice(-5) : d.absent ? '' : t('stillOn')),
      ...(d.absent ? ['', '', ''] : [d.lateMinutes, d.earlyLeaveMinutes, d.pausedMinutes]).map(m => el('td', null, String(m))));
    body.append(row);
  }
  if (days.length === 0) body.append(el('tr', 'none', t('noAttendance')));
}

export async function loadAttendance() {
  // The hall's date, also before the hub's snapshot has told the page (sv-SE writes dates as YYYY-MM-DD).
  const date = $('attendance-date').value || hall.today || new Date(now()).toLocaleDateString('sv-SE', { timeZone: hall.zone });
  if (!date || !currentSession()) return;
  if (!$('attendance-date').value) $('attendance-date').value = date;
  try {
    days = await call(`/api/attendance?from=${date}&to=${date}`);
  } catch {
    days = [];
  }
  renderAttendance();
}

$('attendance-date').addEventListener('change', loadAttendance);
onSessionChange(session => {
  days = null;
  renderAttendance();
  if (session) loadAttendance();
});
