#!/usr/bin/env bash
# Change management through the gateway: change cases on booked charters, priced by pricing-service,
# reviewed and decided (the threshold: |delta| >= 500.00 or a cancellation needs a manager),
# implemented on charter-service after commit (a date change moves the charter, a cancellation
# cancels it), the client emailed of the decision and of the change made, their history, the
# audit trail, a client user's own cases, and refusals.
source "$(dirname "$0")/../lib/smoke.sh"

admin=$(login admin@example.com admin123)
agent=$(login sales@example.com demo-pass-2026)
manager=$(login manager@example.com demo-pass-2026)
dispatcher=$(login dispatch@example.com demo-pass-2026)
accounts=$(login accounts@example.com demo-pass-2026)
[ -n "$admin" ] && [ -n "$agent" ] && [ -n "$manager" ] && [ -n "$dispatcher" ] && [ -n "$accounts" ] \
  && ok "the admin and the demo sales agent, manager, dispatcher and accountant sign in" \
  || fail "the admin and the demo sales agent, manager, dispatcher and accountant sign in"

req GET /change-mgmt/health
expect "change-mgmt-service is healthy" 200 '.status == "healthy" and .service == "change-mgmt-service"'

uuid() { cat /proc/sys/kernel/random/uuid; }

# poll_case ID: reads the case until it has left implementing (at most 20 s); $body is the last read
poll_case() {
  for _ in $(seq 1 40); do
    req GET "/change-mgmt/cases/$1" "$manager"
    [ "$status" = 200 ] && [ "$(jq -r .status <<<"$body")" != implementing ] && return
    sleep 0.5
  done
}

# a date change on a booked charter: priced against its accepted quote, approved by a dispatcher, implemented
book_charter "$agent" ChangeMgmt 60
quote_total=$(jq -r .total <<<"$body")
new_pickup=$(date -u -d "${pickup:0:10} +7 days" +%Y-%m-%dT13:00:00Z)   # the same time of day a week after the booked pickup
req POST /change-mgmt/cases "$agent" "{\"charter_id\":\"$charter\",\"type\":\"date_change\",\"description\":\"The group moves a week later\",\"requested_changes\":{\"pickup_at\":\"$new_pickup\"}}"
expect "the agent opens a date change: submitted, priced against the accepted quote" 201 \
  "(.reference | test(\"^CHG-[0-9]{4}-[0-9]{5,}\$\")) and .status == \"submitted\" and .charter_id == \"$charter\" and .client_id == \"$client\" and ((.current_total * 100 | round) == ($quote_total * 100 | round)) and (.price_delta != null)"
date_case=$(jq -r .id <<<"$body")
needs_manager=$(jq -r .requires_manager <<<"$body")
req POST "/change-mgmt/cases/$date_case/approve" "$manager" '{}'
expect "approving before a review is a 409 naming the state" 409 '.detail | test("submitted")'
req POST "/change-mgmt/cases/$date_case/review" "$dispatcher" '{"comment":"checked the fleet"}'
expect "the dispatcher reviews it" 200 '.status == "under_review" and .version == 2'
approver=$dispatcher; [ "$needs_manager" = true ] && approver=$manager
req POST "/change-mgmt/cases/$date_case/approve" "$approver" '{"comment":"ok"}'
expect "and it is approved" 200 '.status == "approved" and .decided_at != null'
req POST "/change-mgmt/cases/$date_case/implement" "$dispatcher" '{}'
expect "implement answers 202: implementing" 202 '.status == "implementing"'
poll_case "$date_case"
expect "the case is implemented" 200 '.status == "implemented" and .implemented_at != null'
req GET "/charters/charters/$charter" "$agent"
expect "and the charter really moved a week on" 200 "(.pickup_at | startswith(\"${new_pickup:0:10}\")) and .version > 1"
# the client (this charter has no contact) is emailed of the approval and of the change made
req GET "/clients/clients/$client" "$agent"
booking_email=$(jq -r .email <<<"$body")
for _ in $(seq 1 40); do
  req GET "/notifications/notifications?template_code=change_request_update&to=$booking_email" "$manager"
  [ "$(jq -r .total <<<"$body")" = 2 ] && break
  sleep 0.5
done
expect "the client is emailed 'approved' and then 'implemented'" 200 \
  '.total == 2 and ([.items[].subject | test("is (approved|implemented)$")] | all)'
req GET "/change-mgmt/cases/$date_case/history" "$agent"
expect "its history has the five transitions" 200 \
  '[.items[].to] == ["submitted","under_review","approved","implementing","implemented"] and .items[0].from == null'

# the threshold: three coaches instead of one is well over 500.00: a dispatcher may not approve it
req POST /change-mgmt/cases "$agent" "{\"charter_id\":\"$charter\",\"type\":\"vehicle_change\",\"description\":\"Two more coaches\",\"requested_changes\":{\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":3}]}}"
expect "a vehicle change over the threshold needs a manager" 201 '.requires_manager == true and .price_delta >= 500'
big_case=$(jq -r .id <<<"$body")
req POST "/change-mgmt/cases/$big_case/review" "$dispatcher" '{}'
expect "reviewed" 200 '.status == "under_review"'
req POST "/change-mgmt/cases/$big_case/approve" "$dispatcher" '{}'
expect "the dispatcher's approval is a 403 naming why" 403 '.detail | test("manager")'
req POST "/change-mgmt/cases/$big_case/approve" "$manager" '{}'
expect "the manager approves it" 200 '.status == "approved"'
req POST "/change-mgmt/cases/$big_case/cancel" "$agent" '{}'
expect "a decided case cannot be cancelled" 409 '.detail | test("approved")'

# a cancellation needs a manager whatever its price, and implementing it cancels the charter
book_charter "$agent" ChangeMgmtCancel 75
cancelled_charter=$charter
req POST /change-mgmt/cases "$agent" "{\"charter_id\":\"$charter\",\"type\":\"cancellation\",\"description\":\"The school trip is off\",\"requested_changes\":{}}"
expect "a cancellation needs a manager and costs the whole quote" 201 '.requires_manager == true and .new_total == 0 and .price_delta == (0 - .current_total)'
cancel_case=$(jq -r .id <<<"$body")
req POST "/change-mgmt/cases/$cancel_case/review" "$manager" '{}'
req POST "/change-mgmt/cases/$cancel_case/approve" "$manager" '{"comment":"refund per policy"}'
expect "the manager approves the cancellation" 200 '.status == "approved"'
req POST "/change-mgmt/cases/$cancel_case/implement" "$manager" '{}'
expect "implementing" 202 '.status == "implementing"'
poll_case "$cancel_case"
expect "the cancellation is implemented" 200 '.status == "implemented"'
req GET "/charters/charters/$cancelled_charter" "$agent"
expect "and the charter is cancelled" 200 '.status == "cancelled"'
req POST /change-mgmt/cases "$agent" "{\"charter_id\":\"$cancelled_charter\",\"type\":\"other\",\"description\":\"x\",\"requested_changes\":{\"note\":\"n\"}}"
expect "a cancelled charter takes no more cases" 409 '.detail | test("cancelled")'

# the audit trail: every transition of a case is one event
req GET "/change-mgmt/audit-events?entity_type=change_case&entity_id=$date_case" "$accounts"
expect "the accountant reads the date change's five audit events, newest first" 200 \
  '.total == 5 and [.items[].action] == ["case.implemented","case.implementation_started","case.approved","case.reviewed","case.submitted"]'
req GET "/change-mgmt/audit-events?entity_id=$date_case&limit=2" "$manager"
next=$(jq -r .next <<<"$body")
req GET "/change-mgmt/audit-events?entity_id=$date_case&limit=2&after=$next" "$manager"
expect "the trail pages by cursor" 200 '(.items | length) == 2 and .items[0].action == "case.approved"'
req GET /change-mgmt/audit-events "$agent"
expect "a sales agent cannot read the audit trail" 403
event="{\"service\":\"charter-service\",\"action\":\"charter.status_changed\",\"entity_type\":\"charter\",\"entity_id\":\"$charter\",\"actor\":\"system\",\"occurred_at\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}"
req POST /change-mgmt/audit-events "$manager" "$event" "Idempotency-Key: $(uuid)"
expect "a manager's token cannot append to the audit trail (services only)" 403

# a client user: its own charters only, its own cases only
book_charter "$agent" ChangeMgmtClient 90
own_charter=$charter; own_client=$client
client_email="cm-client-$RANDOM$RANDOM@example.com"
req POST /auth/users "$admin" "{\"email\":\"$client_email\",\"full_name\":\"Carla Client\",\"password\":\"Smoke-Client-2026\",\"roles\":[\"client\"],\"client_id\":\"$own_client\"}"
expect "the client gets a portal user" 201
client_token=$(login "$client_email" Smoke-Client-2026)
req POST /change-mgmt/cases "$client_token" "{\"charter_id\":\"$own_charter\",\"type\":\"passenger_count_change\",\"description\":\"Five fewer of us\",\"requested_changes\":{\"passengers\":35}}"
expect "the client asks for a change to its own charter" 201 ".client_id == \"$own_client\" and .requested_by != null"
client_case=$(jq -r .id <<<"$body")
req POST /change-mgmt/cases "$client_token" "{\"charter_id\":\"$cancelled_charter\",\"type\":\"other\",\"description\":\"x\",\"requested_changes\":{\"note\":\"n\"}}"
expect "another client's charter is an unknown charter" 400 '.errors[0].field == "charter_id"'
req GET "/change-mgmt/cases/$big_case" "$client_token"
expect "another client's case is a 404" 404
req GET /change-mgmt/cases "$client_token"
expect "the client's list holds only its own cases" 200 "([.items[].client_id] | unique) == [\"$own_client\"]"
req POST "/change-mgmt/cases/$client_case/approve" "$client_token" '{}'
expect "a client cannot decide" 403
req POST "/change-mgmt/cases/$client_case/cancel" "$client_token" '{"comment":"never mind"}'
expect "but cancels its own request" 200 '.status == "cancelled"'

# refusals
req POST /change-mgmt/cases "$agent" '{"charter_id":'
expect "malformed JSON is a 400" 400
req POST /change-mgmt/cases "$agent" "{\"charter_id\":\"$(uuid)\",\"type\":\"other\",\"description\":\"x\",\"requested_changes\":{\"note\":\"n\"}}"
expect "an unknown charter is a 400 naming charter_id" 400 '.errors[0].field == "charter_id"'
req POST /change-mgmt/cases "$agent" "{\"charter_id\":\"$own_charter\",\"type\":\"date_change\",\"description\":\"x\",\"requested_changes\":{\"passengers\":3}}"
expect "fields of another type are a 400 naming them" 400 '[.errors[].field] | index("requested_changes.passengers") != null'
req POST /change-mgmt/cases "$accounts" "{\"charter_id\":\"$own_charter\",\"type\":\"other\",\"description\":\"x\",\"requested_changes\":{\"note\":\"n\"}}"
expect "an accountant cannot open a case" 403
req POST /change-mgmt/cases "$agent" "{\"charter_id\":\"$own_charter\",\"type\":\"date_change\",\"description\":\"x\",\"requested_changes\":{\"pickup_at\":\"2020-01-01T08:00:00Z\"}}"
expect "a date change into the past is a 400 naming pickup_at" 400 '[.errors[].field] == ["requested_changes.pickup_at"]'
req POST /change-mgmt/cases "$agent" "{\"charter_id\":\"$own_charter\",\"type\":\"other\",\"description\":\"x\",\"requested_changes\":{\"note\":\"n\"}}"
open_case=$(jq -r .id <<<"$body")
req POST "/change-mgmt/cases/$open_case/cancel" "$accounts" '{}'
expect "an accountant cannot cancel a case" 403
req GET "/change-mgmt/cases/$(uuid)" "$manager"
expect "an unknown case is a 404" 404
req GET "/change-mgmt/cases?status=nonsense" "$manager"
expect "an unknown status filter is a 400" 400

finish
