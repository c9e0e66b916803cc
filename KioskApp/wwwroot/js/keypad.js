// The on-screen keypad for ID numbers, appointment codes and staff codes and PINs.
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { hide, show, t } from './page.js';

const KEYSETS = {
  id: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0", "⌫"],
  digits: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "⌫"],
  code: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0",
    "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "-", "⌫"],
};

let request = null;

/** The open request: { title, hint, keys, maxLength, secret, validate, done, cancel, checkInByCard?, value }. */
export const keypadRequest = () => request;

/** Forgets the open request (the overlay is hidden by the caller). */
export function closeKeypad() { request = null; }

export function openKeypad(next) {
  request = { ...next, value: "" };
  $("keypad-title").textContent = t(next.title);
  $("keypad-hint").textContent = t(next.hint);
  $("keypad-error").textContent = "";
  const keys = $("keypad-keys");
  keys.className = "keys keys-" + next.keys;
  keys.replaceChildren();
  for (const key of KEYSETS[next.keys]) {
    const button = el("button", "key" + (key === "⌫" ? " key-delete" : ""), key);
    button.type = "button";
    button.dataset.key = key;
    if (key === "⌫") button.setAttribute("aria-label", t("delete"));
    if (key === "C" && next.keys === "digits") {
      button.textContent = t("clear");
      button.classList.add("key-clear");
    }
    button.addEventListener("click", () => pressKey(key));
    keys.append(button);
  }
  renderKeypad();
  show("keypad");
}

function pressKey(key) {
  if (!request) return;
  if (key === "⌫") request.value = request.value.slice(0, -1);
  else if (key === "C" && request.keys === "digits") request.value = "";
  else if (request.value.length < request.maxLength) request.value += key;
  $("keypad-error").textContent = "";
  renderKeypad();
}

function renderKeypad() {
  const display = $("keypad-display");
  const shown = request.secret ? "•".repeat(request.value.length) : request.value;
  display.textContent = shown || "\u00a0";
  display.classList.toggle("keypad-empty", request.value.length === 0);
}

export function keypadOk() {
  const current = request;
  if (!current) return;
  const error = current.validate(current.value);
  if (error) {
    $("keypad-error").textContent = t(error);
    return;
  }
  hide("keypad");
  request = null;
  current.done(current.value);
}

export function keypadCancel() {
  const current = request;
  request = null;
  hide("keypad");
  if (current && current.cancel) current.cancel();
}

// GB 11643: 17 digits and a check character from the weighted sum.
export function validIdNumber(value) {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * weights[i];
  return "10X98765432"[sum % 11] === value[17];
}
