// The service guide editor: one service's 办事指南 in a form (texts, working days, materials with original or copy and
// copies, the server's sample forms to link), saved with the service through PUT /api/admin/services/{id}.
import { $, ApiError, el } from '/_content/Hall.Contracts/js/hall.js';

const TEXT_FIELDS = ['basis', 'conditions', 'procedure', 'fees', 'location', 'phone', 'onlineUrl'];
const MATERIAL_FORMS = ['original', 'copy', 'originalAndCopy'];

/** Starts the editor in the page's language; send(path, options) is the logged-in session; showHall(hall) follows every load. */
export function startGuides(i18n, send, onSaved) {
  const { t } = i18n;
  let services = [];
  let serverForms = [];
  let message = null;

  function renderMessage() {
    const box = $('guide-message');
    box.hidden = !message;
    if (!message) return;
    box.textContent = i18n.of(message);
    box.classList.toggle('error', message.isError);
  }

  function input(value, className, attributes = {}) {
    const field = el('input', className);
    Object.assign(field, attributes);
    field.value = value ?? '';
    return field;
  }

  function materialRow(material = { name: '', form: 'original', copies: 1, note: '' }) {
    const form = el('select', 'material-form');
    form.setAttribute('aria-label', t('guides.materialForm'));
    for (const value of MATERIAL_FORMS) {
      const option = el('option', null, t(`guides.forms.${value}`));
      option.value = value;
      form.append(option);
    }
    form.value = material.form;
    const remove = el('button', 'button small secondary', t('guides.remove'));
    remove.type = 'button';
    const row = el('li', 'material-row');
    remove.addEventListener('click', () => row.remove());
    row.append(
      input(material.name, 'material-name', { placeholder: t('guides.materialName'), maxLength: 200 }),
      form,
      input(material.copies, 'material-copies', { type: 'number', min: 1, max: 99, title: t('guides.copies') }),
      input(material.note, 'material-note', { placeholder: t('guides.note'), maxLength: 200 }),
      remove);
    return row;
  }

  function formRows(linked) {
    if (!serverForms.length) return [el('li', 'hint', t('guides.noForms'))];
    return serverForms.map(f => {
      const chosen = linked.find(x => x.url === f.url || x.url.endsWith(f.url));
      const box = input('', 'form-chosen', { type: 'checkbox', checked: !!chosen });
      box.dataset.url = f.url;
      box.setAttribute('aria-label', f.url);
      const row = el('li', 'form-row');
      row.append(box, el('code', null, f.url), input(chosen?.name ?? '', 'form-name', { placeholder: t('guides.formName'), maxLength: 200 }));
      return row;
    });
  }

  function current() { return services.find(s => String(s.id) === $('guide-service').value); }

  function fillForm() {
    const service = current();
    if (!service) return;
    const guide = service.guide ?? {};
    for (const name of TEXT_FIELDS) $(`guide-${name}`).value = guide[name] ?? '';
    $('guide-statutoryDays').value = guide.statutoryDays ?? '';
    $('guide-promisedDays').value = guide.promisedDays ?? '';
    $('guide-materials').replaceChildren(...(guide.materials ?? []).map(materialRow));
    $('guide-forms').replaceChildren(...formRows(guide.forms ?? []));
  }

  const textOrNull = value => (value.trim() === '' ? null : value.trim());
  const numberOrNull = value => (value.trim() === '' ? null : Number(value));

  function readGuide() {
    const guide = {};
    for (const name of TEXT_FIELDS) guide[name] = textOrNull($(`guide-${name}`).value);
    guide.statutoryDays = numberOrNull($('guide-statutoryDays').value);
    guide.promisedDays = numberOrNull($('guide-promisedDays').value);
    guide.materials = [...document.querySelectorAll('#guide-materials .material-row')]
      .map(row => ({
        name: row.querySelector('.material-name').value.trim(),
        form: row.querySelector('.material-form').value,
        copies: Number(row.querySelector('.material-copies').value || 1),
        note: textOrNull(row.querySelector('.material-note').value),
      }))
      .filter(m => m.name !== '');
    guide.forms = [...document.querySelectorAll('#guide-forms .form-row')]
      .filter(row => row.querySelector('.form-chosen').checked)
      .map(row => ({ name: row.querySelector('.form-name').value.trim(), url: row.querySelector('.form-chosen').dataset.url }));
    return guide;
  }

  async function save() {
    const service = current();
    if (!service) return;
    try {
      const saved = await send(`/api/admin/services/${service.id}`, { method: 'PUT', body: { ...service, guide: readGuide() } });
      services = services.map(s => (s.id === saved.id ? saved : s));
      message = i18n.both('guides.saved', i18n.pick(saved.name, saved.nameEn));
      onSaved();
    } catch (e) {
      const reason = e instanceof ApiError ? e.text : i18n.both('network');
      message = { zh: i18n.tIn('zh', 'guides.refused', reason.zh), en: i18n.tIn('en', 'guides.refused', reason.en), isError: true };
    }
    renderMessage();
  }

  async function showHall(hall) {
    services = hall.services;
    const select = $('guide-service');
    const chosen = select.value;
    select.replaceChildren(...services.map(s => {
      const option = el('option', null, `${s.prefix} ${i18n.pick(s.name, s.nameEn)}`);
      option.value = String(s.id);
      return option;
    }));
    if (chosen && services.some(s => String(s.id) === chosen)) select.value = chosen;
    try { serverForms = await send('/api/admin/forms'); } catch { serverForms = []; }
    fillForm();
  }

  $('guide-service').addEventListener('change', () => { message = null; renderMessage(); fillForm(); });
  $('guide-add-material').addEventListener('click', () => $('guide-materials').append(materialRow()));
  $('guide-save').addEventListener('click', save);
  i18n.onChange(renderMessage);
  return { showHall };
}
