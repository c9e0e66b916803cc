// Devices and keys: the hall's kiosks, display computers and evaluator tablets, and the keys they connect with.
// A key is shown once, right after it is issued, with the exact setting that kind of device needs; the server keeps
// only a hash, so closing the box (or leaving the page) loses it for good.
(() => {
  const $ = id => document.getElementById(id);
  let lang = 'zh';
  let windows = [];
  let devices = [];
  let issued = null;   // { deviceId, key, issuedAt, kind, windowNumber } until the administrator closes the box
  let message = null;  // { zh, en, isError }, kept so that a language switch re-renders it

  const text = (zh, en) => lang === 'zh' ? zh : en;
  const kinds = { kiosk: ['取号机', 'Kiosk'], board: ['显示屏', 'Display computer'], evaluator: ['评价平板', 'Evaluator tablet'], busGateway: ['总线网关', 'Bus gateway'] };
  const kindName = kind => kinds[kind] ? text(...kinds[kind]) : kind;
  // Window names usually carry their number (1号窗口 …, Window 1 …); only a name without it gets the number in front.
  const windowLabel = number => {
    const w = windows.find(x => x.number === number);
    const name = w ? (lang === 'zh' ? w.name : (w.nameEn || w.name)) : '';
    return name.includes(String(number)) ? name : `${number} ${name}`.trim();
  };
  // The server gives hall time with the hall's offset: show that wall-clock time whatever the browser's time zone.
  const hallTime = iso => iso ? iso.slice(0, 16).replace('T', ' ') : '';
  const issuer = by => !by ? '' : by.startsWith('admin:') ? text(`管理员 ${by.slice(6)} `, `administrator ${by.slice(6)}`)
    : by === 'hall file' ? text('大厅配置文件', 'the hall file') : by;

  function show(zh, en, isError) {
    message = { zh, en, isError: !!isError };
    renderMessage();
  }

  function renderMessage() {
    const box = $('device-message');
    box.hidden = !message;
    if (!message) return;
    box.textContent = text(message.zh, message.en);
    box.classList.toggle('error', message.isError);
  }

  async function call(method, url, body) {
    const response = await fetch(url, {
      method, cache: 'no-store',
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.ok) {
      return response.status === 204 ? null : response.json();
    }
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `HTTP ${response.status}`);
  }

  function refused(action, error) {
    show(`${action.zh}未完成：${error.message}`, `${action.en} refused: ${error.message}`, true);
  }

  // A modal question in the page's language; resolves true only on the confirming button.
  function ask(question, confirmLabel) {
    const dialog = $('confirm');
    $('confirm-text').textContent = question;
    $('confirm-ok').textContent = confirmLabel;
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
  }
  $('confirm-ok').addEventListener('click', () => $('confirm').close('ok'));
  $('confirm-cancel').addEventListener('click', () => $('confirm').close('cancel'));

  function button(action, id, zh, en, extraClass) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'button small ' + (extraClass || '');
    b.dataset.action = action;
    b.dataset.id = id;
    b.textContent = text(zh, en);
    return b;
  }

  function cell(content, className) {
    const td = document.createElement('td');
    if (className) td.className = className;
    if (content instanceof Node) td.appendChild(content); else td.textContent = content ?? '';
    return td;
  }

  function keyState(d) {
    const span = document.createElement('span');
    span.className = d.hasKey ? 'key-state active' : 'key-state none';
    span.textContent = d.hasKey
      ? text(`有效 · ${hallTime(d.keyIssuedAt)} 由${issuer(d.keyIssuedBy)}发放`, `Active · issued ${hallTime(d.keyIssuedAt)} by ${issuer(d.keyIssuedBy)}`)
      : text('无密钥（设备无法连接）', 'No key (the device cannot connect)');
    return span;
  }

  function renderDevices() {
    const body = document.querySelector('#devices tbody');
    body.replaceChildren(...devices.map(d => {
      const tr = document.createElement('tr');
      tr.dataset.id = d.id;
      const actions = document.createElement('div');
      actions.className = 'actions';
      actions.append(button('issue', d.id, '发放新密钥', 'Issue new key'));
      if (d.hasKey) actions.append(button('revoke', d.id, '吊销', 'Revoke', 'warn'));
      actions.append(button('delete', d.id, '删除', 'Delete', 'secondary'));
      tr.append(cell(d.id, 'mono'), cell(kindName(d.kind)), cell(d.name),
        cell(d.windowNumber == null ? '—' : windowLabel(d.windowNumber)), cell(keyState(d)), cell(actions));
      return tr;
    }));
  }

  function setting(i) {
    switch (i.kind) {
      case 'kiosk': return [text('取号机启动参数', 'Kiosk start settings'), `--Kiosk:DeviceId=${i.deviceId} --Kiosk:DeviceKey=${i.key}`];
      case 'board': return [text('显示屏启动参数', 'Display computer start setting'), `--Board:DeviceKey=${i.key}`];
      case 'busGateway': return [text('显示屏上总线网关的启动参数', 'Bus gateway start setting (on the display computer)'), `--BusGateway:DeviceKey=${i.key}`];
      default: return [text('评价平板启动地址（在平板浏览器中打开一次）', "Tablet start address (open it once in the tablet's browser)"),
        `${location.origin}/rate/${i.windowNumber}?key=${encodeURIComponent(i.key)}`];
    }
  }

  function renderIssued() {
    $('issued').hidden = !issued;
    if (!issued) {
      // Closed means gone: the key does not stay in the page either.
      ['issued-title', 'issued-key', 'issued-setting-label', 'issued-setting'].forEach(id => { $(id).textContent = ''; });
      return;
    }
    $('issued-title').textContent = text(
      `${kindName(issued.kind)} ${issued.deviceId} 的新密钥（${hallTime(issued.issuedAt)} 发放）`,
      `New key for ${kindName(issued.kind).toLowerCase()} ${issued.deviceId} (issued ${hallTime(issued.issuedAt)})`);
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
    $('copied').textContent = done ? text('已复制到剪贴板。', 'Copied to the clipboard.') : text('无法自动复制，已选中文字，请按 Ctrl+C。', 'Could not copy; the text is selected, press Ctrl+C.');
  }

  async function loadDevices() {
    try {
      devices = await call('GET', '/api/admin/devices');
      renderDevices();
    } catch (error) {
      show(`无法读取设备列表：${error.message}`, `Cannot read the devices: ${error.message}`, true);
    }
  }

  async function act(action, id) {
    const device = devices.find(d => d.id === id);
    if (!device) return;
    try {
      if (action === 'issue') {
        if (device.hasKey && !await ask(
          text(`为 ${id} 发放新密钥？旧密钥将立即失效，设备填入新密钥之前无法工作。`, `Issue a new key to ${id}? Its old key stops working at once; the device cannot work until it has the new key.`),
          text('发放新密钥', 'Issue new key'))) return;
        const key = await call('POST', `/api/admin/devices/${encodeURIComponent(id)}/key`);
        await loadDevices();
        showIssued(key);
        show(`已为 ${id} 发放新密钥，请保存上方密钥。`, `A new key was issued to ${id}; save it from the box above.`);
      } else if (action === 'revoke') {
        if (!await ask(
          text(`吊销 ${id} 的密钥？该设备将立即无法连接，直到发放新密钥。`, `Revoke the key of ${id}? The device cannot connect until a new key is issued.`),
          text('吊销', 'Revoke'))) return;
        await call('DELETE', `/api/admin/devices/${encodeURIComponent(id)}/key`);
        if (issued?.deviceId === id) { issued = null; renderIssued(); }
        await loadDevices();
        show(`已吊销 ${id} 的密钥。`, `The key of ${id} is revoked.`);
      } else if (action === 'delete') {
        if (!await ask(
          text(`删除设备 ${id}？它的密钥随之失效。`, `Delete the device ${id}? Its key stops working.`),
          text('删除', 'Delete'))) return;
        await call('DELETE', `/api/admin/devices/${encodeURIComponent(id)}`);
        if (issued?.deviceId === id) { issued = null; renderIssued(); }
        await loadDevices();
        show(`已删除设备 ${id}。`, `The device ${id} is deleted.`);
      }
    } catch (error) {
      const names = { issue: { zh: '发放密钥', en: 'Issuing the key' }, revoke: { zh: '吊销', en: 'Revoking' }, delete: { zh: '删除', en: 'Deleting' } };
      refused(names[action], error);
    }
  }

  // The window field: needed by an evaluator tablet, optional for a display computer, none for a kiosk.
  function renderForm() {
    const kind = $('device-kind').value;
    $('device-window-field').hidden = kind === 'kiosk';
    $('device-rate-field').hidden = kind !== 'kiosk';
    $('device-window-label').textContent = kind === 'evaluator'
      ? text('评价的窗口', 'Window it rates') : text('所在窗口（可选）', 'Window it stands at (optional)');
    const select = $('device-window');
    const chosen = select.value;
    const empty = new Option(kind === 'evaluator' ? text('请选择窗口', 'Choose a window') : '—', '');
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
      show(`已添加设备 ${body.id}，请保存上方密钥。`, `The device ${body.id} is added; save its key from the box above.`);
    } catch (error) {
      refused({ zh: '添加设备', en: 'Adding the device' }, error);
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

  // admin.js announces the language and every (re)loaded hall; an imported hall may have changed the devices.
  document.addEventListener('admin:language', event => {
    lang = event.detail;
    renderDevices(); renderIssued(); renderForm(); renderMessage();
  });
  document.addEventListener('admin:hall', event => {
    windows = event.detail.windows || [];
    renderForm();
    loadDevices();
  });
})();
