#!/usr/bin/env bash
# Notifications through the gateway: the seeded templates, a quote sent in charter-service whose
# email is queued by charter's outbox and sent by the log provider, own messages by email and SMS,
# the refusals (a missing template variable, a bad address), Idempotency-Key, and a retry refused.
source "$(dirname "$0")/../lib/smoke.sh"

agent=$(login sales@example.com demo-pass-2026)
manager=$(login manager@example.com demo-pass-2026)
[ -n "$agent" ] && [ -n "$manager" ] && ok "the demo sales agent and manager sign in" || fail "the demo sales agent and manager sign in"

req GET /notifications/health
expect "without provider keys notification-service sends with the log provider" 200 '.status == "healthy" and .provider == "log"'

req GET "/notifications/templates?limit=200" "$agent"
expect "the spec's templates are seeded" 200 '([.items[].code] | sort) == ["bid_awarded","bid_request","booking_confirmed","change_request_update","driver_assigned","password_reset","payment_receipt","quote_sent","trip_reminder"]'

# a quote sent to a contact of a new client
contact_email="smoke-contact-$RANDOM$RANDOM@example.com"
req POST /clients/clients "$agent" "{\"name\":\"Smoke Notify Tours\",\"type\":\"corporate\",\"email\":\"smoke-notify-$RANDOM$RANDOM@example.com\"}"
expect "a sales agent creates a client" 201
client=$(jq -r .id <<<"$body")
req POST "/clients/clients/$client/contacts" "$agent" "{\"name\":\"Nora Notify\",\"email\":\"$contact_email\",\"is_primary\":true}"
expect "the client gets a contact with an email address" 201
contact=$(jq -r .id <<<"$body")
pickup=$(date -u -d '+50 days' +%Y-%m-%dT13:00:00Z)
arrive=$(date -u -d '+50 days' +%Y-%m-%dT15:00:00Z)
back=$(date -u -d '+50 days' +%Y-%m-%dT21:00:00Z)
req POST /charters/charters "$agent" "{\"client_id\":\"$client\",\"contact_id\":\"$contact\",\"trip_type\":\"round_trip\",\"passenger_count\":30,\"pickup_at\":\"$pickup\",\"return_at\":\"$back\",\"stops\":[{\"sequence\":1,\"address\":\"1 Main St, Boston, MA\",\"depart_at\":\"$pickup\"},{\"sequence\":2,\"address\":\"Salem, MA\",\"arrive_at\":\"$arrive\"}],\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}],\"miles\":60}"
expect "a charter inquiry is created" 201
charter=$(jq -r .id <<<"$body"); reference=$(jq -r .reference <<<"$body")
req POST "/charters/charters/$charter/quotes" "$agent"
expect "a quote is priced" 201
quote=$(jq -r .id <<<"$body")
req POST "/charters/quotes/$quote/send" "$agent"
expect "the quote is sent" 200 ".sent_to == \"$contact_email\""

# charter's outbox asks notification-service for the email; the worker sends it (log provider)
for _ in $(seq 1 60); do
  req GET "/notifications/notifications?template_code=quote_sent&to=$contact_email" "$manager"
  [ "$(jq -r '.items[0].status // empty' <<<"$body")" = "sent" ] && break
  sleep 0.5
done
expect "the quote email is in GET /notifications as sent with the log provider" 200 \
  ".total == 1 and .items[0].status == \"sent\" and .items[0].provider == \"log\" and .items[0].created_by == \"charter-service\" and (.items[0].subject | contains(\"$reference\")) and (.items[0].body | contains(\"Dear Nora Notify\"))"
email_id=$(jq -r '.items[0].id' <<<"$body")

req GET "/notifications/notifications/$email_id" "$agent"
expect "the email shows the provider's message id" 200 ".provider_message_id == \"log-$email_id\" and .attempts == 1"

req POST "/notifications/notifications" "$agent" "{\"channel\":\"email\",\"to\":\"$contact_email\",\"template_code\":\"booking_confirmed\",\"data\":{\"recipient_name\":\"Nora\"}}"
expect "a template variable missing from data is a 400 naming it" 400 '[.errors[].field] | index("data.reference") != null'
req POST "/notifications/notifications" "$agent" '{"channel":"email","to":"not-an-address","subject":"Hi","body":"Hello"}'
expect "a bad email address is a 400" 400 '[.errors[].field] | index("to") != null'
req POST "/notifications/notifications" "$agent" '{"channel":"sms","to":"617-555-0100","body":"Hello"}'
expect "a phone number not in E.164 is a 400" 400 '[.errors[].field] | index("to") != null'

key="smoke-notify-$RANDOM$RANDOM"
sms='{"channel":"sms","to":"+16175550100","body":"Your coach is outside."}'
req POST /notifications/notifications "$agent" "$sms" "Idempotency-Key: $key"
expect "an SMS is queued" 202 '.status == "queued"'
sms_id=$(jq -r .id <<<"$body")
req POST /notifications/notifications "$agent" "$sms" "Idempotency-Key: $key"
expect "the same Idempotency-Key answers the same message" 202 ".id == \"$sms_id\""
req POST /notifications/notifications "$agent" '{"channel":"sms","to":"+16175550100","body":"Another text"}' "Idempotency-Key: $key"
expect "the same key with another body is a 409" 409

for _ in $(seq 1 40); do
  req GET "/notifications/notifications/$sms_id" "$agent"
  [ "$(jq -r .status <<<"$body")" = "sent" ] && break
  sleep 0.5
done
expect "the SMS is sent by the log provider" 200 '.status == "sent" and .provider == "log"'
req POST "/notifications/notifications/$sms_id/retry" "$manager"
expect "a sent message cannot be retried" 409
req POST "/notifications/notifications/$sms_id/retry" "$agent"
expect "only a manager retries" 403
req GET "/notifications/notifications?status=failed" "$manager"
expect "failed messages are a list" 200 '.items | type == "array"'

finish
