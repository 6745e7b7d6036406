#!/usr/bin/env bash
# Vendors through the gateway: approve a compliant vendor, open a bid request for a booked
# charter, bid as the vendor's user, award, and see the vendor and its vendor payment on the
# charter (charter-service records them from vendor-service's outbox).
source "$(dirname "$0")/../lib/smoke.sh"

admin=$(login admin@example.com admin123)
agent=$(login sales@example.com demo-pass-2026)
manager=$(login manager@example.com demo-pass-2026)
dispatch=$(login dispatch@example.com demo-pass-2026)
[ -n "$admin" ] && [ -n "$agent" ] && [ -n "$manager" ] && [ -n "$dispatch" ] \
  && ok "the admin and the demo sales agent, manager and dispatcher sign in" || fail "the admin and the demo sales agent, manager and dispatcher sign in"

req GET /vendors/health
expect "vendor-service is healthy" 200 '.status == "healthy"'

# a booked charter
book_charter "$agent" Vendors 45

# a vendor, its papers, its approval
vendor_email="ops-$RANDOM$RANDOM@vendor.example.com"
req POST /vendors/vendors "$manager" "{\"name\":\"Smoke Coach Lines\",\"legal_name\":\"Smoke Coach Lines LLC\",\"dot_number\":\"1234567\",\"mc_number\":\"MC-765432\",\"email\":\"$vendor_email\",\"service_states\":[\"MA\",\"NH\"],\"fleet_size\":12}"
expect "the manager adds a vendor, pending" 201 '.status == "pending" and .version == 1'
vendor=$(jq -r .id <<<"$body")
req GET "/vendors/vendors/$vendor/compliance" "$manager"
expect "without papers it is not compliant" 200 '.compliant == false and (.missing | index("w9") != null)'
today=$(business_date)
next_year=$(TZ=$business_zone date -d '+1 year' +%F)
req POST "/vendors/vendors/$vendor/compliance-documents" "$dispatch" "{\"kind\":\"liability_insurance\",\"issued_on\":\"$today\",\"expires_on\":\"$next_year\",\"coverage_amount\":4999999.99}"
expect "a liability policy a cent under 5,000,000 is filed" 201
req GET "/vendors/vendors/$vendor/compliance" "$manager"
expect "it does not count" 200 '.compliant == false and (.missing | index("liability_insurance") != null)'
req POST "/vendors/vendors/$vendor/compliance-documents" "$dispatch" "{\"kind\":\"liability_insurance\",\"issued_on\":\"$today\",\"expires_on\":\"$next_year\",\"coverage_amount\":5000000.00}"
expect "a 5,000,000 liability policy is filed" 201 '.coverage_amount == 5000000'
req POST "/vendors/vendors/$vendor/compliance-documents" "$dispatch" "{\"kind\":\"operating_authority\",\"issued_on\":\"$today\",\"expires_on\":\"$next_year\"}"
expect "the operating authority is filed" 201
req POST "/vendors/vendors/$vendor/compliance-documents" "$dispatch" "{\"kind\":\"w9\",\"issued_on\":\"$today\"}"
expect "the W-9 is filed" 201
req GET "/vendors/vendors/$vendor/compliance" "$manager"
expect "the vendor is compliant" 200 '.compliant == true and .missing == [] and .expired == []'
req PATCH "/vendors/vendors/$vendor" "$manager" '{"version":1,"status":"approved"}'
expect "the manager approves it" 200 '.status == "approved" and .version == 2'
req PATCH "/vendors/vendors/$vendor" "$manager" '{"version":2,"status":"pending"}'
expect "back to pending is a 409 naming the current status" 409 '.detail | test("approved")'

# the vendor's portal user
user_email="smoke-vendor-user-$RANDOM$RANDOM@example.com"
req POST /auth/users "$admin" "{\"email\":\"$user_email\",\"full_name\":\"Smoke Vendor User\",\"password\":\"Smoke-Pass-2026\",\"roles\":[\"vendor\"],\"vendor_id\":\"$vendor\"}"
expect "the admin creates the vendor's user" 201
vendor_user=$(login "$user_email" Smoke-Pass-2026)
[ -n "$vendor_user" ] && ok "the vendor's user signs in" || fail "the vendor's user signs in"
req GET "/vendors/vendors/$vendor" "$vendor_user"
expect "the vendor user reads its own vendor" 200 ".id == \"$vendor\""
req GET /vendors/vendors "$vendor_user"
expect "but not the vendor list" 403

# the bid request, the bid, the award
respond_by=$(date -u -d '+2 days' +%Y-%m-%dT12:00:00Z)
req POST /vendors/bid-requests "$dispatch" "{\"charter_id\":\"$charter\",\"vehicle_type\":\"coach_56\",\"quantity\":1,\"summary\":\"One coach, Boston to Sturbridge and back\",\"service_state\":\"MA\",\"respond_by\":\"$respond_by\"}"
expect "the dispatcher opens a bid request for the booked charter" 201 ".status == \"open\" and .charter_id == \"$charter\" and .passenger_count == 40"
request=$(jq -r .id <<<"$body")
req POST /vendors/bid-requests "$dispatch" "{\"charter_id\":\"$charter\",\"vehicle_type\":\"coach_56\",\"respond_by\":\"$respond_by\"}"
expect "a second open request for the charter is 409" 409
req POST /vendors/bid-requests "$dispatch" "{\"charter_id\":\"$(cat /proc/sys/kernel/random/uuid)\",\"vehicle_type\":\"coach_56\",\"respond_by\":\"$respond_by\"}"
expect "an unknown charter is a 400 naming charter_id" 400 '[.errors[].field] | index("charter_id") != null'

req POST "/vendors/bid-requests/$request/bids" "$vendor_user" '{"amount":4200.00,"vehicle_type":"coach_56","notes":"MCI J4500"}'
expect "the vendor's user bids" 201 '.status == "submitted" and .amount == 4200'
bid=$(jq -r .id <<<"$body")
req POST "/vendors/bid-requests/$request/bids" "$vendor_user" '{"amount":3950.50,"vehicle_type":"coach_56","notes":"MCI J4500, wifi"}'
expect "a second bid edits its one live bid" 200 ".id == \"$bid\" and .amount == 3950.5"
req GET "/vendors/bid-requests/$request/bids" "$dispatch"
expect "the dispatcher sees the one bid" 200 ".total == 1 and .items[0].id == \"$bid\""
req POST "/vendors/bid-requests/$request/bids" "$dispatch" '{"amount":1.00,"vehicle_type":"coach_56"}'
expect "staff cannot bid" 403

req POST "/vendors/bid-requests/$request/award" "$dispatch" "{\"bid_id\":\"$bid\"}" "Idempotency-Key: smoke-award-$request"
expect "the dispatcher awards the bid: the request is closed" 200 ".status == \"closed\" and .awarded_bid_id == \"$bid\""
req POST "/vendors/bid-requests/$request/award" "$dispatch" "{\"bid_id\":\"$bid\"}"
expect "awarding twice is 409" 409
req GET "/vendors/bid-requests/$request/bids/$bid" "$vendor_user"
expect "the vendor sees its bid awarded" 200 '.status == "awarded"'

# charter-service records the vendor and the vendor payment from vendor-service's outbox
for _ in $(seq 1 40); do
  req GET "/charters/charters/$charter" "$dispatch"
  [ "$(jq -r '.vendor_id // empty' <<<"$body")" = "$vendor" ] && break
  sleep 0.5
done
expect "the charter names the awarded vendor" 200 ".vendor_id == \"$vendor\""
ends_day=$(TZ=$business_zone date -d "$back" +%F)
due=$(TZ=$business_zone date -d "$ends_day +30 days" +%F)
req GET "/charters/charters/$charter/vendor-payments" "$dispatch"
expect "the charter owes the vendor the bid amount, due 30 days after the trip" 200 \
  "[.items[] | select(.vendor_id == \"$vendor\" and .amount == 3950.5 and .status == \"pending\" and .due_date == \"$due\")] | length == 1"

req GET "/vendors/vendors/$vendor/performance" "$vendor_user"
expect "the vendor's performance counts the win" 200 '.bids_submitted == 1 and .bids_won == 1 and .win_rate == 1'
req POST "/vendors/vendors/$vendor/ratings" "$dispatch" "{\"charter_id\":\"$charter\",\"score\":5,\"on_time\":true,\"comments\":\"Spotless coach\"}"
expect "dispatch rates the trip" 201 '.score == 5'
req POST "/vendors/vendors/$vendor/ratings" "$dispatch" "{\"charter_id\":\"$charter\",\"score\":4,\"on_time\":true}"
expect "a second rating of the same trip is 409" 409

finish
