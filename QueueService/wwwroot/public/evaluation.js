// 评价结果公开: a month's ratings per window and per service from GET /api/public/evaluation (anonymous): ratings per
// level, 满意率, 差评, 整改率 and 回访率. The month picker starts at the hall's current month.
import { $, ApiError, api, createI18n, el } from '/_content/Hall.Contracts/js/hall.js';
import texts from './evaluation-texts.js';

const i18n = createI18n(texts, { storageKey: 'hall.lang' });
const { t } = i18n;
const state = { hall: null, report: null, namesEn: new Map(), error: null };

const rate = r => (r == null ? t('none') : `${(r * 100).toFixed(1)}%`);

function row(name, f, key, id) {
  const tr = el('tr');
  tr.dataset[key] = id;
  tr.append(el('th', 'name', name), el('td', 'ratings', String(f.ratings)),
    ...[5, 4, 3, 2, 1].map(l => el('td', `level-${l}`, String(f.levels[l] ?? 0))),
    el('td', 'satisfaction', rate(f.satisfactionRate)), el('td', 'bad', String(f.badRatings)),
    el('td', 'rectified', rate(f.rectifiedRate)), el('td', 'followed-up', rate(f.followedUpRate)));
  return tr;
}

function render() {
  if (state.hall) $('hall-name').textContent = i18n.pick(state.hall.name, state.hall.nameEn);
  const contacts = state.hall?.contacts || {};
  $('phones').textContent = [contacts.complaintPhone && t('complaintPhone', contacts.complaintPhone),
    contacts.supervisionPhone && t('supervisionPhone', contacts.supervisionPhone)].filter(Boolean).join('　');
  $('error').hidden = !state.error;
  $('error').textContent = i18n.of(state.error);
  const r = state.report;
  $('total').textContent = r ? t('total', r.month, r.total.ratings, rate(r.total.satisfactionRate)) : '';
  // The hall's window names are Chinese and already say the number; in English the number is enough.
  $('windows').tBodies[0].replaceChildren(...(r ? r.windows : []).map(w =>
    row(i18n.lang === 'en' ? `${t('window')} ${w.windowNumber}` : w.name || `${w.windowNumber}号窗口`, w, 'window', w.windowNumber)));
  $('services').tBodies[0].replaceChildren(...(r ? r.services : []).map(s =>
    row(i18n.pick(s.name, state.namesEn.get(s.serviceId)), s, 'service', s.serviceId)));
}

async function load() {
  try {
    state.report = await api(`/api/public/evaluation?month=${encodeURIComponent($('month').value)}`);
    state.error = null;
  } catch (e) {
    state.report = null;
    state.error = e instanceof ApiError ? e.text : i18n.both('cannotRead');
  }
  render();
  document.body.dataset.month = state.report ? state.report.month : '';
}

async function start() {
  i18n.onChange(render);
  $('lang').addEventListener('click', i18n.toggle);
  $('month').addEventListener('change', load);
  i18n.apply();
  try {
    state.hall = await api('/api/hall');
    (await api('/api/services')).forEach(s => state.namesEn.set(s.id, s.nameEn));
  } catch { /* the figures come without the hall's name */ }
  // The hall's month: /api/hall's "now" carries the hall's offset, so its own digits are the hall's date.
  const params = new URLSearchParams(location.search);
  $('month').value = params.get('month') || (state.hall ? state.hall.now.slice(0, 7) : new Date().toISOString().slice(0, 7));
  await load();
  document.body.dataset.ready = 'true';
}

start();
