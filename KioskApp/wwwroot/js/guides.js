// Guide mode (办事指南, 触摸查询): a citizen reads what a service needs before queueing, without a ticket. The list
// is browsed by category or searched by the pinyin initials of the name on the on-screen letters; a guide is read in
// the page's type size, printed on the kiosk's printer, or turned into a number with the usual confirm sheet.
import { $, ApiError, api, el } from '/_content/Hall.Contracts/js/hall.js';
import { guideSections } from '/_content/Hall.Contracts/js/guide.js';
import { openConfirm } from './confirm.js';
import { hide, i18n, show, state, t } from './page.js';

const LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ'.split('');   // I, U and V start no pinyin syllable
const guides = { entries: [], category: null, query: '', open: null };

export async function openGuides() {
  guides.query = '';
  guides.category = null;
  show('guides');
  render();
  try {
    guides.entries = await api('/api/guides');
  } catch {
    guides.entries = [];
  }
  render();
}

export function closeGuides() {
  hide('guides');
  hide('guide');
  guides.open = null;
}

function matches(entry) {
  if (guides.category && entry.category !== guides.category) return false;
  const q = guides.query;
  return !q || entry.initials.startsWith(q) || entry.initials.includes(q) || entry.name.includes(q);
}

function categoryTabs() {
  const tabs = $('guide-tabs');
  const groups = [...new Set(guides.entries.map(e => e.category))];
  tabs.replaceChildren();
  if (groups.length < 2) return;
  const tab = (label, value) => {
    const button = el('button', 'tab' + (guides.category === value ? ' tab-active' : ''), label);
    button.type = 'button';
    button.addEventListener('click', () => { guides.category = value; render(); });
    return button;
  };
  tabs.append(tab(t('allCategories'), null), ...groups.map(g => tab(i18n.label('categories', g), g)));
}

function letters() {
  const box = $('guide-letters');
  box.replaceChildren();
  for (const letter of LETTERS) {
    const key = el('button', 'letter', letter);
    key.type = 'button';
    key.dataset.letter = letter;
    key.addEventListener('click', () => { guides.query += letter; render(); });
    box.append(key);
  }
  const back = el('button', 'letter letter-wide', '⌫');
  back.type = 'button';
  back.dataset.letter = 'back';
  back.addEventListener('click', () => { guides.query = guides.query.slice(0, -1); render(); });
  const clear = el('button', 'letter letter-wide', t('clearSearch'));
  clear.type = 'button';
  clear.addEventListener('click', () => { guides.query = ''; render(); });
  box.append(back, clear);
}

function render() {
  if ($('guides').hidden) return;
  $('guide-search').textContent = guides.query || t('guideSearchHint');
  $('guide-search').classList.toggle('guide-search-empty', !guides.query);
  categoryTabs();
  letters();
  const shown = guides.entries.filter(matches);
  $('guide-list').replaceChildren(...shown.map(entry => {
    const item = el('li');
    const button = el('button', 'guide-entry');
    button.type = 'button';
    button.dataset.serviceId = entry.serviceId;
    button.append(el('strong', null, i18n.pick(entry.name, entry.nameEn)), el('span', 'guide-initials', entry.initials));
    if (entry.online) button.append(el('span', 'guide-online-badge', t('canOnline')));
    button.addEventListener('click', () => openGuide(entry.serviceId));
    item.append(button);
    return item;
  }));
  $('guide-empty').hidden = shown.length > 0 || guides.entries.length === 0;
}

async function openGuide(serviceId) {
  $('guide-body').replaceChildren(el('p', 'guide-loading', t('guideLoading')));
  $('guide-print-state').textContent = '';
  show('guide');
  try {
    guides.open = await api(`/api/services/${serviceId}/guide`);
  } catch (e) {
    guides.open = null;
    $('guide-body').replaceChildren(el('p', 'guide-loading', e instanceof ApiError ? i18n.of(e.text) : t('guideUnavailable')));
    return;
  }
  renderGuide();
}

function renderGuide() {
  const info = guides.open;
  if (!info || $('guide').hidden) return;
  $('guide-prefix').textContent = info.prefix;
  $('guide-name').textContent = i18n.pick(info.name, info.nameEn);
  $('guide-category').textContent = i18n.label('categories', info.category);
  $('guide-online').hidden = !info.guide.onlineUrl;
  $('guide-online').textContent = info.guide.onlineUrl ? t('guideOnline', { url: info.guide.onlineUrl }) : '';
  $('guide-body').replaceChildren(...guideSections(info, i18n, { formItem }));
  $('guide-take').hidden = !state.services.some(s => s.id === info.serviceId);
}

// A kiosk cannot hand over a file: each sample form is a QR code the citizen scans to download it on the phone.
function formItem(form) {
  const item = el('li', 'guide-form');
  const qr = el('img', 'guide-form-qr');
  qr.src = '/api/qr.svg?text=' + encodeURIComponent(form.url);
  qr.alt = form.name;
  item.append(qr, el('span', 'guide-form-name', form.name), el('span', 'guide-form-hint', t('guideFormScan')));
  return item;
}

async function printGuide() {
  if (!guides.open) return;
  const status = $('guide-print-state');
  status.textContent = t('guidePrinting');
  $('guide-print').disabled = true;
  try {
    const answer = await api('/api/print-guide', { body: { serviceId: guides.open.serviceId } });
    status.textContent = answer.printed ? t('guidePrinted') : t('guideNotPrinted', { reason: answer.printError || '' });
  } catch (e) {
    status.textContent = e instanceof ApiError ? i18n.of(e.text) : t('guideUnavailable');
  } finally {
    $('guide-print').disabled = false;
  }
}

function takeFromGuide() {
  const service = guides.open && state.services.find(s => s.id === guides.open.serviceId);
  if (!service) return;
  closeGuides();
  openConfirm(service);
}

export function renderGuides() {
  render();
  renderGuide();
}

$('guide-button').addEventListener('click', openGuides);
$('guides-close').addEventListener('click', closeGuides);
$('guide-back').addEventListener('click', () => { hide('guide'); guides.open = null; });
$('guide-print').addEventListener('click', printGuide);
$('guide-take').addEventListener('click', takeFromGuide);
