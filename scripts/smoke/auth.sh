#!/usr/bin/env bash
# auth-service through the gateway: sign-in, me, JWKS, user administration, refresh rotation,
# reuse detection, sign-out, deactivation.
source "$(dirname "$0")/../lib/smoke.sh"

req GET /auth/health
expect "auth health answers through the gateway" 200 '.status == "healthy" and .checks.database.status == "up"'

req POST /auth/login "" '{"email":"admin@example.com","password":"admin123"}'
expect "admin signs in" 200 '.token_type == "bearer" and (.access_token | length > 100) and (.user.roles | index("admin") != null)'
admin=$(jq -r .access_token <<<"$body"); admin_refresh=$(jq -r .refresh_token <<<"$body")

req GET /auth/me "$admin"
expect "me returns the admin" 200 '.email == "admin@example.com" and .active == true'

req GET /auth/.well-known/jwks.json
kid=$(cut -d. -f1 <<<"$admin" | tr '_-' '/+' | base64 -d 2>/dev/null | jq -r .kid 2>/dev/null)
expect "jwks serves the key that signed the token" 200 "(.keys | map(.kid) | index(\"$kid\") != null) and .keys[0].alg == \"RS256\""

req POST /auth/login "" '{"email":"admin@example.com","password":"wrong-password"}'
wrong=$(jq -c 'del(.request_id)' <<<"$body"); expect "wrong password is 401" 401
req POST /auth/login "" '{"email":"nobody@example.com","password":"wrong-password"}'
expect "unknown email is 401" 401
[ "$wrong" = "$(jq -c 'del(.request_id)' <<<"$body")" ] && ok "both 401s are identical" || fail "both 401s are identical"

req POST /auth/login "" '{"email":'
expect "malformed JSON is a 400 problem" 400 '.status == 400 and (.request_id | length > 0)'

req GET /auth/me "" ; expect "me without a token is 401" 401
req GET /auth/me "not.a.token" ; expect "me with a garbage token is 401" 401

email="smoke-$RANDOM$RANDOM@example.com"
req POST /auth/users "$admin" "{\"email\":\"$email\",\"full_name\":\"Smoke Agent\",\"password\":\"Smoke-Pass-2026\",\"roles\":[\"sales_agent\"]}"
expect "admin creates a sales agent" 201 '.roles == ["sales_agent"] and .version == 1'
agent_id=$(jq -r .id <<<"$body")

req POST /auth/users "$admin" "{\"email\":\"$email\",\"full_name\":\"Again\",\"password\":\"Smoke-Pass-2026\",\"roles\":[\"sales_agent\"]}"
expect "a duplicate email is 409" 409

req POST /auth/login "" "{\"email\":\"$email\",\"password\":\"Smoke-Pass-2026\"}"
expect "the agent signs in" 200
agent=$(jq -r .access_token <<<"$body"); agent_refresh=$(jq -r .refresh_token <<<"$body")

req GET /auth/users "$agent"; expect "the agent is 403 on user administration" 403

req POST /auth/refresh "" "{\"refresh_token\":\"$agent_refresh\"}"
expect "refresh rotates the pair" 200 ".refresh_token != \"$agent_refresh\""
rotated=$(jq -r .refresh_token <<<"$body")
req POST /auth/refresh "" "{\"refresh_token\":\"$agent_refresh\"}"
expect "replaying the old refresh token is 401" 401
req POST /auth/refresh "" "{\"refresh_token\":\"$rotated\"}"
expect "the replay revoked the whole family" 401

agent=$(login "$email" Smoke-Pass-2026)
req GET "/charters/charters?limit=1" "$agent"; expect "the agent's token works at charter-service" 200
req DELETE "/auth/users/$agent_id" "$admin"; expect "admin deactivates the agent" 204
req GET /auth/me "$agent"; expect "the deactivated agent's token stops working" 401
# other services learn of ended sessions by polling auth-service (every 5 s by default)
deadline=$((SECONDS + 20))
until req GET "/charters/charters?limit=1" "$agent"; [ "$status" = 401 ] || [ $SECONDS -ge $deadline ]; do sleep 0.5; done
expect "charter-service refuses the deactivated agent's token within seconds" 401
req POST /auth/login "" "{\"email\":\"$email\",\"password\":\"Smoke-Pass-2026\"}"
expect "the deactivated agent cannot sign in" 401

req POST /auth/logout "" "{\"refresh_token\":\"$admin_refresh\"}"; expect "logout" 204
req GET /auth/me "$admin"; expect "the signed-out session's token stops working at auth" 401

finish
