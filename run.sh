#!/usr/bin/env bash
# Starts the whole store in the Embedded profile on this machine: PostgreSQL and Redis (installed and
# initialised on first run, data kept in .data/), then the one-process host. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
source scripts/infra.sh

data="$root/.data"
HOST_PORT=${GAMESDROP_PORT:-5080}
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

for port in "$HOST_PORT" "$PG_PORT" "$REDIS_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use (is the store already running?); set GAMESDROP_PORT / GAMESDROP_PG_PORT / GAMESDROP_REDIS_PORT"
    exit 1
  fi
done

host_pid=
stop() {
  trap - INT TERM EXIT
  log "stopping"
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
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

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$HOST_PORT"
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=gamesdrop"
export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD"
export GamesDrop__ComponentsPath="$root/components"
export APP_API_TOKEN

log "starting the Embedded host (logs: .data/logs/embedded.log)"
dotnet apps/Embedded/bin/Release/net10.0/Embedded.dll >>"$data/logs/embedded.log" 2>&1 &
host_pid=$!

url="http://127.0.0.1:$HOST_PORT"
for _ in $(seq 120); do
  if curl -fsS "$url/health/ready" >/dev/null 2>&1; then break; fi
  kill -0 "$host_pid" 2>/dev/null || { log "the host exited; see .data/logs/embedded.log"; tail -20 "$data/logs/embedded.log"; exit 1; }
  sleep 0.5
done
curl -fsS "$url/health/ready" >/dev/null || { log "the host did not become ready"; exit 1; }

cat <<MSG

  GamesDrop is running (Embedded profile).
    Store API:  $url/bff/api/currency-rates
    API docs:   $url/scalar  (OpenAPI: $url/openapi/<app>.json)
    Health:     $url/health/ready
  Ctrl-C stops it; data stays in .data/ for the next run.

MSG
wait "$host_pid"
