// The windows panel: one card per window with its state, clerk and the ticket it is on (elapsed time ticking).
import { $, el } from '/_content/Hall.Contracts/js/hall.js';
import { duration, i18n, now, t } from './page.js';

const windows = new Map();

export function setWindows(list) {
  windows.clear();
  list.forEach(w => windows.set(w.number, w));
}

export function updateWindow(w) {
  windows.set(w.number, w);
  renderWindows();
}

export function renderWindows() {
  $('windows').replaceChildren(...[...windows.values()].sort((a, b) => a.number - b.number).map(w => {
    const card = el('div', `window ${w.state}`);
    card.dataset.window = w.number;
    const head = el('div', 'head');
    head.append(el('span', 'no', t('windowNo', w.number)), el('span', 'state', i18n.label('states', w.state)));
    card.append(head, el('div', 'name', w.name));
    const clerk = w.clerk ? `${w.clerk.name} · ${w.clerk.staffCode} · ${t('post', w.clerk.post)}` : t('nobody');
    card.append(el('div', 'clerk', w.state === 'paused' && w.pauseReason ? `${clerk} · ${w.pauseReason}` : clerk));
    if (w.currentTicket) {
      const ticket = el('div', 'ticket');
      const since = w.currentTicket.startedAt || w.currentTicket.calledAt;
      const elapsed = el('span', 'elapsed', duration(now() - Date.parse(since)));
      elapsed.dataset.since = since;
      ticket.append(el('span', 'num', w.currentTicket.number), elapsed);
      card.append(ticket);
      card.title = w.currentTicket.serviceName;
    }
    return card;
  }));
}
