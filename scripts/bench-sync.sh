#!/usr/bin/env bash
# Full-sync benchmark, loopback only: the sandbox serves a generated catalog (default 100000 games), the
# Embedded store syncs both suppliers through their real adapters (paging, signatures, breakers), and the
# time of each full sync is printed, first into an empty catalog, then again with nothing changed, with the time
# its phases took (fetch, match, SQL, outbox), the host's peak resident memory during it and the CPU time the host,
# the sandbox and PostgreSQL spent on it; then the sync the store runs on its schedule (delta where the supplier
# offers one), with nothing changed. A machine reference (machine_reference in scripts/infra.sh) before and after.
#   ./bench.sh sync [products]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/infra.sh
products=${1:-100000}

ensure_packages redis-server:redis-server python3:python3 curl:curl
ensure_postgres_installed

work=$(mktemp -d "${TMPDIR:-/tmp}/gamesdrop-bench-sync.XXXXXX")
[ "$(id -u)" -eq 0 ] && chmod 755 "$work"
host_pid=; sandbox_pid=
cleanup() {
  [ -n "${BENCH_PG_LOG:-}" ] && cat "$work"/pg/log/*.log >"$BENCH_PG_LOG" 2>/dev/null
  # Statements naming a batch's temporary table count apart per batch (a new table each time), so they are summed by their start.
  [ -n "${BENCH_PG_STATS:-}" ] && PGPASSWORD=$password psql -h 127.0.0.1 -p "$pg_port" -U postgres -c "
    SELECT round(sum(total_exec_time)) AS ms, round(sum(total_plan_time)) AS plan_ms, sum(calls) AS calls,
           round((sum(total_exec_time) / nullif(sum(calls), 0))::numeric, 2) AS ms_per_call, sum(rows) AS rows, statement
    FROM (SELECT *, left(regexp_replace(query, '\s+', ' ', 'g'), 160) AS statement FROM pg_stat_statements) s
    GROUP BY statement ORDER BY sum(total_exec_time + total_plan_time) DESC LIMIT 40" >"$BENCH_PG_STATS" 2>&1 || true
  for pid in $host_pid $sandbox_pid; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  stop_throwaway "$work"
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM HUP PIPE

start_throwaway "$work"
# BENCH_PG_LOG=FILE keeps PostgreSQL's log of statements slower than 200 ms with their plans (auto_explain, nested
# statements too, timed, which slows the sync); BENCH_PG_STATS=FILE writes the 40 costliest statements by execution
# and planning time (pg_stat_statements, nested ones too) to FILE at the end. Both are for profiling.
psql_admin() { PGPASSWORD=$password psql -h 127.0.0.1 -p "$pg_port" -U postgres -q "$@" >/dev/null; }
libraries=()
[ -n "${BENCH_PG_LOG:-}" ] && libraries+=("'auto_explain'")
[ -n "${BENCH_PG_STATS:-}" ] && libraries+=("'pg_stat_statements'")
if [ ${#libraries[@]} -gt 0 ]; then
  psql_admin -c "ALTER SYSTEM SET shared_preload_libraries = $(IFS=,; echo "${libraries[*]}")"
  # The plans go to the logging collector's files (pg/log): the server log pg_ctl writes ended seconds after this restart.
  [ -n "${BENCH_PG_LOG:-}" ] && psql_admin -c "ALTER SYSTEM SET logging_collector = on"
  as_postgres "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -t 60 restart >/dev/null
fi
if [ -n "${BENCH_PG_LOG:-}" ]; then
  psql_admin -c "ALTER SYSTEM SET log_min_duration_statement = 200" -c "ALTER SYSTEM SET auto_explain.log_min_duration = 200" \
    -c "ALTER SYSTEM SET auto_explain.log_analyze = on" -c "ALTER SYSTEM SET auto_explain.log_nested_statements = on" -c "SELECT pg_reload_conf()"
fi
if [ -n "${BENCH_PG_STATS:-}" ]; then
  psql_admin -c "CREATE EXTENSION pg_stat_statements" -c "ALTER SYSTEM SET pg_stat_statements.track = 'all'" \
    -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()"
fi
log "building"
dotnet build apps/Embedded/Embedded.csproj -c Release -nologo -v quiet
dotnet build apps/Sandbox/Sandbox.csproj -c Release -nologo -v quiet

token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
url="http://127.0.0.1:$(free_port)"
sandbox_url="http://127.0.0.1:$(free_port)"
log "sandbox with $products games on $sandbox_url"
(cd apps/Sandbox && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$sandbox_url" \
  Sandbox__Digiflazz__PriceListIntervalSeconds=0 \
  exec dotnet bin/Release/net10.0/Sandbox.dll --products "$products" >"$work/sandbox.log" 2>&1) &
sandbox_pid=$!
wait_ready "$sandbox_url" "$sandbox_pid" "$work/sandbox.log"

mapfile -t store_env < <(sandbox_store_env "$sandbox_url")
log "store on $url"
env "${store_env[@]}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" APP_API_TOKEN="$token" \
  ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password;Database=gamesdrop" \
  ConnectionStrings__Redis="127.0.0.1:$redis_port,password=$password" GamesDrop__ComponentsPath="$PWD/components" \
  Serilog__MinimumLevel__Override__GamesDrop.Suppliers.Features.Sync=Warning \
  dotnet apps/Embedded/bin/Release/net10.0/Embedded.dll >"$work/embedded.log" 2>&1 &
host_pid=$!
wait_ready "$url" "$host_pid" "$work/embedded.log"

machine_reference "$pg_port" "$password" "before the syncs"
python3 - "$url" "$(APP_API_TOKEN=$token app_token suppliers)" "$host_pid" "$sandbox_pid" "$(head -1 "$work/pg/postmaster.pid")" <<'PY'
import json, os, sys, time, urllib.request
url, token, host_pid, sandbox_pid, postmaster = sys.argv[1:6]
def stat(pid):
    # The fields after the command name (which may hold spaces): [1] the parent, [11] utime, [12] stime, [13] and [14] ended children's.
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()
def cpu_seconds():
    # CPU time so far of the host, the sandbox (the simulated suppliers, on the same cores) and PostgreSQL: its server
    # process, every backend alive and every one ended.
    ticks = os.sysconf("SC_CLK_TCK")
    own = lambda fields: int(fields[11]) + int(fields[12])
    server = stat(postmaster)
    postgres = own(server) + int(server[13]) + int(server[14])
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = stat(pid)
        except OSError:
            continue  # ended while read: its time is in the server's count of ended children
        postgres += own(fields) if fields[1] == postmaster else 0
    return own(stat(host_pid)) / ticks, own(stat(sandbox_pid)) / ticks, postgres / ticks
def peak_mib():
    # The host's peak resident memory since the last reset (writing 5 to clear_refs resets it; Linux 4.0 and later).
    with open(f"/proc/{host_pid}/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) // 1024
def reset_peak():
    with open(f"/proc/{host_pid}/clear_refs", "w") as refs:
        refs.write("5")
def call(method, path):
    request = urllib.request.Request(url + path, method=method, headers={"dapr-api-token": token})
    return json.load(urllib.request.urlopen(request)) if method == "GET" else urllib.request.urlopen(request).read()
def sync(supplier, full):
    before = next((s for s in call("GET", "/suppliers/sync/progress") if s["supplier"] == supplier), {"runId": None})
    started = time.monotonic()
    call("POST", f"/suppliers/sync/{supplier}" + ("?full=true" if full else ""))
    while True:
        status = next((s for s in call("GET", "/suppliers/sync/progress") if s["supplier"] == supplier), None)
        if status and status["runId"] != before["runId"] and not status["running"]:
            return status, time.monotonic() - started
        time.sleep(0.05)
for label, full in (("into an empty catalog", True), ("again, nothing changed", True), ("as scheduled, unchanged", False)):
    for supplier in ("kinguin", "digiflazz"):
        reset_peak()
        cpu_before = cpu_seconds()
        status, seconds = sync(supplier, full)
        host, sandbox, postgres = (after - before for before, after in zip(cpu_before, cpu_seconds()))
        rate = status["offers"] / seconds if seconds else 0
        phases = status.get("phases") or {}
        kind = "full sync " if status["full"] else "delta sync"
        print(f"{kind} {supplier:9} {label:24} {status['offers']:7} offers {status['pages']:5} pages "
              f"{seconds:6.1f} s  {rate:8.0f} offers/s  created {status['created']} changed {status['updated']}"
              + (f"  ERROR {status['error']}" if status["error"] else ""), flush=True)
        # Phases are summed over batches, measured inside the sync; batches overlap the reading of pages and each other.
        print(f"    phases: fetch {phases.get('fetchMs', 0) / 1000:.1f} s, match {phases.get('matchMs', 0) / 1000:.1f} s, "
              f"SQL {phases.get('sqlMs', 0) / 1000:.1f} s, outbox {phases.get('outboxMs', 0) / 1000:.1f} s; "
              f"host peak resident memory {peak_mib()} MiB", flush=True)
        print(f"    CPU: host {host:.1f} s, sandbox {sandbox:.1f} s, PostgreSQL {postgres:.1f} s "
              f"(of {seconds * os.cpu_count():.1f} s on {os.cpu_count()} cores)", flush=True)
PY
machine_reference "$pg_port" "$password" "after the syncs"
