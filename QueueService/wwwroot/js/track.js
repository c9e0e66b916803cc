// Live status of one ticket for the citizen's phone: /t/{ticket id}.
(() => {
  const id = location.pathname.split('/').filter(Boolean).pop();
  const $ = s => document.getElementById(s);
  let lang = localStorage.getItem('hall.lang') || 'zh';
  let ticket = null;

  const text = {
    zh: { waiting: '等候中', called: '已叫号', serving: '正在办理', done: '已办结', noShow: '已过号', cancelled: '已取消',
          goTo: n => `请到 ${n} 号窗口办理`, rated: (l) => `您的评价：${l}，感谢！`, notFound: '没有找到这张票，请核对二维码。',
          offline: '网络中断，正在重试…', updated: t => `更新于 ${t}` },
    en: { waiting: 'Waiting', called: 'Called', serving: 'Being served', done: 'Finished', noShow: 'Missed', cancelled: 'Cancelled',
          goTo: n => `Please go to window ${n}`, rated: (l) => `Your rating: ${l}. Thank you!`, notFound: 'Ticket not found; please check the QR code.',
          offline: 'Connection lost, retrying…', updated: t => `Updated ${t}` },
  };

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
    document.querySelectorAll('[data-zh]').forEach(e => { e.textContent = e.dataset[lang]; });
    render();
  }

  function render() {
    if (!ticket) return;
    const t = text[lang];
    $('number').textContent = ticket.number;
    $('service').textContent = ticket.serviceName;
    const status = $('status');
    status.textContent = t[ticket.status] || ticket.status;
    status.className = 'status ' + ticket.status;
    $('wait').hidden = ticket.status !== 'waiting';
    $('ahead').textContent = ticket.ahead;
    $('minutes').textContent = ticket.estimatedWaitMinutes;
    const called = $('called');
    called.hidden = !(ticket.status === 'called' || ticket.status === 'serving') || !ticket.windowNumber;
    called.textContent = ticket.windowNumber ? t.goTo(ticket.windowNumber) : '';
    const rating = $('rating');
    rating.hidden = !ticket.rating;
    rating.textContent = ticket.rating ? t.rated(ticket.rating.label) : '';
    $('updated').textContent = t.updated(new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB'));
  }

  async function load() {
    try {
      const response = await fetch(`/api/tickets/${id}`, { cache: 'no-store' });
      if (response.status === 404) { $('error').hidden = false; $('error').textContent = text[lang].notFound; return; }
      if (!response.ok) throw new Error(response.status);
      ticket = await response.json();
      $('error').hidden = true;
      render();
    } catch {
      $('error').hidden = false;
      $('error').textContent = text[lang].offline;
    }
  }

  async function loadHall() {
    try {
      const hall = await (await fetch('/api/hall')).json();
      $('hall-name').textContent = lang === 'zh' ? hall.name : hall.nameEn;
    } catch { /* the page works without the hall's name */ }
  }

  $('lang').addEventListener('click', () => {
    lang = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('hall.lang', lang);
    applyLanguage();
    loadHall();
  });

  // Any change in the queue may move this ticket; re-read it rather than guess.
  const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/hall').withAutomaticReconnect([0, 2000, 5000, 10000, 30000]).build();
  connection.on('TicketChanged', () => load());
  connection.on('TicketCalled', () => load());
  connection.on('QueueCountsChanged', () => load());
  connection.onreconnected(() => load());
  const start = () => connection.start().then(load).catch(() => setTimeout(start, 5000));

  applyLanguage();
  loadHall();
  load();
  start();
  setInterval(load, 30000);
})();
