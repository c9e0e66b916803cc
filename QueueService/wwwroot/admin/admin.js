// Hall administration: export and import the hall file, and the lists of services, windows and clerks.
// devices.js (devices and keys) follows the language and the hall through the admin:language and admin:hall events.
// The browser asks for the administrator's credentials (HTTP Basic) on the first call.
(() => {
  const $ = id => document.getElementById(id);
  let lang = localStorage.getItem('hall.lang') || 'zh';
  let hall = null;

  const text = (zh, en) => lang === 'zh' ? zh : en;

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-zh]').forEach(e => { e.textContent = e.dataset[lang]; });
    $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
    document.dispatchEvent(new CustomEvent('admin:language', { detail: lang }));
    render();
  }

  function row(cells) {
    const tr = document.createElement('tr');
    cells.forEach(c => { const td = document.createElement('td'); td.textContent = c; tr.appendChild(td); });
    return tr;
  }

  function fill(id, rows) {
    const body = document.querySelector(`#${id} tbody`);
    body.replaceChildren(...rows.map(row));
  }

  function render() {
    if (!hall) return;
    $('hall-name').textContent = lang === 'zh' ? hall.name : (hall.nameEn || hall.name);
    const names = new Map(hall.services.map(s => [s.id, lang === 'zh' ? s.name : (s.nameEn || s.name)]));
    fill('services', hall.services.map(s => [s.id, s.prefix, names.get(s.id), s.category, s.dailyQuota]));
    fill('windows', hall.windows.map(w => [w.number, lang === 'zh' ? w.name : (w.nameEn || w.name), w.serviceIds.map(id => names.get(id) || id).join('、')]));
    fill('clerks', hall.clerks.map(c => [c.staffCode, c.name, c.unit, c.aPostWindows.join('、'), c.bPostWindows.join('、')]));
  }

  function show(message, isError) {
    $('message').textContent = message;
    $('message').classList.toggle('error', !!isError);
    $('message').hidden = false;
  }

  async function load() {
    const response = await fetch('/api/admin/hall', { cache: 'no-store' });
    if (!response.ok) {
      show(text('无法读取大厅配置（需要管理员身份）。', 'Cannot read the hall (administrator credentials needed).'), true);
      return;
    }
    hall = await response.json();
    render();
    document.dispatchEvent(new CustomEvent('admin:hall', { detail: hall }));
  }

  $('import').addEventListener('click', async () => {
    const file = $('file').files[0];
    if (!file) { show(text('请先选择配置文件。', 'Choose a hall file first.'), true); return; }
    const response = await fetch('/api/admin/hall', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: await file.text() });
    if (response.ok) {
      hall = await response.json();
      render();
      document.dispatchEvent(new CustomEvent('admin:hall', { detail: hall }));
      show(text('导入成功，已立即生效。', 'Imported; the hall uses it now.'));
    } else {
      const problem = await response.json().catch(() => ({}));
      show(text('导入失败：', 'Import refused: ') + (problem.detail || response.status), true);
    }
  });

  $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('hall.lang', lang); applyLanguage(); });
  applyLanguage();
  load();
})();
