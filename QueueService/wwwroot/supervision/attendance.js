// The attendance panel (考勤): per clerk, one hall day at a time (today by default), first login and last logout
// against the opening hours, minutes late, early and paused, and who did not come (GET /api/attendance); or the month
// up to the chosen day, summed per clerk: days present and absent, minutes late, early and paused.
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { hall, hallTime, now, t } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

let days = null;
const monthView = () => $('attendance-view').value === 'month';

function renderMonth(body) {
  const byClerk = new Map();
  for (const d of days) {
    const sum = byClerk.get(d.staffCode) ?? { name: d.name, staffCode: d.staffCode, present: 0, absent: 0, late: 0, early: 0, paused: 0 };
    if (d.absent) sum.absent++; else sum.present++;
    sum.late += d.lateMinutes; sum.early += d.earlyLeaveMinutes; sum.paused += d.pausedMinutes;
    byClerk.set(d.staffCode, sum);
  }
  for (const s of byClerk.values()) {
    const row = el('tr', s.absent > 0 ? 'absent' : s.late > 0 || s.early > 0 ? 'warn' : '');
    row.dataset.staff = s.staffCode;
    row.append(el('td', null, `${s.name}（${s.staffCode}）`),
      ...[s.present, s.absent, s.late, s.early, s.paused].map(n => el('td', null, String(n))));
    body.append(row);
  }
}

export function renderAttendance() {
  const body = $('attendance-rows');
  body.replaceChildren();
  $('attendance-panel').hidden = !currentSession();
  $('attendance-col-1').textContent = t(monthView() ? 'presentDays' : 'firstLogin');
  $('attendance-col-2').textContent = t(monthView() ? 'absentDays' : 'lastLogout');
  if (!days) return;
  if (monthView()) {
    renderMonth(body);
    if (days.length === 0) body.append(el('tr', 'none', t('noAttendance')));
    return;
  }
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
    const from = monthView() ? date.slice(0, 8) + '01' : date;
    days = await call(`/api/attendance?from=${from}&to=${date}`);
  } catch {
    days = [];
  }
  renderAttendance();
}

$('attendance-date').addEventListener('change', loadAttendance);
$('attendance-view').addEventListener('change', loadAttendance);
onSessionChange(session => {
  days = null;
  renderAttendance();
  if (session) loadAttendance();
});
