# Sourced by smoke suites: tiny assertion helpers printing "ok - ..." / "not ok - ...".
# shellcheck shell=bash
set -uo pipefail
BASE_URL=${BASE_URL:-http://localhost:8080}
API="$BASE_URL/api/v1"
failures=0

ok() { echo "ok - $1"; }
fail() { echo "not ok - $1${2:+ ($2)}"; failures=$((failures + 1)); }

# req METHOD PATH [TOKEN] [JSON] [HEADER]: sets $status and $body
req() {
  local method=$1 path=$2 token=${3:-} data=${4:-} header=${5:-} args=()
  args=(-sS -o /tmp/smoke.$$ -w '%{http_code}' -X "$method" "$API$path")
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$header" ] && args+=(-H "$header")
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data "$data")
  status=$(curl "${args[@]}" 2>/dev/null || echo 000)
  body=$(cat /tmp/smoke.$$ 2>/dev/null); rm -f /tmp/smoke.$$
}

# expect NAME STATUS [JQ-FILTER-THAT-MUST-BE-TRUE]
expect() {
  local name=$1 want=$2 filter=${3:-}
  if [ "$status" != "$want" ]; then fail "$name" "status $status, wanted $want: ${body:0:200}"; return; fi
  if [ -n "$filter" ] && [ "$(jq -r "$filter" <<<"$body" 2>/dev/null)" != "true" ]; then
    fail "$name" "body did not satisfy $filter: ${body:0:200}"; return
  fi
  ok "$name"
}

login() { # login EMAIL PASSWORD -> prints the access token
  req POST /auth/login "" "{\"email\":\"$1\",\"password\":\"$2\"}"
  jq -r '.access_token // empty' <<<"$body"
}

finish() { exit $((failures > 0)); }

# The stack's business zone: its services read TZ (default America/New_York) from the environment
# the suites share with it, so a date a suite expects is reckoned in that zone, not a fixed one.
business_zone=${TZ:-America/New_York}
business_date() { TZ=$business_zone date "$@" +%F; }   # business_date [-d WHEN]

# away_from_midnight [SECONDS]: a suite that takes "today" once and later checks what the services
# dated waits out the business day's last SECONDS (default 300) first, so the day cannot turn
# (nor the month, on the last day) between its reading and theirs.
away_from_midnight() {
  local margin=${1:-300} now midnight
  now=$(date +%s)
  midnight=$(TZ=$business_zone date -d "$(business_date -d tomorrow) 00:00" +%s)
  if [ $((midnight - now)) -lt "$margin" ]; then
    echo "# $((midnight - now)) s before midnight in $business_zone: waiting for the new day"
    sleep $((midnight - now + 2))
  fi
}

# book_charter TOKEN LABEL DAYS_AHEAD: a client, a round-trip charter DAYS_AHEAD days out, its
# quote sent and accepted (as scripts/smoke/booking.sh does step by step). Sets client, charter,
# quote, pickup, arrive, back; $body is the accepted quote.
book_charter() {
  local token=$1 label=$2 days=$3
  req POST /clients/clients "$token" "{\"name\":\"Smoke $label Club\",\"type\":\"corporate\",\"email\":\"smoke-$RANDOM$RANDOM@example.com\"}"
  expect "a client" 201
  client=$(jq -r .id <<<"$body")
  pickup=$(date -u -d "+$days days" +%Y-%m-%dT13:00:00Z)
  arrive=$(date -u -d "+$days days" +%Y-%m-%dT15:30:00Z)
  back=$(date -u -d "+$days days" +%Y-%m-%dT21:00:00Z)
  req POST /charters/charters "$token" "{\"client_id\":\"$client\",\"trip_type\":\"round_trip\",\"passenger_count\":40,\"pickup_at\":\"$pickup\",\"return_at\":\"$back\",\"stops\":[{\"sequence\":1,\"address\":\"1 Main St, Boston, MA\",\"depart_at\":\"$pickup\"},{\"sequence\":2,\"address\":\"Old Sturbridge Village, MA\",\"arrive_at\":\"$arrive\"}],\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}],\"miles\":130}"
  expect "a charter" 201
  charter=$(jq -r .id <<<"$body")
  req POST "/charters/charters/$charter/quotes" "$token"
  expect "a quote" 201
  quote=$(jq -r .id <<<"$body")
  req POST "/charters/quotes/$quote/send" "$token"
  expect "the quote is sent" 200
  req POST "/charters/quotes/$quote/accept" "$token"
  expect "the quote is accepted: the charter is booked" 200 '.status == "accepted"'
}
