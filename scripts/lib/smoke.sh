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
