// Mobile booking page (预约): choose service, day and slot, give name and phone, get a code and its QR code; cancel by code.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const state = { lang: localStorage.getItem("hall.lang") === "en" ? "en" : "zh", services: [], slot: null, booked: null };
  const t = (zh, en) => (state.lang === "en" ? en : zh);
  const weekdays = { zh: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"], en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] };
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // Times come with the hall's offset; showing their own wall-clock digits keeps the hall's time whatever the phone's zone.
  const hhmm = (iso) => iso.substring(11, 16);
  const dayLabel = (ymd) => {
    const [y, m, d] = ymd.split("-").map(Number);
    const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    return state.lang === "en" ? `${weekdays.en[wd]} ${d} ${months[m - 1]}` : `${m}月${d}日 ${weekdays.zh[wd]}`;
  };
  const serviceName = (s) => (state.lang === "en" && s.nameEn ? s.nameEn : s.name);

  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: body ? { "Content-Type": "application/json", "X-Device-Id": "mobile" } : { "X-Device-Id": "mobile" },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
    if (!response.ok) {
      throw new Error(data?.detail || data?.title || `${response.status}`);
    }
    return data;
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang === "en" ? "en" : "zh-CN";
    $("lang").textContent = state.lang === "en" ? "中文" : "EN";
    document.querySelectorAll("[data-zh]").forEach((el) => { el.textContent = el.dataset[state.lang]; });
    if (state.hall) $("hall-name").textContent = state.lang === "en" && state.hall.nameEn ? state.hall.nameEn : state.hall.name;
    renderServices();
    renderDates();
    if (state.slots) renderSlots(state.slots);
    if (state.booked) renderBooked(state.booked);
  }

  function renderRemoteServices() {
    const select = $("remote-service");
    const chosen = select.value;
    select.replaceChildren(...state.remoteServices.map((s) => new Option(`${s.prefix} · ${serviceName(s)}`, s.id)));
    if (chosen) select.value = chosen;
    $("remote").hidden = state.remoteServices.length === 0;
  }

  async function takeRemote() {
    const result = $("remote-result");
    result.hidden = false;
    result.className = "result";
    $("remote-track").hidden = true;
    try {
      const ticket = await api("POST", "/api/remote-tickets", { serviceId: Number($("remote-service").value), idNumber: $("remote-id").value });
      result.textContent = t(`您的号码 ${ticket.number}，前面还有 ${ticket.ahead} 人`, `Your number is ${ticket.number}, ${ticket.ahead} ahead of you`);
      $("remote-track").href = ticket.trackingUrl;
      $("remote-track").hidden = false;
    } catch (e) {
      result.className = "result error";
      result.textContent = e.message;
    }
  }

  function renderServices() {
    if (state.remoteServices) renderRemoteServices();
    const select = $("service");
    const chosen = select.value;
    select.replaceChildren(...state.services.map((s) => new Option(`${s.prefix} · ${serviceName(s)}`, s.id)));
    if (chosen) select.value = chosen;
  }

  function currentService() {
    return state.services.find((s) => String(s.id) === $("service").value);
  }

  function renderDates() {
    const service = currentService();
    const select = $("date");
    const chosen = select.value;
    select.replaceChildren(...(service?.dates ?? []).map((d) => new Option(dayLabel(d), d)));
    if (chosen && service?.dates.includes(chosen)) select.value = chosen;
    if (service) {
      $("hint").textContent = t(
        `请在预约时段开始前 ${service.checkInBeforeMinutes} 分钟至开始后 ${service.checkInAfterMinutes} 分钟内，凭预约码在大厅取号机签到取号。`,
        `Check in at a kiosk in the hall with your code, from ${service.checkInBeforeMinutes} minutes before to ${service.checkInAfterMinutes} minutes after your slot starts.`);
    }
  }

  async function loadSlots() {
    state.slot = null;
    updateSubmit();
    const service = currentService();
    const date = $("date").value;
    if (!service || !date) return;
    state.slots = await api("GET", `/api/appointments/slots?serviceId=${service.id}&date=${date}`);
    renderSlots(state.slots);
  }

  function renderSlots(slots) {
    // Slots whose booking has closed are left out; full ones stay visible but cannot be chosen.
    const open = slots.filter((s) => s.bookable || s.remaining === 0);
    const buttons = open.map((s) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "slot-button";
      button.setAttribute("role", "radio");
      button.dataset.start = s.start;
      button.setAttribute("aria-checked", String(state.slot === s.start));
      button.disabled = !s.bookable;
      button.append(`${hhmm(s.start)}–${hhmm(s.end)}`);
      const small = document.createElement("small");
      small.textContent = s.remaining > 0 ? t(`余 ${s.remaining}`, `${s.remaining} left`) : t("已约满", "Full");
      button.append(small);
      button.addEventListener("click", () => {
        state.slot = s.start;
        document.querySelectorAll(".slot-button").forEach((b) => b.setAttribute("aria-checked", String(b === button)));
        updateSubmit();
      });
      return button;
    });
    $("slots").replaceChildren(...buttons);
    $("no-slots").hidden = open.some((s) => s.bookable);
  }

  function updateSubmit() {
    $("submit").disabled = !state.slot;
  }

  function showError(message) {
    $("error").textContent = message;
    $("error").hidden = !message;
  }

  function renderBooked(a) {
    $("code").textContent = a.code;
    $("qr").src = `/api/appointments/${encodeURIComponent(a.code)}/qr.svg`;
    $("done-service").textContent = state.lang === "en" && a.serviceNameEn ? a.serviceNameEn : a.serviceName;
    $("done-slot").textContent = `${dayLabel(a.slotStart.substring(0, 10))} ${hhmm(a.slotStart)}–${hhmm(a.slotEnd)}`;
    $("done-checkin").textContent = t(
      `请于 ${hhmm(a.checkInFrom)}–${hhmm(a.checkInUntil)} 凭预约码到取号机签到`,
      `Check in at a kiosk with this code between ${hhmm(a.checkInFrom)} and ${hhmm(a.checkInUntil)}`);
  }

  async function book(event) {
    event.preventDefault();
    showError("");
    const service = currentService();
    $("submit").disabled = true;
    try {
      const booked = await api("POST", "/api/appointments", {
        serviceId: service.id,
        slotStart: state.slot,
        name: $("name").value,
        phone: $("phone").value,
        idNumber: $("idNumber").value || null,
      });
      state.booked = booked;
      renderBooked(booked);
      $("book").hidden = true;
      $("done").hidden = false;
      $("cancel-code").value = booked.code;
      window.scrollTo(0, 0);
    } catch (e) {
      showError(e.message);
      await loadSlots().catch(() => {});
    } finally {
      updateSubmit();
    }
  }

  async function cancel() {
    const result = $("cancel-result");
    result.hidden = false;
    result.className = "result";
    try {
      const code = $("cancel-code").value.trim();
      if (!code) throw new Error(t("请输入预约码。", "Please enter the code."));
      const a = await api("DELETE", `/api/appointments/${encodeURIComponent(code)}`);
      result.textContent = t(`预约 ${a.code} 已取消`, `Booking ${a.code} is cancelled`);
      if (state.booked?.code === a.code) {
        state.booked = null;
        $("done").hidden = true;
        $("book").hidden = false;
      }
      await loadSlots();
    } catch (e) {
      result.className = "result error";
      result.textContent = e.message;
    }
  }

  async function start() {
    $("lang").addEventListener("click", () => {
      state.lang = state.lang === "en" ? "zh" : "en";
      localStorage.setItem("hall.lang", state.lang);
      applyLanguage();
    });
    $("service").addEventListener("change", () => { renderDates(); loadSlots(); });
    $("date").addEventListener("change", loadSlots);
    $("form").addEventListener("submit", book);
    $("cancel").addEventListener("click", cancel);
    $("remote-take").addEventListener("click", takeRemote);
    $("again").addEventListener("click", () => {
      state.booked = null;
      $("done").hidden = true;
      $("book").hidden = false;
      loadSlots();
    });
    try {
      state.hall = await api("GET", "/api/hall");
      state.services = await api("GET", "/api/appointments/services");
      state.remoteServices = await api("GET", "/api/remote-tickets/services");
      applyLanguage();
      await loadSlots();
      document.body.dataset.ready = "true";
    } catch (e) {
      showError(e.message);
    }
  }

  start();
})();
