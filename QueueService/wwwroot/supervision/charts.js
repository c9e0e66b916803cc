// The supervision dashboard's charts (Apache ECharts, shipped in /lib/echarts, no CDN, loaded before the modules):
// arrivals and open windows per hour with the Erlang C advice, the wait distribution, satisfaction per window, and
// today's arrivals against the same weekday last week. figures.js calls renderCharts whenever figures or the language change.
const colors = { arrivals: '#5b8ff9', open: '#2f9e44', recommended: '#e8590c', lastWeek: '#adb5bd' };
const charts = new Map();
const fonts = { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif' };

function chart(id) {
  const dom = document.getElementById(id);
  if (!dom || typeof echarts === 'undefined') return null;
  if (!charts.has(id)) charts.set(id, echarts.init(dom, null, { renderer: 'canvas' }));
  return charts.get(id);
}

function empty(l) {
  return { title: { text: l.noData, left: 'center', top: 'middle', textStyle: { color: '#9aa4b2', fontSize: 14, fontWeight: 'normal', ...fonts } } };
}

function set(id, option) {
  const c = chart(id);
  if (!c) return;
  c.setOption({ textStyle: fonts, animation: false, ...option }, { notMerge: true });
  document.getElementById(id).dataset.rendered = 'true';
}

function staffingChart(l, staffing) {
  const hours = staffing ? staffing.hours : [];
  if (!hours.length) return set('chart', empty(l));
  set('chart', {
    tooltip: { trigger: 'axis' },
    legend: { data: [l.arrivals, l.open, l.recommended], top: 0 },
    grid: { left: 44, right: 44, top: 34, bottom: 28 },
    xAxis: { type: 'category', data: hours.map(h => l.hour(h.hour)) },
    yAxis: [{ type: 'value', name: l.people, minInterval: 1 }, { type: 'value', name: l.windows, minInterval: 1 }],
    series: [
      { name: l.arrivals, type: 'bar', barMaxWidth: 48, data: hours.map(h => h.arrivals), itemStyle: { color: colors.arrivals } },
      { name: l.open, type: 'line', yAxisIndex: 1, data: hours.map(h => h.openWindows), itemStyle: { color: colors.open } },
      { name: l.recommended, type: 'line', yAxisIndex: 1, data: hours.map(h => h.recommendedWindows), lineStyle: { type: 'dashed' }, itemStyle: { color: colors.recommended } },
    ],
  });
}

function waitChart(l, distribution) {
  const buckets = distribution ? distribution.buckets : [];
  if (!buckets.some(b => b.tickets > 0)) return set('chart-wait', empty(l));
  set('chart-wait', {
    tooltip: { trigger: 'axis' },
    grid: { left: 44, right: 16, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: buckets.map(b => l.band(b.fromMinutes, b.toMinutes)), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', name: l.tickets, minInterval: 1 },
    series: [{ name: l.tickets, type: 'bar', barMaxWidth: 48, data: buckets.map(b => b.tickets), itemStyle: { color: colors.arrivals } }],
  });
}

function satisfactionChart(l, stats) {
  const rows = (stats ? stats.windows : []).filter(w => w.rated > 0);
  if (!rows.length) return set('chart-satisfaction', empty(l));
  set('chart-satisfaction', {
    tooltip: { trigger: 'axis', valueFormatter: v => v == null ? '—' : `${v}%` },
    grid: { left: 110, right: 40, top: 16, bottom: 24 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map(w => w.windowName || String(w.windowNumber)), inverse: true },
    series: [{
      name: l.satisfaction, type: 'bar', barMaxWidth: 48, data: rows.map(w => Math.round(w.satisfactionRate * 1000) / 10),
      label: { show: true, position: 'right', formatter: '{c}%' }, itemStyle: { color: colors.open },
    }],
  });
}

function weekChart(l, staffing, lastWeek) {
  const byHour = list => new Map((list ? list.hours : []).map(h => [h.hour, h.arrivals]));
  const now = byHour(staffing), before = byHour(lastWeek);
  const hours = [...new Set([...now.keys(), ...before.keys()])].sort((a, b) => a - b);
  if (!hours.length) return set('chart-week', empty(l));
  set('chart-week', {
    tooltip: { trigger: 'axis' },
    legend: { data: [l.today, l.lastWeek], top: 0 },
    grid: { left: 44, right: 16, top: 34, bottom: 28 },
    xAxis: { type: 'category', data: hours.map(l.hour) },
    yAxis: { type: 'value', name: l.people, minInterval: 1 },
    series: [
      { name: l.today, type: 'bar', barMaxWidth: 48, data: hours.map(h => now.get(h) || 0), itemStyle: { color: colors.arrivals } },
      { name: l.lastWeek, type: 'bar', barMaxWidth: 48, data: hours.map(h => before.get(h) || 0), itemStyle: { color: colors.lastWeek } },
    ],
  });
}

window.addEventListener('resize', () => charts.forEach(c => c.resize()));

/**
 * l: the chart labels in the page's language (texts.js, charts); figures: { staffing, lastWeek, stats, waits }, any
 * of them null (not loaded, not allowed).
 */
export function renderCharts(l, figures) {
  staffingChart(l, figures.staffing);
  waitChart(l, figures.waits);
  satisfactionChart(l, figures.stats);
  weekChart(l, figures.staffing, figures.lastWeek);
}
