// The waiting-area board. It talks only to its display computer (/hubs/board), which relays the hall server's
// messages with this board's filters applied and says whether the hall server is reachable.
"use strict";

const TEXT = {
  zh: {
    latest: "正在呼叫", recent: "最近呼叫", windows: "窗口状态", queues: "等候人数",
    please: "请", to: "请到", action: "办理", window: n => `${n}号窗口`, people: "人", wait: m => `约${m}分钟`,
    none: "暂无呼叫", offline: "连接中断", offlineDetail: "正在重新连接大厅服务器，请稍候…",
    connecting: "正在连接大厅服务器…",
    states: { closed: "未开放", idle: "空闲", calling: "呼叫中", serving: "办理中", paused: "暂停服务" },
    locale: "zh-CN",
  },
  en: {
    latest: "Now calling", recent: "Recent calls", windows: "Windows", queues: "Waiting",
    please: "", to: "please go to", action: "", window: n => `Window ${n}`, people: "", wait: m => `~${m} min`,
    none: "No calls yet", offline: "Connection lost", offlineDetail: "Reconnecting to the hall server…",
    connecting: "Connecting to the hall server…",
    states: { closed: "Closed", idle: "Available", calling: "Calling", serving: "Serving", paused: "Paused" },
    locale: "en-GB",
  },
};

const $ = id => document.getElementById(id);
let view = null;
let text = TEXT.zh;
let lastCallKey = null;
let blinkTimer = null;
let offlineTimer = null;
let pageConnected = false;

function el(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

function render(next) {
  const first = view === null;
  view = next;
  text = TEXT[view.language] || TEXT.zh;
  document.documentElement.lang = view.language === "en" ? "en" : "zh-CN";

  $("hall-name").textContent = view.language === "en" ? (view.hallNameEn || view.hallName) : view.hallName;
  $("hall-name-sub").textContent = view.language === "en" ? "" : view.hallNameEn;
  $("latest-label").textContent = text.latest;
  $("recent-title").textContent = text.recent;
  $("windows-title").textContent = text.windows;
  $("queues-title").textContent = text.queues;

  renderLatest(first);
  renderRecent();
  renderWindows();
  renderQueues();
  renderNotice();
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
    $("latest-window").textContent = text.none;
    $("latest-service").textContent = "";
    return;
  }
  box.classList.remove("empty");
  $("latest-number").textContent = latest.number;
  $("latest-arrow").textContent = text.to;
  $("latest-window").textContent = text.window(latest.windowNumber);
  $("latest-action").textContent = text.action;
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
    item.append(el("span", "number", call.number), el("span", "to", text.window(call.windowNumber)));
    return item;
  }));
}

function renderWindows() {
  const grid = $("windows-grid");
  const count = view.windows.length;
  const columns = count <= 4 ? 1 : count <= 10 ? 2 : count <= 18 ? 3 : 4;
  grid.style.setProperty("--columns", columns);
  grid.classList.toggle("compact", count > 10);
  grid.replaceChildren(...view.windows.map(w => {
    const card = el("div", "window " + w.state);
    card.dataset.window = w.number;
    const head = el("div", "head");
    head.append(el("span", "name", w.name), el("span", "state", text.states[w.state] || w.state));
    const busy = w.currentTicket && (w.state === "calling" || w.state === "serving");
    const ticket = el("div", "ticket", busy ? w.currentTicket.number : w.state === "paused" && w.pauseReason ? w.pauseReason : "—");
    ticket.classList.toggle("note", !busy && w.state === "paused" && !!w.pauseReason);
    // 工作牌: name and staff number, then the unit.
    const clerk = el("div", "clerk");
    if (w.clerk) {
      clerk.append(el("div", null, `${w.clerk.name} ${w.clerk.staffCode}`), el("div", null, w.clerk.unit || ""));
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
    count.append(el("small", null, `${text.people} ${q.waiting > 0 ? text.wait(q.estimatedWaitMinutes) : ""}`.trim()));
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
  $("offline-title").textContent = never ? text.connecting : text.offline;
  $("offline-detail").textContent = never ? "" : text.offlineDetail;
  const delay = ((view && view.disconnectedNoticeSeconds) ?? 3) * 1000;
  offlineTimer = setTimeout(() => { box.hidden = false; }, never ? 0 : delay);
}

function tick() {
  const zone = (view && view.timeZone) || "Asia/Shanghai";
  const now = new Date();
  $("clock-time").textContent = now.toLocaleTimeString(text.locale, { timeZone: zone, hour12: false });
  $("clock-date").textContent = now.toLocaleDateString(text.locale, { timeZone: zone, year: "numeric", month: "long", day: "numeric", weekday: "long" });
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/board")
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * 2 ** ctx.previousRetryCount, 10000) })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

connection.on("BoardChanged", render);
connection.onreconnecting(() => { pageConnected = false; updateOffline(); });
connection.onreconnected(async () => { pageConnected = true; render(await connection.invoke("GetBoard")); });
connection.onclose(() => { pageConnected = false; updateOffline(); setTimeout(start, 2000); });

async function start() {
  try {
    await connection.start();
    pageConnected = true;
    render(await connection.invoke("GetBoard"));
  } catch {
    pageConnected = false;
    updateOffline();
    setTimeout(start, 2000);
  }
}

tick();
setInterval(tick, 1000);
updateOffline();
start();
