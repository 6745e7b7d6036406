#!/usr/bin/env bash
# Dispatch through the gateway: register a qualified driver and its portal user, book a charter,
# assign the driver and a vehicle, post positions (out of order) and trip events through to
# completed as the driver, and see the charter in_progress, then completed, and on the day board.
source "$(dirname "$0")/../lib/smoke.sh"

admin=$(login admin@example.com admin123)
agent=$(login sales@example.com demo-pass-2026)
dispatcher=$(login dispatch@example.com demo-pass-2026)
[ -n "$admin" ] && [ -n "$agent" ] && [ -n "$dispatcher" ] && ok "the admin, a sales agent and a dispatcher sign in" \
  || fail "the admin, a sales agent and a dispatcher sign in"

req GET /dispatch/health
expect "dispatch-service is healthy" 200 '.status == "healthy" and .service == "dispatch-service"'

# a booked charter, three days ahead
book_charter "$agent" Dispatch 3
day=${pickup:0:10}   # the pickup's own day (13:00 UTC: the same day in New York), not a second reading of the clock

# a coach of the fleet
vin=$(tr -dc 'ABCDEFGHJKLMNPRSTUVWXYZ0-9' </dev/urandom | head -c 17)
req POST /charters/vehicles "$dispatcher" "{\"vehicle_type\":\"coach_56\",\"capacity\":56,\"make\":\"MCI\",\"model\":\"J4500\",\"year\":2024,\"plate\":\"SMK $RANDOM\",\"vin\":\"$vin\"}"
expect "a coach" 201 '.status == "active"'
vehicle=$(jq -r .id <<<"$body")

# a qualified driver, and its portal user
lic="SMK$RANDOM$RANDOM"
req POST /dispatch/drivers "$dispatcher" "{\"name\":\"Sam Smoke\",\"phone\":\"+1 617 555 0100\",\"email\":\"sam.$lic@example.com\",\"license_number\":\"$lic\",\"license_state\":\"MA\",\"license_class\":\"A\",\"passenger_endorsement\":true,\"license_expires_on\":\"2030-12-31\",\"medical_card_expires_on\":\"2030-12-31\"}"
expect "the dispatcher registers a qualified driver" 201 '.status == "active" and .license_class == "A"'
driver=$(jq -r .id <<<"$body")
driver_email="driver-$lic@example.com"
req POST /auth/users "$admin" "{\"email\":\"$driver_email\",\"full_name\":\"Sam Smoke\",\"password\":\"Smoke-Drive-2026\",\"roles\":[\"driver\"],\"driver_id\":\"$driver\"}"
expect "the driver gets a portal user" 201
driver_token=$(login "$driver_email" Smoke-Drive-2026)
[ -n "$driver_token" ] && ok "the driver signs in" || fail "the driver signs in"

req POST /dispatch/drivers "$dispatcher" "{\"name\":\"Cal C\",\"license_number\":\"C$lic\",\"license_state\":\"MA\",\"license_class\":\"C\",\"passenger_endorsement\":true,\"license_expires_on\":\"2030-12-31\",\"medical_card_expires_on\":\"2030-12-31\"}"
unqualified=$(jq -r .id <<<"$body")

# assign, for a trip running now: a driver posts positions only within its assignment's window (1 h either side)
trip_start=$(date -u -d '-30 minutes' +%Y-%m-%dT%H:%M:%SZ); trip_end=$(date -u -d '+210 minutes' +%Y-%m-%dT%H:%M:%SZ)
assignment_body="{\"charter_id\":\"$charter\",\"driver_id\":\"$driver\",\"vehicle_id\":\"$vehicle\",\"starts_at\":\"$trip_start\",\"ends_at\":\"$trip_end\",\"driving_hours\":3}"
key="smoke-assign-$RANDOM$RANDOM"
req POST /dispatch/assignments "$dispatcher" "$assignment_body" "Idempotency-Key: $key"
expect "the dispatcher assigns the driver and the coach" 201 '.status == "scheduled"'
assignment=$(jq -r .id <<<"$body")
req POST /dispatch/assignments "$dispatcher" "$assignment_body" "Idempotency-Key: $key"
expect "the same request again under its Idempotency-Key is the same assignment" 201 ".id == \"$assignment\""
req POST /dispatch/assignments "$dispatcher" "{\"charter_id\":\"$charter\",\"driver_id\":\"$unqualified\",\"vehicle_id\":\"$vehicle\",\"starts_at\":\"$trip_start\",\"ends_at\":\"$trip_end\"}"
expect "a class C driver cannot be assigned" 409 '.errors[0].message == "license_class"'
req POST /dispatch/assignments "$dispatcher" "$assignment_body"
expect "the same driver in an overlapping window is refused" 409 '.errors[0].message == "driver_overlap"'
req GET /dispatch/assignments "$driver_token"
expect "the driver sees its assignment" 200 ".total == 1 and .items[0].id == \"$assignment\""

# positions, a batch sent out of order: latest is the newest recorded_at, not the last received
t1=$(date -u -d '-2 minutes' +%Y-%m-%dT%H:%M:%SZ); t2=$(date -u -d '-1 minutes' +%Y-%m-%dT%H:%M:%SZ); t3=$(date -u +%Y-%m-%dT%H:%M:%SZ)
positions="[{\"vehicle_id\":\"$vehicle\",\"assignment_id\":\"$assignment\",\"lat\":42.3601,\"lon\":-71.0589,\"speed_mph\":0,\"heading\":90,\"recorded_at\":\"$t1\"},{\"vehicle_id\":\"$vehicle\",\"assignment_id\":\"$assignment\",\"lat\":42.3000,\"lon\":-71.5000,\"speed_mph\":58.5,\"heading\":250,\"recorded_at\":\"$t3\"},{\"vehicle_id\":\"$vehicle\",\"assignment_id\":\"$assignment\",\"lat\":42.3300,\"lon\":-71.3000,\"speed_mph\":55,\"heading\":255,\"recorded_at\":\"$t2\"}]"
req POST /dispatch/tracking/locations "$driver_token" "$positions"
[[ "$status" == 2* ]] && ok "the driver posts a batch of positions ($status)" || fail "the driver posts a batch of positions" "status $status: ${body:0:200}"
req GET "/dispatch/tracking/vehicles/$vehicle/latest" "$dispatcher"
expect "latest is the newest recorded_at of the batch" 200 '.lat == 42.3 and .lon == -71.5'

# events through to completed, as the driver; the charter follows through dispatch's outbox
for type in en_route arrived_pickup departed; do
  req POST "/dispatch/assignments/$assignment/events" "$driver_token" "{\"type\":\"$type\",\"note\":\"smoke\"}"
  expect "the driver posts $type" 201 ".status_after == \"$type\""
done
for _ in $(seq 1 40); do
  req GET "/charters/charters/$charter" "$dispatcher"
  [ "$(jq -r .status <<<"$body")" = "in_progress" ] && break
  sleep 0.5
done
expect "departed: the charter is in progress (confirmed first)" 200 '.status == "in_progress"'
req POST "/dispatch/assignments/$assignment/events" "$driver_token" '{"type":"delay","delay_minutes":10,"note":"traffic on the Pike","lat":42.31,"lon":-71.4}'
expect "a delay is recorded without moving the trip" 201 '.status_after == "departed"'
req POST "/dispatch/assignments/$assignment/events" "$driver_token" '{"type":"completed"}'
expect "completed before arrived_destination is refused naming the status" 409 '.detail | test("departed")'
for type in arrived_destination completed; do
  req POST "/dispatch/assignments/$assignment/events" "$driver_token" "{\"type\":\"$type\"}"
  expect "the driver posts $type" 201 ".status_after == \"$type\""
done
for _ in $(seq 1 40); do
  req GET "/charters/charters/$charter" "$dispatcher"
  [ "$(jq -r .status <<<"$body")" = "completed" ] && break
  sleep 0.5
done
expect "completed: the charter is completed" 200 '.status == "completed"'
req GET "/dispatch/assignments/$assignment/events" "$dispatcher"
expect "the trip's events, oldest first" 200 '[.items[].type] == ["en_route","arrived_pickup","departed","delay","arrived_destination","completed"]'

req GET "/dispatch/board?date=$day" "$dispatcher"
expect "the day board shows the charter, its completed trip and the coach's last position" 200 \
  "any(.charters[]; .charter_id == \"$charter\" and .status == \"completed\" and .assignments[0].status == \"completed\" and .assignments[0].last_position.lat == 42.3)"
req GET "/dispatch/board?date=$day" "$driver_token"
expect "a driver does not see the board" 403

finish
