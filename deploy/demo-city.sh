#!/usr/bin/env bash
# A demo city (三级政务服务网络) on this machine: a city server on its own PostgreSQL (a private cluster under /tmp)
# and two district halls on embedded SQLite, each uplinking its event record to the city with the key the city's
# administrator issued. A little simulated traffic keeps the halls busy so the city's page has something to show.
# Ctrl-C stops everything (the city's database stays for the next run). Ports: CITY_PORT (5300), halls 5301 and 5302,
# the city's PostgreSQL CITY_PG_PORT (5433).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash deploy/install-prerequisites.sh
echo "Building (Release)…"
dotnet build Kiosk.sln -c Release -nologo -v quiet

CITY_PORT=${CITY_PORT:-5300}
CITY_PG_PORT=${CITY_PG_PORT:-5433}
demo="$root/.demo-city"
pgdata=/tmp/hall-demo-city-pg   # PostgreSQL runs as its own user, who may not reach a folder under a home
mkdir -p "$demo"/{logs,keys}
pids=()
as_postgres=()
[ "$(id -u)" = 0 ] && as_postgres=(runuser -u postgres --)
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
pguser=$([ "$(id -u)" = 0 ] && echo postgres || id -un)

cleanup() {
  echo; echo "Stopping the demo city…"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

# The city's PostgreSQL: a private cluster, trust on loopback only, made once.
if [ ! -f "$pgdata/PG_VERSION" ]; then
  mkdir -p "$pgdata"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdata"
  "${as_postgres[@]}" "$pgbin/initdb" -D "$pgdata" -U "$pguser" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$demo/logs/initdb.log"
fi
"${as_postgres[@]}" "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" \
  -o "-p $CITY_PG_PORT -k $pgdata -c listen_addresses=127.0.0.1" -w start >/dev/null
"${as_postgres[@]}" "$pgbin/psql" -h 127.0.0.1 -p "$CITY_PG_PORT" -U "$pguser" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'city'" | grep -q 1 \
  || "${as_postgres[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$CITY_PG_PORT" -U "$pguser" city

wait_healthy() {
  for _ in $(seq 150); do curl -sf "$1/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "$1 did not start; see $demo/logs/" >&2; exit 1
}
bin="$root/QueueService/bin/Release/net10.0/QueueService.dll"
# A hall file from the demo hall with another id and name.
hall_file() {
  sed -e "0,/\"id\": \"demo\"/s//\"id\": \"$1\"/" -e "0,/\"name\": \"示范县政务服务中心\"/s//\"name\": \"$2\"/" \
    "$root/QueueService/HallSetup/DemoHall.json" >"$demo/$1.json"
  echo "$demo/$1.json"
}

city="http://127.0.0.1:$CITY_PORT"
dotnet "$bin" --urls "$city" --Queue:Role=city --Queue:Database=postgres \
  --ConnectionStrings:Queue="Host=127.0.0.1;Port=$CITY_PG_PORT;Database=city;Username=$pguser" \
  --Queue:HallFile="$(hall_file city-centre 示范市政务服务中心)" >"$demo/logs/city.log" 2>&1 & pids+=($!)
wait_healthy "$city"

admin=(-s -u "admin:hall-admin-2026" -H "Content-Type: application/json")
port=5301
for hall in "east:东城区政务服务中心" "west:西城区政务服务中心"; do
  id=${hall%%:*}; name=${hall#*:}
  # The key is shown once when the city's administrator issues it; the demo keeps it for the next run.
  if [ ! -s "$demo/keys/$id" ]; then
    curl "${admin[@]}" -X POST --data "{\"hallId\":\"$id\",\"name\":\"$name\"}" "$city/api/admin/uplink-halls" \
      | sed -n 's/.*"key":"\([^"]*\)".*/\1/p' >"$demo/keys/$id"
  fi
  mkdir -p "$demo/$id-data"
  dotnet "$bin" --urls "http://127.0.0.1:$port" --Queue:DataDirectory="$demo/$id-data" --Queue:HallFile="$(hall_file "$id" "$name")" \
    --Uplink:Url="$city" --Uplink:HallKey="$(cat "$demo/keys/$id")" >"$demo/logs/$id.log" 2>&1 & pids+=($!)
  wait_healthy "http://127.0.0.1:$port"
  port=$((port + 1))
done

# Simulated citizens and a clerk at window 1 of each hall: a number now and then, called, finished and rated.
traffic() {
  local url=$1 token=""
  while true; do
    curl -s -o /dev/null -H "Content-Type: application/json" --data '{"serviceId":1}' "$url/api/tickets" || true
    [ -z "$token" ] && token=$(curl -s -H "Content-Type: application/json" --data '{"staffCode":"1001","pin":"1234"}' \
      "$url/api/windows/1/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
    if [ $((RANDOM % 3)) -ne 0 ] && [ -n "$token" ]; then
      curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" "$url/api/windows/1/call-next" || true
      sleep 2
      curl -s -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
        --data "{\"outcome\":\"$([ $((RANDOM % 2)) -eq 0 ] && echo completed || echo accepted)\"}" "$url/api/windows/1/finish" || true
      curl -s -o /dev/null -H "Content-Type: application/json" --data "{\"level\":$((RANDOM % 5 + 1))}" "$url/api/windows/1/rate" || true
    fi
    sleep $((RANDOM % 5 + 3))
  done
}
traffic "http://127.0.0.1:5301" >/dev/null 2>&1 & pids+=($!)
traffic "http://127.0.0.1:5302" >/dev/null 2>&1 & pids+=($!)

cat <<MSG

The demo city 示范市政务服务中心 is running, with two district halls uplinking to it. Open:
  City overview (各大厅运行监管)   $city/city/   (supervisor 9001, PIN 1234; the month across halls as CSV or Excel)
  City API                        $city/api/city/halls   $city/api/city/stats?from=$(date +%Y-%m-01)&to=$(date +%Y-%m-%d)
  东城区 hall (SQLite)             http://127.0.0.1:5301/supervision/   (its uplink: /api/supervision/uplink)
  西城区 hall (SQLite)             http://127.0.0.1:5302/supervision/
  Hall keys (admin / hall-admin-2026)  curl -u admin:hall-admin-2026 $city/api/admin/uplink-halls
Stop the city for a while (kill its process) and watch the halls carry on and their backlog arrive once it is back.
Logs: $demo/logs/
Press Ctrl-C to stop.
MSG
wait
