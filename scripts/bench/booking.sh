#!/usr/bin/env bash
# Booking-core benchmark: starts the stack on a scratch data directory, seeds charters with SQL
# (1k, then 100k), and measures with wrk, directly against each service and through the gateway:
#   GET /charters/{id}, GET /charters?client_id=…, POST /pricing/calculate
# and, through the gateway, the charter list: its filters and sorts at both sizes (that the list
# stays flat as the table grows; this was ListScalingBench), and at 100k the page at offset 0 vs
# offset 99,900 vs the page after row 99,900 by cursor (keyset paging: the same cost at any depth).
# Prints requests/s and p50/p99 latency per case. Usage: scripts/bench/booking.sh [seconds-per-case]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
use_jdk
need curl; need jq; need wrk; need psql postgresql-client
secs=${1:-10}
home=$(mktemp -d /tmp/coachway-bench.XXXXXX)
pg_port=54360; gw=18080
if needs_build; then mvn_cmd -q install -DskipTests; fi

COACHWAY_HOME="$home" GATEWAY_PORT=$gw PG_PORT=$pg_port LOG_FORMAT=text ACCESS_LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" -Xmx1g -jar modules/stack/target/stack.jar >"$home/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true; rm -rf "$home"' EXIT
wait_healthy "http://127.0.0.1:$gw/api/v1/charters/health" 180
until grep -q "CoachWay is up" "$home/stack.log"; do sleep 0.3; done
export PGPASSWORD=postgres
sql() { psql -q -h 127.0.0.1 -p $pg_port -U postgres -d coachway -v ON_ERROR_STOP=1 "$@"; }

token=$(curl -s -XPOST "http://127.0.0.1:$gw/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"sales@example.com","password":"demo-pass-2026"}' | jq -r .access_token)

# seed <total>: tops the charters table up to <total> rows, each with two stops and one coach line
# (the shape GET /charters/{id} returns). The first 60 belong to one "hot" client, so the client
# list returns the same page (50 of 60) at every table size; the rest spread over 1000 clients.
seed() {
  sql <<SQL
insert into charter.charters (id, reference, client_id, trip_type, status, passenger_count, pickup_at, return_at,
                              ends_at, miles, search_text, created_by)
select gen_random_uuid(), 'CW-BENCH-' || lpad(n::text, 7, '0'),
       ('00000000-0000-4000-8000-' || lpad(case when n <= 60 then 'beef' else (1000 + n % 1000)::text end, 12, '0'))::uuid,
       'round_trip', (array['inquiry','quoted','booked','confirmed','completed'])[1 + n % 5], 40,
       timestamptz '2027-01-01 13:00Z' + (n % 700) * interval '1 day',
       timestamptz '2027-01-01 21:00Z' + (n % 700) * interval '1 day',
       timestamptz '2027-01-01 21:00Z' + (n % 700) * interval '1 day', 120, 'cw-bench-' || n, 'bench'
  from generate_series((select count(*) from charter.charters) + 1, $1) n;
insert into charter.charter_stops (id, charter_id, sequence, address, depart_at, arrive_at)
select gen_random_uuid(), c.id, s, case s when 1 then '1 Main St, Boston, MA' else 'Old Sturbridge Village, MA' end,
       case s when 1 then c.pickup_at end, case s when 2 then c.pickup_at + interval '2 hours' end
  from charter.charters c cross join generate_series(1, 2) s
 where c.created_by = 'bench' and not exists (select 1 from charter.charter_stops x where x.charter_id = c.id);
insert into charter.charter_vehicle_lines (id, charter_id, position, vehicle_type, capacity)
select gen_random_uuid(), c.id, 1, 'coach_56', 56 from charter.charters c
 where c.created_by = 'bench' and not exists (select 1 from charter.charter_vehicle_lines x where x.charter_id = c.id);
analyze charter.charters; analyze charter.charter_stops; analyze charter.charter_vehicle_lines;
SQL
}

cat > "$home/calc.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"vehicles":[{"vehicle_type":"coach_56","quantity":2}],"start_at":"2027-03-01T08:00:00-05:00","end_at":"2027-03-03T18:00:00-05:00","miles":640,"amenities":["wifi","restroom"]}'
LUA

# run <label> <url> [lua]: one wrk case (16 connections: throughput), printed as a table row;
# CONNS=1 measures latency without queueing (what the gateway's hop itself adds)
run() {
  local label=$1 url=$2 script=${3:-} args=(-t"$(( ${CONNS:-16} > 1 ? 2 : 1 ))" -c"${CONNS:-16}" -d"${secs}s" --latency -H "Authorization: Bearer $token")
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" "$url" >"$home/wrk.out" 2>&1
  local rps p50 p99 errs
  rps=$(awk '/Requests\/sec/ {print $2}' "$home/wrk.out")
  p50=$(awk '$1=="50%" {print $2}' "$home/wrk.out"); p99=$(awk '$1=="99%" {print $2}' "$home/wrk.out")
  errs=$(awk '/Non-2xx/ {print $NF}' "$home/wrk.out")
  printf '| %-44s | %9s | %8s | %8s | %s\n' "$label" "$rps" "$p50" "$p99" "${errs:+non-2xx: $errs}"
}

# cursor_at <n>: the list's next cursor after its n-th row in the default order (pickup_at, id),
# built the way com.coachway.common.http.Cursor writes one: base64url, no padding, of
# {"o":"charters:pickup_at","k":[pickup_at,id]} (PostgreSQL's base64 wraps lines: drop newlines).
cursor_at() {
  sql -At -c "select translate(encode(convert_to(jsonb_build_object('o', 'charters:pickup_at',
                'k', jsonb_build_array(pickup_at, id::text))::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')
                from charter.charters order by pickup_at, id offset $(( $1 - 1 )) limit 1"
}

list="http://127.0.0.1:$gw/api/v1/charters/charters"
echo "| case | req/s | p50 | p99 |"
echo "|---|---|---|---|"
for total in 1000 100000; do
  seed "$total"
  id=$(sql -At -c "select id from charter.charters where created_by = 'bench' order by reference desc limit 1")
  client='00000000-0000-4000-8000-00000000beef'
  rows=$(sql -At -c "select count(*) from charter.charters")
  # warm-up of every path measured, so the JIT and pools are settled before the first case
  for u in "http://127.0.0.1:8001/charters/$id" "http://127.0.0.1:$gw/api/v1/charters/charters/$id" \
           "http://127.0.0.1:8001/charters?client_id=$client" "http://127.0.0.1:$gw/api/v1/charters/charters?client_id=$client"; do
    wrk -t1 -c4 -d3s -H "Authorization: Bearer $token" "$u" >/dev/null 2>&1
  done
  run "GET /charters/{id} direct ($rows rows)"          "http://127.0.0.1:8001/charters/$id"
  run "GET /charters/{id} gateway ($rows rows)"         "http://127.0.0.1:$gw/api/v1/charters/charters/$id"
  run "GET /charters?client_id direct ($rows rows)"     "http://127.0.0.1:8001/charters?client_id=$client"
  run "GET /charters?client_id gateway ($rows rows)"    "http://127.0.0.1:$gw/api/v1/charters/charters?client_id=$client"
  # the list's filters and sorts, limit 50 (client 1007 has n % 1000 = 7, so its charters are all booked)
  for q in "" "sort=-pickup_at" "status=booked" "from=2027-03-01&to=2027-03-07" \
           "client_id=00000000-0000-4000-8000-000000001007&status=booked" "q=bench-777"; do
    wrk -t1 -c4 -d2s -H "Authorization: Bearer $token" "$list?$q" >/dev/null 2>&1
    run "GET /charters?${q:-(first page)} gateway ($rows rows)" "$list?$q"
  done
  if [ "$total" = 100000 ]; then
    cursor=$(cursor_at 99900)
    by_offset=$(curl -sf -H "Authorization: Bearer $token" "$list?limit=1&offset=99900" | jq -r '.items[0].id')
    by_cursor=$(curl -sf -H "Authorization: Bearer $token" "$list?limit=1&after=$cursor" | jq -r '.items[0].id')
    if [ "$by_offset" != "$by_cursor" ]; then
      echo "the cursor built in SQL does not start where offset 99900 does ($by_cursor, not $by_offset)" >&2; exit 1
    fi
    for u in "$list?limit=200" "$list?limit=200&offset=99900" "$list?limit=200&after=$cursor"; do
      wrk -t1 -c4 -d3s -H "Authorization: Bearer $token" "$u" >/dev/null 2>&1
    done
    run "GET /charters?limit=200 gateway ($rows rows)"              "$list?limit=200"
    run "GET /charters?limit=200&offset=99900 gateway ($rows rows)" "$list?limit=200&offset=99900"
    run "GET /charters?limit=200&after=<row 99900> gateway ($rows rows)" "$list?limit=200&after=$cursor"
  fi
done
run "POST /pricing/calculate direct"  "http://127.0.0.1:8007/calculate" "$home/calc.lua"
run "POST /pricing/calculate gateway" "http://127.0.0.1:$gw/api/v1/pricing/calculate" "$home/calc.lua"

echo
echo "latency at one connection (no queueing): the gateway's own cost"
echo "| case | req/s | p50 | p99 |"
echo "|---|---|---|---|"
export CONNS=1
run "GET /charters/{id} direct"           "http://127.0.0.1:8001/charters/$id"
run "GET /charters/{id} gateway"          "http://127.0.0.1:$gw/api/v1/charters/charters/$id"
run "GET /charters?client_id direct"      "http://127.0.0.1:8001/charters?client_id=$client"
run "GET /charters?client_id gateway"     "http://127.0.0.1:$gw/api/v1/charters/charters?client_id=$client"
run "POST /pricing/calculate direct"      "http://127.0.0.1:8007/calculate" "$home/calc.lua"
run "POST /pricing/calculate gateway"     "http://127.0.0.1:$gw/api/v1/pricing/calculate" "$home/calc.lua"
run "GET /charters?limit=200 gateway"                    "$list?limit=200"
run "GET /charters?limit=200&offset=99900 gateway"       "$list?limit=200&offset=99900"
run "GET /charters?limit=200&after=<row 99900> gateway"  "$list?limit=200&after=$cursor"
