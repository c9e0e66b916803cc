// Taking a number (and reprinting one), and what the citizen sees after: the ticket the server confirmed, or a
// message with the server's own words. Only numbers the kiosk's API returned with 200 are ever shown.
import { $, ApiError, api, problemText } from '/_content/Hall.Contracts/js/hall.js';
import { fillMaterials, hide, hideAll, i18n, serviceName, show, state, t, touch } from './page.js';
import { loadKiosk, renderNotices } from './services.js';

// The kiosk's answer: { ok, payload } for an answer (2xx or a refusal), null when the kiosk's own service did not answer.
async function send(path, body) {
  try {
    return { ok: true, payload: await api(path, { method: "POST", body }) };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, payload: e.problem };
    return null;
  }
}

async function busyWhile(path, body) {
  if (state.taking) return undefined; // a double tap must never ask twice
  state.taking = true;
  hideAll();
  show("busy");
  try {
    return await send(path, body);
  } finally {
    state.taking = false;
    hide("busy");
  }
}

export async function take(body) {
  const answer = await busyWhile("/api/take", body);
  if (answer === undefined) return;
  if (answer && answer.ok && answer.payload && answer.payload.ticket) {
    showResult(answer.payload);
    setTimeout(loadKiosk, 1500);
    return;
  }
  if (!answer) {
    // The kiosk's own service did not answer: whether a number was issued is unknown, so no retry here.
    showMessage(t("unreachableTitle"), i18n.pick(
      "本机服务暂时无响应，未能确认取号结果。请到咨询导办台查询，请勿重复取号。",
      "This kiosk did not answer, so the result is unknown. Please ask at the guidance desk before trying again."));
    return;
  }
  showProblem(answer.payload || {}, body);
}

function showProblem(problem, body) {
  if (problem.code === "duplicateTicket" && problem.ticket) {
    const ticket = problem.ticket;
    showMessage(t("duplicateTitle"), t("duplicateDetail", { number: ticket.number, service: serviceName({ name: ticket.serviceName, nameEn: ticket.serviceNameEn }) }),
      { label: t("duplicateReprint"), run: () => reprint(ticket.id) }, "info");
    return;
  }
  const detail = i18n.of(problemText(problem)) || t("refusedTitle");
  if (problem.retryable) {
    showMessage(t("unreachableTitle"), detail, { label: t("retry"), run: () => take(body) });
    return;
  }
  showMessage(problem.title && problem.title !== (problem.detail || problem.title) ? problem.title : t("refusedTitle"), detail);
}

async function reprint(ticketId) {
  const answer = await busyWhile("/api/tickets/" + encodeURIComponent(ticketId) + "/reprint");
  if (answer === undefined) return;
  if (answer && answer.ok && answer.payload && answer.payload.ticket) {
    showResult(answer.payload);
    return;
  }
  showProblem((answer && answer.payload) || { detail: t("serverDown"), retryable: false });
}

function showResult(answer) {
  const ticket = answer.ticket;
  hideAll();
  state.green = null;
  renderNotices();
  $("result-number").textContent = ticket.number;
  $("result-service").textContent = serviceName({ name: ticket.serviceName, nameEn: ticket.serviceNameEn });
  const priority = t("priority_" + ticket.priority);
  $("result-priority").hidden = !priority;
  $("result-priority").textContent = priority;
  $("result-ahead").textContent = ticket.ahead;
  $("result-wait").textContent = ticket.estimatedWaitMinutes;
  $("result-windows").textContent = ticket.windowNumbers && ticket.windowNumbers.length
    ? t("windowsValue", { list: ticket.windowNumbers.join(i18n.lang === "zh" ? "、" : ", ") })
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
  if (ticket.smsPhone) meta.push(t("smsResult", { phone: ticket.smsPhone }));
  if (ticket.notice) meta.push(ticket.notice);
  $("result-meta").textContent = meta.join("  ·  ");

  state.resultShownAt = Date.now();
  touch();
  show("result");
  updateCountdown();
}

export function updateCountdown() {
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
