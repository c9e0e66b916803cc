// Hall supervision dashboard (大厅值班监控): live windows and queues from the hub, today's figures from /api/stats,
// arrivals against windows open and recommended (Erlang C) from /api/staffing, drawn by hand in SVG.
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
    if (!stats) return;
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

  // ---- devices ----------------------------------------------------------------------------------------------
  function renderDevices() {
    const list = $('devices');
    list.replaceChildren();
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

  // ---- alerts, kept until acknowledged -------------------------------------------------------------------------
  function renderAlerts() {
    const list = $('alerts');
    list.replaceChildren();
    const count = $('alert-count');
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
      const response = await fetch('/api/alerts', { cache: 'no-store' });
      if (response.ok) { alerts = await response.json(); renderAlerts(); }
    } catch { /* retried on reconnect and by the timer */ }
  }

  async function acknowledge(id) {
    const response = await fetch(`/api/alerts/${id}/acknowledge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by: 'supervision' }) });
    if (response.ok || response.status === 409 || response.status === 404) {
      alerts = alerts.filter(a => a.id !== id);
      renderAlerts();
    }
  }

  function renderAll() {
    renderWindows(); renderQueues(); renderStats(); renderChart(); renderAdvice(); renderAlerts(); renderDevices(); renderConnection();
  }

  function renderConnection() {
    const c = $('connection');
    c.textContent = connected ? t().online : t().offline;
    c.className = 'connection ' + (connected ? 'online' : 'offline');
    c.dataset.state = connected ? 'online' : 'offline';
  }

  // ---- data -------------------------------------------------------------------------------------------------
  async function loadFigures() {
    if (!today) return;
    try {
      const [s, st, dv] = await Promise.all([
        fetch(`/api/stats?from=${today}&to=${today}`, { cache: 'no-store' }).then(r => r.ok ? r.json() : null),
        fetch(`/api/staffing?date=${today}&targetWaitMinutes=15&serviceLevel=0.8`, { cache: 'no-store' }).then(r => r.ok ? r.json() : null),
        fetch('/api/devices', { cache: 'no-store' }).then(r => r.ok ? r.json() : []),
      ]);
      if (s) stats = s;
      if (st) staffing = st;
      devices = dv || [];
      renderStats(); renderChart(); renderAdvice(); renderDevices();
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
    loadAlerts();
  }

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000]).build();
  connection.on('WindowChanged', m => { windows.set(m.window.number, m.window); renderWindows(); figuresSoon(); });
  connection.on('QueueCountsChanged', m => { queues = m.services; renderQueues(); figuresSoon(); });
  connection.on('TicketCalled', () => figuresSoon());
  connection.on('AlertRaised', a => { if (!alerts.some(x => x.id === a.id)) alerts.unshift(a); renderAlerts(); });
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
  }, 1000);
  setInterval(loadFigures, 30000);

  fetch('/api/services').then(r => r.ok ? r.json() : []).then(list => {
    list.forEach(s => serviceNamesEn.set(s.id, s.nameEn));
    renderQueues();
  }).catch(() => { /* Chinese names stay */ });
  applyLanguage();
  start();
})();
