#!/usr/bin/env bash
# Runs every test suite against throwaway PostgreSQL and Redis on free loopback ports, then stops them.
# Ends with one line "N passed, N failed" summed over all suites; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/infra.sh

ensure_packages redis-server:redis-server python3:python3 nginx:nginx openssl:openssl curl:curl chromium:chromium busybox:busybox
ensure_postgres_installed
command -v dotnet >/dev/null || { log "the .NET SDK is required (dotnet on PATH)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gamesdrop-test.XXXXXX")
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
host_pid= sandbox_pid= web_pid= mail_pid=
cleanup() {
  for pid in $web_pid $host_pid $sandbox_pid $mail_pid; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  stop_throwaway "$work"
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM HUP PIPE

start_throwaway "$work"
export GAMESDROP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password;Database=postgres;Include Error Detail=true"
export GAMESDROP_TEST_REDIS="127.0.0.1:$redis_port,password=$password"

passed=0; failed=0; status=0
results="$work/results"; mkdir -p "$results"

log "building"
dotnet build GamesDrop.sln -c Release -nologo -v quiet

log "running .NET tests"
dotnet test GamesDrop.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" "$@" || status=1
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counts=$(python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
c = ET.parse(sys.argv[1]).getroot().find('.//{*}Counters')
print(int(c.get('passed', 0)), int(c.get('failed', 0)) + int(c.get('error', 0)) + int(c.get('timeout', 0)))
PY
)
  passed=$((passed + ${counts% *})); failed=$((failed + ${counts#* }))
done

# Browser tests: the whole store (sandbox, Embedded host, storefront) on free ports over the throwaway databases.
log "building the storefront"
build_web
# The storefront's wire types must be those generated from the BFF's document (kept true by OpenApiDocumentTests above).
if (cd apps/web && npm run --silent types:check); then passed=$((passed + 1)); else
  log "apps/web/lib/bff/schema.ts is not generated from apps/Bff/openapi.json: run scripts/web-types.sh"; failed=$((failed + 1))
fi
host_url="http://127.0.0.1:$(free_port)"
sandbox_url="http://127.0.0.1:$(free_port)"
web_port=$(free_port)
# The host and sandbox were built with the solution above; the host's internal API takes this run's password as token.
APP_API_TOKEN=$password
CART_CSRF_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
KEY_VAULT_KEY=$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')
# The admin journey signs in as the store's first admin.
ADMIN_EMAIL=admin@gamesdrop.test ADMIN_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
log "starting the store for browser tests (logs in $work)"
# The journeys read the store's mail (email confirmation, password reset) from a local SMTP server's API, as a shopper's inbox.
mail_url="http://127.0.0.1:$(free_port)"; SMTP_PORT=$(free_port); export SMTP_PORT
start_smtp4dev "$PWD/.data/tools" "${mail_url##*:}" "$SMTP_PORT" "$work/mail.log"
# The journeys buy keys of every region: their PayPal payer names no country (the region journey checks the account's).
Sandbox__PayPal__PayerCountry= start_sandbox "$sandbox_url" "$host_url" "$work/sandbox.log"
# The journeys register and sign in many shoppers from one IP within a minute; the app's own defaults stay strict.
# Reset mails link to this run's storefront.
RateLimits__AuthPerIp=200 Store__PublicUrl="http://127.0.0.1:$web_port" Admin__Email="$ADMIN_EMAIL" start_embedded "$host_url" "$sandbox_url" \
  "Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password;Database=gamesdrop_web" \
  "127.0.0.1:$redis_port,password=$password" "$work/embedded.log"
wait_ready "$host_url" "$host_pid" "$work/embedded.log"
wait_ready "$sandbox_url" "$sandbox_pid" "$work/sandbox.log"
wait_ready "$mail_url" "$mail_pid" "$work/mail.log" /api/messages
sync_catalog "$host_url"
start_web "$web_port" "$host_url/bff" "$work/web.log" "$sandbox_url"
wait_ready "http://127.0.0.1:$web_port" "$web_pid" "$work/web.log" /

log "running browser tests (screenshots in apps/web/artifacts/playwright)"
(cd apps/web && STORE_URL="http://127.0.0.1:$web_port" MAIL_URL="$mail_url" SANDBOX_URL="$sandbox_url" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" node --test --test-reporter=tap e2e/*.test.mjs) \
  | tee "$results/e2e.tap" || status=1
e2e_passed=$(sed -n 's/^# pass //p' "$results/e2e.tap"); e2e_failed=$(sed -n 's/^# fail //p' "$results/e2e.tap")
[ -n "$e2e_passed" ] || status=1
passed=$((passed + ${e2e_passed:-0})); failed=$((failed + ${e2e_failed:-0}))

[ "$passed" -gt 0 ] || status=1

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
