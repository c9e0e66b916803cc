// Notices for the boards (公开屏): every notice with its state (in force, future, expired), and a form to add one or
// change one. Times are the hall's wall clock: shown as the server gives them (with the hall's offset) and sent back
// with the hall's offset, whatever the browser's time zone.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';
import { ask } from './confirm.js';

/** Starts the notices panel; send(path, options) is the page's logged-in call; showHall(hall) follows every (re)loaded hall. */
export function startNotices(i18n, send) {
  const { t } = i18n;
  let notices = [];
  let timeZone = 'Asia/Shanghai';
  let editing = null;   // the id being changed, or null when the form adds
  let message = null;   // { zh, en, isError }

  const hallTime = iso => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
  // "+08:00" for the hall's zone at that wall-clock time (near enough: zones change offset at night, not at notice times).
  function hallOffset(local) {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(local + 'Z')).find(p => p.type === 'timeZoneName').value;
    return name === 'GMT' ? '+00:00' : name.slice(3);
  }
  const toServer = local => (local ? `${local}:00${hallOffset(local)}` : null);

  function show(text, isError) {
    message = { ...text, isError: !!isError };
    renderMessage();
  }

  function renderMessage() {
    const box = $('notice-message');
    box.hidden = !message;
    if (!message) return;
    box.textContent = i18n.of(message);
    box.classList.toggle('error', message.isError);
  }

  function refused(action, error) {
    const reason = error instanceof ApiError ? error.text : { zh: error.message, en: error.message };
    const text = code => i18n.tIn(code, 'refused', i18n.tIn(code, `noticeDoing.${action}`), reason[code]);
    show({ zh: text('zh'), en: text('en') }, true);
  }

  function period(n) {
    if (!n.from && !n.to) return t('always');
    return `${n.from ? hallTime(n.from) : t('openStart')} – ${n.to ? hallTime(n.to) : t('openEnd')}`;
  }

  function button(action, id, key, extraClass) {
    const b = el('button', 'button small ' + (extraClass || ''), t(key));
    b.type = 'button';
    b.dataset.action = action;
    b.dataset.id = id;
    return b;
  }

  function renderList() {
    document.querySelector('#notices tbody').replaceChildren(...notices.map(n => {
      const tr = el('tr');
      tr.dataset.id = n.id;
      const actions = el('div', 'actions');
      actions.append(button('edit', n.id, 'edit'), button('delete', n.id, 'delete', 'secondary'));
      const state = el('span', `notice-state ${n.state}`, t(`noticeStates.${n.state}`));
      const title = el('td');
      title.append(el('strong', null, n.title), el('div', 'notice-body', n.body));
      const cells = [title, el('td', null, period(n)), el('td'), el('td')];
      cells[2].append(state);
      cells[3].append(actions);
      tr.append(...cells);
      return tr;
    }));
    $('notices-empty').hidden = notices.length > 0;
  }

  function renderForm() {
    $('notice-form-title').textContent = editing === null ? t('addANotice') : t('changeNotice', editing);
    $('notice-save').textContent = editing === null ? t('addNotice') : t('saveNotice');
    $('notice-cancel').hidden = editing === null;
  }

  async function load() {
    try {
      notices = await send('/api/admin/notices');
      renderList();
    } catch (error) {
      const reason = error instanceof ApiError ? error.text : { zh: error.message, en: error.message };
      show({ zh: i18n.tIn('zh', 'cannotReadNotices', reason.zh), en: i18n.tIn('en', 'cannotReadNotices', reason.en) }, true);
    }
  }

  function edit(notice) {
    editing = notice?.id ?? null;
    $('notice-title').value = notice?.title ?? '';
    $('notice-body').value = notice?.body ?? '';
    $('notice-from').value = notice?.from ? notice.from.slice(0, 16) : '';
    $('notice-to').value = notice?.to ? notice.to.slice(0, 16) : '';
    renderForm();
  }

  async function remove(notice) {
    if (!await ask(t('askDeleteNotice', notice.title), t('delete'))) return;
    try {
      await send(`/api/admin/notices/${notice.id}`, { method: 'DELETE' });
      if (editing === notice.id) edit(null);
      await load();
      show(i18n.both('noticeDeleted', notice.title));
    } catch (error) {
      refused('delete', error);
    }
  }

  $('notice-form').addEventListener('submit', async event => {
    event.preventDefault();
    const body = {
      title: $('notice-title').value.trim(),
      body: $('notice-body').value.trim(),
      from: toServer($('notice-from').value),
      to: toServer($('notice-to').value),
    };
    const id = editing;
    $('notice-save').disabled = true;
    try {
      await send(id === null ? '/api/admin/notices' : `/api/admin/notices/${id}`, { method: id === null ? 'POST' : 'PUT', body });
      edit(null);
      await load();
      show(i18n.both(id === null ? 'noticeAdded' : 'noticeChanged', body.title));
    } catch (error) {
      refused(id === null ? 'add' : 'change', error);
    } finally {
      $('notice-save').disabled = false;
    }
  });
  $('notice-cancel').addEventListener('click', () => edit(null));
  document.querySelector('#notices tbody').addEventListener('click', event => {
    const b = event.target.closest('button[data-action]');
    const notice = b && notices.find(n => String(n.id) === b.dataset.id);
    if (!notice) return;
    if (b.dataset.action === 'edit') edit(notice); else remove(notice);
  });

  i18n.onChange(() => { renderList(); renderForm(); renderMessage(); });
  renderForm();

  return {
    showHall(hall) {
      timeZone = hall.timeZone || timeZone;
      load();
    },
  };
}
