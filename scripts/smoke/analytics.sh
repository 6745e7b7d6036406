#!/usr/bin/env bash
# Analytics through the gateway: the dashboard, then a charter booked now shows up in today's
# bookings and month-to-date revenue, in the revenue report by day, client and vehicle type, in the
# charter metrics and as CSV with the JSON's figures; bad input and other roles are refused.
source "$(dirname "$0")/../lib/smoke.sh"

admin=$(login admin@example.com admin123)
agent=$(login sales@example.com demo-pass-2026)
accounts=$(login accounts@example.com demo-pass-2026)
manager=$(login manager@example.com demo-pass-2026)
[ -n "$admin" ] && [ -n "$agent" ] && [ -n "$accounts" ] && [ -n "$manager" ] \
  && ok "the admin and the demo sales agent, accountant and manager sign in" \
  || fail "the admin and the demo sales agent, accountant and manager sign in"

req GET /analytics/health
expect "analytics-service is healthy" 200 '.status == "healthy" and .service == "analytics-service"'

away_from_midnight   # "today" below must still be the services' today when they date what this suite makes
today=$(business_date)
month=$(TZ=$business_zone date +%Y-%m-01)
cents() { jq -n "$1 * 100 | round"; }

req GET /analytics/dashboard "$manager"
expect "the dashboard answers with today's date" 200 ".date == \"$today\" and (.next_7_days | length) == 7"
before_bookings=$(jq -r .month_to_date_bookings <<<"$body")
before_revenue=$(jq -r .month_to_date_revenue <<<"$body")
req GET "/analytics/revenue?from=$today&to=$today&group_by=day" "$accounts"
expect "today's revenue" 200 '.group_by == "day"'
before_day=$(jq -r .totals.booked_revenue <<<"$body")

book_charter "$agent" Analytics 30
total=$(jq -r .total <<<"$body")

req GET /analytics/dashboard "$manager"
expect "the booking counts in the month to date" 200 ".month_to_date_bookings == $before_bookings + 1"
[ "$(cents "$(jq -r .month_to_date_revenue <<<"$body")")" = "$(cents "($before_revenue + $total)")" ] \
  && ok "month-to-date revenue grew by the accepted quote's total ($total)" \
  || fail "month-to-date revenue grew by the accepted quote's total ($total)" "$body"

req GET "/analytics/revenue?from=$today&to=$today&group_by=day" "$accounts"
expect "the revenue report by day" 200 ".rows | map(.key) | index(\"$today\") != null"
[ "$(cents "$(jq -r .totals.booked_revenue <<<"$body")")" = "$(cents "($before_day + $total)")" ] \
  && ok "today's booked revenue grew by $total" || fail "today's booked revenue grew by $total" "$body"

req GET "/analytics/revenue?from=$month&to=$today&group_by=client" "$admin"
expect "revenue by client lists the new client" 200 ".rows | map(select(.key == \"$client\" and .bookings == 1)) | length == 1"
req GET "/analytics/revenue?from=$month&to=$today&group_by=vehicle_type" "$admin"
expect "revenue by vehicle type has a coach_56 row" 200 '.rows | map(select(.key == "coach_56")) | length == 1'

req GET "/analytics/charters/metrics?from=$month&to=$today" "$manager"
expect "charter metrics count the booking" 200 '.bookings >= 1 and .quotes_sent >= 1 and .conversion_pct != null'
req GET "/analytics/vendors/performance?from=$month&to=$today" "$manager"
expect "vendor performance answers a ranking" 200 '(.vendors | to_entries | all(.value.rank == .key + 1))'

csv=$(curl -sS -H "Authorization: Bearer $accounts" "$API/analytics/revenue?from=$today&to=$today&group_by=day&format=csv")
req GET "/analytics/revenue?from=$today&to=$today&group_by=day" "$accounts"
[ "$(head -1 <<<"$csv" | tr -d '\r')" = "key,label,bookings,booked_revenue,collected" ] && grep -q "^TOTAL,," <<<"$csv" \
  && ok "revenue as CSV: header and TOTAL line" || fail "revenue as CSV: header and TOTAL line" "${csv:0:200}"
[ "$(cents "$(tail -1 <<<"$csv" | tr -d '\r' | cut -d, -f4)")" = "$(cents "$(jq -r .totals.booked_revenue <<<"$body")")" ] \
  && ok "the CSV's total is the JSON's" || fail "the CSV's total is the JSON's" "${csv:0:200}"
csv=$(curl -sS -H "Authorization: Bearer $manager" "$API/analytics/dashboard?format=csv")
grep -q "^outstanding_receivables," <<<"$csv" && ok "the dashboard as CSV" || fail "the dashboard as CSV" "${csv:0:200}"

req GET "/analytics/revenue?from=$today&to=$month&group_by=day" "$accounts"
[ "$today" = "$month" ] && ok "(from > to skipped on the 1st)" || expect "from after to is a 400 naming from" 400 '.errors | map(.field) | index("from") != null'
req GET "/analytics/revenue?from=2026-02-30&to=$today&group_by=day" "$accounts"
expect "an impossible date is a 400" 400 '.errors | map(.field) | index("from") != null'
req GET "/analytics/revenue?from=$month&to=$today&group_by=year" "$accounts"
expect "an unknown group_by is a 400" 400
req GET "/analytics/dashboard?format=xlsx" "$accounts"
expect "a format other than json or csv is a 400" 400
req GET /analytics/dashboard "$agent"
expect "a sales agent may not read reports (403)" 403
req GET /analytics/dashboard
expect "no token is a 401" 401
finish
