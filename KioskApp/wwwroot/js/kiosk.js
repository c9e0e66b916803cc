// The kiosk's touch page. It shows only numbers the kiosk's own API returned with 200, i.e. numbers the hall
// server confirmed; every failure becomes a message with the server's own words.
(function () {
  "use strict";

  const TEXTS = window.KIOSK_TEXTS;
  const SERVICES_REFRESH_MS = 15000;
  const SERVICES_RETRY_MS = 4000;
  const KIOSK_REFRESH_MS = 30000;

  const state = {
    lang: "zh",
    large: false,
    kiosk: { hallName: "政务服务中心", idleSeconds: 45, timeZone: "Asia/Shanghai", printer: { status: "unknown", message: "" } },
    services: [],
    servicesLoaded: false,
    serverOnline: true,
    category: null,
    green: null, // { staffCode } while the green channel is open
    selected: null, // the service in the confirm sheet
    idNumber: null,
    taking: false,
    lastTouch: Date.now(),
    resultShownAt: 0,
  };

  const $ = (id) => document.getElementById(id);

  // ---------- texts ----------

  function t(key, values) {
    let text = (TEXTS[state.lang] && TEXTS[state.lang][key]) ?? TEXTS.zh[key] ?? key;
    if (values) {
      for (const [name, value] of Object.entries(values)) {
        text = text.replaceAll("{" + name + "}", String(value));
      }
    }
    return text;
  }

  function applyTexts() {
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
    for (const element of document.querySelectorAll("[data-i18n]")) {
      element.textContent = t(element.dataset.i18n);
    }
    $("lang-toggle").textContent = state.lang === "zh" ? "English" : "中文";
    $("large-toggle").querySelector("[data-i18n]").textContent = state.large ? t("standardMode") : t("largeMode");
    renderServices();
    renderNotices();
    tickClock();
  }

  function serviceName(service) {
    return state.lang === "en" && service.nameEn ? service.nameEn : service.name;
  }

  function categoryName(category) {
    return state.lang === "en" ? (TEXTS.categories[category] || category) : category;
  }

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = text;
    return element;
  }

  // ---------- clock ----------

  function tickClock() {
    const now = new Date();
    const zone = state.kiosk.timeZone || undefined;
    $("clock-time").textContent = new Intl.DateTimeFormat("zh-CN", { timeZone: zone, hour: "2-digit", minute: "2-digit", hour12: false }).format(now);
    $("clock-date").textContent = new Intl.DateTimeFormat(state.lang === "zh" ? "zh-CN" : "en-GB",
      { timeZone: zone, year: "numeric", month: "long", day: "numeric", weekday: "long" }).format(now);
  }

  // ---------- data ----------

  async function loadKiosk() {
    try {
      const response = await fetch("/api/kiosk", { cache: "no-store" });
      if (response.ok) {
        state.kiosk = await response.json();
        $("hall-name").textContent = state.kiosk.hallName;
        renderNotices();
      }
    } catch {
      // The kiosk's own server is local; the next refresh tries again.
    }
  }

  async function loadServices() {
    let next = SERVICES_REFRESH_MS;
    try {
      const response = await fetch("/api/services", { cache: "no-store" });
      if (!response.ok) throw new Error("status " + response.status);
      state.services = await response.json();
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

  // ---------- start screen ----------

  function categories() {
    const seen = [];
    for (const service of state.services) {
      if (!seen.includes(service.category)) seen.push(service.category);
    }
    return seen;
  }

  function renderServices() {
    const container = $("services");
    const tabs = $("category-tabs");
    if (!state.servicesLoaded) {
      return;
    }
    const groups = categories();
    if (state.category && !groups.includes(state.category)) state.category = null;

    tabs.replaceChildren();
    if (groups.length > 1) {
      const all = el("button", "tab" + (state.category === null ? " tab-active" : ""), t("allCategories"));
      all.type = "button";
      all.addEventListener("click", () => { state.category = null; renderServices(); });
      tabs.append(all);
      for (const group of groups) {
        const tab = el("button", "tab" + (state.category === group ? " tab-active" : ""), categoryName(group));
        tab.type = "button";
        tab.addEventListener("click", () => { state.category = group; renderServices(); });
        tabs.append(tab);
      }
    }

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
    if (state.lang === "zh" && service.nameEn && state.large === false) {
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

  function renderNotices() {
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
  }

  // ---------- overlays ----------

  function show(id) { $(id).hidden = false; }
  function hide(id) { $(id).hidden = true; }
  function hideAll() { for (const id of ["confirm", "keypad", "busy", "result", "message"]) hide(id); }

  function openConfirm(service) {
    if (!service.isOpen || state.taking) return;
    state.selected = service;
    state.idNumber = null;
    $("confirm-prefix").textContent = service.prefix;
    $("confirm-name").textContent = serviceName(service);
    $("confirm-queue").textContent = t("queueLine", { n: service.waiting, m: service.estimatedWaitMinutes });
    $("confirm-green").hidden = !state.green;
    fillMaterials($("confirm-materials"), service.materials);
    renderIdRow();
    show("confirm");
  }

  function renderIdRow() {
    const value = $("confirm-id-value");
    if (state.idNumber) {
      value.textContent = "**************" + state.idNumber.slice(-4);
      value.classList.add("id-filled");
    } else {
      value.textContent = t("idTap");
      value.classList.remove("id-filled");
    }
  }

  function fillMaterials(list, materials) {
    list.replaceChildren();
    if (!materials || materials.length === 0) {
      list.append(el("li", "materials-none", t("noMaterials")));
      return;
    }
    for (const item of materials) list.append(el("li", null, item));
  }

  // ---------- keypad ----------

  const KEYSETS = {
    id: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "X", "0", "⌫"],
    digits: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "⌫"],
    code: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0",
      "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "-", "⌫"],
  };

  let keypadRequest = null;

  function openKeypad(request) {
    keypadRequest = { ...request, value: "" };
    $("keypad-title").textContent = t(request.title);
    $("keypad-hint").textContent = t(request.hint);
    $("keypad-error").textContent = "";
    const keys = $("keypad-keys");
    keys.className = "keys keys-" + request.keys;
    keys.replaceChildren();
    for (const key of KEYSETS[request.keys]) {
      const button = el("button", "key" + (key === "⌫" ? " key-delete" : ""), key);
      button.type = "button";
      button.dataset.key = key;
      if (key === "⌫") button.setAttribute("aria-label", t("delete"));
      if (key === "C" && request.keys === "digits") {
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
    const request = keypadRequest;
    if (!request) return;
    if (key === "⌫") request.value = request.value.slice(0, -1);
    else if (key === "C" && request.keys === "digits") request.value = "";
    else if (request.value.length < request.maxLength) request.value += key;
    $("keypad-error").textContent = "";
    renderKeypad();
  }

  function renderKeypad() {
    const request = keypadRequest;
    const display = $("keypad-display");
    const shown = request.secret ? "•".repeat(request.value.length) : request.value;
    display.textContent = shown || "\u00a0";
    display.classList.toggle("keypad-empty", request.value.length === 0);
  }

  function keypadOk() {
    const request = keypadRequest;
    if (!request) return;
    const error = request.validate(request.value);
    if (error) {
      $("keypad-error").textContent = t(error);
      return;
    }
    hide("keypad");
    keypadRequest = null;
    request.done(request.value);
  }

  // GB 11643: 17 digits and a check character from the weighted sum.
  function validIdNumber(value) {
    if (!/^\d{17}[\dX]$/.test(value)) return false;
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += Number(value[i]) * weights[i];
    return "10X98765432"[sum % 11] === value[17];
  }

  // ---------- taking ----------

  async function take(body) {
    if (state.taking) return; // a double tap must never ask twice
    state.taking = true;
    hideAll();
    show("busy");
    let response;
    let payload = null;
    try {
      response = await fetch("/api/take", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      payload = await response.json().catch(() => null);
    } catch {
      response = null;
    } finally {
      state.taking = false;
      hide("busy");
    }

    if (response && response.ok && payload && payload.ticket) {
      showResult(payload);
      refreshSoon();
      return;
    }
    if (!response) {
      // The kiosk's own service did not answer: whether a number was issued is unknown, so no retry here.
      showMessage(t("unreachableTitle"), state.lang === "zh"
        ? "本机服务暂时无响应，未能确认取号结果。请到咨询导办台查询，请勿重复取号。"
        : "This kiosk did not answer, so the result is unknown. Please ask at the guidance desk before trying again.");
      return;
    }
    showProblem(payload || {}, body);
  }

  function showProblem(problem, body) {
    if (problem.code === "duplicateTicket" && problem.ticket) {
      const ticket = problem.ticket;
      showMessage(t("duplicateTitle"), t("duplicateDetail", { number: ticket.number, service: state.lang === "en" && ticket.serviceNameEn ? ticket.serviceNameEn : ticket.serviceName }),
        { label: t("duplicateReprint"), run: () => reprint(ticket.id) }, "info");
      return;
    }
    const detail = problem.detail || problem.title || t("refusedTitle");
    if (problem.retryable) {
      showMessage(t("unreachableTitle"), detail, { label: t("retry"), run: () => take(body) });
      return;
    }
    showMessage(problem.title && problem.title !== detail ? problem.title : t("refusedTitle"), detail);
  }

  async function reprint(ticketId) {
    if (state.taking) return;
    state.taking = true;
    hideAll();
    show("busy");
    let response = null;
    let payload = null;
    try {
      response = await fetch("/api/tickets/" + encodeURIComponent(ticketId) + "/reprint", { method: "POST" });
      payload = await response.json().catch(() => null);
    } catch {
      response = null;
    } finally {
      state.taking = false;
      hide("busy");
    }
    if (response && response.ok && payload && payload.ticket) {
      showResult(payload);
      return;
    }
    showProblem(payload || { detail: t("serverDown"), retryable: false });
  }

  // ---------- result ----------

  function showResult(answer) {
    const ticket = answer.ticket;
    hideAll();
    state.green = null;
    renderNotices();
    $("result-number").textContent = ticket.number;
    $("result-service").textContent = state.lang === "en" && ticket.serviceNameEn ? ticket.serviceNameEn : ticket.serviceName;
    const priority = t("priority_" + ticket.priority);
    $("result-priority").hidden = !priority;
    $("result-priority").textContent = priority;
    $("result-ahead").textContent = ticket.ahead;
    $("result-wait").textContent = ticket.estimatedWaitMinutes;
    $("result-windows").textContent = ticket.windowNumbers && ticket.windowNumbers.length
      ? t("windowsValue", { list: ticket.windowNumbers.join(state.lang === "zh" ? "、" : ", ") })
      : "—";
    fillMaterials($("result-materials"), ticket.materials);
    $("result-qr").src = "/api/qr.svg?text=" + encodeURIComponent(ticket.trackingUrl);
    $("result-qr").alt = ticket.trackingUrl;

    const print = $("result-print");
    print.className = "print-state " + (answer.printed ? "print-ok" : "print-failed");
    print.textContent = answer.printed ? t("printed") : t("printFailed", { reason: answer.printError || "" });
    $("result-reprint").hidden = answer.printed;
    $("result-reprint").onclick = () => reprint(ticket.id);

    const issued = new Intl.DateTimeFormat("zh-CN", { timeZone: state.kiosk.timeZone || undefined, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false })
      .format(new Date(ticket.issuedAt));
    const meta = [t("issuedAt", { time: issued })];
    if (ticket.maskedIdNumber) meta.push(ticket.maskedIdNumber);
    if (ticket.notice) meta.push(ticket.notice);
    $("result-meta").textContent = meta.join("  ·  ");

    state.resultShownAt = Date.now();
    touch();
    show("result");
    updateCountdown();
  }

  function updateCountdown() {
    const remaining = Math.max(0, Math.ceil(state.kiosk.idleSeconds - (Date.now() - state.lastTouch) / 1000));
    $("result-countdown").textContent = t("countdown", { n: remaining });
  }

  function showMessage(title, detail, action, kind) {
    hideAll();
    $("message-title").textContent = title;
    $("message-detail").textContent = detail;
    $("message-icon").textContent = kind === "info" ? "i" : "!";
    $("message-icon").className = "message-icon" + (kind === "info" ? " message-info" : "");
    const button = $("message-action");
    button.hidden = !action;
    if (action) {
      button.textContent = action.label;
      button.onclick = action.run;
    }
    show("message");
  }

  function refreshSoon() {
    setTimeout(loadKiosk, 1500);
  }

  // ---------- idle ----------

  function touch() { state.lastTouch = Date.now(); }

  function anythingOpen() {
    return state.green || ["confirm", "keypad", "result", "message"].some((id) => !$(id).hidden);
  }

  function resetToStart() {
    hideAll();
    state.green = null;
    state.selected = null;
    state.idNumber = null;
    keypadRequest = null;
    state.category = null;
    renderServices();
    renderNotices();
    const start = $("start");
    start.scrollTop = 0;
    $("services").scrollTop = 0;
  }

  function idleTick() {
    tickClock();
    if (!$("result").hidden) updateCountdown();
    if (state.taking) return;
    if (anythingOpen() && Date.now() - state.lastTouch > state.kiosk.idleSeconds * 1000) resetToStart();
  }

  // ---------- wiring ----------

  function wire() {
    for (const type of ["pointerdown", "keydown", "touchstart"]) {
      document.addEventListener(type, touch, { passive: true });
    }
    document.addEventListener("contextmenu", (event) => event.preventDefault());

    $("lang-toggle").addEventListener("click", () => {
      state.lang = state.lang === "zh" ? "en" : "zh";
      applyTexts();
    });
    $("large-toggle").addEventListener("click", () => {
      state.large = !state.large;
      document.body.classList.toggle("large", state.large);
      $("large-toggle").setAttribute("aria-pressed", String(state.large));
      applyTexts();
    });

    $("confirm-cancel").addEventListener("click", () => hide("confirm"));
    $("confirm-take").addEventListener("click", () => {
      const service = state.selected;
      if (!service) return;
      const body = { serviceId: service.id };
      if (state.idNumber) body.idNumber = state.idNumber;
      if (state.green) {
        body.priority = "green";
        body.staffCode = state.green.staffCode;
      }
      take(body);
    });
    $("confirm-id").addEventListener("click", () => {
      hide("confirm");
      openKeypad({
        title: "idTitle", hint: "idHint", keys: "id", maxLength: 18, secret: false,
        validate: (value) => (value === "" || validIdNumber(value) ? null : "idInvalid"),
        done: (value) => { state.idNumber = value || null; renderIdRow(); show("confirm"); },
        cancel: () => show("confirm"),
      });
    });

    $("appointment-button").addEventListener("click", () => openKeypad({
      title: "appointmentTitle", hint: "appointmentCodeHint", keys: "code", maxLength: 20, secret: false,
      validate: (value) => (value.length > 0 ? null : "appointmentInvalid"),
      done: (value) => take({ appointmentCode: value }),
      cancel: () => {},
    }));

    $("green-button").addEventListener("click", () => openKeypad({
      title: "staffTitle", hint: "staffHint", keys: "digits", maxLength: 12, secret: false,
      validate: (value) => (value.length > 0 ? null : "staffInvalid"),
      done: (value) => { state.green = { staffCode: value }; renderNotices(); },
      cancel: () => {},
    }));
    $("green-cancel").addEventListener("click", () => { state.green = null; renderNotices(); });

    $("keypad-ok").addEventListener("click", keypadOk);
    $("keypad-cancel").addEventListener("click", () => {
      const request = keypadRequest;
      keypadRequest = null;
      hide("keypad");
      if (request && request.cancel) request.cancel();
    });

    $("result-done").addEventListener("click", resetToStart);
    $("message-close").addEventListener("click", () => hide("message"));

    setInterval(idleTick, 1000);
    setInterval(loadKiosk, KIOSK_REFRESH_MS);
  }

  wire();
  applyTexts();
  loadKiosk();
  loadServices();
})();
