// The ID card reader (二代证阅读器) as the page sees it: the kiosk pushes every change (a card laid, taken away, the
// reader's state) as a server-sent event. Only the masked name and number ever reach the page.
const listeners = [];
let card = { present: false, reader: "none" };

function connect() {
  // EventSource reconnects by itself when the kiosk's service restarts.
  const events = new EventSource("/api/id-card/events");
  events.addEventListener("idCard", (event) => {
    card = JSON.parse(event.data);
    for (const listener of listeners) listener(card);
  });
}

export const idCard = {
  get card() { return card; },
  get readerWorks() { return card.reader === "online" || card.reader === "unknown"; },
  onChange(listener) { listeners.push(listener); },
  connect,
};
