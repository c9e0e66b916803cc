// Mobile booking page (预约): choose service, day and slot, give name and phone, get a code and its QR code; cancel by code.
import { $, ApiError, api, createI18n, el } from '/_content/Hall.Contracts/js/hall.js';
import texts from './texts.js';

const i18n = createI18n(texts, { storageKey: 'hall.lang' });
const { t } = i18n;
const state = { services: [], slot: null, booked: null };

// Times come with the hall's offset; showing their own wall-clock digits keeps the hall's time whatever the phone's zone.
const hhmm = iso => iso.substring(11, 16);
const dayLabel = ymd => {
  const [y, m, d] = ymd.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return t('dayLabel', y, m, d, t('weekdays')[weekday], t('months')[m - 1]);
};
const serviceName = s => i18n.pick(s.name, s.nameEn);
const words = e => i18n.of(e instanceof ApiError ? e.text : { zh: e.message, en: e.message });

// The page's calls say they come from the mobile page (the server limits each kind of caller on its own).
const call = (method, url, body) => api(url, { method, body, headers: { 'X-Device-Id': 'mobile' } });

function renderAll() {
  if (state.hall) $('hall-name').textContent = i18n.pick(state.hall.name, state.hall.nameEn);
  const days = state.hall?.personalDataRetainDays;
  $('privacy-booking').textContent = i18n.t('privacyBooking', days);
  $('privacy-remote').textContent = i18n.t('privacyRemote', days);
  renderServices();
  renderDates();
  if (state.slots) renderSlots(state.slots);
  if (state.booked) renderBooked(state.booked);
}

function renderRemoteServices() {
  const select = $('remote-service');
  const chosen = select.value;
  select.replaceChildren(...state.remoteServices.map(s => new Option(`${s.prefix} · ${serviceName(s)}`, s.id)));
  if (chosen) select.value = chosen;
  $('remote').hidden = state.remoteServices.length === 0;
}

async function takeRemote() {
  const result = $('remote-result');
  result.hidden = false;
  result.className = 'result';
  $('remote-track').hidden = true;
  try {
    const body = { serviceId: Number($('remote-service').value), idNumber: $('remote-id').value };
    // The phone goes only with consent ticked: without it nothing of the number is sent or kept.
    const phone = $('remote-phone').value.trim();
    if (phone && $('remote-consent').checked) Object.assign(body, { phone, smsConsent: true });
    const ticket = await call('POST', '/api/remote-tickets', body);
    result.textContent = t('remoteTaken', ticket) + (ticket.smsPhone ? ' ' + t('smsTaken', ticket.smsPhone) : '');
    $('remote-track').href = ticket.trackingUrl;
    $('remote-track').hidden = false;
  } catch (e) {
    result.className = 'result error';
    result.textContent = words(e);
  }
}

function renderServices() {
  if (state.remoteServices) renderRemoteServices();
  const select = $('service');
  const chosen = select.value;
  select.replaceChildren(...state.services.map(s => new Option(`${s.prefix} · ${serviceName(s)}`, s.id)));
  if (chosen) select.value = chosen;
}

function currentService() {
  return state.services.find(s => String(s.id) === $('service').value);
}

function renderDates() {
  const service = currentService();
  const select = $('date');
  const chosen = select.value;
  select.replaceChildren(...(service?.dates ?? []).map(d => new Option(dayLabel(d), d)));
  if (chosen && service?.dates.includes(chosen)) select.value = chosen;
  if (service) $('hint').textContent = t('checkInHint', service.checkInBeforeMinutes, service.checkInAfterMinutes);
}

async function loadSlots() {
  state.slot = null;
  updateSubmit();
  const service = currentService();
  const date = $('date').value;
  if (!service || !date) return;
  state.slots = await call('GET', `/api/appointments/slots?serviceId=${service.id}&date=${date}`);
  renderSlots(state.slots);
}

function renderSlots(slots) {
  // Slots whose booking has closed are left out; full ones stay visible but cannot be chosen.
  const open = slots.filter(s => s.bookable || s.remaining === 0);
  const buttons = open.map(s => {
    const button = el('button', 'slot-button');
    button.type = 'button';
    button.setAttribute('role', 'radio');
    button.dataset.start = s.start;
    button.setAttribute('aria-checked', String(state.slot === s.start));
    button.disabled = !s.bookable;
    button.append(`${hhmm(s.start)}–${hhmm(s.end)}`, el('small', null, s.remaining > 0 ? t('left', s.remaining) : t('full')));
    button.addEventListener('click', () => {
      state.slot = s.start;
      document.querySelectorAll('.slot-button').forEach(b => b.setAttribute('aria-checked', String(b === button)));
      updateSubmit();
    });
    return button;
  });
  $('slots').replaceChildren(...buttons);
  $('no-slots').hidden = open.some(s => s.bookable);
}

function updateSubmit() {
  $('submit').disabled = !state.slot;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

function renderBooked(a) {
  $('code').textContent = a.code;
  $('qr').src = `/api/appointments/${encodeURIComponent(a.code)}/qr.svg`;
  $('done-service').textContent = i18n.pick(a.serviceName, a.serviceNameEn);
  $('done-slot').textContent = `${dayLabel(a.slotStart.substring(0, 10))} ${hhmm(a.slotStart)}–${hhmm(a.slotEnd)}`;
  $('done-checkin').textContent = t('checkInAt', hhmm(a.checkInFrom), hhmm(a.checkInUntil));
}

async function book(event) {
  event.preventDefault();
  showError('');
  const service = currentService();
  $('submit').disabled = true;
  try {
    const booked = await call('POST', '/api/appointments', {
      serviceId: service.id,
      slotStart: state.slot,
      name: $('name').value,
      phone: $('phone').value,
      idNumber: $('idNumber').value || null,
      smsConsent: $('booking-consent').checked,
    });
    state.booked = booked;
    renderBooked(booked);
    $('book').hidden = true;
    $('done').hidden = false;
    $('cancel-code').value = booked.code;
    window.scrollTo(0, 0);
  } catch (e) {
    showError(words(e));
    await loadSlots().catch(() => {});
  } finally {
    updateSubmit();
  }
}

async function cancel() {
  const result = $('cancel-result');
  result.hidden = false;
  result.className = 'result';
  try {
    const code = $('cancel-code').value.trim();
    if (!code) throw new Error(t('enterCode'));
    const a = await call('DELETE', `/api/appointments/${encodeURIComponent(code)}`);
    result.textContent = t('cancelled', a.code);
    if (state.booked?.code === a.code) {
      state.booked = null;
      $('done').hidden = true;
      $('book').hidden = false;
    }
    await loadSlots();
  } catch (e) {
    result.className = 'result error';
    result.textContent = words(e);
  }
}

async function start() {
  i18n.onChange(renderAll);
  $('lang').addEventListener('click', i18n.toggle);
  $('service').addEventListener('change', () => { renderDates(); loadSlots(); });
  $('date').addEventListener('change', loadSlots);
  $('form').addEventListener('submit', book);
  $('cancel').addEventListener('click', cancel);
  $('remote-take').addEventListener('click', takeRemote);
  $('again').addEventListener('click', () => {
    state.booked = null;
    $('done').hidden = true;
    $('book').hidden = false;
    loadSlots();
  });
  i18n.apply();
  try {
    state.hall = await call('GET', '/api/hall');
    state.services = await call('GET', '/api/appointments/services');
    state.remoteServices = await call('GET', '/api/remote-tickets/services');
    renderAll();
    await loadSlots();
    document.body.dataset.ready = 'true';
  } catch (e) {
    showError(words(e));
  }
}

start();
