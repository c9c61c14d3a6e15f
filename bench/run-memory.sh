#!/usr/bin/env bash
# The memory benchmark of docs/performance.md: peak RSS of the embedded engine (SQLite) while it
# seeds one entity with 1,000,000 seats (ten calls of 100,000) and then holds 10,000 of them.
# Usage: bench/run-memory.sh [engine-dll] ; needs curl and jq. Prints the engine's VmHWM (peak
# resident set) after seeding and after holding, and its VmRSS at the end. SEATS, HOLDS and
# PER_CALL (seats per seeding call) override the sizes; the engine before 2026-12-01 took 10,000 a call.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dll=${1:-src/Api/bin/Release/net10.0/Reservations.Api.dll}
seats=${SEATS:-1000000} holds=${HOLDS:-10000} per_call=${PER_CALL:-100000}
work=$(mktemp -d /tmp/reservations-memory.XXXXXX)
port=$((20000 + RANDOM % 20000))
url=http://127.0.0.1:$port

[[ $dll == src/Api/* ]] && dotnet build -c Release src/Api >/dev/null
Admin__Username=admin Admin__Password=memory-bench-1 Storage__Sqlite__Path="$work/reservations.db" \
  Orleans__SiloPort=$((port + 1)) Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  taskset -c 0 dotnet "$dll" --urls "$url" >"$work/engine.log" 2>&1 &
engine=$!
trap 'kill $engine 2>/dev/null; wait $engine 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$url/health/ready" >/dev/null; do sleep 0.5; done

peak() { awk '/VmHWM|VmRSS/ { printf "%s %.0f MiB  ", $1, $2 / 1024 }' "/proc/$engine/status"; echo; }
json() { curl -sf "$url$1" -H 'content-type: application/json' "${@:2}"; }

admin=$(json /admin/login -d '{"username":"admin","password":"memory-bench-1"}' | jq -r .token)
app=$(json /admin/apps -H "authorization: Bearer $admin" -d '{"name":"Memory","domain":"EVENT","allowedDomains":[]}')
app_id=$(jq -r .appId <<<"$app") api_key=$(jq -r .apiKey <<<"$app")
echo "after start:   $(peak)"

start=$(date +%s.%N)
for ((first = 0; first < seats; first += per_call)); do
  jq -nc --argjson first "$first" --argjson n "$per_call" --arg app "$app_id" \
    '{appId: $app, entityId: "arena", seats: [range($first; $first + $n) | {seatNumber: "S\(.)", price: 10}]}' >"$work/seed.json"
  json /admin/seed-data -H "authorization: Bearer $admin" --data-binary "@$work/seed.json" | jq -r '.seats[].seatId' >>"$work/seat-ids"
done
echo "seeded $(wc -l <"$work/seat-ids") seats in $(echo "$(date +%s.%N) - $start" | bc) s"
echo "after seeding: $(peak)"

tenant=(-H "x-app-id: $app_id" -H "x-api-key: $api_key")
user=$(json /auth/signup "${tenant[@]}" -d '{"email":"load@example.com","password":"memory-bench-1","name":"Load"}' | jq -r .token)
# One curl process sends every hold over 32 parallel connections: a config block per request.
shuf -n "$holds" --random-source=<(yes) "$work/seat-ids" | while read -r seat; do
  [[ -s $work/holds.curl ]] && echo next
  printf 'silent\nshow-error\nurl = "%s/reserve-seat"\ndata = "{\\"seatId\\":\\"%s\\"}"\n' "$url" "$seat"
  printf 'header = "x-app-id: %s"\nheader = "x-api-key: %s"\nheader = "authorization: Bearer %s"\n' "$app_id" "$api_key" "$user"
  printf 'header = "content-type: application/json"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n'
done >>"$work/holds.curl"
start=$(date +%s.%N)
curl --no-progress-meter --parallel --parallel-max 32 -K "$work/holds.curl" | sort | uniq -c | sed 's/^ */  /; s/$/ answers/'
echo "held in $(echo "$(date +%s.%N) - $start" | bc) s"
echo "after holding: $(peak)"
listed=$(curl -sf "$url/seats?entityId=arena" "${tenant[@]}" | jq '[.seats[] | select(.status == "held")] | length')
echo "GET /seats lists $listed held seats"
echo "after listing: $(peak)"
