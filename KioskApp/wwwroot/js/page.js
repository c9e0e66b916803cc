// What the touch page's modules share: its language, its state and the overlays.
import { $, createI18n, el } from '/_content/Hall.Contracts/js/hall.js';
import { withGuideTexts } from '/_content/Hall.Contracts/js/guide.js';
import texts from './texts.js';

export const i18n = createI18n(withGuideTexts(texts));   // every citizen starts in Chinese
export const { t } = i18n;

export const state = {
  large: false,
  kiosk: { hallName: "政务服务中心", idleSeconds: 45, timeZone: "Asia/Shanghai", printer: { status: "unknown", message: "" } },
  services: [],
  servicesLoaded: false,
  serverOnline: true,
  category: null,
  green: null, // { staffCode, pin } while the green channel is open
  selected: null, // the service in the confirm sheet
  idNumber: null,
  phone: null,
  autoTaken: null, // the card presentation that already issued a number by itself
  taking: false,
  lastTouch: Date.now(),
  resultShownAt: 0,
};

export function touch() { state.lastTouch = Date.now(); }

export function show(id) { $(id).hidden = false; }
export function hide(id) { $(id).hidden = true; }
export function hideAll() { for (const id of ["guides", "guide", "confirm", "keypad", "busy", "result", "message"]) hide(id); }

export const serviceName = (service) => i18n.pick(service.name, service.nameEn);

export function fillMaterials(list, materials) {
  list.replaceChildren();
  if (!materials || materials.length === 0) {
    list.append(el("li", "materials-none", t("noMaterials")));
    return;
  }
  for (const item of materials) list.append(el("li", null, item));
}
