#!/usr/bin/env bash
# A complete demo hall on this machine: the hall server (embedded SQLite, demo hall), one kiosk with a virtual
# printer, one display board, and simulated callers, evaluators and LED strips on pseudo-terminal serial buses.
# Ctrl-C stops everything. Ports: QUEUE_PORT (5000), KIOSK_PORT (5100), BOARD_PORT (5200).
# Voice: written as WAV files under .demo/voice; set DEMO_VOICE=play to hear it on the default audio device.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash deploy/install-prerequisites.sh
echo "Building (Release)…"
dotnet build Kiosk.sln -c Release -nologo -v quiet

QUEUE_PORT=${QUEUE_PORT:-5000}
KIOSK_PORT=${KIOSK_PORT:-5100}
BOARD_PORT=${BOARD_PORT:-5200}
demo="$root/.demo"
mkdir -p "$demo"/{data,printed,voice,logs}
pids=()
cleanup() {
  echo; echo "Stopping the demo hall…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

bin() { echo "$root/$1/bin/Release/net10.0/$2.dll"; }

# Two serial buses as linked pseudo-terminal pairs: callers and evaluators on the server's bus,
# LED strips on the display computer's bus.
socat pty,raw,echo=0,link="$demo/bus-server" pty,raw,echo=0,link="$demo/bus-devices" 2>"$demo/logs/socat-bus.log" & pids+=($!)
socat pty,raw,echo=0,link="$demo/led-board" pty,raw,echo=0,link="$demo/led-devices" 2>"$demo/logs/socat-led.log" & pids+=($!)
# The kiosk's ID card reader on its own line.
socat pty,raw,echo=0,link="$demo/id-card-kiosk" pty,raw,echo=0,link="$demo/id-card-reader" 2>"$demo/logs/socat-id-card.log" & pids+=($!)
for _ in $(seq 50); do [ -e "$demo/bus-devices" ] && [ -e "$demo/led-devices" ] && [ -e "$demo/id-card-reader" ] && break; sleep 0.1; done
# Commands for the simulated reader ("card lay 1", "card take") are written to this pipe; holding it open here
# read-write keeps the simulator from seeing the end of its input when one writer is done.
rm -f "$demo/id-card"; mkfifo "$demo/id-card"; exec 3<>"$demo/id-card"

wait_healthy() {
  for _ in $(seq 150); do curl -sf "$1/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "$1 did not start; see $demo/logs/" >&2; exit 1
}

dotnet "$(bin QueueService QueueService)" --urls "http://127.0.0.1:$QUEUE_PORT" --Queue:DataDirectory="$demo/data" \
  --Bus:PortName="$demo/bus-server" >"$demo/logs/queue-service.log" 2>&1 & pids+=($!)
wait_healthy "http://127.0.0.1:$QUEUE_PORT"

# The hall calendar: the shipped years, imported as an administrator would from the State Council's notice.
for file in "$root"/deploy/calendar/*.txt; do
  year=$(basename "$file" .txt)
  body=$(awk 'BEGIN { ORS = "\\n" } { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); print }' "$file")
  curl -sf -u admin:hall-admin-2026 -H 'Content-Type: application/json' --data-binary "{\"text\": \"$body\"}" \
    "http://127.0.0.1:$QUEUE_PORT/api/admin/calendar/$year/import" >/dev/null || echo "The $year calendar was not imported." >&2
done

dotnet "$(bin Hardware/DeviceSimulator DeviceSimulator)" --port "$demo/bus-devices" --callers 1-8 --evaluators 101-108 \
  </dev/null >"$demo/logs/callers-evaluators.log" 2>&1 & pids+=($!)
dotnet "$(bin Hardware/DeviceSimulator DeviceSimulator)" --port "$demo/led-devices" --leds 201-208 \
  </dev/null >"$demo/logs/led-strips.log" 2>&1 & pids+=($!)
dotnet "$(bin Hardware/DeviceSimulator DeviceSimulator)" --id-card-reader "$demo/id-card-reader" \
  <&3 >"$demo/logs/id-card-reader.log" 2>&1 & pids+=($!)

dotnet "$(bin KioskApp KioskApp)" --urls "http://127.0.0.1:$KIOSK_PORT" --Kiosk:ServerUrl="http://127.0.0.1:$QUEUE_PORT" \
  --Kiosk:DeviceId=kiosk-1 --Kiosk:DeviceKey=kiosk-1.demo-kiosk-1-key \
  --Printer:Transport=file --Printer:Target="$demo/printed" --IdCard:PortName="$demo/id-card-kiosk" >"$demo/logs/kiosk.log" 2>&1 & pids+=($!)

voice=(--Voice:OutputDirectory="$demo/voice")
[ "${DEMO_VOICE:-}" = "play" ] && voice=()
dotnet "$(bin DisplayBoard DisplayBoard)" --urls "http://127.0.0.1:$BOARD_PORT" --Board:ServerUrl="http://127.0.0.1:$QUEUE_PORT" \
  --Board:DeviceKey=board-1.demo-board-1-key --Led:PortName="$demo/led-board" "${voice[@]}" >"$demo/logs/display-board.log" 2>&1 & pids+=($!)

wait_healthy "http://127.0.0.1:$KIOSK_PORT"
wait_healthy "http://127.0.0.1:$BOARD_PORT"

cat <<MSG

The demo hall 示范县政务服务中心 is running. Open:
  Kiosk touch page (取号)        http://127.0.0.1:$KIOSK_PORT/   (办事指南 button: the service guides, printable)
  Phone pages (预约、办事指南)      http://127.0.0.1:$QUEUE_PORT/m/   http://127.0.0.1:$QUEUE_PORT/m/guides.html
  Waiting-area board (综合屏)     http://127.0.0.1:$BOARD_PORT/
  Clerk console (窗口)            http://127.0.0.1:$QUEUE_PORT/console   (clerk 1001, PIN 1234, window 1)
  Evaluator tablet (评价器)        http://127.0.0.1:$QUEUE_PORT/rate/1?key=rate-1.demo-rate-1-key
  Supervision (值班监控)           http://127.0.0.1:$QUEUE_PORT/supervision/   (supervisor 9001, PIN 1234)
  Administration (管理)           http://127.0.0.1:$QUEUE_PORT/admin/   (admin / hall-admin-2026; 节假日: the 2026 and 2027 calendars)
  API description                 http://127.0.0.1:$QUEUE_PORT/openapi/v1.json
Printed tickets and guides:       $demo/printed/   (ESC/POS bytes; guide-<prefix>.bin for a printed guide)
Voice announcements (WAV):        $demo/voice/
LED strips as simulated:          tail -f $demo/logs/led-strips.log
Callers and evaluators:           tail -f $demo/logs/callers-evaluators.log
Lay an ID card on the reader:     echo "card lay 1" > $demo/id-card   (2, 3: other test cards; "card take" takes it away)
Logs:                             $demo/logs/
Press Ctrl-C to stop.
MSG
wait
