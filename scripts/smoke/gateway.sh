#!/usr/bin/env bash
# The gateway and kong.yml agree with what runs: every route reaches a live service, and the
# gateway's own behaviour (request id, unknown routes, login rate limit headers) holds.
source "$(dirname "$0")/../lib/smoke.sh"
kong="$(dirname "$0")/../../kong/kong.yml"

# Routes open to every method lead to a service's root and must answer <path>/health;
# method-restricted routes lead to one endpoint (login, the public unsubscribe) and must reach
# their service (anything but the gateway's own 404/502/503/504).
while read -r path methods; do
  if [ "$methods" = "-" ]; then
    req GET "${path#/api/v1}/health"
    expect "route $path reaches a healthy service" 200 '.status == "healthy"'
  else
    method=$(cut -d, -f1 <<<"$methods")
    req "$method" "${path#/api/v1}" "" '{}'
    case "$status" in
      404|502|503|504|000) fail "route $path ($method) reaches its service" "status $status: ${body:0:150}" ;;
      *) ok "route $path ($method) reaches its service (status $status)" ;;
    esac
  fi
done < <(awk '
  function flush() { if (n) for (i = 1; i <= n; i++) print paths[i], (m == "" ? "-" : m); n = 0; m = "" }
  /^[[:space:]]*- name:/ { flush(); section = "" }
  /^[[:space:]]*paths:/ { section = "paths"; next }
  /^[[:space:]]*methods:/ { section = "methods"; next }
  /^[[:space:]]*[a-z_]+:/ { section = "" }
  section == "paths" && /^[[:space:]]*- \// { sub(/^[[:space:]]*- /, ""); paths[++n] = $0 }
  section == "methods" && /^[[:space:]]*- [A-Z]+/ { sub(/^[[:space:]]*- /, ""); m = (m == "" ? $0 : m "," $0) }
  END { flush() }' "$kong")

id=$(curl -sS -D - -o /dev/null "$API/auth/health" | tr -d '\r' | sed -n 's/^[Xx]-[Rr]equest-[Ii][Dd]: //p')
[ -n "$id" ] && ok "the gateway assigns a request id" || fail "the gateway assigns a request id"
id=$(curl -sS -D - -o /dev/null -H 'X-Request-ID: smoke-trace-1' "$API/auth/health" | tr -d '\r' | sed -n 's/^[Xx]-[Rr]equest-[Ii][Dd]: //p')
[ "$id" = "smoke-trace-1" ] && ok "a caller's request id is kept" || fail "a caller's request id is kept" "$id"

req GET /no-such-service/anything
expect "an unknown route is a 404 problem" 404 '.status == 404'

# Oversize request heads are refused by the gateway itself (RequestLimits: request line over 3 KB, path over 1 KB,
# headers over 3 KB), never passed on for a service to refuse and reported as a 502.
long=$(head -c 3300 /dev/zero | tr '\0' x)
req GET "/charters/$long"
expect "an oversize path is a 414 problem from the gateway" 414 '.status == 414 and (.detail | test("longer than"))'
ct=$(curl -sS -o /dev/null -w '%{content_type}' "$API/charters/$long" 2>/dev/null)
[ "$ct" = "application/problem+json" ] && ok "the 414 is problem+json" || fail "the 414 is problem+json" "$ct"
req GET /charters/health "" "" "X-Big: $(head -c 7168 /dev/zero | tr '\0' b)"
expect "an oversize header is a 431 problem from the gateway" 431 '.status == 431 and (.detail | test("headers"))'
req GET /charters/%00
expect "an encoded NUL in a path is a 400 problem from the gateway" 400 '.status == 400 and .request_id != null'

limit=$(curl -sS -D - -o /dev/null -X POST -H 'Content-Type: application/json' --data '{}' "$API/auth/login" \
  | tr -d '\r' | sed -n 's/^[Xx]-[Rr]ate[Ll]imit-[Ll]imit-[Mm]inute: //p')
[ -n "$limit" ] && ok "login is rate-limited ($limit per minute)" || fail "login is rate-limited"

finish
