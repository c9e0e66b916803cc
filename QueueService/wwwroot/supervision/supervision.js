// Hall supervision dashboard (大厅值班监控): live windows and queues from the hub, today's figures from /api/stats,
// arrivals against windows open and recommended (Erlang C) from /api/staffing, drawn by hand in SVG. Alerts, device
// states and follow-ups need a supervisor's login (bearer token kept in sessionStorage, so it ends with the tab).
(() => {
  const $ = s => document.getElementById(s);
  const svgNs = 'http://www.w3.org/2000/svg';
  let lang = localStorage.getItem('hall.lang') || 'zh';
  let skewMs = 0;              // server clock minus browser clock, so elapsed times follow the hall's clock
  let today = null;            // hall date, YYYY-MM-DD in the hall's zone
  let hallNames = { zh: '', en: '' };
  let hallZone = 'Asia/Shanghai';   // replaced by the snapshot's zone
  const windows = new Map();
  let queues = [];
  let stats = null;
  let staffing = null;
  let devices = [];
  let connected = false;
  const serviceNamesEn = new Map();
  let alerts = [];
  let followUps = null;        // null until loaded after a login
  const drafts = new Map();    // follow-up id -> { open, answer, handledBy, error, busy }: survives re-rendering
  let session = readSession(); // { token, staffCode, name, expiresAt } of the logged-in supervisor
  let authMessage = null;      // { kind: 'error' | 'info', zh, en }
  let reportMessage = null;    // { zh, en }
  let statsLocked = false;     // the hall keeps statistics for staff and nobody is logged in

  const text = {
    zh: {
      states: { closed: '未登录', idle: '空闲', calling: '叫号中', serving: '办理中', paused: '暂停' },
      post: p => p === 'B' ? 'B岗' : 'A岗', nobody: '无人在岗', min: '分钟', sec: '秒', none: '—',
      online: '实时', offline: '连接中断，重试中…', noDevices: '尚无设备上报状态',
      deviceStatus: { online: '在线', offline: '离线', fault: '故障', paperOut: '缺纸', paperLow: '纸将尽', coverOpen: '开盖' },
      noData: '今日暂无到达数据', hour: '时', noAlerts: '暂无待处理提醒', ack: '确认',
      advice: (n, h, r, o, a) => `建议增开 ${n} 个窗口：${h}时已到达 ${a} 人，按 Erlang C 需 ${r} 个窗口，目前开放 ${o} 个。`,
      groupAdvice: (g, n, until, r, o, a) => `建议为「${g}」增开 ${n} 个窗口至 ${until}:00（本小时已到 ${a} 人，需 ${r} 个，开放 ${o} 个）。`,
      updated: t => `数据更新于 ${t}`,
      loginToSee: '登录后查看', who: (n, c) => `值班长 ${n}（${c}）`, loggedOut: '已退出登录。',
      expired: '登录已失效，请重新登录。', loginFailed: { 401: '工号或密码错误。', 403: '该工号不是值班长或督查人员。', 429: '密码错误次数过多，请稍后再试。' },
      loginError: '登录失败，请稍后再试。', network: '无法连接服务器，请稍后再试。',
      statsLocked: '本大厅的统计数据仅对工作人员开放，请登录后查看。', reportLogin: '请先登录再下载月报。', reportFailed: '月报下载失败。',
      reportSaved: n => `已下载 ${n}`,
      noFollowUps: '暂无待办回访', loading: '加载中…', window: (n, name) => name || `${n}号窗口`, due: '办结期限', overdue: '已超期',
      levels: {}, closeOpen: '回访办结', answer: '回访或整改情况', handledBy: '处理人', close: '办结', cancel: '取消',
      answerRequired: '请填写回访或整改情况。', handledByRequired: '请填写处理人。',
    },
    en: {
      states: { closed: 'Closed', idle: 'Idle', calling: 'Calling', serving: 'Serving', paused: 'Paused' },
      post: p => p === 'B' ? 'B post' : 'A post', nobody: 'Nobody logged in', min: 'min', sec: 's', none: '—',
      online: 'Live', offline: 'Disconnected, retrying…', noDevices: 'No device has reported yet',
      deviceStatus: { online: 'online', offline: 'offline', fault: 'fault', paperOut: 'out of paper', paperLow: 'paper low', coverOpen: 'cover open' },
      noData: 'No arrivals yet today', hour: 'h', noAlerts: 'No open alerts', ack: 'Acknowledge',
      advice: (n, h, r, o, a) => `Open ${n} more window(s): ${a} arrivals in the ${h}:00 hour need ${r} windows by Erlang C; ${o} open.`,
      groupAdvice: (g, n, until, r, o, a) => `Open ${n} more window(s) for ${g} until ${until}:00 (${a} arrivals this hour need ${r}; ${o} open).`,
      updated: t => `Updated ${t}`,
      loginToSee: 'Log in to see', who: (n, c) => `Supervisor ${n} (${c})`, loggedOut: 'Logged out.',
      expired: 'Your session has ended; please log in again.', loginFailed: { 401: 'Wrong staff number or PIN.', 403: 'This staff member is not a supervisor.', 429: 'Too many wrong attempts; try again later.' },
      loginError: 'Login failed; please try again.', network: 'The server cannot be reached; please try again.',
      statsLocked: 'This hall shows statistics to staff only: log in to see them.', reportLogin: 'Log in to download the report.', reportFailed: 'The report could not be downloaded.',
      reportSaved: n => `Downloaded ${n}`,
      noFollowUps: 'No open follow-ups', loading: 'Loading…', window: n => `Window ${n}`,   // the hall's window names are Chinese and already say the number due: 'Due', overdue: 'Overdue',
      levels: { 1: 'Very dissatisfied', 2: 'Dissatisfied', 3: 'Fairly satisfied', 4: 'Satisfied', 5: 'Very satisfied' },
      closeOpen: 'Close…', answer: 'Answer given / action taken', handledBy: 'Handled by', close: 'Close', cancel: 'Cancel',
      answerRequired: 'Please write the answer given.', handledByRequired: 'Please say who handled it.',
    },
  };

  const now = () => Date.now() + skewMs;
  const t = () => text[lang];

  function duration(ms) {
    if (ms == null || ms < 0) ms = 0;
    const s = Math.floor(ms / 1000);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
  }

  function minutes(seconds) {
    if (seconds == null) return t().none;
    return `${(seconds / 60).toFixed(1)} ${t().min}`;
  }

  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content != null) e.textContent = content;
    return e;
  }

  // ---- windows ----------------------------------------------------------------------------------------------
  function renderWindows() {
    const box = $('windows');
    box.replaceChildren();
    [...windows.values()].sort((a, b) => a.number - b.number).forEach(w => {
      const card = el('div', `window ${w.state}`);
      card.dataset.window = w.number;
      const head = el('div', 'head');
      head.append(el('span', 'no', lang === 'zh' ? `${w.number}号` : `No. ${w.number}`), el('span', 'state', t().states[w.state] || w.state));
      card.append(head, el('div', 'name', w.name));
      const clerk = w.clerk ? `${w.clerk.name} · ${w.clerk.staffCode} · ${t().post(w.clerk.post)}` : t().nobody;
      card.append(el('div', 'clerk', w.state === 'paused' && w.pauseReason ? `${clerk} · ${w.pauseReason}` : clerk));
      if (w.currentTicket) {
        const ticket = el('div', 'ticket');
        const since = w.currentTicket.startedAt || w.currentTicket.calledAt;
        const elapsed = el('span', 'elapsed', duration(now() - Date.parse(since)));
        elapsed.dataset.since = since;
        ticket.append(el('span', 'num', w.currentTicket.number), elapsed);
        card.append(ticket);
        card.title = w.currentTicket.serviceName;
      }
      box.append(card);
    });
  }

  // ---- queues -----------------------------------------------------------------------------------------------
  function renderQueues() {
    const body = $('queues');
    body.replaceChildren();
    queues.forEach(q => {
      const row = el('tr');
      row.dataset.service = q.serviceId;
      const longest = q.oldestIssuedAt ? now() - Date.parse(q.oldestIssuedAt) : null;
      if (longest != null && q.waiting > 0 && longest > 30 * 60000) row.className = 'long';
      const waitCell = el('td', 'n longest', longest != null && q.waiting > 0 ? duration(longest) : t().none);
      if (q.oldestIssuedAt && q.waiting > 0) waitCell.dataset.since = q.oldestIssuedAt;
      row.append(el('td', null, `${q.prefix} ${lang === 'en' && serviceNamesEn.get(q.serviceId) || q.serviceName}`), el('td', 'n waiting', String(q.waiting)), waitCell,
        el('td', 'n', `${q.estimatedWaitMinutes} ${t().min}`));
      body.append(row);
    });
    $('kpi-waiting').textContent = String(queues.reduce((s, q) => s + q.waiting, 0));
  }

  // ---- today's figures --------------------------------------------------------------------------------------
  function renderStats() {
    if (!stats) {
      ['issued', 'served', 'noshow', 'wait', 'service', 'satisfaction'].forEach(k => { $('kpi-' + k).textContent = '–'; });
      return;
    }
    const f = stats.total;
    $('kpi-issued').textContent = f.issued;
    $('kpi-served').textContent = f.served;
    $('kpi-noshow').textContent = f.noShow;
    $('kpi-wait').textContent = minutes(f.avgWaitSeconds);
    $('kpi-service').textContent = minutes(f.avgServiceSeconds);
    $('kpi-satisfaction').textContent = f.satisfactionRate == null ? t().none : `${(f.satisfactionRate * 100).toFixed(1)}%`;
    $('updated').textContent = t().updated(new Date(now()).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB'));
  }

  // ---- chart: arrivals per hour (bars) against windows open and recommended (lines) ---------------------------
  function svg(tag, attrs, content) {
    const e = document.createElementNS(svgNs, tag);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    if (content != null) e.textContent = content;
    return e;
  }

  function renderChart() {
    const chart = $('chart');
    chart.replaceChildren();
    const hours = staffing ? staffing.hours : [];
    const W = 880, H = 250, left = 40, right = 40, top = 14, bottom = 30;
    const plotW = W - left - right, plotH = H - top - bottom;
    if (hours.length === 0) {
      chart.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'empty' }, t().noData));
      return;
    }
    // At least eight hours across, so an early morning is not one fat bar.
    const first = Math.min(...hours.map(h => h.hour));
    const last = Math.max(...hours.map(h => h.hour), Math.min(23, first + 7));
    const span = Math.max(1, last - first + 1);
    const byHour = new Map(hours.map(h => [h.hour, h]));
    const maxArrivals = Math.max(1, ...hours.map(h => h.arrivals));
    const maxWindows = Math.max(1, ...hours.map(h => Math.max(h.openWindows, h.recommendedWindows)));
    const niceA = niceCeiling(maxArrivals), niceW = Math.max(4, Math.ceil(maxWindows * 1.2 / 4) * 4);   // whole windows on the axis
    const slot = plotW / span;
    const yA = v => top + plotH - (v / niceA) * plotH;
    const yW = v => top + plotH - (v / niceW) * plotH;

    for (let i = 0; i <= 4; i++) {
      const y = top + plotH - (i / 4) * plotH;
      chart.append(svg('line', { x1: left, x2: W - right, y1: y, y2: y, stroke: '#e4e8ee' }));
      chart.append(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, Math.round(niceA * i / 4)));
      chart.append(svg('text', { x: W - right + 6, y: y + 4 }, niceW * i / 4));
    }
    const openPoints = [], recPoints = [];
    const lastMeasured = Math.max(...hours.map(h => h.hour));
    for (let h = first; h <= last; h++) {
      const d = byHour.get(h) || { hour: h, arrivals: 0, openWindows: 0, recommendedWindows: 0 };
      const x = left + (h - first) * slot;
      const barW = Math.max(4, slot * 0.6);
      const bar = svg('rect', { x: x + (slot - barW) / 2, y: yA(d.arrivals), width: barW, height: top + plotH - yA(d.arrivals), fill: '#9bb9ea', rx: 2 });
      bar.append(svg('title', {}, `${h}:00 ${d.arrivals}`));
      bar.dataset.hour = h;
      bar.dataset.arrivals = d.arrivals;
      chart.append(bar);
      chart.append(svg('text', { x: x + slot / 2, y: H - bottom + 16, 'text-anchor': 'middle' }, `${h}${t().hour}`));
      if (h <= lastMeasured) {   // no lines into hours that have not happened
        openPoints.push(`${x + slot / 2},${yW(d.openWindows)}`);
        recPoints.push(`${x + slot / 2},${yW(d.recommendedWindows)}`);
      }
    }
    const line = (points, color, dash, cls) => {
      chart.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: color, 'stroke-width': 2.5, 'stroke-dasharray': dash, class: cls }));
      points.forEach(p => { const [cx, cy] = p.split(','); chart.append(svg('circle', { cx, cy, r: 3.5, fill: color })); });
    };
    line(openPoints, '#1b9e5a', '', 'open-line');
    line(recPoints, '#e07b00', '6 4', 'recommended-line');
    chart.append(svg('line', { x1: left, x2: W - right, y1: top + plotH, y2: top + plotH, stroke: '#9aa4b2' }));
  }

  function niceCeiling(v) {
    const steps = [4, 8, 12, 20, 40, 60, 80, 100, 200, 400, 800, 1000, 2000];
    return steps.find(s => s >= v) || Math.ceil(v / 1000) * 1000;
  }

  function renderAdvice() {
    const advice = $('advice');
    const hour = Number(new Date(now()).toLocaleString('en-GB', { hour: '2-digit', hour12: false, timeZone: hallZone }).slice(0, 2));
    const short = h => h && h.recommendedWindows > h.openWindows;
    const lines = [];
    (staffing ? staffing.groups || [] : []).forEach(g => {
      const h = g.hours.find(x => x.hour === hour);
      if (short(h)) lines.push(t().groupAdvice(g.category, h.recommendedWindows - h.openWindows, hour + 1, h.recommendedWindows, h.openWindows, h.arrivals));
    });
    const total = staffing && staffing.hours.find(h => h.hour === hour);
    if (lines.length === 0 && short(total)) {
      lines.push(t().advice(total.recommendedWindows - total.openWindows, total.hour, total.recommendedWindows, total.openWindows, total.arrivals));
    }
    advice.hidden = lines.length === 0;
    advice.textContent = lines.join('　');
  }

  // ---- supervisor login ---------------------------------------------------------------------------------------
  function readSession() {
    try {
      const stored = JSON.parse(sessionStorage.getItem('hall.supervisor') || 'null');
      return stored && stored.token && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
    } catch {
      return null;
    }
  }

  // Problem details carry Chinese then English in one detail ("工号或密码错误。Wrong staff number or PIN.").
  function splitDetail(detail) {
    const m = /^(.*?[。！？）])\s*([A-Za-z].*)$/s.exec(detail || '');
    return m ? { zh: m[1], en: m[2] } : { zh: detail, en: detail };
  }

  async function detailOf(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || null;
    } catch {
      return null;
    }
  }

  const message = (zh, en) => ({ zh, en });
  const both = key => message(text.zh[key], text.en[key]);

  // Every API call sends the supervisor's token when there is one (statistics may be for staff only). A 401 for the
  // token still in use means the session ended on the server: back to the logged-out page.
  async function api(path, options = {}) {
    const token = session && session.token;
    const headers = { ...(options.headers || {}) };
    if (token) headers.authorization = 'Bearer ' + token;
    const response = await fetch(path, { cache: 'no-store', ...options, headers });
    if (response.status === 401 && token && session && session.token === token) sessionEnded(both('expired'));
    return response;
  }

  function forgetSession() {
    session = null;
    sessionStorage.removeItem('hall.supervisor');
    alerts = []; devices = []; followUps = null;
    drafts.clear();
  }

  function sessionEnded(why) {
    forgetSession();
    authMessage = { kind: 'error', ...why };
    renderAuth(); renderAlerts(); renderDevices(); renderFollowUps();
    loadFigures();   // statistics kept for staff are gone again
  }

  async function login(event) {
    event.preventDefault();
    const staffCode = $('login-staff').value.trim();
    const pin = $('login-pin').value;
    const button = $('login-submit');
    button.disabled = true;
    try {
      const response = await fetch('/api/supervision/login', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffCode, pin }),
      });
      $('login-pin').value = '';
      if (response.ok) {
        session = await response.json();
        sessionStorage.setItem('hall.supervisor', JSON.stringify(session));
        authMessage = null;
        renderAuth(); renderAlerts(); renderDevices(); renderFollowUps();
        loadSupervision();
        loadFigures();
        return;
      }
      const detail = await detailOf(response);
      const fallback = message(text.zh.loginFailed[response.status] || text.zh.loginError, text.en.loginFailed[response.status] || text.en.loginError);
      authMessage = { kind: 'error', status: response.status, ...(detail ? splitDetail(detail) : fallback) };
    } catch {
      authMessage = { kind: 'error', ...both('network') };
    } finally {
      button.disabled = false;
    }
    renderAuth();
  }

  function logout() {
    const token = session && session.token;
    forgetSession();
    authMessage = { kind: 'info', ...both('loggedOut') };
    renderAuth(); renderAlerts(); renderDevices(); renderFollowUps();
    if (token) fetch('/api/supervision/logout', { method: 'POST', headers: { authorization: 'Bearer ' + token } }).catch(() => { /* the session still ends when it expires */ });
    loadFigures();
  }

  function renderAuth() {
    $('login').hidden = !!session;
    $('who').hidden = !session;
    if (session) $('who-name').textContent = t().who(session.name, session.staffCode);
    const box = $('auth-message');
    box.hidden = !authMessage;
    box.className = 'auth-message' + (authMessage ? ' ' + authMessage.kind : '');
    box.dataset.status = authMessage && authMessage.status ? authMessage.status : '';
    box.textContent = authMessage ? authMessage[lang] : '';
  }

  function loginNeeded(list) {
    list.append(el('li', 'login-needed', t().loginToSee));
  }

  async function loadSupervision() {
    if (!session) return;
    await Promise.all([loadAlerts(), loadDevices(), loadFollowUps()]);
  }

  // ---- devices ----------------------------------------------------------------------------------------------
  function renderDevices() {
    const list = $('devices');
    list.replaceChildren();
    if (!session) {
      loginNeeded(list);
      return;
    }
    if (devices.length === 0) {
      list.append(el('li', 'none', t().noDevices));
      return;
    }
    devices.forEach(d => {
      const cls = d.status === 'online' ? '' : d.status === 'paperLow' ? 'warn' : 'bad';
      const li = el('li', cls);
      li.dataset.device = d.deviceId;
      li.append(el('span', 'dot'), document.createTextNode(`${d.deviceId} · ${t().deviceStatus[d.status] || d.status}${d.detail ? ' · ' + d.detail : ''}`));
      list.append(li);
    });
  }

  async function loadDevices() {
    try {
      const response = await api('/api/devices');
      if (response.ok && session) { devices = await response.json(); renderDevices(); }
    } catch { /* retried by the timer */ }
  }

  // ---- alerts, kept until acknowledged -------------------------------------------------------------------------
  function renderAlerts() {
    const list = $('alerts');
    list.replaceChildren();
    const count = $('alert-count');
    count.hidden = !session;
    if (!session) {
      loginNeeded(list);
      return;
    }
    count.textContent = String(alerts.length);
    count.className = 'count' + (alerts.length === 0 ? ' zero' : '');
    if (alerts.length === 0) {
      list.append(el('li', 'none', t().noAlerts));
      return;
    }
    alerts.forEach(a => {
      const li = el('li', a.kind);
      li.dataset.kind = a.kind;
      li.dataset.alert = a.id;
      const raised = new Date(Date.parse(a.raisedAt)).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit', timeZone: hallZone });
      const button = el('button', 'ack', t().ack);
      button.type = 'button';
      button.addEventListener('click', () => acknowledge(a.id));
      li.append(el('time', null, raised), el('span', 'what', lang === 'zh' ? a.message : a.messageEn), button);
      list.append(li);
    });
  }

  async function loadAlerts() {
    try {
      const response = await api('/api/alerts');
      if (response.ok && session) { alerts = await response.json(); renderAlerts(); }
    } catch { /* retried on reconnect and by the timer */ }
  }

  async function acknowledge(id) {
    // No "by": the server records the logged-in supervisor's staff number.
    const response = await api(`/api/alerts/${id}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (response.ok || response.status === 409 || response.status === 404) {
      alerts = alerts.filter(a => a.id !== id);
      renderAlerts();
    }
  }

  // ---- follow-ups of bad ratings (回访/整改) -------------------------------------------------------------------
  function hallTime(iso, withTime) {
    const options = { timeZone: hallZone, year: 'numeric', month: '2-digit', day: '2-digit', hour12: false };
    if (withTime) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
    return new Date(Date.parse(iso)).toLocaleString('zh-CN', options);
  }

  function draftOf(id) {
    if (!drafts.has(id)) drafts.set(id, { open: false, answer: '', handledBy: null, error: null, busy: false });
    return drafts.get(id);
  }

  function followUpItem(f) {
    const draft = draftOf(f.id);
    const li = el('li', 'follow-up' + (f.overdue ? ' overdue' : ''));
    li.dataset.followUp = f.id;
    li.dataset.ticket = f.ticketNumber;
    const head = el('div', 'fu-head');
    const label = lang === 'zh' ? f.label : t().levels[f.level] || f.label;
    head.append(el('span', 'num', f.ticketNumber), el('span', `rating level-${f.level}`, label), el('span', 'service', lang === 'en' && serviceNamesEn.get(f.serviceId) || f.serviceName));
    const meta = el('div', 'fu-meta');
    meta.append(
      el('span', 'fu-window', f.windowNumber != null ? t().window(f.windowNumber, f.windowName) : t().none),
      el('span', 'fu-clerk', f.clerkName ? `${f.clerkName}（${f.staffCode}）` : f.staffCode || t().none),
      el('span', 'fu-due', `${t().due} ${hallTime(f.dueAt, false)}`));
    if (f.overdue) meta.append(el('span', 'fu-overdue', t().overdue));
    li.append(head, meta);
    if (!draft.open) {
      const open = el('button', 'fu-open', t().closeOpen);
      open.type = 'button';
      open.addEventListener('click', () => { draft.open = true; renderFollowUps(); li.ownerDocument.querySelector(`li[data-follow-up='${f.id}'] .fu-answer`)?.focus(); });
      meta.append(open);
      return li;
    }
    const form = el('form', 'fu-form');
    const clearError = () => { draft.error = null; form.querySelector('.fu-error')?.remove(); };
    const answer = el('textarea', 'fu-answer');
    answer.name = 'answer'; answer.rows = 2; answer.maxLength = 2000; answer.placeholder = t().answer; answer.value = draft.answer;
    answer.setAttribute('aria-label', t().answer);
    answer.addEventListener('input', () => { draft.answer = answer.value; clearError(); });
    const handledBy = el('input', 'fu-handled-by');
    handledBy.name = 'handledBy'; handledBy.maxLength = 100; handledBy.placeholder = t().handledBy;
    handledBy.setAttribute('aria-label', t().handledBy);
    handledBy.value = draft.handledBy ?? (session ? session.name : '');
    handledBy.addEventListener('input', () => { draft.handledBy = handledBy.value; clearError(); });
    const submit = el('button', 'fu-close', t().close);
    submit.type = 'submit'; submit.disabled = draft.busy;
    const cancel = el('button', 'fu-cancel', t().cancel);
    cancel.type = 'button';
    cancel.addEventListener('click', () => { draft.open = false; draft.error = null; renderFollowUps(); });
    form.append(answer, handledBy, submit, cancel);
    if (draft.error) form.append(el('p', 'fu-error', draft.error[lang]));
    form.addEventListener('submit', event => { event.preventDefault(); closeFollowUp(f.id); });
    li.append(form);
    return li;
  }

  function renderFollowUps() {
    const list = $('follow-ups');
    const count = $('follow-up-count');
    // Re-rendering must not take the supervisor's cursor out of a half-written answer.
    const active = document.activeElement;
    const focused = active && list.contains(active) && active.name
      ? { id: active.closest('[data-follow-up]').dataset.followUp, name: active.name, start: active.selectionStart, end: active.selectionEnd }
      : null;
    list.replaceChildren();
    count.hidden = !session;
    if (!session) {
      loginNeeded(list);
      return;
    }
    if (followUps === null) {
      count.hidden = true;
      list.append(el('li', 'loading', t().loading));
      return;
    }
    count.textContent = String(followUps.length);
    count.className = 'count' + (followUps.length === 0 ? ' zero' : '');
    if (followUps.length === 0) {
      list.append(el('li', 'none', t().noFollowUps));
      return;
    }
    followUps.forEach(f => list.append(followUpItem(f)));
    if (focused) {
      const again = list.querySelector(`li[data-follow-up='${focused.id}'] [name='${focused.name}']`);
      if (again) {
        again.focus();
        try { again.setSelectionRange(focused.start, focused.end); } catch { /* not a text field */ }
      }
    }
  }

  async function loadFollowUps() {
    try {
      const response = await api('/api/follow-ups?status=open');
      if (!response.ok || !session) return;
      const list = await response.json();
      if (followUps !== null && JSON.stringify(list) === JSON.stringify(followUps)) return;   // keep an answer being typed undisturbed
      followUps = list;
      const ids = new Set(list.map(f => f.id));
      [...drafts.keys()].filter(id => !ids.has(id)).forEach(id => drafts.delete(id));
      renderFollowUps();
    } catch { /* retried by the timer */ }
  }

  async function closeFollowUp(id) {
    const draft = draftOf(id);
    const answer = draft.answer.trim();
    const handledBy = (draft.handledBy ?? (session ? session.name : '')).trim();
    draft.error = !answer ? both('answerRequired') : !handledBy ? both('handledByRequired') : null;
    if (draft.error) {
      renderFollowUps();
      return;
    }
    draft.busy = true;
    renderFollowUps();
    try {
      const response = await api(`/api/follow-ups/${id}/close`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answer, handledBy }),
      });
      if (!session) return;   // the session ended meanwhile
      if (response.ok || response.status === 404 || response.status === 409) {   // closed, here or by someone else
        followUps = (followUps || []).filter(f => f.id !== id);
        drafts.delete(id);
      } else {
        const detail = await detailOf(response);
        draft.error = detail ? splitDetail(detail) : both('network');
        draft.busy = false;
      }
    } catch {
      draft.error = both('network');
      draft.busy = false;
    }
    renderFollowUps();
  }

  // ---- monthly report: fetched with the token (a plain link cannot send it) and saved from a blob ------------------
  function renderReportMessage() {
    const box = $('report-message');
    box.textContent = reportMessage ? reportMessage[lang] : '';
    box.className = 'report-message' + (reportMessage && reportMessage.error ? ' error' : '');
  }

  async function downloadMonthlyReport() {
    const month = (today || new Date(now()).toLocaleDateString('sv-SE', { timeZone: hallZone })).slice(0, 7);
    const button = $('monthly-report');
    button.disabled = true;
    try {
      const response = await api(`/api/reports/monthly?month=${month}`);
      if (!response.ok) {
        const detail = await detailOf(response);
        reportMessage = response.status === 401 ? { error: true, ...both('reportLogin') } : { error: true, ...(detail ? splitDetail(detail) : both('reportFailed')) };
        return;
      }
      const disposition = response.headers.get('content-disposition') || '';
      const name = (/filename="?([^";]+)"?/i.exec(disposition) || [])[1] || `monthly-report-${month}.csv`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      reportMessage = message(text.zh.reportSaved(name), text.en.reportSaved(name));
    } catch {
      reportMessage = { error: true, ...both('network') };
    } finally {
      button.disabled = false;
      renderReportMessage();
    }
  }

  function renderAll() {
    renderWindows(); renderQueues(); renderStats(); renderChart(); renderAdvice(); renderAlerts(); renderDevices(); renderFollowUps();
    renderConnection(); renderAuth(); renderFiguresNote(); renderReportMessage();
  }

  function renderConnection() {
    const c = $('connection');
    c.textContent = connected ? t().online : t().offline;
    c.className = 'connection ' + (connected ? 'online' : 'offline');
    c.dataset.state = connected ? 'online' : 'offline';
  }

  function renderFiguresNote() {
    const note = $('figures-note');
    note.hidden = !statsLocked;
    note.textContent = statsLocked ? t().statsLocked : '';
  }

  // ---- data -------------------------------------------------------------------------------------------------
  async function loadFigures() {
    if (!today) return;
    try {
      const [s, st] = await Promise.all([
        api(`/api/stats?from=${today}&to=${today}`),
        api(`/api/staffing?date=${today}&targetWaitMinutes=15&serviceLevel=0.8`),
      ]);
      statsLocked = s.status === 401 && !session;
      stats = s.ok ? await s.json() : statsLocked ? null : stats;
      staffing = st.ok ? await st.json() : statsLocked ? null : staffing;
      renderStats(); renderChart(); renderAdvice(); renderFiguresNote();
    } catch { /* the next tick retries */ }
  }

  let figuresTimer = null;
  function figuresSoon() {
    clearTimeout(figuresTimer);
    figuresTimer = setTimeout(loadFigures, 1500);
  }

  function applySnapshot(snapshot) {
    skewMs = Date.parse(snapshot.at) - Date.now();
    today = snapshot.at.slice(0, 10);
    hallZone = snapshot.timeZone || hallZone;
    hallNames = { zh: snapshot.hallName, en: snapshot.hallNameEn || snapshot.hallName };
    windows.clear();
    snapshot.windows.forEach(w => windows.set(w.number, w));
    queues = snapshot.queues;
    $('hall-name').textContent = hallNames[lang];
    renderAll();
    loadFigures();
    loadSupervision();
  }

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000]).build();
  connection.on('WindowChanged', m => { windows.set(m.window.number, m.window); renderWindows(); figuresSoon(); });
  connection.on('QueueCountsChanged', m => { queues = m.services; renderQueues(); figuresSoon(); });
  connection.on('TicketCalled', () => figuresSoon());
  connection.on('TicketChanged', m => { if (m.kind === 'rated') loadFollowUps(); });   // a bad rating opens a follow-up
  connection.on('AlertRaised', a => {
    if (!session) return;   // the hub is open to all; alerts are shown to supervisors only
    if (!alerts.some(x => x.id === a.id)) alerts.unshift(a);
    renderAlerts();
  });
  connection.on('AlertAcknowledged', a => { alerts = alerts.filter(x => x.id !== a.id); renderAlerts(); });
  connection.onreconnecting(() => { connected = false; renderConnection(); });
  connection.onreconnected(async () => { connected = true; applySnapshot(await connection.invoke('GetSnapshot')); });
  connection.on('HallChanged', async () => applySnapshot(await connection.invoke('GetSnapshot')));
  connection.onclose(() => { connected = false; renderConnection(); setTimeout(start, 5000); });

  async function start() {
    try {
      await connection.start();
      connected = true;
      applySnapshot(await connection.invoke('GetSnapshot'));
    } catch {
      connected = false;
      renderConnection();
      setTimeout(start, 3000);
    }
  }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
    document.querySelectorAll('[data-zh]').forEach(e => { e.textContent = e.dataset[lang]; });
    document.querySelectorAll('[data-ph-zh]').forEach(e => { e.placeholder = lang === 'zh' ? e.dataset.phZh : e.dataset.phEn; });
    if (hallNames.zh) $('hall-name').textContent = hallNames[lang];
    renderAll();
  }

  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('hall.lang', lang);
    applyLanguage();
  });

  // Ticking clocks: elapsed times and longest waits move every second without re-rendering.
  setInterval(() => {
    $('clock').textContent = new Date(now()).toLocaleTimeString('zh-CN', { hour12: false, timeZone: hallZone });
    document.querySelectorAll('[data-since]').forEach(e => { e.textContent = duration(now() - Date.parse(e.dataset.since)); });
    if (session && Date.parse(session.expiresAt) <= now()) sessionEnded(both('expired'));
  }, 1000);
  setInterval(() => { loadFigures(); loadSupervision(); }, 30000);

  $('login').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('monthly-report').addEventListener('click', downloadMonthlyReport);

  fetch('/api/services').then(r => r.ok ? r.json() : []).then(list => {
    list.forEach(s => serviceNamesEn.set(s.id, s.nameEn));
    renderQueues();
  }).catch(() => { /* Chinese names stay */ });
  applyLanguage();
  start();
})();
