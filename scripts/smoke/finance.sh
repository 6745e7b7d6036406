#!/usr/bin/env bash
# Finance through the gateway: book a charter, invoice it from its accepted quote and issue it,
# record payments in payment-service and see finance apply them (payment.recorded through
# payment-service's outbox), a credit memo, void refused once money is applied, the charter's
# completion and vendor payment reaching finance (charter-service's outbox), AR aging as JSON and
# CSV, the trial balance, a period close, the statement as JSON and PDF, and refusals.
source "$(dirname "$0")/../lib/smoke.sh"

admin=$(login admin@example.com admin123)
agent=$(login sales@example.com demo-pass-2026)
accounts=$(login accounts@example.com demo-pass-2026)
manager=$(login manager@example.com demo-pass-2026)
dispatcher=$(login dispatch@example.com demo-pass-2026)
[ -n "$admin" ] && [ -n "$agent" ] && [ -n "$accounts" ] && [ -n "$manager" ] && [ -n "$dispatcher" ] \
  && ok "the admin and the demo sales agent, accountant, manager and dispatcher sign in" \
  || fail "the admin and the demo sales agent, accountant, manager and dispatcher sign in"

req GET /finance/health
expect "finance-service is healthy" 200 '.status == "healthy" and .service == "finance-service"'

away_from_midnight   # "today" below must still be the services' today when they date what this suite makes
today=$(business_date)
cents() { jq -n "$1 * 100 | round"; }
uuid() { cat /proc/sys/kernel/random/uuid; }

# fetch NAME PATH TOKEN: GETs PATH into $file, sets $status and $ctype (for what is not JSON)
file=$(mktemp /tmp/smoke-finance.XXXXXX)
trap 'rm -f "$file"' EXIT
fetch() {
  local out
  out=$(curl -sS -o "$file" -w '%{http_code} %{content_type}' -H "Authorization: Bearer $2" "$API$1" 2>/dev/null || echo "000 -")
  status=${out%% *}; ctype=${out#* }
}

# poll_invoice JQ-FILTER: reads the invoice until the filter holds (at most 20 s); $body is the last read
poll_invoice() {
  for _ in $(seq 1 40); do
    req GET "/finance/invoices/$invoice" "$accounts"
    [ "$status" = 200 ] && [ "$(jq -r "$1" <<<"$body" 2>/dev/null)" = true ] && return
    sleep 0.5
  done
}

# a booked charter, and its payment schedule (payment-service records payments only against one)
book_charter "$agent" Finance 50
quote_total=$(jq -r .total <<<"$body")
total_cents=$(cents "$quote_total")
for _ in $(seq 1 40); do
  req GET "/payments/schedules?charter_id=$charter" "$accounts"
  [ "$(jq -r '.total // 0' <<<"$body")" = "1" ] && break
  sleep 0.5
done
expect "the booking opened a payment schedule" 200 '.total == 1'
deposit=$(jq -r '.items[0].installments[0].amount' <<<"$body")
deposit_cents=$(cents "$deposit")

# the invoice, from the accepted quote
req POST "/finance/invoices/from-charter/$charter" "$accounts" '{}'
expect "the accountant invoices the charter from its accepted quote: a draft with the quote's total" 201 \
  ".status == \"draft\" and (.number | test(\"^INV-[0-9]{4}-[0-9]{5,}\$\")) and .client_id == \"$client\" and .charter_id == \"$charter\" and ((.total * 100 | round) == $total_cents) and (([.lines[].amount] | add) * 100 | round) == $total_cents"
invoice=$(jq -r .id <<<"$body")
number=$(jq -r .number <<<"$body")
terms=$(jq -r .payment_terms_days <<<"$body")
req POST "/finance/invoices/from-charter/$charter" "$accounts" '{}'
expect "a second invoice for the charter is a 409 naming the first" 409 ".detail | contains(\"$number\") or contains(\"$invoice\")"

req POST "/finance/invoices/$invoice/issue" "$accounts" '{}'
due=$(TZ=$business_zone date -d "$today +$terms days" +%F)
expect "issued today, due after the client's terms, owing its total" 200 \
  ".status == \"issued\" and .issue_date == \"$today\" and .due_date == \"$due\" and ((.balance * 100 | round) == $total_cents)"
req POST "/finance/invoices/$invoice/issue" "$accounts" '{}'
expect "issuing it again is a 409 naming its status" 409 '.detail | test("issued")'

# the deposit, recorded in payment-service, reaches finance through payment-service's outbox
received_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
req POST /payments/payments "$accounts" "{\"charter_id\":\"$charter\",\"client_id\":\"$client\",\"amount\":$deposit,\"method\":\"wire\",\"reference\":\"FED-FIN-$RANDOM\",\"received_at\":\"$received_at\"}" \
  "Idempotency-Key: smoke-fin-deposit-$RANDOM$RANDOM"
expect "the accountant records the deposit by wire in payment-service" 201 '.status == "succeeded"'
poll_invoice "((.paid * 100 | round) == $deposit_cents)"
expect "finance applied the deposit to the invoice: partially paid" 200 \
  "((.paid * 100 | round) == $deposit_cents) and .status == \"partially_paid\" and ((.balance * 100 | round) == $total_cents - $deposit_cents)"
req GET "/finance/invoices/$invoice/applications" "$accounts"
expect "one application of the deposit, dated today" 200 \
  "(.items | length) == 1 and ((.items[0].amount * 100 | round) == $deposit_cents) and .items[0].applied_on == \"$today\""
req POST "/finance/invoices/$invoice/void" "$accounts" '{"reason":"smoke: wrong client"}'
expect "a partially paid invoice cannot be voided" 409

# a goodwill credit memo
memo_key="smoke-fin-memo-$RANDOM$RANDOM"
req POST "/finance/invoices/$invoice/credit-memos" "$accounts" '{"kind":"goodwill","amount":10.00,"reason":"smoke: late coach"}' "Idempotency-Key: $memo_key"
expect "the accountant credits 10.00 of goodwill" 201 ".kind == \"goodwill\" and .amount == 10 and .invoice_id == \"$invoice\" and .memo_date == \"$today\""
memo=$(jq -r .id <<<"$body")
req POST "/finance/invoices/$invoice/credit-memos" "$accounts" '{"kind":"goodwill","amount":10.00,"reason":"smoke: late coach"}' "Idempotency-Key: $memo_key"
expect "the same memo again under its Idempotency-Key is the same memo" 201 ".id == \"$memo\""
req POST "/finance/invoices/$invoice/credit-memos" "$accounts" '{"kind":"goodwill","amount":11.00,"reason":"smoke: late coach"}' "Idempotency-Key: $memo_key"
expect "another body under that key is a 409" 409
req GET "/finance/invoices/$invoice" "$accounts"
rest_cents=$((total_cents - deposit_cents - 1000))
expect "the memo lowers the open balance" 200 "((.credited * 100 | round) == 1000) and ((.balance * 100 | round) == $rest_cents)"

# AR aging while the client owes the rest: JSON and CSV give the same totals, equal to the AR account
req GET "/finance/reports/ar-aging?as_of=$today" "$accounts"
expect "AR aging: the client owes the rest, not yet past due" 200 \
  "(.clients[] | select(.client_id == \"$client\") | ((.current * 100 | round) == $rest_cents) and ((.total * 100 | round) == $rest_cents))"
expect "AR aging: the totals equal the AR control account" 200 '((.totals.total * 100 | round) == (.ar_control_balance * 100 | round))'
aging_totals=$(jq -r '[.totals.current, .totals["1_30"], .totals["31_60"], .totals["61_90"], .totals.over_90, .totals.total] | map(. * 100 | round | tostring) | join(",")' <<<"$body")
fetch "/finance/reports/ar-aging?as_of=$today&format=csv" "$accounts"
csv_header=$(head -1 "$file" | tr -d '\r')
csv_totals=$(tr -d '\r' <"$file" | grep -v '^$' | tail -1 | awk -F, '$1 == "TOTAL" { for (i = NF - 5; i <= NF; i++) printf "%s%d", (i > NF - 5 ? "," : ""), sprintf("%.0f", $i * 100) }')
if [ "$status" = 200 ] && [[ $ctype == text/csv* ]] && [ "$csv_header" = "client_id,client_name,current,1_30,31_60,61_90,over_90,total" ]; then
  ok "AR aging as CSV: text/csv with the documented header"
else fail "AR aging as CSV: text/csv with the documented header" "status $status, $ctype, header '$csv_header'"; fi
[ -n "$csv_totals" ] && [ "$csv_totals" = "$aging_totals" ] && ok "the CSV's TOTAL row equals the JSON totals" \
  || fail "the CSV's TOTAL row equals the JSON totals" "csv '$csv_totals' vs json '$aging_totals'"
grep -q "^$client," "$file" && ok "the client has its row in the CSV" || fail "the client has its row in the CSV"

# the rest, paid: the invoice is paid and can no longer be voided
rest=$(printf '%d.%02d' $((rest_cents / 100)) $((rest_cents % 100)))
req POST /payments/payments "$accounts" "{\"charter_id\":\"$charter\",\"client_id\":\"$client\",\"amount\":$rest,\"method\":\"check\",\"reference\":\"CHK-FIN-$RANDOM\",\"received_at\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}"
expect "the accountant records the rest by check" 201 '.status == "succeeded"'
poll_invoice '.status == "paid"'
expect "finance applied it: the invoice is paid" 200 ".status == \"paid\" and .balance == 0 and ((.paid * 100 | round) == $total_cents - 1000)"
req POST "/finance/invoices/$invoice/void" "$accounts" '{"reason":"smoke: wrong client"}'
expect "a paid invoice cannot be voided (credit it instead)" 409

# the charter's completion (charter-service's outbox) recognises the revenue
for step in confirmed in_progress completed; do
  req POST "/charters/charters/$charter/status" "$dispatcher" "{\"status\":\"$step\"}"
  expect "the dispatcher moves the charter to $step" 200 ".status == \"$step\""
done
poll_invoice '.recognised == true'
expect "finance heard of the completion: the invoice's revenue is recognised" 200 '.recognised == true'

# a vendor payment recorded on the charter becomes a bill in finance
vendor=$(uuid)
req POST "/charters/charters/$charter/vendor-payments" "$accounts" "{\"vendor_id\":\"$vendor\",\"amount\":612.40,\"due_date\":\"$(TZ=$business_zone date -d '+30 days' +%F)\"}"
expect "the accountant records what the charter owes a vendor" 201 '.status == "pending"'
for _ in $(seq 1 40); do
  req GET "/finance/bills?vendor_id=$vendor" "$accounts"
  [ "$(jq -r '.total // 0' <<<"$body")" = "1" ] && break
  sleep 0.5
done
expect "finance heard of it: an open bill of the vendor for 612.40" 200 \
  ".total == 1 and .items[0].charter_id == \"$charter\" and .items[0].amount == 612.4 and .items[0].status == \"open\""

# the books
req GET "/finance/ledger/trial-balance?as_of=$today" "$accounts"
expect "the trial balance is balanced: debits = credits" 200 '.balanced == true and ((.totals.debit * 100 | round) == (.totals.credit * 100 | round))'
req GET "/finance/ledger/trial-balance?as_of=$today" "$manager"
expect "the manager reads the trial balance" 200 '.balanced == true'

# a period close: a past month without postings (another one if an earlier run closed it)
for _ in 1 2 3 4 5; do
  month=$(printf '%04d-%02d' $((2001 + RANDOM % 19)) $((1 + RANDOM % 12)))
  req POST "/finance/periods/$month/close" "$accounts"
  [ "$status" != 409 ] && break
done
expect "the accountant closes $month" 200 '.closed_at != null'
req POST "/finance/periods/$month/close" "$accounts"
expect "closing it again is a 409" 409
entry="{\"entry_date\":\"$month-15\",\"memo\":\"smoke: into a closed month\",\"lines\":[{\"account\":\"cash\",\"debit\":1.00},{\"account\":\"revenue\",\"credit\":1.00}]}"
req POST /finance/ledger/entries "$accounts" "$entry" "Idempotency-Key: smoke-fin-entry-$RANDOM$RANDOM"
expect "a manual entry dated in the closed month is a 409 naming it" 409 ".detail | contains(\"$month\")"
req POST /finance/periods/november/close "$accounts"
expect "a malformed month is a 400" 400
req POST "/finance/periods/$month/close" "$manager"
expect "the manager cannot close a period" 403

# the statement: the invoice, the two payments, the memo; closing = opening + the lines = 0
req GET "/finance/clients/$client/statement?from=$today&to=$today" "$accounts"
expect "the statement shows the invoice, the payments and the credit memo" 200 \
  '([.lines[].kind] | sort) == ["credit_memo","invoice","payment","payment"]'
expect "its closing balance is the opening balance plus its lines, here 0" 200 \
  '.opening_balance == 0 and ((.closing_balance * 100 | round) == ((.opening_balance + ([.lines[].amount] | add)) * 100 | round)) and (.closing_balance * 100 | round) == 0 and (.lines[-1].balance * 100 | round) == (.closing_balance * 100 | round)'
expect "the invoice line is the invoice's total under its number" 200 \
  "(.lines[] | select(.kind == \"invoice\") | .reference == \"$number\" and ((.amount * 100 | round) == $total_cents))"
fetch "/finance/clients/$client/statement?from=$today&to=$today&format=pdf" "$accounts"
if [ "$status" = 200 ] && [[ $ctype == application/pdf* ]] && [ "$(head -c 5 "$file")" = "%PDF-" ]; then
  ok "the statement as PDF is an application/pdf document"
else fail "the statement as PDF is an application/pdf document" "status $status, $ctype, $(head -c 20 "$file" | tr -dc '[:print:]')"; fi

# bad input and the wrong people
req POST "/finance/invoices/$invoice/credit-memos" "$accounts" '{"kind":' "Idempotency-Key: smoke-fin-bad-$RANDOM"
expect "malformed JSON is a 400 problem" 400 '.status == 400'
req POST "/finance/invoices/$invoice/credit-memos" "$accounts" '{"kind":"goodwill","amount":1.001,"reason":"x"}' "Idempotency-Key: smoke-fin-bad-$RANDOM"
expect "an amount with 3 decimals is a 400 naming amount" 400 '[.errors[]?.field] | index("amount") != null'
req GET "/finance/invoices/$(uuid)" "$accounts"
expect "an unknown invoice is a 404" 404
req POST "/finance/invoices/from-charter/$(uuid)" "$accounts" '{}'
expect "invoicing an unknown charter is a 404" 404
req GET /finance/invoices "$agent"
expect "a sales agent cannot read invoices" 403
req POST "/finance/invoices/$invoice/credit-memos" "$manager" '{"kind":"goodwill","amount":1.00,"reason":"x"}' "Idempotency-Key: smoke-fin-mgr-$RANDOM"
expect "a manager cannot write a credit memo" 403
req GET "/finance/invoices/$invoice" "$manager"
expect "but reads the invoice" 200 ".id == \"$invoice\""

# the event receivers are for services only
declare -A events=(
  [payment-recorded]="{\"payment_id\":\"$(uuid)\",\"charter_id\":\"$charter\",\"client_id\":\"$client\",\"amount\":1.00,\"currency\":\"USD\",\"method\":\"cash\",\"reference\":null,\"received_at\":\"$received_at\",\"succeeded_at\":\"$received_at\",\"fee\":null}"
  [payment-refunded]="{\"refund_id\":\"$(uuid)\",\"payment_id\":\"$(uuid)\",\"charter_id\":\"$charter\",\"client_id\":\"$client\",\"amount\":1.00,\"currency\":\"USD\",\"method\":\"cash\",\"reason\":\"smoke\",\"refunded_at\":\"$received_at\"}"
  [charter-status]="{\"charter_id\":\"$charter\",\"client_id\":\"$client\",\"status\":\"cancelled\",\"changed_at\":\"$received_at\"}"
  [vendor-payment]="{\"vendor_payment_id\":\"$(uuid)\",\"charter_id\":\"$charter\",\"vendor_id\":\"$vendor\",\"amount\":1.00,\"due_date\":\"$today\",\"status\":\"paid\",\"changed_at\":\"$received_at\"}"
)
for path in payment-recorded payment-refunded charter-status vendor-payment; do
  req POST "/finance/events/$path" "$manager" "${events[$path]}" "Idempotency-Key: smoke-fin-evt-$RANDOM$RANDOM"
  expect "a manager's token cannot post /events/$path" 403
done
req POST /finance/events/payment-recorded "$accounts" "${events[payment-recorded]}" "Idempotency-Key: smoke-fin-evt-$RANDOM$RANDOM"
expect "nor can the accountant's" 403
req POST /finance/events/payment-recorded "$admin" "${events[payment-recorded]}" "Idempotency-Key: smoke-fin-evt-$RANDOM$RANDOM"
expect "nor admin's: a service-only route (Role.SERVICE_ONLY)" 403
req GET "/finance/invoices/$invoice" "$accounts"
expect "and nothing changed" 200 ".status == \"paid\" and ((.paid * 100 | round) == $total_cents - 1000)"

finish
