#!/usr/bin/env bash
# Document throughput: starts the stack on a scratch data directory (embedded mongo-java-server on
# H2, unless MONGO_URL points at a real MongoDB) and measures, through the gateway, MB/s of 20 MB
# PDF uploads (multipart, streamed into GridFS) and downloads (streamed out of it): one at a time,
# then 4 at once. Every download is checked byte-identical (sha256). Prints a table.
# Usage: scripts/bench/documents.sh [rounds]   (default 10 files per case)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/env.sh
use_jdk
need curl; need jq
rounds=${1:-10}
parallel=4
home=$(mktemp -d /tmp/coachway-bench-docs.XXXXXX)
gw=18080
if needs_build; then mvn_cmd -q install -DskipTests; fi

COACHWAY_HOME="$home" GATEWAY_PORT=$gw PG_PORT=54361 LOG_FORMAT=text ACCESS_LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" -Xmx1g -jar modules/stack/target/stack.jar >"$home/stack.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null || true; wait $stack 2>/dev/null || true; rm -rf "$home"' EXIT
wait_healthy "http://127.0.0.1:$gw/api/v1/documents/health" 180
until grep -q "CoachWay is up" "$home/stack.log"; do sleep 0.3; done
api="http://127.0.0.1:$gw/api/v1"

token=$(curl -s -XPOST "$api/auth/login" -H 'content-type: application/json' \
  -d '{"email":"sales@example.com","password":"demo-pass-2026"}' | jq -r .access_token)
client=$(curl -sf -XPOST "$api/clients/clients" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"name\":\"Bench Documents\",\"type\":\"corporate\",\"email\":\"bench-docs-$RANDOM@example.com\"}" | jq -r .id)
pickup=$(date -u -d '+60 days' +%Y-%m-%dT13:00:00Z); arrive=$(date -u -d '+60 days' +%Y-%m-%dT15:00:00Z)
charter=$(curl -sf -XPOST "$api/charters/charters" -H "Authorization: Bearer $token" -H 'content-type: application/json' \
  -d "{\"client_id\":\"$client\",\"trip_type\":\"one_way\",\"passenger_count\":20,\"pickup_at\":\"$pickup\",\"stops\":[{\"sequence\":1,\"address\":\"A\",\"depart_at\":\"$pickup\"},{\"sequence\":2,\"address\":\"B\",\"arrive_at\":\"$arrive\"}],\"vehicles\":[{\"vehicle_type\":\"coach_56\",\"quantity\":1}]}" | jq -r .id)

file="$home/manifest.pdf"
{ printf '%%PDF-1.7\n'; head -c $((20 * 1024 * 1024 - 9)) /dev/urandom; } > "$file"
sha=$(sha256sum "$file" | cut -d' ' -f1)
mb=$(awk "BEGIN {print $(stat -c %s "$file") / 1048576}")

upload_one() { # prints the new document's id; fails unless 201 with the file's sha256
  local out
  out=$(curl -sS -XPOST "$api/documents/documents" -H "Authorization: Bearer $token" \
    -F entity_type=charter -F "entity_id=$charter" -F kind=manifest -F "file=@$file;filename=manifest.pdf")
  [ "$(jq -r .sha256 <<<"$out")" = "$sha" ] || { echo "upload failed: ${out:0:200}" >&2; return 1; }
  jq -r .id <<<"$out"
}

download_one() { # fails unless the bytes come back identical
  [ "$(curl -sSf "$api/documents/documents/$1/download" -H "Authorization: Bearer $token" | sha256sum | cut -d' ' -f1)" = "$sha" ] \
    || { echo "download of $1 differs" >&2; return 1; }
}

now() { date +%s.%N; }
row() { # row <label> <files> <seconds>
  printf '| %-40s | %5d | %7.2f s | %7.1f MB/s |\n' "$1" "$2" "$3" "$(awk "BEGIN {print $2 * $mb / $3}")"
}

upload_one >/dev/null; id=$(upload_one); download_one "$id"   # warm-up: JIT, pools, GridFS indexes

echo "| case (20 MB PDFs through the gateway) | files | time | throughput |"
echo "|---|---|---|---|"
ids=()
t0=$(now); for _ in $(seq "$rounds"); do ids+=("$(upload_one)"); done; t1=$(now)
row "upload, one at a time" "$rounds" "$(awk "BEGIN {print $t1 - $t0}")"
t0=$(now); for i in "${ids[@]}"; do download_one "$i"; done; t1=$(now)
row "download, one at a time" "$rounds" "$(awk "BEGIN {print $t1 - $t0}")"

export -f upload_one download_one; export api token charter file sha
t0=$(now); seq "$rounds" | xargs -P "$parallel" -I{} bash -c 'upload_one >/dev/null'; t1=$(now)
row "upload, $parallel at once" "$rounds" "$(awk "BEGIN {print $t1 - $t0}")"
t0=$(now); printf '%s\n' "${ids[@]}" | xargs -P "$parallel" -I{} bash -c 'download_one {}'; t1=$(now)
row "download, $parallel at once" "$rounds" "$(awk "BEGIN {print $t1 - $t0}")"
echo
echo "(store: ${MONGO_URL:-embedded mongo-java-server on H2 in $home/mongo}; heap -Xmx1g for the whole stack)"
