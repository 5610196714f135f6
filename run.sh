#!/usr/bin/env bash
# Starts the whole store in the Embedded profile on this machine: PostgreSQL and Redis (installed and
# initialised on first run, data kept in .data/), then the one-process host. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
source scripts/infra.sh

data="$root/.data"
HOST_PORT=${GAMESDROP_PORT:-5080}
SANDBOX_PORT=${GAMESDROP_SANDBOX_PORT:-5190}
PG_PORT=${GAMESDROP_PG_PORT:-54329}
REDIS_PORT=${GAMESDROP_REDIS_PORT:-63790}

ensure_packages redis-server:redis-server python3:python3 curl:curl
ensure_postgres_installed
command -v dotnet >/dev/null || { log "the .NET SDK is required (dotnet on PATH)"; exit 1; }

mkdir -p "$data/logs"
chmod 755 "$data"
if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$data"; then
  log "PostgreSQL runs as user postgres, which cannot reach $data; clone the repo where that user can traverse the path"
  exit 1
fi

# Secrets are made once per machine and never leave .data/ (ignored by git).
secrets="$data/secrets.env"
if [ ! -f "$secrets" ]; then
  umask 077
  python3 - > "$secrets" <<'PY'
import secrets
for name in ("PG_PASSWORD", "REDIS_PASSWORD", "APP_API_TOKEN"):
    print(f"{name}={secrets.token_hex(24)}")
PY
  umask 022
fi
set -a; source "$secrets"; set +a

for port in "$HOST_PORT" "$SANDBOX_PORT" "$PG_PORT" "$REDIS_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use (is the store already running?); set GAMESDROP_PORT / GAMESDROP_PG_PORT / GAMESDROP_REDIS_PORT"
    exit 1
  fi
done

host_pid=
sandbox_pid=
stop() {
  trap - INT TERM EXIT
  log "stopping"
  for pid in $host_pid $sandbox_pid; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  stop_redis "$data/redis"
  stop_postgres "$data/pg"
}
trap stop INT TERM EXIT

log "PostgreSQL on 127.0.0.1:$PG_PORT (data in .data/pg)"
start_postgres "$data/pg" "$PG_PORT" "$PG_PASSWORD"
log "Redis on 127.0.0.1:$REDIS_PORT (data in .data/redis)"
start_redis "$data/redis" "$REDIS_PORT" "$REDIS_PASSWORD"

log "building"
dotnet build apps/Embedded/Embedded.csproj -c Release -nologo -v quiet
dotnet build apps/Sandbox/Sandbox.csproj -c Release -nologo -v quiet

url="http://127.0.0.1:$HOST_PORT"
sandbox_url="http://127.0.0.1:$SANDBOX_PORT"

# The supplier simulators stand in for Kinguin and Digiflazz; their development credentials are the store's.
log "starting the supplier sandbox on $sandbox_url (logs: .data/logs/sandbox.log)"
(cd apps/Sandbox && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$sandbox_url" \
  Sandbox__Kinguin__WebhookUrl="$url/suppliers/webhooks/kinguin" \
  Sandbox__Digiflazz__WebhookUrl="$url/suppliers/webhooks/digiflazz" \
  exec dotnet bin/Release/net10.0/Sandbox.dll >>"$data/logs/sandbox.log" 2>&1) &
sandbox_pid=$!
mapfile -t store_env < <(sandbox_store_env "$sandbox_url")

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$HOST_PORT"
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=gamesdrop"
export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD"
export GamesDrop__ComponentsPath="$root/components"
export APP_API_TOKEN

log "starting the Embedded host (logs: .data/logs/embedded.log)"
env "${store_env[@]}" dotnet apps/Embedded/bin/Release/net10.0/Embedded.dll >>"$data/logs/embedded.log" 2>&1 &
host_pid=$!
wait_ready "$url" "$host_pid" "$data/logs/embedded.log"

# Seed (first run) or refresh the catalog from both suppliers, showing the sync's progress as it goes.
internal=(-fsS -H "dapr-api-token: $APP_API_TOKEN")
wait_ready "$sandbox_url" "$sandbox_pid" "$data/logs/sandbox.log"
log "syncing the catalog from the suppliers"
curl "${internal[@]}" -X POST "$url/suppliers/sync/kinguin?full=true" >/dev/null
curl "${internal[@]}" -X POST "$url/suppliers/sync/digiflazz?full=true" >/dev/null
python3 - "$url" "$APP_API_TOKEN" <<'PY'
import json, sys, time, urllib.request
url, token = sys.argv[1], sys.argv[2]
def progress():
    request = urllib.request.Request(url + "/suppliers/sync/progress", headers={"dapr-api-token": token})
    return json.load(urllib.request.urlopen(request))
seen = set()
deadline = time.time() + 600
while time.time() < deadline:
    runs = progress()
    line = "  ".join(f"{r['supplier']}: {r['pages']} pages, {r['offers']} offers ({r['created']} new, {r['updated']} changed)"
                     + (" …" if r["running"] else (" failed: " + r["error"] if r["error"] else " done")) for r in runs)
    if line not in seen:
        print("    " + line, flush=True)
        seen.add(line)
    if len(runs) >= 2 and not any(r["running"] for r in runs):
        break
    time.sleep(0.5)
PY

cat <<MSG

  GamesDrop is running (Embedded profile).
    Store API:  $url/bff/api/catalog/search?q=elden
    Sandbox:    $sandbox_url (Kinguin and Digiflazz simulators)
    API docs:   $url/scalar  (OpenAPI: $url/openapi/<app>.json)
    Health:     $url/health/ready
  Ctrl-C stops it; data stays in .data/ for the next run.

MSG
wait "$host_pid"
