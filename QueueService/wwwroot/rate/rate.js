// The software evaluator on a tablet at a window: /rate/{window number}. After the clerk finishes a ticket it
// invites a rating for the hall's time-out; a press is recorded with the same rules as a bus evaluator.
(() => {
  const windowNumber = Number(location.pathname.split('/').filter(Boolean).pop());
  const $ = id => document.getElementById(id);
  let lang = localStorage.getItem('hall.lang') || 'zh';
  let timeoutSeconds = 60, countdown = null, windowInfo = null;
  // The tablet's device key comes once in its start address (/rate/3?key=rate-3.…), is kept on the tablet and taken
  // out of the address bar, so it is not shown on screen or left in the history.
  const params = new URLSearchParams(location.search);
  if (params.get('key')) {
    localStorage.setItem('hall.deviceKey', params.get('key'));
    history.replaceState(null, '', location.pathname);
  }
  const deviceKey = localStorage.getItem('hall.deviceKey');

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
    document.querySelectorAll('[data-zh]').forEach(e => { e.textContent = e.dataset[lang]; });
    renderWindow();
  }

  function renderWindow() {
    if (!windowInfo) return;
    $('window-name').textContent = windowInfo.name;
    const c = windowInfo.clerk;
    $('clerk').textContent = c ? (lang === 'zh' ? `${c.unit} ${c.name} 工号 ${c.staffCode}` : `${c.name} · No. ${c.staffCode}`) : '';
  }

  function show(screen) {
    for (const id of ['idle', 'invite', 'thanks']) $(id).hidden = id !== screen;
  }

  function invite(number) {
    $('number').textContent = number;
    $('error').hidden = true;
    show('invite');
    let left = timeoutSeconds;
    $('seconds').textContent = left;
    clearInterval(countdown);
    countdown = setInterval(() => {
      left -= 1;
      $('seconds').textContent = left;
      if (left <= 0) { clearInterval(countdown); show('idle'); }
    }, 1000);
  }

  async function rate(level) {
    clearInterval(countdown);
    const response = await fetch(`/api/windows/${windowNumber}/rate`, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json', 'X-Device-Id': `tablet-${windowNumber}` }, deviceKey ? { 'X-Device-Key': deviceKey } : {}),
      body: JSON.stringify({ level }),
    });
    if (response.ok) {
      const result = await response.json();
      $('thanks-level').textContent = result.ticket ? `${result.ticket.number} · ${result.ticket.rating.label}` : '';
      show('thanks');
    } else {
      const problem = await response.json().catch(() => ({}));
      $('error').textContent = problem.detail || response.statusText;
      $('error').hidden = false;
      show('idle');
    }
    setTimeout(() => show('idle'), 5000);
  }

  document.querySelectorAll('.level').forEach(b => b.addEventListener('click', () => rate(Number(b.dataset.level))));
  $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('hall.lang', lang); applyLanguage(); });

  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').withAutomaticReconnect([0, 2000, 5000, 10000, 30000]).build();
  connection.on('TicketChanged', m => { if (m.windowNumber === windowNumber && m.kind === 'finished') invite(m.number); });
  connection.on('WindowChanged', m => { if (m.window.number === windowNumber) { windowInfo = m.window; renderWindow(); } });
  async function snapshot() {
    const s = await connection.invoke('GetSnapshot');
    windowInfo = s.windows.find(w => w.number === windowNumber) || null;
    renderWindow();
  }
  connection.onreconnected(snapshot);
  connection.on('HallChanged', snapshot);
  const start = () => connection.start().then(snapshot).catch(() => setTimeout(start, 5000));

  fetch('/api/hall').then(r => r.json()).then(h => { timeoutSeconds = h.ratingTimeoutSeconds || 60; }).catch(() => {});
  applyLanguage();
  start();
})();
