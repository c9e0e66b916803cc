// The waiting-area board. It talks only to its display computer (/hubs/board), which relays the hall server's
// messages with this board's filters applied and says whether the hall server is reachable.
import { $, connectHub, createI18n, el } from "/_content/Hall.Contracts/js/hall.js";
import texts from "./texts.js";
import { createPanel } from "./panel.js";

const i18n = createI18n(texts);   // the display computer's settings choose the language (view.language)
const { t } = i18n;
const panel = createPanel(i18n);
let view = null;
let lastCallKey = null;
let blinkTimer = null;
let offlineTimer = null;
let pageConnected = false;

function render(next) {
  const first = view === null;
  view = next;
  if (view.language !== i18n.lang) i18n.use(view.language);

  $("hall-name").textContent = i18n.pick(view.hallName, view.hallNameEn);
  $("hall-name-sub").textContent = i18n.lang === "en" ? "" : view.hallNameEn;
  $("latest-label").textContent = t("latest");
  $("recent-title").textContent = t("recent");
  $("windows-title").textContent = t("windows");
  $("queues-title").textContent = t("queues");

  renderLatest(first);
  renderRecent();
  panel.render(view);
  renderWindows();
  renderQueues();
  renderNotice();
  renderContacts();
  updateOffline();
}

function renderLatest(first) {
  const latest = view.recentCalls[0];
  const box = $("latest");
  if (!latest) {
    box.classList.add("empty");
    $("latest-number").textContent = "—";
    $("latest-arrow").textContent = "";
    $("latest-action").textContent = "";
    $("latest-window").textContent = t("none");
    $("latest-service").textContent = "";
    return;
  }
  box.classList.remove("empty");
  $("latest-number").textContent = latest.number;
  $("latest-arrow").textContent = t("to");
  $("latest-window").textContent = t("window", latest.windowNumber);
  $("latest-action").textContent = t("action");
  $("latest-service").textContent = latest.serviceName;

  const key = latest.ticketId + "@" + latest.calledAt;
  if (key !== lastCallKey) {
    lastCallKey = key;
    // On the first view only a fresh call blinks, not one from an hour ago.
    const age = (Date.now() - Date.parse(latest.calledAt)) / 1000;
    if (!first || age < view.blinkSeconds) blink(box);
  }
}

function blink(box) {
  clearTimeout(blinkTimer);
  box.classList.remove("blink");
  void box.offsetWidth; // restart the animation
  if (view.blinkSeconds <= 0) return;
  box.classList.add("blink");
  blinkTimer = setTimeout(() => box.classList.remove("blink"), view.blinkSeconds * 1000);
}

function renderRecent() {
  const list = $("recent-list");
  list.replaceChildren(...view.recentCalls.slice(1).map(call => {
    const item = el("li");
    item.append(el("span", "number", call.number), el("span", "to", t("window", call.windowNumber)));
    return item;
  }));
}

function renderWindows() {
  const grid = $("windows-grid");
  const count = view.windows.length;
  // With the 公开屏 panel beneath, the cards are lower: more columns and compact cards from fewer windows on.
  const panelShown = panel.hasSlides();
  const columns = panelShown
    ? (count <= 3 ? 1 : count <= 6 ? 2 : count <= 12 ? 3 : 4)
    : (count <= 4 ? 1 : count <= 10 ? 2 : count <= 18 ? 3 : 4);
  grid.style.setProperty("--columns", columns);
  grid.classList.toggle("compact", count > 10 || (panelShown && count > 3));
  grid.replaceChildren(...view.windows.map(w => {
    const card = el("div", "window " + w.state);
    card.dataset.window = w.number;
    const head = el("div", "head");
    head.append(el("span", "name", w.name), el("span", "state", i18n.label("states", w.state)));
    const busy = w.currentTicket && (w.state === "calling" || w.state === "serving");
    const ticket = el("div", "ticket", busy ? w.currentTicket.number : w.state === "paused" && w.pauseReason ? w.pauseReason : "—");
    ticket.classList.toggle("note", !busy && w.state === "paused" && !!w.pauseReason);
    // 工作牌 as the hall sets it: name and 职务, then staff number and unit (cut with an ellipsis where they do not fit).
    const clerk = el("div", "clerk");
    if (w.clerk) {
      const c = w.clerk;
      clerk.append(el("div", null, [c.name, c.title].filter(Boolean).join(" ")),
        el("div", null, [t("staffNo", c.staffCode), c.unit].filter(Boolean).join(" ")));
    }
    card.append(head, ticket, clerk);
    return card;
  }));
}

function renderQueues() {
  // Few services get tall chips; many get one-line chips in two rows.
  $("queues-list").classList.toggle("roomy", view.queues.length <= 6);
  $("queues-list").replaceChildren(...view.queues.map(q => {
    const chip = el("div", "queue");
    chip.append(el("span", "service", `${q.prefix} · ${q.serviceName}`));
    const count = el("span", "count", String(q.waiting));
    count.append(el("small", null, `${t("people")} ${q.waiting > 0 ? t("wait", q.estimatedWaitMinutes) : ""}`.trim()));
    chip.append(count);
    return chip;
  }));
}

function renderNotice() {
  const notice = $("notice-text");
  const value = view.notice || "";
  if (notice.textContent !== value) {
    notice.textContent = value;
    notice.style.setProperty("--scroll-seconds", Math.max(15, value.length * 0.4) + "s");
  }
}

// The hall's complaint and supervision phones, always in the footer.
function renderContacts() {
  const c = view.contacts || {};
  const parts = [];
  if (c.complaintPhone) parts.push(`${t("complaintPhone")} ${c.complaintPhone}`);
  if (c.supervisionPhone) parts.push(`${t("supervisionPhone")} ${c.supervisionPhone}`);
  $("contacts").textContent = parts.join("　");
}

// The "connection lost" sign appears only when the loss lasts: short blips stay quiet.
function updateOffline() {
  const connected = pageConnected && view !== null && view.connected;
  const box = $("offline");
  clearTimeout(offlineTimer);
  if (connected) {
    box.hidden = true;
    return;
  }
  const never = view === null || !view.loaded;
  $("offline-title").textContent = never ? t("connecting") : t("offline");
  $("offline-detail").textContent = never ? "" : t("offlineDetail");
  const delay = ((view && view.disconnectedNoticeSeconds) ?? 3) * 1000;
  offlineTimer = setTimeout(() => { box.hidden = false; }, never ? 0 : delay);
}

function tick() {
  const zone = (view && view.timeZone) || "Asia/Shanghai";
  const now = new Date();
  $("clock-time").textContent = now.toLocaleTimeString(i18n.locale, { timeZone: zone, hour12: false });
  $("clock-date").textContent = now.toLocaleDateString(i18n.locale, { timeZone: zone, year: "numeric", month: "long", day: "numeric", weekday: "long" });
}

const hub = connectHub("/hubs/board", {
  on: { BoardChanged: render },
  online: async invoke => {
    pageConnected = true;
    render(await invoke("GetBoard"));
  },
  offline: () => {
    pageConnected = false;
    updateOffline();
  },
});

tick();
setInterval(tick, 1000);
updateOffline();
hub.start();
