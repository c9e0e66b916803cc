// "Your turn is near" in the browser (到号提醒): a banner, a beep (WebAudio, no sound file) and a vibration, once when
// the people ahead fall to the hall's threshold (the ticket's nearAhead) and once when the ticket is called. What was
// already announced is remembered per ticket for the tab, so a reload or a resync after sleep does not ring again.

const RANK = { '': 0, near: 1, called: 2 };
let audio = null;

/** The moment a ticket is at: 'called' (called or being served), 'near', or ''. */
export function stageOf(ticket) {
  if (!ticket) return '';
  if (ticket.status === 'called' || ticket.status === 'serving') return 'called';
  if (ticket.status === 'waiting' && ticket.nearAhead != null && ticket.ahead <= ticket.nearAhead) return 'near';
  return '';
}

/** Browsers play sound only after a touch: the page calls this from its "sound on" button. */
export function enableSound() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return false;
  audio = audio || new Context();
  if (audio.state === 'suspended') audio.resume();
  return true;
}

export const soundEnabled = () => audio !== null;

function beep(times) {
  if (!audio) return;
  const start = audio.currentTime + 0.05;
  for (let i = 0; i < times; i++) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start + i * 0.4);
    gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.4 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.4 + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + i * 0.4);
    tone.stop(start + i * 0.4 + 0.32);
  }
}

/**
 * Follows one ticket: <c>update(ticket)</c> after every read answers the stage now and whether it is newly reached
 * (then it has rung and vibrated).
 */
export function turnAlert(ticketId) {
  const key = 'hall.turnAlert.' + ticketId;
  let announced = sessionStorage.getItem(key) || '';
  return {
    update(ticket) {
      const stage = stageOf(ticket);
      const fresh = RANK[stage] > RANK[announced];
      if (fresh) {
        announced = stage;
        sessionStorage.setItem(key, stage);
        beep(stage === 'called' ? 3 : 2);
        if (navigator.vibrate) navigator.vibrate(stage === 'called' ? [400, 200, 400, 200, 400] : [300, 150, 300]);
      }
      return { stage, fresh };
    },
  };
}
