#!/usr/bin/env bash
# Notification benchmark: starts the stack on a scratch data directory (no provider keys, so the
# log provider sends), queues 10k messages through the gateway with wrk (POST /notifications, 16
# connections), and reports
#   - queued/s: POSTs answered 202 per second through the gateway (the worker sending meanwhile);
#   - drained/s: the same 10k put back in the queue at once (one UPDATE), the wall time until the
#     worker has sent them all: messages per second drained with the log provider;
#   - the worker's own rate from sent_at (first to last sent of that drain).
# Usage: scripts/bench/notifications.sh [messages]   (default 10000; QUEUE_SECONDS of wrk, default 15)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
use_jdk
need curl; need jq; need wrk; need bc; need psql postgresql-client
total=${1:-10000}
home=$(mktemp -d /tmp/coachway-bench.XXXXXX)
pg_port=54361; gw=18081
if needs_build; then mvn_cmd -q install -DskipTests; fi

COACHWAY_HOME="$home" GATEWAY_PORT=$gw PG_PORT=$pg_port LOG_FORMAT=text ACCESS_LOG_LEVEL=WARN LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" -Xmx1g -jar modules/stack/target/stack.jar >"$home/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true; rm -rf "$home"' EXIT
wait_healthy "http://127.0.0.1:$gw/api/v1/notifications/health" 180
until grep -q "CoachWay is up" "$home/stack.log"; do sleep 0.3; done
export PGPASSWORD=postgres
sql() { psql -q -h 127.0.0.1 -p $pg_port -U postgres -d coachway -v ON_ERROR_STOP=1 "$@"; }

provider=$(curl -sf "http://127.0.0.1:$gw/api/v1/notifications/health" | jq -r .provider)
[ "$provider" = "log" ] || { echo "notification-service uses provider '$provider', not log" >&2; exit 1; }
token=$(curl -s -XPOST "http://127.0.0.1:$gw/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"sales@example.com","password":"demo-pass-2026"}' | jq -r .access_token)

# Each request is one quote_sent email rendered from its template. wrk runs for a fixed time (its
# thread:stop() leaves a thread idle instead of ending it); singles top the queue up to the total.
cat > "$home/queue.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = '{"channel":"email","to":"bench@example.com","template_code":"quote_sent","data":{"reference":"CW-2027-00001","recipient_name":"Bench","quote_version":1,"client_name":"Bench Tours","pickup_at":"2027-05-01T12:00:00Z","total":1250.50,"currency":"USD","valid_until":"2027-04-15T12:00:00Z"}}'
LUA

mine="recipient = 'bench@example.com'"
started=$(date +%s.%N)
wrk -t2 -c16 -d"${QUEUE_SECONDS:-15}s" --timeout 10s -s "$home/queue.lua" "http://127.0.0.1:$gw/api/v1/notifications/notifications" >"$home/wrk.out" 2>&1
queued_secs=$(echo "$(date +%s.%N) - $started" | bc -l)
queued=$(sql -At -c "select count(*) from notification.notifications where $mine")
errors=$(awk '/Non-2xx/ {print $NF}' "$home/wrk.out")
# top up to the total with single requests, should wrk have stopped short
while [ "$queued" -lt "$total" ]; do
  curl -sf -o /dev/null -XPOST "http://127.0.0.1:$gw/api/v1/notifications/notifications" -H "Authorization: Bearer $token" \
    -H 'content-type: application/json' -d '{"channel":"email","to":"bench@example.com","subject":"Bench","body":"Bench"}'
  queued=$((queued + 1))
done

# let the first round drain, then queue the lot again at once and time the worker alone
until [ "$(sql -At -c "select count(*) from notification.notifications where $mine and status = 'queued'")" = 0 ]; do sleep 0.5; done
sql -c "update notification.notifications set status = 'queued', attempts = 0, next_attempt_at = now(), sent_at = null,
        provider_message_id = null, leased_until = null where $mine"
drain_start=$(date +%s.%N)
until [ "$(sql -At -c "select count(*) from notification.notifications where $mine and status = 'queued'")" = 0 ]; do sleep 0.1; done
drain_secs=$(echo "$(date +%s.%N) - $drain_start" | bc -l)
worker=$(sql -At -c "select round(count(*) / greatest(extract(epoch from max(sent_at) - min(sent_at)), 0.001))
                      from notification.notifications where $mine and status = 'sent'")
sent=$(sql -At -c "select count(*) from notification.notifications where $mine and status = 'sent'")

printf '| case | messages | seconds | messages/s |\n|---|---|---|---|\n'
printf '| queue through the gateway (POST /notifications, 16 connections) | %s | %.1f | %.0f |%s\n' \
  "$queued" "$queued_secs" "$(echo "$queued / $queued_secs" | bc -l)" "${errors:+ non-2xx: $errors}"
printf '| drain %s queued messages, log provider (wall clock) | %s | %.1f | %.0f |\n' \
  "$sent" "$sent" "$drain_secs" "$(echo "$sent / $drain_secs" | bc -l)"
printf '| the same drain, first to last sent_at | %s | | %s |\n' "$sent" "$worker"
