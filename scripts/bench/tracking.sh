#!/usr/bin/env bash
# GPS tracking benchmark: starts the stack on a scratch data directory and, with 10 million stored
# positions (500 vehicles x 20,000, one every 5 s over the ~28 h before the run, seeded in SQL into
# the day partitions), measures through the gateway
#   1. sustained ingestion: 500 simulated vehicles, each posting every 5 s the positions it recorded
#      since its last post (one fix a second: a batch of ~5) -- wrk, one connection per vehicle,
#      a 5 s pause between a connection's posts; accepted positions/s (rows stored, counted in SQL)
#      and the POST's p50/p99;
#   2. GET /tracking/vehicles/{id}/latest p50/p99, random vehicles (16 connections);
#   3. GET /tracking/assignments/{id}/track for a 1-hour window (720 positions) p50/p99;
# then the same two queries in psql (EXPLAIN ANALYZE: execution time, and the plans: the latest by
# primary key, the track pruned to its day partition(s) and read by the (vehicle_id, recorded_at) index).
# Ingestion posts as admin (any vehicle; a driver user's post also looks up its trips: one indexed
# query on assignment per batch). Targets: latest < 5 ms p50, 1-hour track < 50 ms p50.
# Usage: scripts/bench/tracking.sh [ingest-seconds]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
use_jdk
need curl; need jq; need wrk; need psql postgresql-client
secs=${1:-60}
vehicles=500; per_vehicle=20000
home=$(mktemp -d /tmp/coachway-bench-tracking.XXXXXX)
pg_port=54362; gw=18082
if needs_build; then mvn_cmd -q install -DskipTests; fi

COACHWAY_HOME="$home" GATEWAY_PORT=$gw PG_PORT=$pg_port ADMIN_PASSWORD=bench-admin-2026 LOG_FORMAT=text ACCESS_LOG_LEVEL=WARN \
  LOG_LEVEL=WARN "$JAVA_HOME/bin/java" -Xmx1g -jar modules/stack/target/stack.jar >"$home/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true; rm -rf "$home"' EXIT
wait_healthy "http://127.0.0.1:$gw/api/v1/dispatch/health" 180
until grep -q "CoachWay is up" "$home/stack.log"; do sleep 0.3; done
export PGPASSWORD=postgres
sql() { psql -q -h 127.0.0.1 -p $pg_port -U postgres -d coachway -v ON_ERROR_STOP=1 "$@"; }
api="http://127.0.0.1:$gw/api/v1/dispatch"
token=$(curl -s -XPOST "http://127.0.0.1:$gw/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@example.com","password":"bench-admin-2026"}' | jq -r .access_token)
[ -n "$token" ] && [ "$token" != null ] || { echo "admin login failed" >&2; exit 1; }

# ---- 1. seed: 10M positions, ending 10 minutes ago; a driver and an assignment per vehicle over them ----
echo "seeding $((vehicles * per_vehicle)) positions (this takes a few minutes)..." >&2
seed_start=$(date +%s)
sql <<SQL
-- vehicle v's id, the same in every statement below and in the load scripts
create function pg_temp.vid(v int) returns uuid language sql immutable as
  \$\$ select ('00000000-0000-4000-8000-' || lpad(to_hex(v), 12, '0'))::uuid \$\$;
-- the day partitions the seed covers (the service keeps 8 days back to 7 ahead ready; this is belt and braces)
select dispatch.ensure_position_partitions((now() - interval '2 days')::date, (now() + interval '7 days')::date);
set synchronous_commit = off;
-- in time order, every vehicle's position of an instant beside the others', as ingestion lays them
-- down (the lateral's dependency on i keeps the time loop outside: a plain cross join may run vehicle
-- by vehicle and cluster each track on a few pages, flattering the track query); per vehicle a
-- drifting walk around New York
insert into dispatch.vehicle_position (vehicle_id, recorded_at, lat, lon, speed_mph, heading, assignment_id, received_at)
select pg_temp.vid(v), date_trunc('second', now()) - interval '10 minutes' - i * interval '5 seconds',
       40.7 + (v % 50) * 0.01 + sin(i / 500.0) * 0.05, -74.0 + (v / 50) * 0.01 + cos(i / 500.0) * 0.05,
       (i % 70)::float8, ((i * 7) % 360)::float8, null, now()
from generate_series($per_vehicle - 1, 0, -1) i cross join lateral generate_series(1, $vehicles + 0 * i) v;
insert into dispatch.vehicle_latest (vehicle_id, lat, lon, speed_mph, heading, recorded_at, assignment_id, updated_at)
select distinct on (vehicle_id) vehicle_id, lat, lon, speed_mph, heading, recorded_at, assignment_id, now()
from dispatch.vehicle_position where recorded_at > now() - interval '1 hour' order by vehicle_id, recorded_at desc
on conflict (vehicle_id) do nothing;
insert into dispatch.driver (id, name, license_number, license_state, license_class, passenger_endorsement,
                             license_expires_on, medical_card_expires_on, created_at, updated_at)
select pg_temp.vid(v), 'Bench Driver ' || v, 'BENCH' || v, 'NY', 'A', true, '2030-12-31', '2030-12-31', now(), now()
from generate_series(1, $vehicles) v;
insert into dispatch.assignment (id, charter_id, driver_id, vehicle_id, starts_at, ends_at, status, created_by, created_at, updated_at)
select pg_temp.vid(v), gen_random_uuid(), pg_temp.vid(v), pg_temp.vid(v), now() - interval '30 hours', now() + interval '2 hours',
       'departed', 'bench', now(), now()
from generate_series(1, $vehicles) v;
-- vacuum too: it sets the visibility map autovacuum keeps for settled days, so the track's count is index-only
vacuum (analyze) dispatch.vehicle_position;
analyze dispatch.vehicle_latest;
analyze dispatch.assignment;
SQL
seed_secs=$(( $(date +%s) - seed_start ))
stored=$(sql -At -c "select count(*) from dispatch.vehicle_position")
parts=$(sql -At -c "select count(*) from pg_inherits where inhparent = 'dispatch.vehicle_position'::regclass")
size=$(sql -At -c "select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) from pg_inherits where inhparent = 'dispatch.vehicle_position'::regclass")
sql -At -c "select ('00000000-0000-4000-8000-' || lpad(to_hex(v), 12, '0')) from generate_series(1, $vehicles) v" > "$home/vehicles.txt"
# a 1-hour window inside the seed: 6 h to 5 h ago
track_from=$(date -u -d '-6 hours' +%Y-%m-%dT%H:%M:%SZ); track_to=$(date -u -d '-5 hours' +%Y-%m-%dT%H:%M:%SZ)

# ---- 2. sustained ingestion ----
# wrk has no per-connection state: each thread takes its share of the vehicles round robin, and with
# one connection per vehicle pausing 5 s between posts, every vehicle posts about every 5 s. A post
# carries the fixes (one a second) since that vehicle's last post, at most 500.
cat > "$home/ingest.lua" <<LUA
local ids = {}
for line in io.lines("$home/vehicles.txt") do ids[#ids + 1] = line end
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
local mine, last, n = {}, {}, 0
function init(args)
  -- wrk -t2: thread tid (0 or 1) simulates every other vehicle
  for i = 1, #ids do if (i - 1) % 2 == tid then mine[#mine + 1] = ids[i] end end
end
-- each connection's first post waits a random part of the 5 s, so the 500 vehicles are spread over
-- the interval as real ones are, instead of all posting in the same instant at the start (wrk calls
-- delay() before every request, the first included; a thread's first calls are its connections' first)
local calls, per_thread = 0, math.ceil($vehicles / 2)
function delay()
  calls = calls + 1
  if calls <= per_thread then return math.random(0, 4999) end
  return 5000
end
function request()
  n = n % #mine + 1
  local v = mine[n]
  local now = os.time()
  local from = last[v] and last[v] + 1 or now - 4
  if now - from >= 500 then from = now - 499 end
  last[v] = now
  local items = {}
  for t = from, now do
    local lat = 40.7 + (n % 50) * 0.01 + math.sin(t / 100) * 0.05
    local lon = -74.0 + math.cos(t / 100) * 0.05
    items[#items + 1] = string.format('{"vehicle_id":"%s","lat":%.6f,"lon":%.6f,"speed_mph":%d,"heading":%d,"recorded_at":"%s"}',
      v, lat, lon, t % 70, (t * 7) % 360, os.date("!%Y-%m-%dT%H:%M:%SZ", t))
  end
  if #items == 0 then
    items[1] = string.format('{"vehicle_id":"%s","lat":40.7,"lon":-74.0,"recorded_at":"%s"}', v, os.date("!%Y-%m-%dT%H:%M:%SZ", now))
  end
  return wrk.format("POST", "/api/v1/dispatch/tracking/locations",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $token"}, "[" .. table.concat(items, ",") .. "]")
end
LUA
ingest_start=$(sql -At -c "select now()")
wrk -t2 -c$vehicles -d"${secs}s" --timeout 10s --latency -s "$home/ingest.lua" "http://127.0.0.1:$gw" >"$home/ingest.out" 2>&1
accepted=$(sql -At -c "select count(*) from dispatch.vehicle_position where received_at >= '$ingest_start'")
rate=$(awk "BEGIN {printf \"%.0f\", $accepted / $secs}")
posts=$(awk '/requests in/ {print $1}' "$home/ingest.out")
ingest_errors=$(awk '/Non-2xx/ {print $NF}' "$home/ingest.out")

pct() { # pct <wrk output> <50|99>: the latency percentile in ms
  awk -v p="$2%" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
    else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$1"
}

# ---- 3. latest and 1-hour track through the gateway ----
cat > "$home/read.lua" <<LUA
local ids = {}
for line in io.lines("$home/vehicles.txt") do ids[#ids + 1] = line end
local kind = os.getenv("READ_KIND")
math.randomseed(os.time())
function request()
  local id = ids[math.random(#ids)]
  local path = kind == "track"
    and ("/api/v1/dispatch/tracking/assignments/" .. id .. "/track?from=$track_from&to=$track_to")
    or ("/api/v1/dispatch/tracking/vehicles/" .. id .. "/latest")
  return wrk.format("GET", path, {["Authorization"] = "Bearer $token"})
end
LUA
# one connection: a request's own latency; 16: the throughput of 2 cores, where the p50 is mostly the
# queue (Little's law: 16 / requests per second)
for kind in latest track; do
  READ_KIND=$kind wrk -t2 -c4 -d5s --latency -s "$home/read.lua" "http://127.0.0.1:$gw" >/dev/null 2>&1   # warm-up
  READ_KIND=$kind wrk -t1 -c1 -d15s --timeout 10s --latency -s "$home/read.lua" "http://127.0.0.1:$gw" >"$home/$kind-1.out" 2>&1
  READ_KIND=$kind wrk -t2 -c16 -d20s --timeout 10s --latency -s "$home/read.lua" "http://127.0.0.1:$gw" >"$home/$kind.out" 2>&1
done
one=$(head -1 "$home/vehicles.txt")
count=$(curl -sf "$api/tracking/assignments/$one/track?from=$track_from&to=$track_to" -H "Authorization: Bearer $token" | jq '.items | length')

# ---- 4. the same queries in psql ----
latest_sql="select * from dispatch.vehicle_latest where vehicle_id = '%s'"
track_sql="select * from dispatch.vehicle_position where vehicle_id = '%s' and recorded_at >= '$track_from' and recorded_at < '$track_to' order by recorded_at limit 1001"
count_sql="select count(*) from dispatch.vehicle_position where vehicle_id = '%s' and recorded_at >= '$track_from' and recorded_at < '$track_to'"
exec_ms() { # exec_ms <sql template>: median "Execution Time" of EXPLAIN ANALYZE over 25 random vehicles
  shuf -n 25 "$home/vehicles.txt" | while read -r v; do
    sql -At -c "explain (analyze, timing off) $(printf "$1" "$v")" | awk '/Execution Time/ {print $3}'
  done | sort -n | awk '{a[NR] = $1} END {printf "%.3f", a[int((NR + 1) / 2)]}'
}
latest_db=$(exec_ms "$latest_sql"); track_db=$(exec_ms "$track_sql"); count_db=$(exec_ms "$count_sql")

echo
echo "stored positions: $stored in $parts partitions ($size with indexes), seeded in ${seed_secs}s"
echo
printf '| case | requests | p50 | p99 | in PostgreSQL (EXPLAIN ANALYZE, median) |\n|---|---|---|---|---|\n'
printf '| ingest: %s vehicles posting every 5 s for %ss: %s positions/s accepted | %s | %s ms | %s ms | |%s\n' \
  "$vehicles" "$secs" "$rate" "$posts" "$(pct "$home/ingest.out" 50)" "$(pct "$home/ingest.out" 99)" "${ingest_errors:+ non-2xx: $ingest_errors}"
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
printf '| GET latest (random vehicles, 1 connection) | %s | %s ms | %s ms | %s ms |\n' \
  "$(awk '/requests in/ {print $1}' "$home/latest-1.out")" "$(pct "$home/latest-1.out" 50)" "$(pct "$home/latest-1.out" 99)" "$latest_db"
printf '| GET latest (16 connections: %s requests/s) | %s | %s ms | %s ms | |\n' "$(rps "$home/latest.out")" \
  "$(awk '/requests in/ {print $1}' "$home/latest.out")" "$(pct "$home/latest.out" 50)" "$(pct "$home/latest.out" 99)"
printf '| GET 1-hour track (%s positions, 1 connection) | %s | %s ms | %s ms | %s ms rows + %s ms count |\n' \
  "$count" "$(awk '/requests in/ {print $1}' "$home/track-1.out")" "$(pct "$home/track-1.out" 50)" "$(pct "$home/track-1.out" 99)" \
  "$track_db" "$count_db"
printf '| GET 1-hour track (16 connections: %s requests/s) | %s | %s ms | %s ms | |\n' "$(rps "$home/track.out")" \
  "$(awk '/requests in/ {print $1}' "$home/track.out")" "$(pct "$home/track.out" 50)" "$(pct "$home/track.out" 99)"
echo
echo "plans (vehicle $one):"
sql -c "explain (analyze, buffers) $(printf "$latest_sql" "$one")"
sql -c "explain (analyze, buffers) $(printf "$track_sql" "$one")"
sql -c "explain (analyze, buffers) $(printf "$count_sql" "$one")"
