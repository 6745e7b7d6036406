#!/usr/bin/env bash
# Finance benchmark: AR aging at a million invoices. Starts the stack on a scratch data directory,
# seeds 1,000,000 invoices over 4,999 clients issued across the two years to 2026-11-30 (most paid
# within 0-60 days of issue, some late, some in two parts, some credited, 1% never: ~5% open on any
# date) with their payments, applications, credit memos, journal entries and closed months, in
# SQL (scripts/bench/finance-seed.sql), then
# times GET /api/v1/finance/reports/ar-aging?as_of=… through the gateway (p50/p99 of N requests
# after warm-up, admin token) beside the very same two statements the service runs — the aging
# (modules/finance-service/src/main/resources/sql/finance/ar_aging.sql) and the AR control balance
# (control_balance.sql) — in psql (EXPLAIN ANALYZE execution time, median of N).
# Target: under 1 s through the gateway, and within 1.5x of psql.
# Every as_of must be fast, a past month end as well as today: the default dates span the book.
# Usage: scripts/bench/finance.sh [requests-per-case] [as_of...]
#        (default 20; 2026-11-30 2026-06-30 2025-12-31 2025-06-30)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
use_jdk
need curl; need jq; need psql postgresql-client
n=${1:-20}; shift || true
dates=("$@"); [ ${#dates[@]} -gt 0 ] || dates=(2026-11-30 2026-06-30 2025-12-31 2025-06-30)
invoices=${INVOICES:-1000000}
home=$(mktemp -d /tmp/coachway-bench-finance.XXXXXX)
pg_port=54363; gw=18083
if needs_build; then mvn_cmd -q install -DskipTests; fi

COACHWAY_HOME="$home" GATEWAY_PORT=$gw PG_PORT=$pg_port ADMIN_PASSWORD=bench-admin-2026 LOG_FORMAT=text ACCESS_LOG_LEVEL=WARN \
  LOG_LEVEL=WARN "$JAVA_HOME/bin/java" -Xmx1g -jar modules/stack/target/stack.jar >"$home/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true; rm -rf "$home"' EXIT
wait_healthy "http://127.0.0.1:$gw/api/v1/finance/health" 180
until grep -q "CoachWay is up" "$home/stack.log"; do sleep 0.3; done
export PGPASSWORD=postgres
sql() { psql -q -h 127.0.0.1 -p $pg_port -U postgres -d coachway -v ON_ERROR_STOP=1 "$@"; }
api="http://127.0.0.1:$gw/api/v1/finance"
token=$(curl -s -XPOST "http://127.0.0.1:$gw/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"admin@example.com","password":"bench-admin-2026"}' | jq -r .access_token)
[ -n "$token" ] && [ "$token" != null ] || { echo "admin login failed" >&2; exit 1; }

echo "seeding $invoices invoices (takes minutes) ..."
start=$(date +%s)
sql -v n="$invoices" -f scripts/bench/finance-seed.sql
echo "seeded in $(( $(date +%s) - start )) s: $(sql -At -c "select count(*) from finance.invoice") invoices," \
     "$(sql -At -c "select count(*) from finance.application") applications," \
     "$(sql -At -c "select count(*) from finance.journal_line") journal lines"

queries=modules/finance-service/src/main/resources/sql/finance
# the service's statements with their binds written in: {0} the date (aging); {0} the account, {1} the date (control)
aging_sql() { sed "s/{0}/date '$1'/g" "$queries/ar_aging.sql"; }
control_sql() { sed "s/{0}/'1100'/g; s/{1}/date '$1'/g" "$queries/control_balance.sql"; }
exec_ms() { # exec_ms <sql>: median EXPLAIN ANALYZE execution time over n runs, after one warm-up
  local q=$1 i
  sql -At -c "explain (analyze, timing off) $q" >/dev/null
  for i in $(seq "$n"); do sql -At -c "explain (analyze, timing off) $q" | awk '/Execution Time/ {print $3}'; done |
    sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}'
}
percentile() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]}'; }

printf '| as_of | requests | gateway p50 ms | gateway p99 ms | psql aging + control (median ms) | ratio p50/psql |\n|---|---|---|---|---|---|\n'
for d in "${dates[@]}"; do
  url="$api/reports/ar-aging?as_of=$d"
  for i in 1 2 3 4 5; do curl -sf -o /dev/null -H "Authorization: Bearer $token" "$url"; done
  : >"$home/times"
  for i in $(seq "$n"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url" | awk '{printf "%.1f\n", $1 * 1000}' >>"$home/times"
  done
  p50=$(percentile 50 <"$home/times"); p99=$(percentile 99 <"$home/times")
  a=$(exec_ms "$(aging_sql "$d")"); c=$(exec_ms "$(control_sql "$d")")
  psql_ms=$(awk -v a="$a" -v c="$c" 'BEGIN {printf "%.1f", a + c}')
  printf '| %s | %s | %s | %s | %s (%s + %s) | %s |\n' "$d" "$n" "$p50" "$p99" "$psql_ms" "$a" "$c" \
    "$(awk -v g="$p50" -v s="$psql_ms" 'BEGIN {printf "%.2f", g / s}')"
  # the API and the SQL agree
  api_total=$(curl -sf -H "Authorization: Bearer $token" "$url" | jq -r '.totals.total, .ar_control_balance' | paste -sd' ')
  echo "  totals.total, ar_control_balance via the API: $api_total"
done
echo
echo "plan of the aging as of ${dates[0]}:"
sql -c "explain (analyze, buffers) $(aging_sql "${dates[0]}")"
