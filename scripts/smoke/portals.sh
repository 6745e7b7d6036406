#!/usr/bin/env bash
# Portals through the gateway: two clients and their portal users, each seeing only its own
# charters, quotes, payments and documents; a quote accepted in the client portal; a change
# request forwarded to change-mgmt-service; a vendor's user bidding, winning and seeing its trip,
# compliance and bills in the vendor portal; the admin dashboard; and refusals.
source "$(dirname "$0")/../lib/smoke.sh"

admin=$(login admin@example.com admin123)
agent=$(login sales@example.com demo-pass-2026)
manager=$(login manager@example.com demo-pass-2026)
dispatch=$(login dispatch@example.com demo-pass-2026)
[ -n "$admin" ] && [ -n "$agent" ] && [ -n "$manager" ] && [ -n "$dispatch" ] \
  && ok "the admin and the demo sales agent, manager and dispatcher sign in" || fail "the admin and the demo sales agent, manager and dispatcher sign in"

req GET /portals/health
expect "portals-service is healthy" 200 '.status == "healthy" and .service == "portals-service"'

# new_client LABEL: a client with a sent quote on a charter 45 days out, and its portal user.
# Sets client, charter, quote, client_user.
new_client() {
  req POST /clients/clients "$agent" "{\"name\":\"Smoke Portal $1\",\"type\":\"corporate\",\"email\":\"smoke-portal-$RANDOM$RANDOM@example.com\"}"
  expect "client $1" 201
  client=$(jq -r .id <<<"$body")
  local pickup arrive back
  pickup=$(date -u -d '+45 days' +%Y-%m-%dT13:00:00Z)
  arrive=$(date -u -d '+45 days' +%Y-%m-%dT15:30:00Z)
  back=$(date -u -d '+45 days' +%Y-%m-%dT21:00:00Z)
  req POST /charters/charters "$agent" "{\"client_id\":\"$client\",\"trip_type\":\"round_trip\",\"passenger_count\":40,\"pickup_at\":\"$pickup\",\"return_at\":\"$back\",\"stops\":[{\"sequence\":1,\"address\":\"1 Main St, Boston, MA\",\"depart_at\":\"$pickup\"},{\"sequence\":2,\"address\":\"Old Sturbridge Village, MA\",\"arrive_at\":\"$arrive\"}],\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}],\"miles\":130}"
  expect "a charter of client $1" 201
  charter=$(jq -r .id <<<"$body")
  req POST "/charters/charters/$charter/quotes" "$agent"
  expect "a quote for it" 201
  quote=$(jq -r .id <<<"$body")
  req POST "/charters/quotes/$quote/send" "$agent"
  expect "the quote is sent" 200
  local email="smoke-portal-user-$RANDOM$RANDOM@example.com"
  req POST /auth/users "$admin" "{\"email\":\"$email\",\"full_name\":\"Smoke Portal $1 User\",\"password\":\"Smoke-Pass-2026\",\"roles\":[\"client\"],\"client_id\":\"$client\"}"
  expect "the admin creates client $1's portal user" 201
  client_user=$(login "$email" Smoke-Pass-2026)
}

new_client B
client_b=$client; charter_b=$charter; quote_b=$quote; user_b=$client_user
new_client A
client_a=$client; charter_a=$charter; quote_a=$quote; user_a=$client_user
[ -n "$user_a" ] && [ -n "$user_b" ] && ok "both client users sign in" || fail "both client users sign in"

# the client portal: only its own
req GET /portals/client/overview "$user_a"
expect "client A's overview holds its open quote and nothing of client B" 200 \
  ".client_id == \"$client_a\" and ([.open_quotes[].id] | index(\"$quote_a\") != null) and ([.open_quotes[].id] | index(\"$quote_b\") == null) and .unavailable == []"
req GET "/portals/client/charters?limit=200" "$user_a"
expect "client A's charter list is all its own" 200 \
  "([.items[].client_id] | all(. == \"$client_a\")) and ([.items[].id] | index(\"$charter_a\") != null) and ([.items[].id] | index(\"$charter_b\") == null)"
req GET "/portals/client/charters/$charter_a" "$user_a"
expect "client A's charter page holds the charter and its quote" 200 \
  ".charter.id == \"$charter_a\" and ([.quotes[].id] | index(\"$quote_a\") != null) and .unavailable == []"
req GET "/portals/client/charters/$charter_b" "$user_a"
expect "client B's charter is a 404 for client A, with nothing of it" 404 "(tostring | contains(\"$client_b\") | not)"
req POST "/portals/client/quotes/$quote_b/accept" "$user_a" '{}'
expect "client A cannot accept client B's quote (404)" 404
req GET "/charters/quotes/$quote_b" "$agent"
expect "client B's quote is still sent" 200 '.status == "sent"'
req GET "/portals/client/charters/$(cat /proc/sys/kernel/random/uuid)" "$user_a"
expect "an unknown charter is a 404" 404
req GET /portals/client/charters/not-a-uuid "$user_a"
expect "an id that is no id is a 404" 404

req POST "/portals/client/quotes/$quote_a/accept" "$user_a" '{}' "Idempotency-Key: smoke-portal-accept-$quote_a"
expect "client A accepts its quote in the portal: the charter is booked" 200 ".status == \"accepted\" and .id == \"$quote_a\""
req GET "/charters/charters/$charter_a" "$agent"
expect "charter-service shows the charter booked" 200 '.status == "booked"'
for _ in $(seq 1 40); do
  req GET "/portals/client/charters/$charter_a" "$user_a"
  [ "$(jq -r '.balance != null' <<<"$body" 2>/dev/null)" = true ] && break
  sleep 0.5
done
expect "the charter page shows the balance of the new payment schedule" 200 \
  ".balance.charter_id == \"$charter_a\" and .balance.outstanding > 0 and .payments == [] and .unavailable == []"
req GET /portals/client/overview "$user_a"
expect "the overview lists the booked trip and a balance due" 200 \
  "([.upcoming_trips[].id] | index(\"$charter_a\") != null) and .balance_due > 0 and .balance_basis == \"payment_schedules\""

# change requests go to change-mgmt-service as cases
req POST /portals/client/change-requests "$user_a" "{\"charter_id\":\"$charter_a\",\"type\":\"passenger_count_change\",\"description\":\"Two more chaperones\",\"requested_changes\":{\"passengers\":42}}"
expect "client A asks for a change: a submitted case" 201 ".charter_id == \"$charter_a\" and .status == \"submitted\" and .type == \"passenger_count_change\""
req POST /portals/client/change-requests "$user_a" "{\"charter_id\":\"$charter_b\",\"type\":\"other\",\"description\":\"Not mine\",\"requested_changes\":{\"note\":\"x\"}}"
expect "a change request about client B's charter is a 400 naming charter_id" 400 '[.errors[].field] | index("charter_id") != null'
req POST /portals/client/change-requests "$user_a" '{"charter_id":'
expect "malformed JSON is a 400" 400
req POST /portals/client/change-requests "$user_a" "{\"charter_id\":42,\"type\":\"teleport\",\"description\":\"x\"}"
expect "wrong types are a 400 naming the fields" 400 '([.errors[].field] | index("charter_id") != null) and ([.errors[].field] | index("type") != null)'
req POST /portals/client/change-requests "$user_a" "{\"charter_id\":\"$charter_a\",\"type\":\"cancellation\",\"description\":\"No changes given\"}"
expect "requested_changes is required, as change-mgmt-service requires it (a 400 here, no case)" 400 '[.errors[].field] | any(contains("requested_changes"))'
req GET "/portals/client/charters?limit=1&offset=1" "$user_a"
expect "the charter list takes an offset and says it back" 200 '.offset == 1 and .limit == 1 and (.items | length) <= 1'
req GET "/portals/client/charters?offset=1&after=x" "$user_a"
expect "an offset with a cursor is a 400 naming after" 400 '[.errors[].field] | index("after") != null'

req GET /portals/client/overview "$agent"
expect "staff do not open the client portal" 403
req GET /portals/client/overview "$admin"
expect "nor does the admin, who has no client" 403
req GET /portals/client/overview
expect "without a token it is a 401" 401
req GET /portals/admin/dashboard "$user_a"
expect "a client user does not open the dashboard" 403

# the vendor portal
vendor_email="ops-$RANDOM$RANDOM@vendor.example.com"
req POST /vendors/vendors "$manager" "{\"name\":\"Smoke Portal Coaches\",\"email\":\"$vendor_email\",\"service_states\":[\"MA\"],\"fleet_size\":8}"
expect "a vendor" 201
vendor=$(jq -r .id <<<"$body")
today=$(business_date)
next_year=$(TZ=$business_zone date -d '+1 year' +%F)
req POST "/vendors/vendors/$vendor/compliance-documents" "$dispatch" "{\"kind\":\"liability_insurance\",\"issued_on\":\"$today\",\"expires_on\":\"$next_year\",\"coverage_amount\":5000000.00}"
expect "its liability policy" 201
req POST "/vendors/vendors/$vendor/compliance-documents" "$dispatch" "{\"kind\":\"operating_authority\",\"issued_on\":\"$today\",\"expires_on\":\"$next_year\"}"
expect "its operating authority" 201
req POST "/vendors/vendors/$vendor/compliance-documents" "$dispatch" "{\"kind\":\"w9\",\"issued_on\":\"$today\"}"
expect "its W-9" 201
req PATCH "/vendors/vendors/$vendor" "$manager" '{"version":1,"status":"approved"}'
expect "the vendor is approved" 200 '.status == "approved"'
new_vendor_user() { # new_vendor_user VENDOR_ID -> prints a signed-in token
  local email="smoke-portal-vendor-$RANDOM$RANDOM@example.com"
  req POST /auth/users "$admin" "{\"email\":\"$email\",\"full_name\":\"Smoke Portal Vendor User\",\"password\":\"Smoke-Pass-2026\",\"roles\":[\"vendor\"],\"vendor_id\":\"$1\"}"
  [ "$status" = 201 ] && login "$email" Smoke-Pass-2026
}
vendor_user=$(new_vendor_user "$vendor")
req POST /vendors/vendors "$manager" "{\"name\":\"Smoke Portal Rivals\",\"email\":\"rivals-$RANDOM$RANDOM@vendor.example.com\"}"
expect "a second vendor" 201
rival=$(jq -r .id <<<"$body")
rival_user=$(new_vendor_user "$rival")
[ -n "$vendor_user" ] && [ -n "$rival_user" ] && ok "both vendors' users sign in" || fail "both vendors' users sign in"

req GET /portals/vendor/compliance "$vendor_user"
expect "the vendor portal shows the vendor compliant, with its three papers" 200 \
  ".compliance.vendor_id == \"$vendor\" and .compliance.compliant == true and (.documents | length) == 3 and .unavailable == []"
respond_by=$(date -u -d '+2 days' +%Y-%m-%dT12:00:00Z)
req POST /vendors/bid-requests "$dispatch" "{\"charter_id\":\"$charter_a\",\"vehicle_type\":\"coach_56\",\"quantity\":1,\"service_state\":\"MA\",\"respond_by\":\"$respond_by\"}"
expect "the dispatcher opens a bid request for client A's booked charter" 201 '.status == "open"'
request=$(jq -r .id <<<"$body")
req GET "/portals/vendor/bid-requests?limit=200" "$vendor_user"
expect "the vendor sees the open request, without a bid of its own yet" 200 \
  "[.items[] | select(.bid_request.id == \"$request\" and .own_bid == null)] | length == 1"
req POST "/portals/vendor/bid-requests/$request/bids" "$vendor_user" '{"amount":3100.00,"vehicle_type":"coach_56","notes":"MCI J4500"}'
expect "the vendor bids through the portal (201)" 201 ".status == \"submitted\" and .vendor_id == \"$vendor\""
bid=$(jq -r .id <<<"$body")
req POST "/portals/vendor/bid-requests/$request/bids" "$vendor_user" '{"amount":2950.00,"vehicle_type":"coach_56"}'
expect "a second bid changes its own (200)" 200 ".id == \"$bid\" and .amount == 2950"
req POST "/portals/vendor/bid-requests/$request/bids" "$vendor_user" '{"amount":"lots","vehicle_type":"coach_56"}'
expect "a bid with a wrong type is a 400" 400 '[.errors[].field] | index("amount") != null'
req GET "/portals/vendor/bid-requests?limit=200" "$vendor_user"
expect "the request now shows the vendor's own bid" 200 "[.items[] | select(.bid_request.id == \"$request\" and .own_bid.id == \"$bid\")] | length == 1"
req GET "/portals/vendor/bid-requests?limit=200" "$rival_user"
expect "the rival sees the request but not the other vendor's bid" 200 \
  "([.items[] | select(.bid_request.id == \"$request\")] | length == 1) and ([.items[].own_bid | select(. != null) | .vendor_id] | all(. == \"$rival\"))"

req POST "/vendors/bid-requests/$request/award" "$dispatch" "{\"bid_id\":\"$bid\"}" "Idempotency-Key: smoke-portal-award-$request"
expect "the dispatcher awards the vendor's bid" 200 '.status == "closed"'
req GET /portals/vendor/trips "$vendor_user"
expect "the trip is in the vendor's trips, with its winning bid" 200 \
  "[.items[] | select(.bid_request.id == \"$request\" and .bid.id == \"$bid\")] | length == 1"
req GET /portals/vendor/trips "$rival_user"
expect "and not in the rival's" 200 "[.items[] | select(.bid_request.id == \"$request\")] | length == 0"
req GET "/portals/vendor/trips?limit=200" "$vendor_user"
expect "a trips page looks at a page of closed requests and says where the next starts" 200 \
  ".limit == 200 and .offset == 0 and has(\"next\") and ([.items[] | select(.bid_request.id == \"$request\")] | length == 1)"
req GET "/portals/vendor/bid-requests?status=cancelled" "$vendor_user"
expect "a bid request status vendor-service does not have is a 400" 400
req GET "/portals/vendor/payments?status=void" "$vendor_user"
expect "a bill status finance-service does not have is a 400" 400
for _ in $(seq 1 40); do
  req GET /portals/vendor/payments "$vendor_user"
  [ "$(jq -r '(.items // []) | length > 0' <<<"$body" 2>/dev/null)" = true ] && break
  sleep 0.5
done
expect "the vendor's bill for the award reaches the vendor portal" 200 \
  "([.items[].vendor_id] | all(. == \"$vendor\")) and ([.items[] | select(.amount == 2950)] | length == 1)"
req GET /portals/vendor/payments "$rival_user"
expect "the rival has no bills" 200 '.items == []'
req GET /portals/vendor/overview "$vendor_user"
expect "the vendor overview: profile, compliance, the upcoming trip and what it is owed" 200 \
  ".vendor.id == \"$vendor\" and .compliance.compliant == true and ([.upcoming_trips[].bid_request.id] | index(\"$request\") != null) and .open_bills_balance == 2950 and .unavailable == []"
req GET /portals/vendor/overview "$user_a"
expect "a client user does not open the vendor portal" 403

# the admin dashboard
req GET /portals/admin/dashboard "$manager"
expect "the manager's dashboard: analytics, open cases and open leads, nothing unavailable" 200 \
  "(.analytics.today_trips | type) == \"number\" and (.open_cases >= 1) and (.open_leads | type) == \"number\" and .unavailable == []"
req GET /portals/admin/dashboard "$admin"
expect "the admin's too" 200 '.unavailable == []'
req GET /portals/admin/dashboard "$dispatch"
expect "a dispatcher does not see the dashboard" 403

finish
