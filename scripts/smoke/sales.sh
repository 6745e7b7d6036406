#!/usr/bin/env bash
# Sales through the gateway: agents and the round-robin (two new agents take the next turns in
# order), leads and their lifecycle, activities, email preferences, a campaign that reaches an
# opted-in address through notification-service (log provider) with an unsubscribe link, the
# public unsubscribe with that link's token (no login), a second campaign that skips the address,
# the conversion of a lead into a client and a charter inquiry, a signed-in agent's own leads and
# open tasks (GET /agents/me, assigned_to=me), a task completed and reopened, the audit trail's
# entries for a deactivation and a conversion (read back from change-mgmt-service), and refusals.
source "$(dirname "$0")/../lib/smoke.sh"

agent=$(login sales@example.com demo-pass-2026)
manager=$(login manager@example.com demo-pass-2026)
dispatcher=$(login dispatch@example.com demo-pass-2026)
[ -n "$agent" ] && [ -n "$manager" ] && [ -n "$dispatcher" ] \
  && ok "the demo sales agent, manager and dispatcher sign in" || fail "the demo sales agent, manager and dispatcher sign in"

req GET /sales/health
expect "sales-service is healthy" 200 '.status == "healthy" and .service == "sales-service"'

run="$RANDOM$RANDOM"
uuid() { cat /proc/sys/kernel/random/uuid; }

# ---- agents and the round-robin
req GET "/sales/agents?active=true&limit=200" "$manager"
expect "the manager lists the active agents" 200 '.items | type == "array"'
already=$(jq -r '.total' <<<"$body")
# an agent is an active auth-service user holding sales_agent: the admin makes two, and a manager who is not one
admin=$(login admin@example.com admin123)
# (not in $(...): req and expect keep their state in this shell)
sales_user() {
  req POST /auth/users "$admin" "{\"email\":\"$1\",\"full_name\":\"$2\",\"password\":\"Smoke-Pass-2026\",\"roles\":[$3]}"
  expect "the admin makes the user $2" 201 '.id != null'
  made=$(jq -r .id <<<"$body")
}
sales_user "smoke-a-$run@example.com" "Smoke Agent A $run" '"sales_agent"'; user_a=$made
sales_user "smoke-b-$run@example.com" "Smoke Agent B $run" '"sales_agent"'; user_b=$made
sales_user "smoke-m-$run@example.com" "Smoke Manager $run" '"manager"'; user_m=$made
req POST /sales/agents "$manager" "{\"user_id\":\"$(uuid)\",\"name\":\"Nobody $run\",\"email\":\"nobody-$run@example.com\"}"
expect "an agent must be an auth-service user" 400 '[.errors[].field] == ["user_id"]'
req POST /sales/agents "$manager" "{\"user_id\":\"$user_m\",\"name\":\"Smoke Manager $run\",\"email\":\"smoke-m-$run@example.com\"}"
expect "and one holding sales_agent" 409 '.detail | test("sales_agent")'
req POST /sales/agents "$manager" "{\"user_id\":\"$user_a\",\"name\":\"Smoke Agent A $run\",\"email\":\"smoke-a-$run@example.com\"}"
expect "the manager makes an agent" 201 '.active == true'
agent_a=$(jq -r .id <<<"$body")
req POST /sales/agents "$manager" "{\"user_id\":\"$user_b\",\"name\":\"Smoke Agent B $run\",\"email\":\"smoke-b-$run@example.com\"}"
expect "and a second" 201 '.active == true'
agent_b=$(jq -r .id <<<"$body")
# every active agent takes one turn per round: two rounds give each new agent exactly two leads
rounds=$(( (already + 2) * 2 ))
for i in $(seq 1 "$rounds"); do
  req POST /sales/leads "$agent" "{\"name\":\"Smoke Rotation $run $i\",\"source\":\"website\"}"
  [ "$status" = 201 ] || { fail "a lead of the rotation" "status $status: ${body:0:200}"; break; }
done
req GET "/sales/leads?assigned_to=$agent_a&q=Smoke%20Rotation%20$run" "$agent"
expect "two rounds of the rotation give the first new agent exactly two leads" 200 '.total == 2'
req GET "/sales/leads?assigned_to=$agent_b&q=Smoke%20Rotation%20$run" "$agent"
expect "and the second exactly two" 200 '.total == 2'
req PATCH "/sales/agents/$agent_b" "$manager" '{"active":false}'
expect "the manager takes an agent out of the rotation" 200 '.active == false'
req PATCH "/sales/agents/$agent_b" "$manager" '{"active":false}'
expect "again: nothing changes" 200 '.active == false and .version == 2'

# ---- a signed-in agent finds itself, its own leads and its open tasks
agent_a_token=$(login "smoke-a-$run@example.com" Smoke-Pass-2026)
req GET /sales/agents/me "$agent_a_token"
expect "a signed-in agent finds its own agent" 200 ".id == \"$agent_a\""
req GET /sales/agents/me "$manager"
expect "a caller who is no agent has none" 404
req GET "/sales/leads?assigned_to=me&q=Smoke%20Rotation%20$run" "$agent_a_token"
expect "and lists its own leads" 200 ".total == 2 and ([.items[].assigned_to] | unique) == [\"$agent_a\"]"
my_lead=$(jq -r '.items[0].id' <<<"$body")
req GET "/sales/leads?assigned_to=mine" "$agent_a_token"
expect "assigned_to is an agent id or me" 400
due_soon=$(date -u -d '+2 hours' +%FT%TZ); due_bound=$(date -u -d '+1 day' +%FT%TZ)
req POST "/sales/leads/$my_lead/activities" "$agent_a_token" "{\"type\":\"task\",\"subject\":\"Smoke follow-up $run\",\"due_at\":\"$due_soon\"}"
expect "the agent sets itself a task" 201 '.completed_at == null and .version == 1'
task=$(jq -r .id <<<"$body")
req GET "/sales/activities?type=task&open=true&due_before=$due_bound&assigned_to=me" "$agent_a_token"
expect "its open tasks due list it" 200 "[.items[].id] | index(\"$task\") != null"
req PATCH "/sales/leads/$my_lead/activities/$task" "$agent_a_token" "{\"version\":1,\"completed_at\":\"$(date -u -d '-1 minute' +%FT%TZ)\"}"
expect "the agent completes the task" 200 '.completed_at != null and .version == 2'
req GET "/sales/activities?type=task&open=true&due_before=$due_bound&assigned_to=me" "$agent_a_token"
expect "and it is no longer open" 200 "[.items[].id] | index(\"$task\") == null"
req PATCH "/sales/leads/$my_lead/activities/$task" "$agent_a_token" "{\"version\":2,\"completed_at\":\"$(date -u -d '+1 day' +%FT%TZ)\"}"
expect "a completion in the future is a 400" 400 '[.errors[]?.field] | index("completed_at") != null'
req PATCH "/sales/leads/$my_lead/activities/$task" "$agent_a_token" '{"version":1,"completed_at":null}'
expect "a stale version is a 409" 409
req PATCH "/sales/leads/$my_lead/activities/$task" "$agent_a_token" '{"version":2,"completed_at":null}'
expect "the agent reopens it" 200 '.completed_at == null and .version == 3'
req PATCH "/sales/leads/$my_lead/activities/$task" "$agent_a_token" '{"version":3,'
expect "malformed JSON is a 400" 400
req PATCH "/sales/leads/$my_lead/activities/$task" "$dispatcher" '{"version":3,"subject":"X"}'
expect "a dispatcher cannot change activities" 403
req PATCH "/sales/leads/$my_lead/activities/$(uuid)" "$agent_a_token" '{"version":3,"subject":"X"}'
expect "an unknown activity is a 404" 404

# the deactivation is in the platform audit trail (sales' outbox delivers it to change-mgmt-service)
audit_of() { # audit_of ACTION ENTITY_ID: waits up to 20 s for its one entry
  for _ in $(seq 1 40); do
    req GET "/change-mgmt/audit-events?service=sales-service&action=$1&entity_id=$2" "$manager"
    [ "$(jq -r '.total' <<<"$body" 2>/dev/null)" = 1 ] && return 0
    sleep 0.5
  done
  return 1
}
audit_of agent.deactivated "$agent_b" && ok "the deactivation is in the audit trail once" || fail "the deactivation is in the audit trail once" "${body:0:200}"
req POST /sales/agents "$agent" "{\"user_id\":\"$(uuid)\",\"name\":\"X\",\"email\":\"x-$run@example.com\"}"
expect "a sales agent cannot make agents" 403

# ---- a lead and its lifecycle
lead_email="smoke-lead-$run@example.com"
req POST /sales/leads "$agent" "{\"name\":\"Robin Smoke\",\"company\":\"Smoke Lead Club $run\",\"email\":\"$lead_email\",\"phone\":\"+16175550142\",\"source\":\"event\",\"trip_description\":\"Day trip to the coast\",\"estimated_passengers\":40,\"estimated_date\":\"$(date -u -d '+60 days' +%F)\",\"estimated_value\":2800.00}"
expect "a sales agent records a lead: new, with a reference and an agent" 201 '.status == "new" and (.reference | test("^LD-[0-9]{4}-[0-9]{5,}$")) and .assigned_to != null'
lead=$(jq -r .id <<<"$body")
req PATCH "/sales/leads/$lead" "$agent" '{"version":1,"status":"contacted"}'
expect "the lead is contacted" 200 '.status == "contacted" and .version == 2'
req PATCH "/sales/leads/$lead" "$agent" '{"version":2,"status":"new"}'
expect "going back to new is a 409 naming the current status" 409 '.detail | test("contacted")'
req PATCH "/sales/leads/$lead" "$agent" '{"version":1,"phone":null}'
expect "a stale version is a 409" 409
req PATCH "/sales/leads/$lead" "$agent" '{"version":2,"status":"lost"}'
expect "lost needs a lost_reason" 400 '[.errors[]?.field] | index("lost_reason") != null'
req POST "/sales/leads/$lead/activities" "$agent" '{"type":"call","subject":"Intro call","notes":"Two coaches maybe"}'
expect "the agent logs a call" 201 '.type == "call"'
req GET "/sales/leads/$lead/activities" "$agent"
expect "the lead's activities list it" 200 '.total == 1 and .items[0].subject == "Intro call"'
req GET "/sales/leads?status=contacted&source=event&q=Smoke%20Lead%20Club%20$run" "$manager"
expect "the list filters on status, source and text" 200 ".total == 1 and .items[0].id == \"$lead\""

# ---- email preferences and marketing
opted_in="smoke-in-$run@example.com"
leaving="smoke-out-$run@example.com"
for e in "$opted_in" "$leaving"; do
  req POST /sales/leads "$agent" "{\"name\":\"Marketing $e\",\"email\":\"$e\",\"source\":\"referral\"}"
  expect "a lead with $e" 201
done
req GET "/sales/email-preferences/$(tr a-z A-Z <<<"$opted_in")" "$agent"
expect "an address never set reads as opted in, lower-cased" 200 ".email == \"$opted_in\" and .marketing_opt_in == true"
subject1="Smoke spring offer $run"
req POST /sales/campaigns "$manager" "{\"name\":\"Smoke $run one\",\"subject\":\"$subject1\",\"body\":\"Spring charters are open.\",\"audience\":{\"sources\":[\"referral\"],\"statuses\":[\"new\"]}}" "Idempotency-Key: smoke-campaign-$run"
expect "the manager sends a campaign to new referral leads" 201 '.recipients >= 2'
campaign1=$(jq -r .id <<<"$body")
req POST /sales/campaigns "$manager" "{\"name\":\"Smoke $run one\",\"subject\":\"$subject1\",\"body\":\"Spring charters are open.\",\"audience\":{\"sources\":[\"referral\"],\"statuses\":[\"new\"]}}" "Idempotency-Key: smoke-campaign-$run"
expect "the same campaign again under its Idempotency-Key is the same campaign" 201 ".id == \"$campaign1\""
req POST /sales/campaigns "$agent" "{\"name\":\"X\",\"subject\":\"X\",\"body\":\"X\",\"audience\":{}}"
expect "a sales agent cannot send a campaign" 403

# the emails reach notification-service through sales' outbox; the log provider "sends" them
mail_of() { # mail_of ADDRESS SUBJECT: waits up to 20 s for that email; $body is the last list read
  for _ in $(seq 1 40); do
    req GET "/notifications/notifications?to=$1&limit=50" "$manager"
    [ "$(jq -r --arg s "$2" '[.items[] | select(.subject == $s)] | length' <<<"$body" 2>/dev/null)" -ge 1 ] 2>/dev/null && return 0
    sleep 0.5
  done
  return 1
}
mail_of "$leaving" "$subject1" && ok "the campaign email reached $leaving" || fail "the campaign email reached $leaving"
mail_body=$(jq -r --arg s "$subject1" '[.items[] | select(.subject == $s)][0].body' <<<"$body")
token=$(grep -o 'unsubscribe?token=[A-Za-z0-9_-]*' <<<"$mail_body" | head -1 | cut -d= -f2)
[ -n "$token" ] && ok "the email carries an unsubscribe link with a token" || fail "the email carries an unsubscribe link with a token" "${mail_body:0:200}"
mail_of "$opted_in" "$subject1" && ok "and reached $opted_in" || fail "and reached $opted_in"

req POST /sales/unsubscribe "" "{\"token\":\"$token\"}"
expect "the public unsubscribe with the link's token opts the address out, without a login" 200 '.status == "unsubscribed"'
req POST /sales/unsubscribe "" "{\"token\":\"$token\"}"
expect "and answers the same again" 200 '.status == "unsubscribed"'
req POST /sales/unsubscribe "" '{"token":"no-such-token"}'
expect "an unknown token is a 404" 404
req POST /sales/unsubscribe "" '{"token":'
expect "malformed JSON is a 400" 400
req GET "/sales/email-preferences/$leaving" "$agent"
expect "the address reads as opted out by its link" 200 '.marketing_opt_in == false and .source == "unsubscribe"'

subject2="Smoke summer offer $run"
req POST /sales/campaigns "$manager" "{\"name\":\"Smoke $run two\",\"subject\":\"$subject2\",\"body\":\"Summer charters.\",\"audience\":{\"sources\":[\"referral\"],\"statuses\":[\"new\"]}}"
expect "a second campaign to the same audience suppresses the opted-out address" 201 '.suppressed >= 1'
campaign2=$(jq -r .id <<<"$body")
mail_of "$opted_in" "$subject2" && ok "the second campaign reached $opted_in" || fail "the second campaign reached $opted_in"
for _ in $(seq 1 40); do
  req GET "/sales/campaigns/$campaign2" "$manager"
  [ "$(jq -r .queued <<<"$body")" = 0 ] && break
  sleep 0.5
done
expect "its delivery is done" 200 '.queued == 0'
req GET "/notifications/notifications?to=$leaving&limit=50" "$manager"
expect "and $leaving never got it" 200 "[.items[] | select(.subject == \"$subject2\")] | length == 0"

# ---- conversion: a client and a charter inquiry, with the agent's own token
day=$(date -u -d '+45 days' +%F)
convert="{\"charter\":{\"trip_type\":\"round_trip\",\"pickup_at\":\"${day}T13:00:00Z\",\"return_at\":\"${day}T21:00:00Z\",\"stops\":[{\"sequence\":1,\"address\":\"1 Main St, Boston, MA\",\"depart_at\":\"${day}T13:00:00Z\"},{\"sequence\":2,\"address\":\"Rockport, MA\",\"arrive_at\":\"${day}T15:00:00Z\"}],\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}],\"miles\":80}}"
req POST "/sales/leads/$lead/convert" "$agent" "$convert"
expect "the agent converts the lead: a client and a charter inquiry" 200 ".lead_id == \"$lead\" and .client_id != null and .charter_id != null"
client=$(jq -r .client_id <<<"$body"); charter=$(jq -r .charter_id <<<"$body")
req GET "/clients/clients/$client" "$agent"
expect "client-service has the client, named after the lead's company" 200 ".name == \"Smoke Lead Club $run\" and .email == \"$lead_email\""
req GET "/charters/charters/$charter" "$agent"
expect "charter-service has the inquiry for it, for the lead's 40 passengers" 200 ".status == \"inquiry\" and .client_id == \"$client\" and .passenger_count == 40"
req GET "/sales/leads/$lead" "$agent"
expect "the lead is converted and qualified" 200 ".converted_client_id == \"$client\" and .converted_charter_id == \"$charter\" and .status == \"qualified\""
req POST "/sales/leads/$lead/convert" "$agent" "$convert"
expect "a second conversion is a 409 naming both ids" 409 ".detail | contains(\"$client\") and contains(\"$charter\")"
audit_of lead.converted "$lead" && ok "the conversion is in the audit trail once" || fail "the conversion is in the audit trail once" "${body:0:200}"

# ---- bad input and the wrong people
req POST /sales/leads "$agent" '{"name":'
expect "malformed JSON is a 400 problem" 400 '.status == 400'
req POST /sales/leads "$agent" '{"name":"X","source":"billboard"}'
expect "an unknown source is a 400 naming source" 400 '[.errors[]?.field] | index("source") != null'
req GET "/sales/leads/$(uuid)" "$agent"
expect "an unknown lead is a 404" 404
req GET /sales/leads "$dispatcher"
expect "a dispatcher cannot read leads" 403
req GET /sales/leads
expect "without a token it is a 401" 401

req PATCH "/sales/agents/$agent_a" "$manager" '{"active":false}'
expect "the smoke agents leave the rotation again" 200 '.active == false'

finish
