#!/usr/bin/env bash
# Starts the whole store in the Embedded profile on this machine: PostgreSQL and Redis (installed and
# initialised on first run, data kept in .data/), then the one-process host and the storefront (apps/web). Ctrl-C stops
# everything.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
source scripts/infra.sh

data="$root/.data"
HOST_PORT=${GAMESDROP_PORT:-5080}
SANDBOX_PORT=${GAMESDROP_SANDBOX_PORT:-5190}
PG_PORT=${GAMESDROP_PG_PORT:-54329}
REDIS_PORT=${GAMESDROP_REDIS_PORT:-63790}
WEB_PORT=${GAMESDROP_WEB_PORT:-3000}
MAIL_PORT=${GAMESDROP_MAIL_PORT:-5025}
SMTP_PORT=${GAMESDROP_SMTP_PORT:-2525}
ADMIN_EMAIL=${GAMESDROP_ADMIN_EMAIL:-admin@gamesdrop.test}

ensure_packages redis-server:redis-server python3:python3 curl:curl openssl:openssl
ensure_postgres_installed
command -v dotnet >/dev/null || { log "the .NET SDK is required (dotnet on PATH)"; exit 1; }

mkdir -p "$data/logs"
chmod 755 "$data"
pg_data="$data/pg"
if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$data"; then
  # PostgreSQL runs as user postgres, which cannot enter this checkout (root's home, say): its cluster lives in a folder
  # of its own, named for this checkout, so each clone keeps its own data there.
  pg_data="/var/lib/gamesdrop/$(printf '%s' "$root" | sha256sum | cut -c1-16)/pg"
  mkdir -p "$(dirname "$pg_data")"
  chmod 755 /var/lib/gamesdrop "$(dirname "$pg_data")"
fi

# Secrets are made once per machine and never leave .data/ (ignored by git); names added later are made on the next run.
secrets="$data/secrets.env"
(umask 077; touch "$secrets")
for name in PG_PASSWORD REDIS_PASSWORD APP_API_TOKEN CART_CSRF_KEY ADMIN_PASSWORD; do
  grep -q "^$name=" "$secrets" || echo "$name=$(python3 -c 'import secrets; print(secrets.token_hex(24))')" >> "$secrets"
done
# The key vault's data key: 32 bytes in base64. Losing it loses every stored game key, so back up .data/secrets.env.
grep -q "^KEY_VAULT_KEY=" "$secrets" || echo "KEY_VAULT_KEY=$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')" >> "$secrets"
# Seals notifications waiting to be sent (mails carry reset links).
grep -q "^NOTIFIER_DATA_KEY=" "$secrets" || echo "NOTIFIER_DATA_KEY=$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')" >> "$secrets"
set -a; source "$secrets"; set +a
# The Sheets service account's key; the Google simulator is given its public half.
GOOGLE_SA_KEY_FILE="$data/google-service-account.pem"
[ -s "$GOOGLE_SA_KEY_FILE" ] || (umask 077; openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$GOOGLE_SA_KEY_FILE" 2>/dev/null)
export GOOGLE_SA_KEY_FILE SMTP_PORT

for port in "$HOST_PORT" "$SANDBOX_PORT" "$PG_PORT" "$REDIS_PORT" "$WEB_PORT" "$MAIL_PORT" "$SMTP_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use (is the store already running?); set GAMESDROP_PORT / GAMESDROP_WEB_PORT / GAMESDROP_PG_PORT / GAMESDROP_REDIS_PORT / GAMESDROP_MAIL_PORT / GAMESDROP_SMTP_PORT"
    exit 1
  fi
done

host_pid=
sandbox_pid=
web_pid=
mail_pid=
stop() {
  trap - INT TERM EXIT
  log "stopping"
  for pid in $web_pid $host_pid $sandbox_pid $mail_pid; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  stop_redis "$data/redis"
  stop_postgres "$pg_data"
}
trap stop INT TERM EXIT

log "PostgreSQL on 127.0.0.1:$PG_PORT (data in $pg_data)"
start_postgres "$pg_data" "$PG_PORT" "$PG_PASSWORD"
log "Redis on 127.0.0.1:$REDIS_PORT (data in .data/redis)"
start_redis "$data/redis" "$REDIS_PORT" "$REDIS_PASSWORD"

log "building"
dotnet build apps/Embedded/Embedded.csproj -c Release -nologo -v quiet
dotnet build apps/Sandbox/Sandbox.csproj -c Release -nologo -v quiet
log "building the storefront (apps/web)"
build_web

url="http://127.0.0.1:$HOST_PORT"
sandbox_url="http://127.0.0.1:$SANDBOX_PORT"
web_url="http://127.0.0.1:$WEB_PORT"

mail_url="http://127.0.0.1:$MAIL_PORT"
log "starting the local mail server (SMTP 127.0.0.1:$SMTP_PORT, mail view $mail_url; logs: .data/logs/mail.log)"
start_smtp4dev "$data/tools" "$MAIL_PORT" "$SMTP_PORT" "$data/logs/mail.log"

log "starting the supplier sandbox on $sandbox_url (logs: .data/logs/sandbox.log)"
start_sandbox "$sandbox_url" "$url" "$data/logs/sandbox.log"

log "starting the Embedded host (logs: .data/logs/embedded.log)"
# Reset mails link to the storefront the shopper uses; the first admin gets the password made above.
Store__PublicUrl="$web_url" Admin__Email="$ADMIN_EMAIL" start_embedded "$url" "$sandbox_url" \
  "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=gamesdrop" \
  "127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD" "$data/logs/embedded.log"
wait_ready "$url" "$host_pid" "$data/logs/embedded.log"

# Seed (first run) or refresh the catalog from both suppliers, showing the sync's progress as it goes.
wait_ready "$sandbox_url" "$sandbox_pid" "$data/logs/sandbox.log"
log "syncing the catalog from the suppliers"
sync_catalog "$url"

log "starting the storefront on $web_url (logs: .data/logs/web.log)"
start_web "$WEB_PORT" "$url/bff" "$data/logs/web.log" "$sandbox_url"
wait_ready "$web_url" "$web_pid" "$data/logs/web.log" /

cat <<MSG

  GamesDrop is running (Embedded profile).
    Store:      $web_url
    Store API:  $url/bff/api/catalog/search?q=elden
    Sandbox:    $sandbox_url (Kinguin, Digiflazz, PayPal, Telegram and Google simulators)
    API docs:   $url/scalar  (OpenAPI: $url/openapi/<app>.json)
    Health:     $url/health/ready
    Mail:       $mail_url  (every mail the store sends: resets, receipts, price drops; kept in memory)
    Telegram:   $sandbox_url/_sandbox/telegram/messages  (ops alerts; header X-Sandbox-Admin-Token: dev-sandbox-admin-token)
    Sheets:     $sandbox_url/_sandbox/sheets/gamesdrop-sales/rows  (sales rows; same header)
    Admin:      $ADMIN_EMAIL, password ADMIN_PASSWORD in .data/secrets.env
  Ctrl-C stops it; data stays in .data/ for the next run.

MSG
wait "$host_pid"
