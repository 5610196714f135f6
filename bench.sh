#!/usr/bin/env bash
# Benchmarks on throwaway PostgreSQL and Redis, loopback only, then stops everything.
#   ./bench.sh search [--queries FILE] [products] [concurrency] [seconds]
#       --queries: search the query column of a relevance table (tests/Kernel.Tests/Features/Search/relevance.tsv)
#   ./bench.sh sync [products]          (scripts/bench-sync.sh)
#   ./bench.sh checkout [orders] [concurrency]   (scripts/bench-checkout.sh)
# Loads a generated catalog (default 100000 products, two suppliers) through the kernel's batch API, then measures
# GET /bff/api/catalog/search at a fixed concurrency (default 32) for a fixed time (default 30 s), then the same
# queries' SQL straight on PostgreSQL (the floor), the host's peak resident memory, the cores the host, PostgreSQL and
# the load generator kept busy in each run, and each kind of query's SQL alone, one at a time; before and after, a machine
# reference (machine_reference in scripts/infra.sh) to tell a slow minute of this machine from slow code.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/infra.sh

[ "${1:-}" = "sync" ] && exec scripts/bench-sync.sh "${@:2}"
[ "${1:-}" = "checkout" ] && exec scripts/bench-checkout.sh "${@:2}"
[ "${1:-}" = "search" ] || { echo "usage: ./bench.sh search [--queries FILE] [products] [concurrency] [seconds] | ./bench.sh sync [products] | ./bench.sh checkout [orders] [concurrency]" >&2; exit 2; }
shift
if [ "${1:-}" = "--queries" ]; then
  [ -r "${2:-}" ] || { echo "--queries needs a readable table" >&2; exit 2; }
  export BENCH_QUERIES=$(realpath "$2")
  shift 2
fi

ensure_packages redis-server:redis-server python3:python3 curl:curl
ensure_postgres_installed
command -v dotnet >/dev/null || { log "the .NET SDK is required (dotnet on PATH)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gamesdrop-bench.XXXXXX")
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
host_port=$(free_port)
token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
host_pid=
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null || true
  stop_throwaway "$work"
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM HUP PIPE

start_throwaway "$work"
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password;Database=gamesdrop"

log "building"
dotnet build apps/Embedded/Embedded.csproj -c Release -nologo -v quiet
dotnet build tools/Benchmarks/Benchmarks.csproj -c Release -nologo -v quiet

log "starting the Embedded host on 127.0.0.1:$host_port (log: $work/embedded.log)"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$host_port" \
  ConnectionStrings__Postgres="$postgres" ConnectionStrings__Redis="127.0.0.1:$redis_port,password=$password" \
  GamesDrop__ComponentsPath="$PWD/components" APP_API_TOKEN="$token" \
  dotnet apps/Embedded/bin/Release/net10.0/Embedded.dll >"$work/embedded.log" 2>&1 &
host_pid=$!
url="http://127.0.0.1:$host_port"
for _ in $(seq 120); do
  curl -fsS "$url/health/ready" >/dev/null 2>&1 && break
  kill -0 "$host_pid" 2>/dev/null || { log "the host exited"; tail -20 "$work/embedded.log"; exit 1; }
  sleep 0.5
done

machine_reference "$pg_port" "$password" "before the searches"
BENCH_HOST_PID=$host_pid dotnet tools/Benchmarks/bin/Release/net10.0/Benchmarks.dll search "$url" "$token" "$postgres" "$@"
machine_reference "$pg_port" "$password" "after the searches"
