// Hall administration: export and import the hall file, and the lists of services, windows and clerks; devices.js
// shows the devices and keys of every (re)loaded hall. Everything waits for the administrator's login (session.js).
import { $, ApiError, createI18n, el, fileNameOf, saveFile } from '/_content/Hall.Contracts/js/hall.js';
import texts from './texts.js';
import calendarTexts from './calendar-texts.js';
import guideTexts from './guide-texts.js';
import { startCalendar } from './calendar.js';
import { startGuides } from './guides.js';
import { startDevices } from './devices.js';
import { createSession } from './session.js';

const merged = [texts, calendarTexts, guideTexts];
const i18n = createI18n({ zh: Object.assign({}, ...merged.map(m => m.zh)), en: Object.assign({}, ...merged.map(m => m.en)) }, { storageKey: 'hall.lang' });
const session = createSession(i18n);
const devices = startDevices(i18n, session.call);
const calendar = startCalendar(i18n, session.call);
const guides = startGuides(i18n, session.call, () => load());
let hall = null;
let message = null;   // { zh, en, isError }

function row(cells) {
  const tr = el('tr');
  tr.append(...cells.map(c => el('td', null, c)));
  return tr;
}

function fill(id, rows) {
  document.querySelector(`#${id} tbody`).replaceChildren(...rows.map(row));
}

function render() {
  renderMessage();
  if (!hall) return;
  $('hall-name').textContent = i18n.pick(hall.name, hall.nameEn);
  const names = new Map(hall.services.map(s => [s.id, i18n.pick(s.name, s.nameEn)]));
  fill('services', hall.services.map(s => [s.id, s.prefix, names.get(s.id), s.category, s.dailyQuota]));
  fill('windows', hall.windows.map(w => [w.number, i18n.pick(w.name, w.nameEn), w.serviceIds.map(id => names.get(id) || id).join('、')]));
  fill('clerks', hall.clerks.map(c => [c.staffCode, c.name, c.unit, c.aPostWindows.join('、'), c.bPostWindows.join('、')]));
}

function show(text, isError) {
  message = { ...text, isError: !!isError };
  renderMessage();
}

function renderMessage() {
  if (!message) return;
  $('message').textContent = i18n.of(message);
  $('message').classList.toggle('error', message.isError);
  $('message').hidden = false;
}

function loaded(next) {
  hall = next;
  render();
  devices.showHall(hall);
  calendar.showYears();
  guides.showHall(hall);
}

function refusal(e) {
  return e instanceof ApiError ? e.text : i18n.both('network');
}

async function load() {
  try {
    loaded(await session.call('/api/admin/hall'));
  } catch (e) {
    if (session.current()) show(i18n.both('cannotRead'), true);
  }
}

$('export').addEventListener('click', async () => {
  try {
    const response = await session.download('/api/admin/hall/file');
    saveFile(await response.blob(), fileNameOf(response, 'hall.json'));
  } catch (e) {
    const reason = refusal(e);
    show({ zh: i18n.tIn('zh', 'exportFailed', reason.zh), en: i18n.tIn('en', 'exportFailed', reason.en) }, true);
  }
});

$('import').addEventListener('click', async () => {
  const file = $('file').files[0];
  if (!file) { show(i18n.both('chooseFile'), true); return; }
  try {
    loaded(await session.call('/api/admin/hall', { method: 'PUT', body: file }));
    show(i18n.both('imported'));
  } catch (e) {
    const reason = refusal(e);
    show({ zh: i18n.tIn('zh', 'importRefused', reason.zh), en: i18n.tIn('en', 'importRefused', reason.en) }, true);
  }
});

session.onChange(current => {
  message = null;
  $('message').hidden = true;
  if (current) load();
});
i18n.onChange(render);
$('lang').addEventListener('click', i18n.toggle);
i18n.apply();
session.render();
if (session.current()) load();
