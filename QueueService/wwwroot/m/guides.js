// The phone's guide page (办事指南): the list, searched by name or pinyin initials, and one guide by ?service=N, the
// address the printed ticket's second QR code opens.
import { $, ApiError, api, createI18n, el } from '/_content/Hall.Contracts/js/hall.js';
import { guideSections, withGuideTexts } from '/_content/Hall.Contracts/js/guide.js';
import texts from './guides-texts.js';

const i18n = createI18n(withGuideTexts(texts), { storageKey: 'hall.lang' });
const { t } = i18n;
const state = { hall: null, entries: [], guide: null, error: null };
const wanted = Number(new URLSearchParams(location.search).get('service')) || null;

function matches(entry, query) {
  const q = query.trim().toUpperCase();
  return !q || entry.initials.includes(q) || entry.name.includes(query.trim()) || (entry.nameEn || '').toUpperCase().includes(q);
}

function renderList() {
  const query = $('search').value;
  const shown = state.entries.filter(e => matches(e, query));
  $('entries').replaceChildren(...shown.map(entry => {
    const link = el('a');
    link.href = `/m/guides.html?service=${entry.serviceId}`;
    link.dataset.serviceId = entry.serviceId;
    link.append(el('span', null, i18n.pick(entry.name, entry.nameEn)), el('small', null, entry.online ? `${t('online')} · ${entry.initials}` : entry.initials));
    const item = el('li');
    item.append(link);
    return item;
  }));
  $('none').hidden = shown.length > 0 || state.entries.length === 0;
}

function renderGuide() {
  const info = state.guide;
  $('list').hidden = !!wanted;
  $('guide').hidden = !wanted;
  if (!info) return;
  document.title = `${info.name} · ${t('guidesTitle')}`;
  $('guide-name').textContent = i18n.pick(info.name, info.nameEn);
  $('guide-category').textContent = info.category;
  $('guide-online').hidden = !info.guide.onlineUrl;
  $('guide-online').textContent = info.guide.onlineUrl ? t('guideOnline', { url: info.guide.onlineUrl }) : '';
  $('guide-body').replaceChildren(...guideSections(info, i18n));
}

function render() {
  if (state.hall) $('hall-name').textContent = i18n.pick(state.hall.name, state.hall.nameEn);
  const contacts = state.hall?.contacts || {};
  $('phones').textContent = [contacts.complaintPhone && t('complaintPhone', { phone: contacts.complaintPhone }),
    contacts.supervisionPhone && t('supervisionPhone', { phone: contacts.supervisionPhone })].filter(Boolean).join('　');
  $('error').hidden = !state.error;
  $('error').textContent = i18n.of(state.error);
  renderList();
  renderGuide();
}

async function start() {
  i18n.apply();
  try {
    state.hall = await api('/api/hall');
    if (wanted) {
      state.guide = await api(`/api/services/${wanted}/guide`);
    } else {
      state.entries = await api('/api/guides');
    }
  } catch (e) {
    state.error = e instanceof ApiError ? e.text : i18n.both('cannotRead');
    if (wanted) { $('guide-body').replaceChildren(el('p', 'error', i18n.of(state.error))); }
  }
  render();
}

$('search').addEventListener('input', renderList);
$('lang').addEventListener('click', i18n.toggle);
i18n.onChange(render);
start();
