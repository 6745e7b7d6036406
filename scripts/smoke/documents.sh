#!/usr/bin/env bash
# Documents through the gateway: file a PDF on a charter, download the same bytes (sha256 equal),
# find it in the charter's list, see a disguised executable and an oversize file refused, delete it.
source "$(dirname "$0")/../lib/smoke.sh"

work=$(mktemp -d /tmp/smoke-documents.XXXXXX)
trap 'rm -rf "$work"' EXIT

agent=$(login sales@example.com demo-pass-2026)
[ -n "$agent" ] && ok "the demo sales agent signs in" || fail "the demo sales agent signs in"

req POST /clients/clients "$agent" "{\"name\":\"Smoke Documents Club\",\"type\":\"corporate\",\"email\":\"smoke-docs-$RANDOM$RANDOM@example.com\"}"
expect "a sales agent creates a client" 201
client=$(jq -r .id <<<"$body")
pickup=$(date -u -d '+50 days' +%Y-%m-%dT13:00:00Z)
arrive=$(date -u -d '+50 days' +%Y-%m-%dT15:00:00Z)
req POST /charters/charters "$agent" "{\"client_id\":\"$client\",\"trip_type\":\"one_way\",\"passenger_count\":20,\"pickup_at\":\"$pickup\",\"stops\":[{\"sequence\":1,\"address\":\"1 Main St, Boston, MA\",\"depart_at\":\"$pickup\"},{\"sequence\":2,\"address\":\"Salem, MA\",\"arrive_at\":\"$arrive\"}],\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}]}"
expect "a charter to file documents on" 201
charter=$(jq -r .id <<<"$body")

# upload FILE NAME [ENTITY_ID]: multipart, the fields first and the file last; sets $status and $body
upload() {
  status=$(curl -sS -o "$work/out" -w '%{http_code}' -X POST "$API/documents/documents" -H "Authorization: Bearer $agent" \
    -F entity_type=charter -F "entity_id=${3:-$charter}" -F kind=contract -F "description=Signed contract" \
    -F "file=@$1;filename=$2" 2>/dev/null || echo 000)
  body=$(cat "$work/out" 2>/dev/null)
}

{ printf '%%PDF-1.7\n'; head -c 3000000 /dev/urandom; printf '\n%%%%EOF\n'; } > "$work/contract.pdf"
sha=$(sha256sum "$work/contract.pdf" | cut -d' ' -f1)
size=$(stat -c %s "$work/contract.pdf")
upload "$work/contract.pdf" "Vertrag für München.pdf"
expect "a PDF is filed on the charter with its SHA-256" 201 ".sha256 == \"$sha\" and .size == $size and .content_type == \"application/pdf\" and .entity_id == \"$charter\""
doc=$(jq -r .id <<<"$body")

status=$(curl -sS -D "$work/headers" -o "$work/download.pdf" -w '%{http_code}' "$API/documents/documents/$doc/download" \
  -H "Authorization: Bearer $agent" 2>/dev/null || echo 000)
body=""
expect "the download answers 200" 200
[ "$(sha256sum "$work/download.pdf" | cut -d' ' -f1)" = "$sha" ] && ok "the download is the same bytes (sha256 equal)" \
  || fail "the download is the same bytes (sha256 equal)"
grep -qi "^content-disposition: attachment; filename=\"Vertrag f_r M_nchen.pdf\"; filename\*=UTF-8''Vertrag%20f%C3%BCr%20M%C3%BCnchen.pdf" "$work/headers" \
  && ok "Content-Disposition carries an ASCII fallback and the exact UTF-8 name" \
  || fail "Content-Disposition carries an ASCII fallback and the exact UTF-8 name" "$(grep -i '^content-disposition' "$work/headers")"

req GET "/documents/documents?entity_type=charter&entity_id=$charter" "$agent"
expect "the charter's documents list it" 200 "[.items[].id] | index(\"$doc\") != null"

{ printf 'MZ'; head -c 4000 /dev/zero; } > "$work/invoice.pdf"
upload "$work/invoice.pdf" invoice.pdf
expect "an executable renamed .pdf is refused" 415 '.status == 415'

upload "$work/contract.pdf" x.pdf "$(cat /proc/sys/kernel/random/uuid)"
expect "a charter that does not exist is 404" 404

{ printf '%%PDF-1.7\n'; head -c $((25 * 1024 * 1024 + 1 - 9)) /dev/zero; } > "$work/big.pdf"
upload "$work/big.pdf" big.pdf
expect "a file of 25 MB + 1 byte is 413 problem+json" 413 '.status == 413'

req DELETE "/documents/documents/$doc" "$agent"
expect "the uploader deletes it" 204
req GET "/documents/documents/$doc" "$agent"
expect "a deleted document is gone" 404

finish
