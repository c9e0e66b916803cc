'use strict';
// Clerk console: one window, one clerk. Actions go to /api/windows/{n}/…; the hub keeps the view live.
(() => {
  const $ = id => document.getElementById(id);
  const stateNames = { closed: ['未登录', 'Closed'], idle: ['空闲', 'Idle'], calling: ['呼叫中', 'Calling'], serving: ['办理中', 'Serving'], paused: ['暂停', 'Paused'] };
  let lang = 'zh';
  let session = JSON.parse(sessionStorage.getItem('console.session') || 'null');
  let services = [];
  let windowInfo = null;
  let counts = [];

  const t = (zh, en) => lang === 'zh' ? zh : en;

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-zh]').forEach(e => { e.textContent = e.dataset[lang]; });
    document.querySelectorAll('[data-zh-placeholder]').forEach(e => { e.placeholder = e.dataset[lang + 'Placeholder']; });
    $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
    render();
    if (session) refreshToday();
  }

  function showError(text) {
    $('error').textContent = text || '';
    $('error').hidden = !text;
  }

  async function api(path, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (session) headers.Authorization = 'Bearer ' + session.token;
    const response = await fetch(path, { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      if (response.status === 401 && session && !path.endsWith('/login')) logoutLocally();
      throw new Error((data && (data.detail || data.title)) || response.statusText);
    }
    return data;
  }

  async function act(action, body) {
    showError('');
    try {
      const result = await api(`/api/windows/${session.windowNumber}/${action}`, body ?? null);
      if (action === 'call-next' && result === null) showError(t('当前没有等候的群众。', 'Nobody is waiting.'));
      if (result && result.window) { windowInfo = result.window; render(); }
      if (action === 'logout') logoutLocally();
    } catch (e) { showError(e.message); }
  }

  function logoutLocally() {
    session = null; windowInfo = null;
    sessionStorage.removeItem('console.session');
    render();
  }

  function render() {
    $('login-form').hidden = !!session;
    $('desk').hidden = !session;
    $('badge').textContent = session && windowInfo?.clerk
      ? `${windowInfo.clerk.name}（${windowInfo.clerk.staffCode}）· ${windowInfo.clerk.post}${t('岗', ' post')}` : '';
    if (!session || !windowInfo) return;
    $('window-name').textContent = windowInfo.name;
    const names = stateNames[windowInfo.state] || [windowInfo.state, windowInfo.state];
    $('state').textContent = t(names[0], names[1]) + (windowInfo.pauseReason ? `（${windowInfo.pauseReason}）` : '');
    const ticket = windowInfo.currentTicket;
    $('number').textContent = ticket ? ticket.number : '—';
    $('service').textContent = ticket ? ticket.serviceName : '';
    renderElapsed();
    const mine = new Set(windowInfo.serviceIds);
    $('counts').replaceChildren(...counts.filter(c => mine.has(c.serviceId)).map(c => {
      const li = document.createElement('li');
      li.append(`${c.prefix} ${c.serviceName}`);
      const b = document.createElement('b'); b.textContent = c.waiting; li.append(b);
      return li;
    }));
    const select = $('transfer-service');
    if (select.options.length !== services.length) {
      select.replaceChildren(...services.map(s => new Option(`${s.prefix} ${s.name}`, s.id)));
    }
  }

  function renderElapsed() {
    const ticket = windowInfo?.currentTicket;
    const element = $('elapsed');
    if (!ticket || !ticket.startedAt) { element.textContent = ''; element.classList.remove('late'); return; }
    const seconds = Math.max(0, Math.floor((Date.now() - new Date(ticket.startedAt).getTime()) / 1000));
    const promised = services.find(s => s.id === ticket.serviceId)?.promisedMinutes ?? 0;
    const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    element.textContent = t(`已办理 ${clock} / 承诺 ${promised} 分钟`, `Serving ${clock} / promised ${promised} min`);
    element.classList.toggle('late', promised > 0 && seconds > promised * 60);
  }

  async function loadWindow() {
    if (!session) return;
    try {
      windowInfo = await api(`/api/windows/${session.windowNumber}`);
      if (!windowInfo.clerk) { logoutLocally(); return; }
      render();
    } catch (e) { showError(e.message); }
  }

  async function loadServices() {
    services = await api('/api/services');
    counts = services.map(s => ({ serviceId: s.id, serviceName: s.name, prefix: s.prefix, waiting: s.waiting }));
    render();
  }

  // Today's served count and rating summary of this window, from the statistics of the hall day.
  let todayTimer = null;
  async function loadToday() {
    if (!session) return;
    try {
      const hall = await api('/api/hall');
      const day = hall.now.substring(0, 10);
      const stats = await api(`/api/stats?from=${day}&to=${day}`);
      const w = stats.windows.find(x => x.windowNumber === session.windowNumber);
      const list = $('today');
      list.replaceChildren();
      const rate = w && w.satisfactionRate != null ? `${Math.round(w.satisfactionRate * 100)}%` : '—';
      const rows = [
        [t('已办结', 'Served'), w ? w.served : 0], [t('过号', 'No-show'), w ? w.noShow : 0],
        [t('已评价', 'Rated'), w ? w.rated : 0], [t('满意率', 'Satisfaction'), rate],
        [t('非常满意 / 满意 / 基本满意', 'Very / satisfied / fair'), w ? `${w.verySatisfied} / ${w.satisfied} / ${w.basicallySatisfied}` : '0 / 0 / 0'],
        [t('不满意 / 非常不满意', 'Dissatisfied / very'), w ? `${w.dissatisfied} / ${w.veryDissatisfied}` : '0 / 0'],
      ];
      for (const [label, value] of rows) {
        const li = document.createElement('li');
        li.append(label);
        const b = document.createElement('b'); b.textContent = value; li.append(b);
        list.append(li);
      }
    } catch (e) { showError(e.message); }
  }
  const refreshToday = () => { clearTimeout(todayTimer); todayTimer = setTimeout(loadToday, 500); };

  $('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    showError('');
    const number = Number($('window').value);
    try {
      session = null;
      const response = await api(`/api/windows/${number}/login`, { staffCode: $('staff').value, pin: $('pin').value });
      session = { token: response.token, windowNumber: response.windowNumber };
      sessionStorage.setItem('console.session', JSON.stringify(session));
      $('pin').value = '';
      await loadWindow();
      refreshToday();
    } catch (e) { showError(e.message); }
  });

  const buttons = { 'call-next': () => act('call-next'), recall: () => act('recall'), start: () => act('start'), finish: () => act('finish'),
    'no-show': () => act('no-show'), hold: () => act('hold'), 'call-back': () => act('call-back'), resume: () => act('resume'),
    call: () => act('call', { number: $('call-number').value }),
    'transfer-to-service': () => act('transfer', { serviceId: Number($('transfer-service').value) }),
    'transfer-to-window': () => act('transfer', { windowNumber: Number($('transfer-window').value) }),
    pause: () => act('pause', { reason: $('pause-reason').value }), logout: () => act('logout') };
  for (const [id, handler] of Object.entries(buttons)) $(id).addEventListener('click', handler);

  document.addEventListener('keydown', event => {
    if (!session) return;
    const button = document.querySelector(`#desk button[data-key="${event.key}"]`);
    if (button) { event.preventDefault(); button.click(); }
  });

  $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLanguage(); });

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').withAutomaticReconnect([0, 2000, 5000, 10000, 30000]).build();
  connection.on('WindowChanged', message => {
    if (session && message.window.number === session.windowNumber) { windowInfo = message.window; render(); }
  });
  connection.on('TicketCalled', message => { if (session && message.windowNumber === session.windowNumber) loadWindow(); });
  connection.on('QueueCountsChanged', message => { counts = message.services; render(); });
  connection.on('TicketChanged', message => {
    if (session && message.windowNumber === session.windowNumber && ['finished', 'noShow', 'rated'].includes(message.kind)) refreshToday();
  });
  connection.onreconnected(() => { loadWindow(); loadServices(); });
  connection.on('HallChanged', () => { loadWindow(); loadServices(); });
  connection.start().catch(e => showError(e.message));

  setInterval(renderElapsed, 1000);
  loadServices().catch(e => showError(e.message));
  loadWindow();
  refreshToday();
  applyLanguage();
})();
