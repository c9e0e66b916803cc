// Hall supervision dashboard (大厅值班监控): live windows and queues from the hub, today's figures and charts, and for a
// logged-in supervisor the alerts, device states, follow-ups, complaints, the 好差评 upload, the month's ranking and
// the monthly report. Each panel is its own module; this one connects them: the hub, the language switch and the
// ticking clocks.
import { $, api, connectHub } from '/_content/Hall.Contracts/js/hall.js';
import { alertRaised, loadAlerts, removeAlert, renderAlerts } from './alerts.js';
import { renderAttendance } from './attendance.js';
import { loadComplaints, renderComplaints } from './complaints.js';
import { renderComplaintEntry } from './complaint-entry.js';
import { loadDevices, renderDevices } from './devices.js';
import { loadLimits, renderLimits } from './limits.js';
import { figuresSoon, loadFigures, renderFigures } from './figures.js';
import { loadFollowUps, renderFollowUps } from './follow-ups.js';
import { duration, hall, i18n, now, t } from './page.js';
import { renderQueues, setQueues } from './queues.js';
import { loadRanking, renderRanking } from './ranking.js';
import { renderReportMessage } from './reports.js';
import { checkExpiry, currentSession, onSessionChange, renderAuth } from './session.js';
import { loadUploads, renderUploads } from './uploads.js';
import { loadPauseApprovals, renderPauseApprovals } from './pause-approvals.js';
import './staff-booking.js';
import { loadPromisedCases, renderPromisedCases } from './promised-cases.js';
import { loadUplink, renderUplink } from './uplink.js';
import { renderWindows, setWindows, updateWindow } from './windows.js';

let connected = false;

function renderConnection() {
  const c = $('connection');
  c.textContent = connected ? t('online') : t('offline');
  c.className = 'connection ' + (connected ? 'online' : 'offline');
  c.dataset.state = connected ? 'online' : 'offline';
}

function renderAll() {
  if (hall.names.zh) $('hall-name').textContent = i18n.of(hall.names);
  renderWindows(); renderQueues(); renderFigures(); renderAlerts(); renderDevices(); renderLimits(); renderFollowUps(); renderAttendance();
  renderComplaints(); renderComplaintEntry(); renderUploads(); renderUplink(); renderRanking(); renderPauseApprovals(); renderPromisedCases();
  renderConnection(); renderAuth(); renderReportMessage();
}

function loadSupervision() {
  if (!currentSession()) return;
  loadAlerts(); loadDevices(); loadLimits(); loadFollowUps(); loadComplaints(); loadUploads(); loadUplink(); loadRanking(); loadPauseApprovals(); loadPromisedCases();
}

function applySnapshot(snapshot) {
  hall.skewMs = Date.parse(snapshot.at) - Date.now();
  hall.today = snapshot.at.slice(0, 10);
  hall.zone = snapshot.timeZone || hall.zone;
  hall.names = { zh: snapshot.hallName, en: snapshot.hallNameEn || snapshot.hallName };
  setWindows(snapshot.windows);
  setQueues(snapshot.queues);
  renderAll();
  loadFigures();
  loadSupervision();
}

// Alerts go only to hub connections made with a supervisor's token, so the page connects again when it logs in or out.
const hub = connectHub('/hubs/hall', {
  accessToken: () => (currentSession() && currentSession().token) || '',
  on: {
    WindowChanged: m => { updateWindow(m.window); figuresSoon(); if (currentSession()) loadPauseApprovals(); },
    QueueCountsChanged: m => { setQueues(m.services); renderQueues(); figuresSoon(); },
    TicketCalled: () => figuresSoon(),
    TicketChanged: m => { if (m.kind === 'rated') loadFollowUps(); },   // a bad rating opens a follow-up
    AlertRaised: alertRaised,
    AlertAcknowledged: a => removeAlert(a.id),
    HallChanged: () => hub.invoke('GetSnapshot').then(applySnapshot).catch(() => { /* the next reconnect catches up */ }),
  },
  online: async invoke => {
    connected = true;
    applySnapshot(await invoke('GetSnapshot'));
  },
  offline: () => { connected = false; renderConnection(); },
});

onSessionChange(() => {
  hub.restart();
  loadFigures();   // statistics kept for staff come with the login and go with it
});

i18n.onChange(renderAll);
$('lang').addEventListener('click', i18n.toggle);

// Ticking clocks: elapsed times and longest waits move every second without re-rendering.
setInterval(() => {
  $('clock').textContent = new Date(now()).toLocaleTimeString('zh-CN', { hour12: false, timeZone: hall.zone });
  document.querySelectorAll('[data-since]').forEach(e => { e.textContent = duration(now() - Date.parse(e.dataset.since)); });
  checkExpiry();
}, 1000);
setInterval(() => { loadFigures(); loadSupervision(); }, 30000);

api('/api/services').then(list => {
  list.forEach(s => hall.serviceNamesEn.set(s.id, s.nameEn));
  renderQueues();
}).catch(() => { /* Chinese names stay */ });
i18n.apply();
renderAll();
hub.start();
