#!/usr/bin/env bash
# Payments through the gateway: book a charter, see its payment schedule (25 % deposit due now,
# the balance 14 days before pickup), record the deposit by wire, see the balance.
source "$(dirname "$0")/../lib/smoke.sh"

agent=$(login sales@example.com demo-pass-2026)
accounts=$(login accounts@example.com demo-pass-2026)
[ -n "$agent" ] && [ -n "$accounts" ] && ok "the demo sales agent and accountant sign in" || fail "the demo sales agent and accountant sign in"

req GET /payments/health
expect "payment-service is healthy (with or without Stripe)" 200 '.status == "healthy" and (.checks.stripe.status == "up")'

away_from_midnight   # the deposit is due on the booking day, read at the check below: one day for both
# book a charter
book_charter "$agent" Payments 40
total=$(jq -r .total <<<"$body")
cents=$(jq -n "$total * 100 | round")
deposit_cents=$(( (cents * 25 + 50) / 100 ))      # 25 %, half up to the cent
balance_due=$(TZ=$business_zone date -d "$(TZ=$business_zone date -d "$pickup" +%F) -14 days" +%F)

# the schedule arrives through charter-service's outbox within a second or two
for _ in $(seq 1 40); do
  req GET "/payments/schedules?charter_id=$charter" "$accounts"
  [ "$(jq -r '.total // 0' <<<"$body")" = "1" ] && break
  sleep 0.5
done
expect "the booking opened a payment schedule" 200 '.total == 1 and (.items[0].installments | length) == 2'
expect "the deposit is 25 % of the total, due today" 200 \
  "(.items[0].installments[0] | .kind == \"deposit\" and ((.amount * 100 | round) == $deposit_cents) and .due_date == \"$(business_date)\")"
expect "the balance is the rest, due 14 days before pickup" 200 \
  "(.items[0].installments[1] | .kind == \"balance\" and ((.amount * 100 | round) == $cents - $deposit_cents) and .due_date == \"$balance_due\")"
deposit=$(jq -r '.items[0].installments[0].amount' <<<"$body")

wire="{\"charter_id\":\"$charter\",\"client_id\":\"$client\",\"amount\":$deposit,\"method\":\"wire\",\"reference\":\"FED-SMOKE-$RANDOM\",\"received_at\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}"
key="smoke-wire-$RANDOM$RANDOM"
req POST /payments/payments "$accounts" "$wire" "Idempotency-Key: $key"
expect "the accountant records the deposit by wire" 201 '.status == "succeeded" and .method == "wire"'
payment=$(jq -r .id <<<"$body")
req POST /payments/payments "$accounts" "$wire" "Idempotency-Key: $key"
expect "the same wire again under its Idempotency-Key is the same payment" 201 ".id == \"$payment\""

req GET "/payments/schedules?charter_id=$charter" "$accounts"
expect "the deposit installment is paid" 200 '.items[0].installments[0].status == "paid" and .items[0].installments[1].status == "open"'
req GET "/payments/balances/$charter" "$accounts"
expect "the balance: the total, the deposit paid, the rest outstanding" 200 \
  "((.total * 100 | round) == $cents) and ((.paid * 100 | round) == $deposit_cents) and .refunded == 0 and ((.outstanding * 100 | round) == $cents - $deposit_cents)"

req POST /payments/payments "$agent" "$wire"
expect "a sales agent cannot record payments" 403
req POST /payments/intents "$accounts" "{\"charter_id\":\"$charter\",\"amount\":1.00}"
if [ "$status" = 503 ]; then expect "without STRIPE_SECRET_KEY card payments say Stripe is not configured" 503 '.detail | test("Stripe is not configured")'
else expect "a card payment starts a Stripe PaymentIntent" 201 '.client_secret != null'; fi

finish
