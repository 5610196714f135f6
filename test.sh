#!/usr/bin/env bash
# Runs every test suite against throwaway PostgreSQL and Redis on free loopback ports, then stops them.
# Ends with one line "N passed, N failed" summed over all suites; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/infra.sh

ensure_packages redis-server:redis-server python3:python3 nginx:nginx openssl:openssl
ensure_postgres_installed
command -v dotnet >/dev/null || { log "the .NET SDK is required (dotnet on PATH)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gamesdrop-test.XXXXXX")
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
cleanup() {
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
dotnet build GamesDrop.slnx -c Release -nologo -v quiet

log "running .NET tests"
dotnet test GamesDrop.slnx -c Release --no-build -nologo \
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
[ "$passed" -gt 0 ] || status=1

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
