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

# A few notices for the boards (公开屏), the first time only: notices live in the database, not in the hall file,
# and are added through the administration API like any administrator's.
admin=(-s -u "admin:hall-admin-2026" -H "Content-Type: application/json")
notices_url="http://127.0.0.1:$QUEUE_PORT/api/admin/notices"
if [ "$(curl "${admin[@]}" "$notices_url")" = "[]" ]; then
  in_a_month=$(date -u -d "+30 days" +%Y-%m-%dT%H:%M:%SZ)
  for notice in \
    '{"title":"延时服务","body":"每周三中午不休息，下午延时至18:30。企业开办、社保业务可提前预约。"}' \
    '{"title":"办事指南查询","body":"各事项的办事指南、申报材料和空白表格，可在自助取号机“办事指南”中查询，也可扫码在手机上查看。"}' \
    "{\"title\":\"“好差评”邀您评价\",\"body\":\"办事结束后请在窗口评价器上为我们的服务打分；对评价结果有异议可拨打投诉电话。\",\"to\":\"$in_a_month\"}"; do
    curl "${admin[@]}" -o /dev/null -X POST --data "$notice" "$notices_url"
  done
fi

# A morning's work the first time, so the dashboard's panels have something to show: visits finished with their
# outcomes and rated (one 差评 with its reasons opens a follow-up), a web complaint and one taken on the phone, a
# booking made at the counter, and window 5 paused for a site visit (现场勘察) waiting for the supervisor's approval.
# All through the same API the pages use.
seed_morning() {
  local url="http://127.0.0.1:$QUEUE_PORT" json=(-s -o /dev/null -H "Content-Type: application/json") token supervisor
  login() { curl -s -H "Content-Type: application/json" --data "{\"staffCode\":\"$2\",\"pin\":\"1234\"}" "$url/api/windows/$1/login" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'; }
  visit() {   # window, token, service, outcome body, rating body
    curl "${json[@]}" --data "{\"serviceId\":$3}" "$url/api/tickets"
    curl "${json[@]}" -X POST -H "Authorization: Bearer $2" "$url/api/windows/$1/call-next"
    curl "${json[@]}" -H "Authorization: Bearer $2" --data "$4" "$url/api/windows/$1/finish"
    curl "${json[@]}" --data "$5" "$url/api/windows/$1/rate"
  }
  token=$(login 1 1001)
  visit 1 "$token" 1 '{"outcome":"completed"}' '{"level":5,"reasons":["attitudeGood","efficient"]}'
  visit 1 "$token" 1 '{"outcome":"accepted"}' '{"level":4}'
  visit 1 "$token" 1 '{"outcome":"supplement","missingMaterials":["营业执照副本","法定代表人身份证复印件"]}' '{"level":2,"reasons":["notToldAtOnce"]}'
  visit 1 "$token" 2 '{"outcome":"consulted"}' '{"level":5}'
  curl "${json[@]}" -X POST -H "Authorization: Bearer $token" "$url/api/windows/1/logout"
  token=$(login 5 1005)
  curl "${json[@]}" -H "Authorization: Bearer $token" --data '{"reason":"现场勘察"}' "$url/api/windows/5/pause"
  curl "${json[@]}" --data '{"channel":"web","windowNumber":1,"content":"窗口要求补交材料，但之前没有一次性告知。","contactPhone":"13800138000"}' "$url/api/complaints"
  supervisor=$(curl -s -H "Content-Type: application/json" --data '{"staffCode":"9001","pin":"1234"}' "$url/api/supervision/login" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  curl "${json[@]}" -H "Authorization: Bearer $supervisor" --data '{"channel":"phone","content":"电话反映等候时间过长。","contactName":"王先生"}' "$url/api/complaints"
  local slot
  slot=$(curl -s "$url/api/appointments/slots?serviceId=1&date=$(date +%F)" | grep -o '"start":"[^"]*","end":"[^"]*","capacity":[0-9]*,"remaining":[1-9][0-9]*,"bookable":true' \
    | head -1 | sed -n 's/"start":"\([^"]*\)".*/\1/p')
  [ -n "$slot" ] && curl "${json[@]}" -H "Authorization: Bearer $supervisor" \
    --data "{\"serviceId\":1,\"slotStart\":\"$slot\",\"name\":\"赵女士\",\"phone\":\"13900139000\",\"channel\":\"counter\"}" "$url/api/appointments/for-citizen"
  return 0
}
if [ ! -e "$demo/data/.seeded" ]; then
  seed_morning || echo "The demo morning was not seeded." >&2
  touch "$demo/data/.seeded"
fi

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
  Web complaint form (网上投诉)     http://127.0.0.1:$QUEUE_PORT/m/complaint.html
  Published 好差评 results (公开)   http://127.0.0.1:$QUEUE_PORT/evaluation
  Waiting-area board (综合屏)     http://127.0.0.1:$BOARD_PORT/   (notices and staff on duty beside the calls)
  Clerk console (窗口)            http://127.0.0.1:$QUEUE_PORT/console   (clerk 1001, PIN 1234, window 1)
  Evaluator tablet (评价器)        http://127.0.0.1:$QUEUE_PORT/rate/1?key=rate-1.demo-rate-1-key
  Supervision (值班监控)           http://127.0.0.1:$QUEUE_PORT/supervision/   (supervisor 9001, PIN 1234; a 现场勘察 pause to
                                  approve, a 差评 to follow up, complaints, bookings for citizens, attendance)
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
