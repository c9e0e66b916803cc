// The kiosk's touch page. It shows only numbers the kiosk's own API returned with 200, i.e. numbers the hall
// server confirmed; every failure becomes a message with the server's own words. This module wires the page: the
// toggles, the sheets' buttons, the clock and the return to the start screen when nobody touches the screen.
import { $ } from '/_content/Hall.Contracts/js/hall.js';
import { onIdCardChange, renderIdCard, renderIdRow, takeSelected } from './confirm.js';
import { renderGuides } from './guides.js';
import { idCard } from './id-card.js';
import { closeKeypad, keypadCancel, keypadOk, openKeypad, validIdNumber } from './keypad.js';
import { hide, hideAll, i18n, show, state, t, touch } from './page.js';
import { loadKiosk, loadServices, renderNotices, renderServices } from './services.js';
import { openPhoneKeypad, renderSmsRow, resetSms } from './sms.js';
import { take, updateCountdown } from './taking.js';

const KIOSK_REFRESH_MS = 30000;

function tickClock() {
  const now = new Date();
  const zone = state.kiosk.timeZone || undefined;
  $("clock-time").textContent = new Intl.DateTimeFormat("zh-CN", { timeZone: zone, hour: "2-digit", minute: "2-digit", hour12: false }).format(now);
  $("clock-date").textContent = new Intl.DateTimeFormat(i18n.locale, { timeZone: zone, year: "numeric", month: "long", day: "numeric", weekday: "long" }).format(now);
}

function renderTexts() {
  $("large-toggle").querySelector("[data-i18n]").textContent = state.large ? t("standardMode") : t("largeMode");
  renderServices();
  renderNotices();
  renderGuides();
  renderSmsRow();
  tickClock();
}

function anythingOpen() {
  return state.green || ["guides", "guide", "confirm", "keypad", "result", "message"].some((id) => !$(id).hidden);
}

function resetToStart() {
  hideAll();
  state.green = null;
  state.selected = null;
  state.idNumber = null;
  resetSms();
  closeKeypad();
  state.category = null;
  renderServices();
  renderNotices();
  $("start").scrollTop = 0;
  $("services").scrollTop = 0;
}

function idleTick() {
  tickClock();
  if (!$("result").hidden) updateCountdown();
  if (state.taking) return;
  if (anythingOpen() && Date.now() - state.lastTouch > state.kiosk.idleSeconds * 1000) resetToStart();
}

function wire() {
  for (const type of ["pointerdown", "keydown", "touchstart"]) {
    document.addEventListener(type, touch, { passive: true });
  }
  document.addEventListener("contextmenu", (event) => event.preventDefault());

  $("lang-toggle").addEventListener("click", i18n.toggle);
  $("large-toggle").addEventListener("click", () => {
    state.large = !state.large;
    document.body.classList.toggle("large", state.large);
    $("large-toggle").setAttribute("aria-pressed", String(state.large));
    i18n.apply();
    renderTexts();
  });

  $("confirm-cancel").addEventListener("click", () => hide("confirm"));
  $("confirm-take").addEventListener("click", takeSelected);
  $("confirm-id").addEventListener("click", () => {
    hide("confirm");
    openKeypad({
      title: "idTitle", hint: "idHint", keys: "id", maxLength: 18, secret: false,
      validate: (value) => (value === "" || validIdNumber(value) ? null : "idInvalid"),
      done: (value) => { state.idNumber = value || null; renderIdRow(); renderIdCard(); show("confirm"); },
      cancel: () => show("confirm"),
    });
  });

  $("confirm-sms").addEventListener("click", () => { hide("confirm"); openPhoneKeypad(); });

  $("appointment-button").addEventListener("click", () => openKeypad({
    title: "appointmentTitle", hint: idCard.card.reader !== "none" ? "idCardAppointmentHint" : "appointmentCodeHint",
    keys: "code", maxLength: 20, secret: false, checkInByCard: true,
    validate: (value) => (value.length > 0 ? null : "appointmentInvalid"),
    done: (value) => take({ appointmentCode: value }),
    cancel: () => {},
  }));

  $("green-button").addEventListener("click", () => openKeypad({
    title: "staffTitle", hint: "staffHint", keys: "digits", maxLength: 12, secret: false,
    validate: (value) => (value.length > 0 ? null : "staffInvalid"),
    // The staff code alone is printed on every badge: the clerk's PIN authorises the green channel.
    done: (staffCode) => openKeypad({
      title: "staffTitle", hint: "staffPinHint", keys: "digits", maxLength: 12, secret: true,
      validate: (value) => (value.length > 0 ? null : "staffPinInvalid"),
      done: (pin) => { state.green = { staffCode, pin }; renderNotices(); },
      cancel: () => {},
    }),
    cancel: () => {},
  }));
  $("green-cancel").addEventListener("click", () => { state.green = null; renderNotices(); });

  $("keypad-ok").addEventListener("click", keypadOk);
  $("keypad-cancel").addEventListener("click", keypadCancel);

  $("result-done").addEventListener("click", resetToStart);
  $("message-close").addEventListener("click", () => hide("message"));

  setInterval(idleTick, 1000);
  setInterval(loadKiosk, KIOSK_REFRESH_MS);
}

wire();
i18n.onChange(renderTexts);
idCard.onChange(onIdCardChange);
idCard.connect();
i18n.apply();
renderTexts();
loadKiosk();
loadServices();
