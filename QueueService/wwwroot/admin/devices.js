// Devices and keys: the hall's kiosks, display computers and evaluator tablets, and the keys they connect with.
// A key is shown once, right after it is issued, with the exact setting that kind of device needs; the server keeps
// only a hash, so closing the box (or leaving the page) loses it for good.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';
import { ask } from './confirm.js';

/**
 * Starts the devices panel in the page's language, calling the server through send(path, options) (the page's
 * logged-in session); showHall(hall) follows every (re)loaded hall.
 */
export function startDevices(i18n, send) {
  const { t } = i18n;
  let windows = [];
  let devices = [];
  let issued = null;   // { deviceId, key, issuedAt, kind, windowNumber } until the administrator closes the box
  let message = null;  // { zh, en, isError }, kept so that a language switch re-renders it

  const kindName = kind => { const name = t(`kinds.${kind}`); return name === `kinds.${kind}` ? kind : name; };
  // Window names usually carry their number (1号窗口 …, Window 1 …); only a name without it gets the number in front.
  const windowLabel = number => {
    const w = windows.find(x => x.number === number);
    const name = w ? i18n.pick(w.name, w.nameEn) : '';
    return name.includes(String(number)) ? name : `${number} ${name}`.trim();
  };
  // The server gives hall time with the hall's offset: show that wall-clock time whatever the browser's time zone.
  const hallTime = iso => (iso ? iso.slice(0, 16).replace('T', ' ') : '');
  const issuer = by => (!by ? '' : by.startsWith('admin:') ? t('byAdmin', by.slice(6)) : by === 'hall file' ? t('byHallFile') : by);

  function show(text, isError) {
    message = { ...text, isError: !!isError };
    renderMessage();
  }

  function renderMessage() {
    const box = $('device-message');
    box.hidden = !message;
    if (!message) return;
    box.textContent = i18n.of(message);
    box.classList.toggle('error', message.isError);
  }

  const call = (method, url, body) => send(url, { method, body });

  // "Adding the device refused: <the server's words>", in both languages.
  function refused(action, error) {
    const reason = error instanceof ApiError ? error.text : { zh: error.message, en: error.message };
    const text = code => i18n.tIn(code, 'refused', i18n.tIn(code, `doing.${action}`), reason[code]);
    show({ zh: text('zh'), en: text('en') }, true);
  }

  function button(action, id, key, extraClass) {
    const b = el('button', 'button small ' + (extraClass || ''), t(key));
    b.type = 'button';
    b.dataset.action = action;
    b.dataset.id = id;
    return b;
  }

  function cell(content, className) {
    const td = el('td', className);
    if (content instanceof Node) td.appendChild(content); else td.textContent = content ?? '';
    return td;
  }

  function keyState(d) {
    return el('span', d.hasKey ? 'key-state active' : 'key-state none',
      d.hasKey ? t('keyActive', hallTime(d.keyIssuedAt), issuer(d.keyIssuedBy)) : t('noKey'));
  }

  function renderDevices() {
    document.querySelector('#devices tbody').replaceChildren(...devices.map(d => {
      const tr = el('tr');
      tr.dataset.id = d.id;
      const actions = el('div', 'actions');
      actions.append(button('issue', d.id, 'issueKey'));
      if (d.hasKey) actions.append(button('revoke', d.id, 'revoke', 'warn'));
      actions.append(button('delete', d.id, 'delete', 'secondary'));
      tr.append(cell(d.id, 'mono'), cell(kindName(d.kind)), cell(d.name),
        cell(d.windowNumber == null ? '—' : windowLabel(d.windowNumber)), cell(keyState(d)), cell(actions));
      return tr;
    }));
  }

  function setting(i) {
    switch (i.kind) {
      case 'kiosk': return [t('settings.kiosk'), `--Kiosk:DeviceId=${i.deviceId} --Kiosk:DeviceKey=${i.key}`];
      case 'board': return [t('settings.board'), `--Board:DeviceKey=${i.key}`];
      case 'busGateway': return [t('settings.busGateway'), `--BusGateway:DeviceKey=${i.key}`];
      default: return [t('settings.evaluator'), `${location.origin}/rate/${i.windowNumber}?key=${encodeURIComponent(i.key)}`];
    }
  }

  function renderIssued() {
    $('issued').hidden = !issued;
    if (!issued) {
      // Closed means gone: the key does not stay in the page either.
      ['issued-title', 'issued-key', 'issued-setting-label', 'issued-setting'].forEach(id => { $(id).textContent = ''; });
      return;
    }
    $('issued-title').textContent = t('newKeyFor', kindName(issued.kind), issued.deviceId, hallTime(issued.issuedAt));
    $('issued-key').textContent = issued.key;
    const [label, value] = setting(issued);
    $('issued-setting-label').textContent = label;
    $('issued-setting').textContent = value;
  }

  function showIssued(key) {
    const device = devices.find(d => d.id === key.deviceId);
    issued = { ...key, kind: device?.kind, windowNumber: device?.windowNumber };
    $('copied').hidden = true;
    renderIssued();
    $('issued').scrollIntoView({ block: 'nearest' });
  }

  async function copy(source) {
    const value = $(source).textContent;
    let done = false;
    try {
      await navigator.clipboard.writeText(value);
      done = true;
    } catch {
      // Plain http on the hall LAN is not a secure context, so the clipboard API is missing there: copy the selection.
      const selection = getSelection();
      const range = document.createRange();
      range.selectNodeContents($(source));
      selection.removeAllRanges();
      selection.addRange(range);
      done = document.execCommand('copy');
    }
    $('copied').hidden = false;
    $('copied').textContent = done ? t('copied') : t('copyFailed');
  }

  async function loadDevices() {
    try {
      devices = await call('GET', '/api/admin/devices');
      renderDevices();
    } catch (error) {
      const reason = error instanceof ApiError ? error.text : { zh: error.message, en: error.message };
      show({ zh: i18n.tIn('zh', 'cannotReadDevices', reason.zh), en: i18n.tIn('en', 'cannotReadDevices', reason.en) }, true);
    }
  }

  const forget = id => { if (issued?.deviceId === id) { issued = null; renderIssued(); } };

  async function act(action, id) {
    const device = devices.find(d => d.id === id);
    if (!device) return;
    const path = `/api/admin/devices/${encodeURIComponent(id)}`;
    try {
      if (action === 'issue') {
        if (device.hasKey && !await ask(t('askIssue', id), t('issueKey'))) return;
        const key = await call('POST', `${path}/key`);
        await loadDevices();
        showIssued(key);
        show(i18n.both('issued', id));
      } else if (action === 'revoke') {
        if (!await ask(t('askRevoke', id), t('revoke'))) return;
        await call('DELETE', `${path}/key`);
        forget(id);
        await loadDevices();
        show(i18n.both('revoked', id));
      } else if (action === 'delete') {
        if (!await ask(t('askDelete', id), t('delete'))) return;
        await call('DELETE', path);
        forget(id);
        await loadDevices();
        show(i18n.both('deleted', id));
      }
    } catch (error) {
      refused(action, error);
    }
  }

  // The window field: needed by an evaluator tablet, optional for a display computer, none for a kiosk.
  function renderForm() {
    const kind = $('device-kind').value;
    $('device-window-field').hidden = kind === 'kiosk';
    $('device-rate-field').hidden = kind !== 'kiosk';
    $('device-window-label').textContent = kind === 'evaluator' ? t('windowItRates') : t('windowItStandsAt');
    const select = $('device-window');
    const chosen = select.value;
    const empty = new Option(kind === 'evaluator' ? t('chooseWindow') : '—', '');
    select.replaceChildren(empty, ...windows.map(w => new Option(windowLabel(w.number), String(w.number))));
    select.value = chosen;
  }

  $('device-kind').addEventListener('change', renderForm);
  $('device-form').addEventListener('submit', async event => {
    event.preventDefault();
    const kind = $('device-kind').value;
    const body = { id: $('device-id').value.trim(), kind, name: $('device-name').value.trim() };
    if (kind !== 'kiosk' && $('device-window').value) body.windowNumber = Number($('device-window').value);
    if (kind === 'kiosk' && $('device-rate').value) body.issuesPerMinute = Number($('device-rate').value);
    $('device-add').disabled = true;
    try {
      const key = await call('POST', '/api/admin/devices', body);
      $('device-form').reset();
      renderForm();
      await loadDevices();
      showIssued(key);
      show(i18n.both('added', body.id));
    } catch (error) {
      refused('add', error);
    } finally {
      $('device-add').disabled = false;
    }
  });

  document.querySelector('#devices tbody').addEventListener('click', event => {
    const b = event.target.closest('button[data-action]');
    if (b) act(b.dataset.action, b.dataset.id);
  });
  $('copy-key').addEventListener('click', () => copy('issued-key'));
  $('copy-setting').addEventListener('click', () => copy('issued-setting'));
  $('issued-close').addEventListener('click', () => { issued = null; renderIssued(); });

  i18n.onChange(() => { renderDevices(); renderIssued(); renderForm(); renderMessage(); });
  renderForm();

  return {
    // An imported hall may have changed the devices.
    showHall(hall) {
      windows = hall.windows || [];
      renderForm();
      loadDevices();
    },
  };
}
