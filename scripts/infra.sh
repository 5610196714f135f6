# Shared by run.sh and test.sh: install and run PostgreSQL 15 and Redis on loopback, as the postgres user, and
# start the store itself (supplier sandbox, Embedded host, storefront).
# Sourced, not executed.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

# Installs Debian packages that are missing (names as "command:package").
ensure_packages() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || [ -x "${pair%%:*}" ] || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_postgres_installed() {
  [ -x "$PG_BIN/initdb" ] || ensure_packages "$PG_BIN/initdb:postgresql-15"
  [ -x "$PG_BIN/initdb" ] || ensure_packages "$PG_BIN/initdb:postgresql"
}

# A loopback port free now, drawn from below the ephemeral range: one from within it could be handed to an outgoing
# connection before the server binds it (PostgreSQL binds only after initdb, seconds later).
free_port() {
  python3 - <<'PY'
import random, socket
low = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
for _ in range(100 if low > 10001 else 0):
    port = random.randrange(10000, low)
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break
else:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])
PY
}

# From /: user postgres may not be able to enter the current folder (a clone in root's home), which its tools report.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# start_postgres DIR PORT PASSWORD: a cluster in DIR (created once), listening on 127.0.0.1:PORT only.
start_postgres() {
  local dir=$1 port=$2 password=$3
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    local pwfile; pwfile=$(mktemp); printf '%s' "$password" > "$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
    as_postgres "$PG_BIN/initdb" -D "$dir" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 >/dev/null
    rm -f "$pwfile"
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=${PG_FSYNC:-on} -c max_connections=${PG_MAX_CONNECTIONS:-300}" >/dev/null
}

stop_postgres() {
  [ -f "$1/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# start_redis DIR PORT PASSWORD
start_redis() {
  local dir=$1 port=$2 password=$3
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --requirepass "$password" \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
    --save "${REDIS_SAVE-60 1}" --appendonly no >/dev/null
  for _ in $(seq 50); do
    redis-cli -h 127.0.0.1 -p "$port" -a "$password" --no-auth-warning ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  log "redis did not start; see $dir/redis.log"; return 1
}

# Waits for the exit, so the caller may delete the folder; a server that cannot save in time is killed.
stop_redis() {
  [ -f "$1/redis.pid" ] || return 0
  local pid; pid=$(cat "$1/redis.pid")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# Throwaway PostgreSQL and Redis for one run (test.sh, bench.sh): free loopback ports, a random password, data
# under DIR, fsync and snapshots off. Sets pg_port, redis_port and password; stop_throwaway DIR stops them.
start_throwaway() {
  local dir=$1
  pg_port=$(free_port); redis_port=$(free_port)
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  log "starting PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port"
  # Test suites run side by side, each store with its own pools (and the checkout tests' 200 racing buyers).
  PG_FSYNC=off PG_MAX_CONNECTIONS=1000 start_postgres "$dir/pg" "$pg_port" "$password"
  REDIS_SAVE="" start_redis "$dir/redis" "$redis_port" "$password"
}

stop_throwaway() {
  stop_postgres "$1/pg"
  stop_redis "$1/redis"
}

# machine_reference PORT PASSWORD LABEL: prints how long PostgreSQL takes for a fixed job on one core (the least of three
# runs), beside a benchmark's results. This machine's speed moves by up to two times within minutes, with nothing of
# ours running: the reference tells a slow minute from slow code when two runs are compared.
machine_reference() {
  for _ in 1 2 3; do
    PGPASSWORD=$2 psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -qAt \
      -c '\timing on' -c "SELECT sum(hashtext(i::text)) FROM generate_series(1, 2000000) i"
  done | awk -v label="$3" '/^Time:/ && (best == "" || $2 + 0 < best) { best = $2 + 0 }
    END { printf "machine reference, %s: %d ms for a fixed PostgreSQL job on one core (least of 3; lower is faster)\n", label, best }'
}

# wait_ready URL PID LOG [PATH]: waits until URL/PATH (default /health/ready) answers, failing early if PID exits.
wait_ready() {
  local url=$1 pid=$2 logfile=$3 path=${4:-/health/ready}
  for _ in $(seq 240); do
    curl -fsS "$url$path" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { log "the process behind $url exited; see $logfile"; tail -20 "$logfile" >&2; return 1; }
    sleep 0.5
  done
  log "$url did not become ready; see $logfile"; return 1
}

# sandbox_store_env: the store settings that point both suppliers and PayPal at the sandbox's development credentials.
sandbox_store_env() {
  local sandbox_url=$1
  python3 - "$sandbox_url" <<'PY'
import json, os, sys
url = sys.argv[1]
s = json.load(open("apps/Sandbox/appsettings.Development.json"))["Sandbox"]
print(f"Secrets__kinguin-api-key={s['Kinguin']['ApiKey']}")
print(f"Secrets__kinguin-webhook-secret={s['Kinguin']['WebhookSecret']}")
print(f"Secrets__digiflazz-username={s['Digiflazz']['Username']}")
print(f"Secrets__digiflazz-api-key={s['Digiflazz']['ApiKey']}")
print(f"Secrets__digiflazz-webhook-secret={s['Digiflazz']['WebhookSecret']}")
print("Suppliers__Kinguin__Enabled=true")
print("Suppliers__Digiflazz__Enabled=true")
print(f"HttpEndpoints__kinguin-api__BaseUrl={url}/kinguin/esa/api")
print(f"HttpEndpoints__digiflazz-api__BaseUrl={url}/digiflazz/v1")
print(f"HttpEndpoints__kinguin-refresh__BaseUrl={url}/kinguin/esa/api")
print(f"HttpEndpoints__digiflazz-refresh__BaseUrl={url}/digiflazz/v1")
print(f"Secrets__paypal-client-id={s['PayPal']['ClientId']}")
print(f"Secrets__paypal-client-secret={s['PayPal']['ClientSecret']}")
print(f"Secrets__paypal-webhook-id={s['PayPal']['WebhookId']}")
print(f"HttpEndpoints__paypal-api__BaseUrl={url}/paypal")
print(f"Secrets__telegram-bot-token={s['Telegram']['BotToken']}")
print(f"HttpEndpoints__telegram-api__BaseUrl={url}/telegram")
print("Notifier__Telegram__ChatId=-1001000000001")
print(f"HttpEndpoints__sheets-api__BaseUrl={url}/google/sheets")
print(f"HttpEndpoints__google-oauth__BaseUrl={url}/google/oauth2")
print("Notifier__Sheets__SpreadsheetId=gamesdrop-sales")
# The service account's key (GOOGLE_SA_KEY_FILE, a PEM made by run.sh); the sandbox holds its public half.
if os.environ.get("GOOGLE_SA_KEY_FILE"):
    key = open(os.environ["GOOGLE_SA_KEY_FILE"]).read()
    print("Secrets__google-service-account=" + json.dumps({"type": "service_account", "client_email": s["Google"]["ClientEmail"],
        "private_key": key, "token_uri": "https://oauth2.googleapis.com/token"}))
PY
}

# start_sandbox URL STORE_URL LOG: the Kinguin, Digiflazz and PayPal simulators on URL, sending webhooks to the store;
# sets sandbox_pid. Their development credentials are the store's (sandbox_store_env).
start_sandbox() {
  local url=$1 store=$2 logfile=$3
  (cd apps/Sandbox && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" \
    Sandbox__Kinguin__WebhookUrl="$store/suppliers/webhooks/kinguin" \
    Sandbox__Digiflazz__WebhookUrl="$store/suppliers/webhooks/digiflazz" \
    Sandbox__PayPal__WebhookUrl="$store/bff/api/webhooks/paypal" \
    Sandbox__Google__PublicKeyPem="$([ -n "${GOOGLE_SA_KEY_FILE:-}" ] && openssl pkey -in "$GOOGLE_SA_KEY_FILE" -pubout)" \
    exec dotnet bin/Release/net10.0/Sandbox.dll >>"$logfile" 2>&1) &
  sandbox_pid=$!
}

# start_smtp4dev DIR WEB_PORT SMTP_PORT LOG: a development SMTP server (smtp4dev, a dotnet tool installed into DIR once) keeping
# mail in memory, its web view on WEB_PORT; everything on loopback. Sets mail_pid.
start_smtp4dev() {
  local dir=$1 web_port=$2 smtp_port=$3 logfile=$4
  [ -x "$dir/smtp4dev" ] || dotnet tool install Rnwood.Smtp4dev --version 3.15.0 --tool-path "$dir" >/dev/null
  "$dir/smtp4dev" --urls="http://127.0.0.1:$web_port" --smtpport="$smtp_port" --imapport=0 --pop3port=0 --bindaddress=127.0.0.1 \
    --db= --tlsmode=None --nousersettings --baseappdatapath="$dir/appdata" >>"$logfile" 2>&1 &
  mail_pid=$!
}

# start_embedded URL SANDBOX_URL POSTGRES REDIS LOG: the one-process host, both suppliers and PayPal pointed at the sandbox;
# reads APP_API_TOKEN, CART_CSRF_KEY (the key of anonymous carts' CSRF tokens), KEY_VAULT_KEY (the key vault's data key,
# 32 bytes in base64) and, if set, ADMIN_PASSWORD (the first admin's, with Admin__Email), NOTIFIER_DATA_KEY (seals queued
# notifications), SMTP_PORT (a loopback SMTP server for mail) and GOOGLE_SA_KEY_FILE (the Sheets service account); sets host_pid.
start_embedded() {
  local url=$1 sandbox=$2 postgres=$3 redis=$4 logfile=$5 store_env
  mapfile -t store_env < <(sandbox_store_env "$sandbox")
  # Queued notifications are sealed with NOTIFIER_DATA_KEY; a throwaway one does for throwaway data.
  local notifier_key=${NOTIFIER_DATA_KEY:-$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')}
  env "${store_env[@]}" "Secrets__cart-csrf-key=$CART_CSRF_KEY" "Secrets__key-vault-key=$KEY_VAULT_KEY" ${ADMIN_PASSWORD:+"Secrets__admin-password=$ADMIN_PASSWORD"} \
    "Secrets__notifier-data-key=$notifier_key" ${SMTP_PORT:+Smtp__Host=127.0.0.1 "Smtp__Port=$SMTP_PORT" Smtp__Security=None} \
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" \
    ConnectionStrings__Postgres="$postgres" ConnectionStrings__Redis="$redis" \
    GamesDrop__ComponentsPath="$PWD/components" APP_API_TOKEN="$APP_API_TOKEN" \
    dotnet apps/Embedded/bin/Release/net10.0/Embedded.dll >>"$logfile" 2>&1 &
  host_pid=$!
}

# app_token APP: the token the Embedded host's APP accepts, derived from APP_API_TOKEN as the host derives it
# (HMAC-SHA256 of the app id, hex); the secret goes through stdin, not the command line.
app_token() {
  printf %s "$APP_API_TOKEN" | python3 -c 'import hashlib, hmac, sys; print(hmac.new(sys.stdin.buffer.read(), sys.argv[1].encode(), hashlib.sha256).hexdigest())' "$1"
}

# sync_catalog URL: a full sync from both suppliers through the host's internal API, showing its progress until done.
sync_catalog() {
  local url=$1 token
  token=$(app_token suppliers)
  curl -fsS -H "dapr-api-token: $token" -X POST "$url/suppliers/sync/kinguin?full=true" >/dev/null
  curl -fsS -H "dapr-api-token: $token" -X POST "$url/suppliers/sync/digiflazz?full=true" >/dev/null
  python3 - "$url" "$token" <<'PY'
import json, sys, time, urllib.request
url, token = sys.argv[1], sys.argv[2]
def progress():
    request = urllib.request.Request(url + "/suppliers/sync/progress", headers={"dapr-api-token": token})
    return json.load(urllib.request.urlopen(request))
last = {}
deadline = time.time() + 600
while time.time() < deadline:
    runs = progress()
    # One line per supplier whenever its progress moves.
    for r in runs:
        line = (f"{r['supplier']}: {r['pages']} pages, {r['offers']} offers ({r['created']} new, {r['updated']} changed)"
                + (" …" if r["running"] else (" failed: " + r["error"] if r["error"] else " done")))
        if last.get(r["supplier"]) != line:
            print("    " + line, flush=True)
            last[r["supplier"]] = line
    if len(runs) >= 2 and not any(r["running"] for r in runs):
        break
    time.sleep(0.5)
PY
}

# build_web: the storefront (apps/web) from its lock file, as the standalone server deploy/docker/web.Dockerfile ships.
build_web() {
  command -v npm >/dev/null || { log "Node.js 20+ with npm is required for apps/web"; return 1; }
  (cd apps/web && npm ci --no-audit --no-fund --loglevel=error && NEXT_TELEMETRY_DISABLED=1 npm run build) >&2
  # The standalone server serves static assets from beside itself, as the Dockerfile's runtime stage lays them out.
  rm -rf apps/web/.next/standalone/.next/static
  cp -r apps/web/.next/static apps/web/.next/standalone/.next/static
  if [ -d apps/web/public ]; then cp -r apps/web/public apps/web/.next/standalone/; fi
}

# start_web PORT BFF_URL LOG [IMAGE_ORIGIN]: the built storefront on 127.0.0.1:PORT; sets web_pid. Its pages allow images
# from https: only; IMAGE_ORIGIN (the sandbox, whose covers are plain http on loopback) is allowed besides.
start_web() {
  local port=$1 bff=$2 logfile=$3 images=${4:-}
  NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=127.0.0.1 PORT="$port" BFF_URL="$bff" CSP_IMAGE_SOURCES="$images" \
    node apps/web/.next/standalone/server.js >>"$logfile" 2>&1 &
  web_pid=$!
}
