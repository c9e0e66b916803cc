// 到号短信提醒 on the confirm sheet: an optional mobile number typed on the on-screen keypad, sent only with the
// citizen's consent ticked; the sheet shows it masked, and nothing of it stays once the number is taken.
import { $ } from '/_content/Hall.Contracts/js/hall.js';
import { openKeypad } from './keypad.js';
import { show, state, t } from './page.js';

// A mainland mobile: 11 digits, 1 then 3–9 (the hall server checks the same).
export const validMobile = (value) => /^1[3-9]\d{9}$/.test(value);

export const maskPhone = (phone) => phone.slice(0, 3) + "****" + phone.slice(-4);

export function resetSms() {
  state.phone = null;
  $("confirm-consent").checked = false;
  renderSmsRow();
}

export function renderSmsRow() {
  const value = $("confirm-sms-value");
  value.textContent = state.phone ? maskPhone(state.phone) : t("smsTap");
  value.classList.toggle("id-filled", !!state.phone);
  $("confirm-consent-row").hidden = !state.phone;
}

export function openPhoneKeypad() {
  openKeypad({
    title: "smsTitle", hint: "smsHint", keys: "digits", maxLength: 11, secret: false,
    validate: (value) => (value === "" || validMobile(value) ? null : "smsInvalid"),
    done: (value) => { state.phone = value || null; renderSmsRow(); show("confirm"); },
    cancel: () => show("confirm"),
  });
}

/** The fields the take request carries: the phone only when consent is ticked. */
export function smsFields() {
  return state.phone && $("confirm-consent").checked ? { phone: state.phone, smsConsent: true } : {};
}
