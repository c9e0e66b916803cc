// The confirm sheet: one service's documents and queue, the ID card prompt or the ID number keypad, then "take".
import { $ } from '/_content/Hall.Contracts/js/hall.js';
import { idCard } from './id-card.js';
import { closeKeypad, keypadRequest } from './keypad.js';
import { fillMaterials, hide, serviceName, show, state, t } from './page.js';
import { resetSms, smsFields } from './sms.js';
import { take } from './taking.js';

export function openConfirm(service) {
  if (!service.isOpen || state.taking) return;
  state.selected = service;
  state.idNumber = null;
  $("confirm-prefix").textContent = service.prefix;
  $("confirm-name").textContent = serviceName(service);
  $("confirm-queue").textContent = t("queueLine", { n: service.waiting, m: service.estimatedWaitMinutes });
  $("confirm-green").hidden = !state.green;
  fillMaterials($("confirm-materials"), service.materials);
  renderIdRow();
  renderIdCard();
  resetSms();
  show("confirm");
}

export function renderIdRow() {
  const value = $("confirm-id-value");
  if (state.idNumber) {
    value.textContent = "**************" + state.idNumber.slice(-4);
    value.classList.add("id-filled");
  } else {
    value.textContent = t("idTap");
    value.classList.remove("id-filled");
  }
}

// The card prompt: a requiresId service waits for the card (the keypad only where the hall allows it); any other
// service may use a card that lies on the reader.
export function renderIdCard() {
  const service = state.selected;
  if (!service) return;
  const card = idCard.card;
  const hasReader = card.reader !== "none";
  const keypadAllowed = !service.requiresId || state.kiosk.idKeypadFallback !== false;
  const box = $("confirm-card");
  box.hidden = !hasReader && !service.requiresId;
  box.classList.toggle("id-card-present", !!card.present);
  box.classList.toggle("id-card-waiting", !card.present && hasReader && idCard.readerWorks);
  box.classList.toggle("id-card-down", !card.present && (!hasReader || !idCard.readerWorks));
  let title;
  let detail;
  if (card.present) {
    title = t("idCardRead", { name: card.maskedName, number: card.maskedIdNumber });
    detail = "";
  } else if (!hasReader || !idCard.readerWorks) {
    title = t("idCardReaderDown");
    detail = keypadAllowed ? "" : t("idCardKeypadOff");
  } else {
    title = t("idCardPlace");
    detail = service.requiresId ? t("idCardRequired") : t("idCardOptional");
  }
  $("confirm-card-title").textContent = title;
  $("confirm-card-detail").textContent = detail;
  $("confirm-id").hidden = !keypadAllowed || !!card.present;
  $("confirm-id").querySelector(".id-label").textContent = t(service.requiresId ? "idCardKeypad" : "idOptional");
  $("confirm-take").disabled = service.requiresId && !card.present && !state.idNumber;
}

export function takeSelected() {
  const service = state.selected;
  if (!service) return;
  const body = { serviceId: service.id, ...smsFields() };
  if (idCard.card.present) body.useIdCard = true;
  else if (state.idNumber) body.idNumber = state.idNumber;
  if (state.green) {
    body.priority = "green";
    body.staffCode = state.green.staffCode;
    body.pin = state.green.pin;
  }
  take(body);
}

// A card laid while a requiresId service waits for it issues the number; one laid at the appointment keypad checks in.
export function onIdCardChange(card) {
  if (!$("confirm").hidden && state.selected) {
    renderIdCard();
    if (card.present && state.selected.requiresId && !state.taking && state.autoTaken !== card.presentation) {
      state.autoTaken = card.presentation;
      takeSelected();
    }
  }
  const request = keypadRequest();
  if (request && request.checkInByCard && card.present && !state.taking && state.autoTaken !== card.presentation) {
    state.autoTaken = card.presentation;
    closeKeypad();
    hide("keypad");
    take({ checkInByIdCard: true });
  }
}
