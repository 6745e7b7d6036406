#!/usr/bin/env bash
# The booking flow through the gateway: sign in, create a client and a contact, create a charter
# with stops, price a quote, send it, accept it, and see the charter booked with its history.
source "$(dirname "$0")/../lib/smoke.sh"

agent=$(login sales@example.com demo-pass-2026)
[ -n "$agent" ] && ok "the demo sales agent signs in" || fail "the demo sales agent signs in"

email="smoke-client-$RANDOM$RANDOM@example.com"
req POST /clients/clients "$agent" "{\"name\":\"Smoke Test Academy\",\"type\":\"school\",\"email\":\"$email\",\"phone\":\"+1 555 010 2000\",\"payment_terms_days\":30,\"credit_limit\":5000,\"tax_exempt\":false,\"billing_address\":{\"line1\":\"1 Main St\",\"city\":\"Boston\",\"state\":\"MA\",\"postal_code\":\"02108\",\"country\":\"US\"}}"
expect "a sales agent creates a client" 201 '.status == "active" and .version == 1'
client=$(jq -r .id <<<"$body")

req POST "/clients/clients/$client/contacts" "$agent" '{"name":"Pat Planner","email":"pat@example.com","phone":"+15550102001","title":"Trip coordinator","is_primary":true}'
expect "the client gets a primary contact" 201 '.is_primary == true'
contact=$(jq -r .id <<<"$body")

pickup=$(date -u -d '+40 days' +%Y-%m-%dT13:00:00Z)
arrive=$(date -u -d '+40 days' +%Y-%m-%dT15:30:00Z)
back=$(date -u -d '+40 days' +%Y-%m-%dT21:00:00Z)
req POST /charters/charters "$agent" "{\"client_id\":\"$client\",\"contact_id\":\"$contact\",\"trip_type\":\"round_trip\",\"passenger_count\":40,\"pickup_at\":\"$pickup\",\"return_at\":\"$back\",\"stops\":[{\"sequence\":1,\"address\":\"1 Main St, Boston, MA\",\"depart_at\":\"$pickup\"},{\"sequence\":2,\"address\":\"Old Sturbridge Village, MA\",\"arrive_at\":\"$arrive\"}],\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}],\"amenities\":[\"wifi\"],\"miles\":130}"
expect "a charter inquiry is created with a reference" 201 '.status == "inquiry" and (.reference | test("^CW-[0-9]{4}-[0-9]{5}$"))'
charter=$(jq -r .id <<<"$body")

req POST /charters/charters "$agent" "{\"client_id\":\"$client\",\"trip_type\":\"one_way\",\"passenger_count\":40,\"pickup_at\":\"$pickup\",\"stops\":[{\"sequence\":1,\"address\":\"A\",\"depart_at\":\"$back\"},{\"sequence\":2,\"address\":\"B\",\"arrive_at\":\"$pickup\"}],\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}]}"
expect "stops that go back in time are refused" 400

req POST "/charters/charters/$charter/quotes" "$agent"
expect "a quote is priced through pricing-service" 201 '.status == "draft" and (.total > 0) and (.lines | length > 0)'
quote=$(jq -r .id <<<"$body"); total=$(jq -r .total <<<"$body")

req POST /pricing/calculate "$agent" "{\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}],\"start_at\":\"$pickup\",\"end_at\":\"$back\",\"miles\":130,\"amenities\":[\"wifi\"]}"
expect "the quote total is what pricing calculates" 200 ".total == $total"

req GET "/charters/charters/$charter" "$agent"; version=$(jq -r .version <<<"$body")
req PATCH "/charters/charters/$charter" "$agent" "{\"version\":$version,\"passenger_count\":44}"
expect "the client adds passengers" 200 '.passenger_count == 44'
req GET "/charters/quotes/$quote" "$agent"
expect "the quote priced for the old trip is superseded" 200 '.status == "superseded"'
req POST "/charters/charters/$charter/quotes" "$agent"
expect "a new quote prices the changed trip" 201 '.version == 2 and .status == "draft"'
quote=$(jq -r .id <<<"$body")

req POST "/charters/quotes/$quote/send" "$agent"
expect "sending the quote" 200
req GET "/charters/charters/$charter" "$agent"
expect "the charter is quoted" 200 '.status == "quoted"'

req POST "/charters/quotes/$quote/accept" "$agent"
expect "accepting the quote" 200
req GET "/charters/charters/$charter" "$agent"
expect "the charter is booked" 200 '.status == "booked"'
req GET "/charters/charters/$charter/history" "$agent"
expect "its history shows inquiry → quoted → booked" 200 '[.items[].to_status] | index("quoted") != null and index("booked") != null'

accounts=$(login accounts@example.com demo-pass-2026)
key="smoke-vp-$RANDOM$RANDOM"
payment="{\"vendor_id\":\"$(cat /proc/sys/kernel/random/uuid)\",\"amount\":1250.00,\"due_date\":\"$(date -u -d '+45 days' +%Y-%m-%d)\"}"
req POST "/charters/charters/$charter/vendor-payments" "$accounts" "$payment" "Idempotency-Key: $key"
expect "an accountant records what a vendor is owed" 201 '.status == "pending" and .amount == 1250'
first=$(jq -r .id <<<"$body")
req POST "/charters/charters/$charter/vendor-payments" "$accounts" "$payment" "Idempotency-Key: $key"
expect "a retry with the same Idempotency-Key records nothing new" 201 ".id == \"$first\""
req GET "/charters/charters/$charter/vendor-payments" "$accounts"
expect "the charter owes the vendor once" 200 '.total == 1'

req POST "/charters/charters/$charter/status" "$agent" '{"status":"completed","reason":"skip ahead"}'
expect "an illegal transition is 409" 409

req DELETE "/clients/clients/$client" "$(login admin@example.com admin123)"
expect "a client with charters cannot be deleted" 409

finish
