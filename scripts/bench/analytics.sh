#!/usr/bin/env bash
# Analytics benchmark: every report at a million charters. Starts the stack on a scratch data
# directory, seeds 1,000,000 charters over the two years to today with their quotes, payments,
# refunds, bids, ratings and recent invoices, in SQL (scripts/bench/analytics-seed.sql), then
# times each report through the gateway (p50/p99 of N requests after warm-up, admin token) beside
# the very same statement the service runs (modules/analytics-service/src/main/resources/sql/
# analytics/*.sql, binds written in) in psql (EXPLAIN ANALYZE execution time, median of N).
# Target: the dashboard under 200 ms p50 through the gateway.
# Usage: scripts/bench/analytics.sh [requests-per-case]   (default 20; CHARTERS=… to seed fewer)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
use_jdk
need curl; need jq; need psql postgresql-client
n=${1:-20}
charters=${CHARTERS:-1000000}
zone=America/New_York
home=$(mktemp -d /tmp/coachway-bench-analytics.XXXXXX)
pg_port=54364; gw=18084
if needs_build; then mvn_cmd -q install -DskipTests; fi

COACHWAY_HOME="$home" GATEWAY_PORT=$gw PG_PORT=$pg_port ADMIN_PASSWORD=bench-admin-2026 LOG_FORMAT=text ACCESS_LOG_LEVEL=WARN \
  LOG_LEVEL=WARN TZ=$zone DEMO_DATA=false "$JAVA_HOME/bin/java" -Xmx1g -jar modules/stack/target/stack.jar >"$home/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true; rm -rf "$home"' EXIT
wait_healthy "http://127.0.0.1:$gw/api/v1/analytics/health" 240
until grep -q "CoachWay is up" "$home/stack.log"; do sleep 0.3; done
export PGPASSWORD=postgres
sql() { psql -q -h 127.0.0.1 -p $pg_port -U postgres -d coachway -v ON_ERROR_STOP=1 "$@"; }
api="http://127.0.0.1:$gw/api/v1/analytics"

today=$(TZ=$zone date +%F)
echo "seeding $charters charters up to $today (takes minutes) ..."
start=$(date +%s)
sql -v n="$charters" -v today="$today" -f scripts/bench/analytics-seed.sql
sql -c "vacuum analyze charter.charters, charter.charter_quotes, charter.charter_vehicle_lines, charter.charter_status_history,
        payment.payments, payment.refunds, vendor.bids, vendor.bid_requests, vendor.ratings, finance.invoice, client.clients"
echo "seeded in $(( $(date +%s) - start )) s: $(sql -At -c "select count(*) from charter.charters") charters," \
     "$(sql -At -c "select count(*) from charter.charter_quotes") quotes, $(sql -At -c "select count(*) from payment.payments") payments," \
     "$(sql -At -c "select count(*) from payment.refunds") refunds, $(sql -At -c "select count(*) from vendor.bids") bids," \
     "$(sql -At -c "select count(*) from finance.invoice") invoices"

# signed in after the seed: it can take longer than an access token lives
token=$(curl -s -XPOST "http://127.0.0.1:$gw/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@example.com","password":"bench-admin-2026"}' | jq -r .access_token)
[ -n "$token" ] && [ "$token" != null ] || { echo "admin login failed" >&2; exit 1; }

queries=modules/analytics-service/src/main/resources/sql/analytics
day_start() { echo "((date '$1')::timestamp at time zone '$zone')"; }
day_after() { echo "((date '$1' + 1)::timestamp at time zone '$zone')"; }
# the service's statements with their binds written in (ReportStore passes the same values)
range_sql() { # range_sql <file> <from> <to> [group_by]
  sed "s|{0}|$(day_start "$2")|g; s|{1}|$(day_after "$3")|g; s|{2}|'$zone'|g; s|{3}|'${4:-}'|g" "$queries/$1"
}
dashboard_sql() {
  local month; month=$(date -d "$today" +%Y-%m-01)
  sed "s|{0}|now()|g; s|{1}|$(day_start "$today")|g; s|{2}|$(day_after "$today")|g; s|{3}|$(day_start "$month")|g; s|{4}|date '$today'|g" \
    "$queries/dashboard.sql"
}
next_days_sql() { sed "s|{0}|(date '$today' + 1)|g; s|{1}|'$zone'|g; s|{2}|7|g" "$queries/next_days.sql"; }
exec_ms() { # exec_ms <sql>: median EXPLAIN ANALYZE execution time over n runs, after one warm-up
  local q=$1 i
  sql -At -c "explain (analyze, timing off) $q" >/dev/null
  for i in $(seq "$n"); do sql -At -c "explain (analyze, timing off) $q" | awk '/Execution Time/ {print $3}'; done |
    sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}'
}
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]}'; }
time_api() { # time_api <path?query>: prints "p50 p99" in ms
  local url="$api$1" i
  for i in 1 2 3 4 5; do curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url"; done
  : >"$home/times"
  for i in $(seq "$n"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url" | awk '{printf "%.1f\n", $1 * 1000}' >>"$home/times"
  done
  echo "$(percentile 50 <"$home/times") $(percentile 99 <"$home/times")"
}

month_ago=$(date -d "$today -29 days" +%F); quarter_ago=$(date -d "$today -89 days" +%F); years_ago=$(date -d "$today -729 days" +%F)
printf '| report | requests | gateway p50 ms | gateway p99 ms | psql (median ms) |\n|---|---|---|---|---|\n'
row() { # row <label> <path?query> <psql ms>
  read -r p50 p99 < <(time_api "$2")
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$n" "$p50" "$p99" "$3"
}
d=$(exec_ms "$(dashboard_sql)"); nd=$(exec_ms "$(next_days_sql)")
row "dashboard" "/dashboard" "$(awk -v a="$d" -v b="$nd" 'BEGIN {printf "%.1f", a + b}') ($d + $nd)"
row "revenue by day, 30 days" "/revenue?from=$month_ago&to=$today&group_by=day" "$(exec_ms "$(range_sql revenue.sql "$month_ago" "$today" day)")"
row "revenue by week, 90 days" "/revenue?from=$quarter_ago&to=$today&group_by=week" "$(exec_ms "$(range_sql revenue.sql "$quarter_ago" "$today" week)")"
row "revenue by month, 2 years" "/revenue?from=$years_ago&to=$today&group_by=month" "$(exec_ms "$(range_sql revenue.sql "$years_ago" "$today" month)")"
row "revenue by client, 90 days" "/revenue?from=$quarter_ago&to=$today&group_by=client" "$(exec_ms "$(range_sql revenue.sql "$quarter_ago" "$today" client)")"
row "revenue by vehicle type, 90 days" "/revenue?from=$quarter_ago&to=$today&group_by=vehicle_type" "$(exec_ms "$(range_sql revenue.sql "$quarter_ago" "$today" vehicle_type)")"
row "charter metrics, 30 days" "/charters/metrics?from=$month_ago&to=$today" "$(exec_ms "$(range_sql charter_metrics.sql "$month_ago" "$today")")"
row "vendor performance, 90 days" "/vendors/performance?from=$quarter_ago&to=$today" "$(exec_ms "$(range_sql vendor_performance.sql "$quarter_ago" "$today")")"
echo
echo "the dashboard via the API:"
curl -sf -H "Authorization: Bearer $token" "$api/dashboard" | jq -c .
echo "plan of the dashboard:"
sql -c "explain (analyze, buffers) $(dashboard_sql)"
