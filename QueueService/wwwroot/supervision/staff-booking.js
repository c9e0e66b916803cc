// The dashboard's 当面、电话预约 panel: the shared staff booking form, shown while a supervisor is logged in.
import { $ } from '/_content/Hall.Contracts/js/hall.js';
import { bookingForm } from '/staff/booking-form.js';
import { i18n } from './page.js';
import { call, currentSession, onSessionChange } from './session.js';

const form = bookingForm($('booking-panel'), (path, body) => call(path, { body }), i18n);

function show(session) {
  $('booking-panel').hidden = !session;
  if (session) form.load().catch(() => { /* no service takes appointments */ });
}

onSessionChange(show);
show(currentSession());
