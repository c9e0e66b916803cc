// Today's figures: the key numbers from /api/stats, arrivals against windows open and recommended (Erlang C) from
// /api/staffing (today and the same weekday a week ago), the wait distribution, the advice line and the charts.
import { $, ApiError } from '/_content/Hall.Contracts/js/hall.js';
import { renderCharts } from './charts.js';
import { hall, i18n, minutes, now, t } from './page.js';
import { call, currentSession } from './session.js';

let stats = null;
let staffing = null;
let lastWeek = null;        // /api/staffing of the same weekday a week ago, for the comparison chart
let waits = null;           // /api/stats/wait-distribution of today
let statsLocked = false;    // the hall keeps statistics for staff and nobody is logged in

export function renderStats() {
  if (!stats) {
    ['issued', 'served', 'noshow', 'wait', 'service', 'satisfaction', 'sameday'].forEach(k => { $('kpi-' + k).textContent = '–'; });
    return;
  }
  const f = stats.total;
  $('kpi-issued').textContent = f.issued;
  $('kpi-served').textContent = f.served;
  $('kpi-noshow').textContent = f.noShow;
  $('kpi-wait').textContent = minutes(f.avgWaitSeconds);
  $('kpi-service').textContent = minutes(f.avgServiceSeconds);
  $('kpi-satisfaction').textContent = f.satisfactionRate == null ? t('none') : `${(f.satisfactionRate * 100).toFixed(1)}%`;
  $('kpi-sameday').textContent = f.sameDayCompletionRate == null ? t('none') : `${(f.sameDayCompletionRate * 100).toFixed(1)}%`;
  $('updated').textContent = t('updated', new Date(now()).toLocaleTimeString(i18n.locale));
}

export function renderAdvice() {
  const advice = $('advice');
  const hour = Number(new Date(now()).toLocaleString('en-GB', { hour: '2-digit', hour12: false, timeZone: hall.zone }).slice(0, 2));
  const short = h => h && h.recommendedWindows > h.openWindows;
  const lines = [];
  (staffing ? staffing.groups || [] : []).forEach(g => {
    const h = g.hours.find(x => x.hour === hour);
    if (short(h)) lines.push(t('groupAdvice', g.category, h.recommendedWindows - h.openWindows, hour + 1, h.recommendedWindows, h.openWindows, h.arrivals));
  });
  const total = staffing && staffing.hours.find(h => h.hour === hour);
  if (lines.length === 0 && short(total)) {
    lines.push(t('advice', total.recommendedWindows - total.openWindows, total.hour, total.recommendedWindows, total.openWindows, total.arrivals));
  }
  advice.hidden = lines.length === 0;
  advice.textContent = lines.join('　');
}

export function renderFiguresNote() {
  const note = $('figures-note');
  note.hidden = !statsLocked;
  note.textContent = statsLocked ? t('statsLocked') : '';
}

export function renderFigures() {
  renderStats();
  renderCharts(t('charts'), { staffing, lastWeek, stats, waits });
  renderAdvice();
  renderFiguresNote();
}

// A refusal is an answer too (401: the statistics are for staff); only an unreachable server waits for the next tick.
const settle = promise => promise.then(data => ({ ok: true, data }), e => {
  if (!(e instanceof ApiError)) throw e;
  return { ok: false, status: e.status };
});

export async function loadFigures() {
  const today = hall.today;
  if (!today) return;
  try {
    const weekAgo = new Date(Date.parse(today + 'T00:00:00Z') - 7 * 86400000).toISOString().slice(0, 10);
    const [s, st, lw, wd] = await Promise.all([
      `/api/stats?from=${today}&to=${today}`,
      `/api/staffing?date=${today}&targetWaitMinutes=15&serviceLevel=0.8`,
      `/api/staffing?date=${weekAgo}&targetWaitMinutes=15&serviceLevel=0.8`,
      `/api/stats/wait-distribution?date=${today}`,
    ].map(path => settle(call(path))));
    statsLocked = s.status === 401 && !currentSession();
    const next = (answer, previous) => (answer.ok ? answer.data : statsLocked ? null : previous);
    stats = next(s, stats);
    staffing = next(st, staffing);
    lastWeek = next(lw, lastWeek);
    waits = next(wd, waits);
    renderFigures();
  } catch { /* the next tick retries */ }
}

let figuresTimer = null;
/** Many hub messages in a row load the figures once. */
export function figuresSoon() {
  clearTimeout(figuresTimer);
  figuresTimer = setTimeout(loadFigures, 1500);
}
