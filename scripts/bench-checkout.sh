#!/usr/bin/env bash
# Checkout benchmark, loopback only: the sandbox's partners answer at once (keys delivered immediately), the Embedded
# store syncs the demo catalog, then buyers place orders in a closed loop: place order → PayPal approval → return →
# keys delivered. Prints orders/s and the latency from "place order" to "keys delivered".
#   ./bench.sh checkout [orders] [concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/infra.sh
orders=${1:-1000}
concurrency=${2:-16}

ensure_packages redis-server:redis-server python3:python3 curl:curl
ensure_postgres_installed

work=$(mktemp -d "${TMPDIR:-/tmp}/gamesdrop-bench-checkout.XXXXXX")
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
host_pid=; sandbox_pid=
cleanup() {
  for pid in $host_pid $sandbox_pid; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  stop_throwaway "$work"
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM HUP PIPE

start_throwaway "$work"
log "building"
dotnet build apps/Embedded/Embedded.csproj -c Release -nologo -v quiet
dotnet build apps/Sandbox/Sandbox.csproj -c Release -nologo -v quiet
dotnet build tools/Benchmarks/Benchmarks.csproj -c Release -nologo -v quiet

APP_API_TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
CART_CSRF_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
KEY_VAULT_KEY=$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')
export APP_API_TOKEN CART_CSRF_KEY KEY_VAULT_KEY
url="http://127.0.0.1:$(free_port)"
sandbox_url="http://127.0.0.1:$(free_port)"
log "sandbox on $sandbox_url, store on $url (logs in $work)"
Sandbox__Kinguin__KeyDeliverySeconds=0 Sandbox__Digiflazz__PendingSeconds=0 start_sandbox "$sandbox_url" "$url" "$work/sandbox.log"
# Only warnings in the log: a line per step of every order would measure the console, not the checkout.
Serilog__MinimumLevel__Default=Warning Checkout__FirstPurchasePoll=00:00:00.100 Checkout__PurchasePollInterval=00:00:00.200 RateLimits__CartWritesPerIp=1000000 \
  start_embedded "$url" "$sandbox_url" "Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password;Database=gamesdrop" \
  "127.0.0.1:$redis_port,password=$password" "$work/embedded.log"
wait_ready "$url" "$host_pid" "$work/embedded.log"
wait_ready "$sandbox_url" "$sandbox_pid" "$work/sandbox.log"
log "syncing the demo catalog"
sync_catalog "$url"

dotnet tools/Benchmarks/bin/Release/net10.0/Benchmarks.dll checkout "$url" "$APP_API_TOKEN" "$sandbox_url" "$orders" "$concurrency"
