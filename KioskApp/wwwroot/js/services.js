// The start screen: the kiosk's settings and the hall's services (refreshed), in category tabs, and the notices
// (server down, printer trouble, green channel).
import { $, api, el } from '/_content/Hall.Contracts/js/hall.js';
import { openConfirm } from './confirm.js';
import { i18n, serviceName, state, t } from './page.js';

const SERVICES_REFRESH_MS = 15000;
const SERVICES_RETRY_MS = 4000;

export async function loadKiosk() {
  try {
    state.kiosk = await api("/api/kiosk");
    $("hall-name").textContent = state.kiosk.hallName;
    renderNotices();
  } catch {
    // The kiosk's own server is local; the next refresh tries again.
  }
}

export async function loadServices() {
  let next = SERVICES_REFRESH_MS;
  try {
    state.services = await api("/api/services");
    state.servicesLoaded = true;
    state.serverOnline = true;
  } catch {
    state.serverOnline = false;
    next = SERVICES_RETRY_MS;
  }
  renderServices();
  renderNotices();
  setTimeout(loadServices, next);
}

function categories() {
  const seen = [];
  for (const service of state.services) {
    if (!seen.includes(service.category)) seen.push(service.category);
  }
  return seen;
}

const categoryName = (category) => i18n.label("categories", category);

function tab(label, active, choose) {
  const button = el("button", "tab" + (active ? " tab-active" : ""), label);
  button.type = "button";
  button.addEventListener("click", () => { choose(); renderServices(); });
  return button;
}

export function renderServices() {
  if (!state.servicesLoaded) return;
  const groups = categories();
  if (state.category && !groups.includes(state.category)) state.category = null;

  const tabs = $("category-tabs");
  tabs.replaceChildren();
  if (groups.length > 1) {
    tabs.append(tab(t("allCategories"), state.category === null, () => { state.category = null; }));
    for (const group of groups) tabs.append(tab(categoryName(group), state.category === group, () => { state.category = group; }));
  }

  const container = $("services");
  container.replaceChildren();
  const flow = el("div", "services-flow");
  container.append(flow);
  for (const group of groups) {
    if (state.category && state.category !== group) continue;
    const section = el("section", "service-group");
    const heading = el("h3", "group-title");
    heading.append(el("span", "group-mark"), el("span", null, categoryName(group)));
    section.append(heading);
    const grid = el("div", "service-grid");
    for (const service of state.services.filter((s) => s.category === group)) {
      grid.append(serviceCard(service));
    }
    section.append(grid);
    flow.append(section);
  }
}

function serviceCard(service) {
  const card = el("button", "service-card" + (service.isOpen ? "" : " service-closed"));
  card.type = "button";
  card.dataset.serviceId = service.id;
  card.dataset.testid = "service";
  const top = el("div", "card-top");
  top.append(el("span", "prefix-badge", service.prefix), el("span", "card-name", serviceName(service)));
  card.append(top);
  if (i18n.lang === "zh" && service.nameEn && state.large === false) {
    card.append(el("span", "card-name-en", service.nameEn));
  }
  const bottom = el("div", "card-bottom");
  if (service.isOpen) {
    bottom.append(
      el("span", "chip chip-waiting", t("waitingCount", { n: service.waiting })),
      el("span", "chip chip-time", service.waiting > 0 ? t("waitMinutes", { n: service.estimatedWaitMinutes }) : t("noWait")));
  } else {
    card.disabled = true;
    card.setAttribute("aria-disabled", "true");
    bottom.append(el("span", "chip chip-closed", t("closed")));
    if (service.closedReason) bottom.append(el("span", "closed-reason", service.closedReason));
  }
  card.append(bottom);
  card.addEventListener("click", () => openConfirm(service));
  return card;
}

export function renderNotices() {
  const server = $("server-notice");
  server.hidden = state.serverOnline;
  server.textContent = t("serverDown");

  const printer = $("printer-notice");
  const status = state.kiosk.printer ? state.kiosk.printer.status : "unknown";
  const troubled = !["online", "unknown"].includes(status);
  printer.hidden = !troubled;
  printer.textContent = troubled ? t("printerWarn", { reason: state.kiosk.printer.message }) : "";

  $("green-notice").hidden = !state.green;
  document.body.classList.toggle("green-mode", !!state.green);
  renderPhones();
}

// The hall's complaint and supervision phones from its hall file; the national hotline until they are known.
function renderPhones() {
  const contacts = state.kiosk.contacts || {};
  const parts = [];
  if (contacts.complaintPhone) parts.push(t("complaintPhone", { phone: contacts.complaintPhone }));
  if (contacts.supervisionPhone) parts.push(t("supervisionPhone", { phone: contacts.supervisionPhone }));
  $("footer-phones").textContent = parts.length ? parts.join("　") : t("footerHotline");
}
