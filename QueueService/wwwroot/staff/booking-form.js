// 当面、电话预约: staff book a slot for a citizen at the counter or on the phone (POST /api/appointments/for-citizen),
// from the clerk console and the supervision dashboard. The page passes how it posts with its own login and its i18n.
import { ApiError, api, el } from '/_content/Hall.Contracts/js/hall.js';

const texts = {
  zh: {
    title: '代群众预约（当面、电话）', service: '事项', date: '日期', slot: '时段', name: '姓名', phone: '联系电话',
    channel: '预约方式', counter: '当面', phoneCall: '电话', sms: '短信提醒（手机号）', book: '预约',
    left: n => `余 ${n}`, full: '已满', noSlots: '当天无可预约时段',
    booked: (code, from, to) => `已预约，预约码 ${code}（${from}–${to}），请告知群众凭预约码到取号机签到。`,
  },
  en: {
    title: 'Book for a citizen (counter, phone)', service: 'Service', date: 'Date', slot: 'Slot', name: 'Name', phone: 'Phone',
    channel: 'Booked', counter: 'at the counter', phoneCall: 'by phone', sms: 'Text reminder (mobile)', book: 'Book',
    left: n => `${n} left`, full: 'full', noSlots: 'No slot can be booked that day',
    booked: (code, from, to) => `Booked: code ${code} (${from}-${to}); tell the citizen to check in at a kiosk with it.`,
  },
};

const time = iso => iso.slice(11, 16);

/** Builds the form inside <paramref name="root"/>; post(path, body) makes the staff call. */
export function bookingForm(root, post, i18n) {
  const tr = (key, ...args) => { const v = (texts[i18n.lang] ?? texts.zh)[key]; return typeof v === 'function' ? v(...args) : v; };
  let services = [];
  const service = el('select'); service.name = 'service';
  const date = el('select'); date.name = 'date';
  const slot = el('select'); slot.name = 'slot';
  const name = el('input'); name.name = 'name'; name.maxLength = 40; name.autocomplete = 'off';
  const phone = el('input'); phone.name = 'phone'; phone.maxLength = 20; phone.inputMode = 'tel'; phone.autocomplete = 'off';
  const channel = el('select'); channel.name = 'channel';
  const sms = el('input'); sms.type = 'checkbox'; sms.name = 'sms';
  const submit = el('button', 'book'); submit.type = 'submit';
  const result = el('p', 'booking-result'); result.setAttribute('role', 'status');
  const form = el('form', 'staff-booking');
  const labels = {};
  const field = (key, input) => { const label = el('label'); labels[key] = el('span'); label.append(labels[key], input); return label; };
  form.append(el('h3'), field('service', service), field('date', date), field('slot', slot), field('name', name), field('phone', phone),
    field('channel', channel), field('sms', sms), submit, result);
  root.replaceChildren(form);

  function renderTexts() {
    form.querySelector('h3').textContent = tr('title');
    for (const key of Object.keys(labels)) labels[key].textContent = tr(key);
    channel.replaceChildren(...[['counter', 'counter'], ['phone', 'phoneCall']].map(([value, key]) => {
      const o = el('option', null, tr(key)); o.value = value; return o;
    }));
    submit.textContent = tr('book');
  }

  async function loadSlots() {
    slot.replaceChildren();
    if (!service.value || !date.value) return;
    const slots = await api(`/api/appointments/slots?serviceId=${service.value}&date=${date.value}`);
    const open = slots.filter(s => s.bookable);
    slot.replaceChildren(...open.map(s => {
      const o = el('option', null, `${time(s.start)}–${time(s.end)} · ${tr('left', s.remaining)}`); o.value = s.start; return o;
    }));
    if (!open.length) { const o = el('option', null, tr('noSlots')); o.value = ''; slot.append(o); }
  }

  function fillDates() {
    const chosen = services.find(s => String(s.id) === service.value);
    date.replaceChildren(...(chosen ? chosen.dates : []).map(d => { const o = el('option', null, d); o.value = d; return o; }));
    return loadSlots();
  }

  service.addEventListener('change', () => fillDates().catch(() => {}));
  date.addEventListener('change', () => loadSlots().catch(() => {}));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    result.className = 'booking-result';
    try {
      const booked = await post('/api/appointments/for-citizen', {
        serviceId: Number(service.value), slotStart: slot.value || null, name: name.value.trim(), phone: phone.value.trim(),
        channel: channel.value, smsConsent: sms.checked,
      });
      result.textContent = tr('booked', booked.code, time(booked.slotStart), time(booked.slotEnd));
      result.dataset.code = booked.code;
      name.value = ''; phone.value = ''; sms.checked = false;
      await loadSlots();
    } catch (error) {
      result.classList.add('error');
      result.textContent = error instanceof ApiError ? i18n.of(error.text) : error.message;
      delete result.dataset.code;
    }
  });

  renderTexts();
  i18n.onChange(renderTexts);
  return {
    async load() {
      services = await api('/api/appointments/services');
      service.replaceChildren(...services.map(s => { const o = el('option', null, `${s.prefix} ${i18n.pick(s.name, s.nameEn)}`); o.value = s.id; return o; }));
      await fillDates();
    },
  };
}
