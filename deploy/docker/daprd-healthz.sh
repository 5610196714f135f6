# Health check of a Dapr sidecar (deploy/docker/daprd.Dockerfile), run by busybox sh inside the daprd image.
# A sidecar can stay up yet never be ready again after a placement or scheduler restart (dapr/dapr#10337). A miss
# marks the container unhealthy, which Swarm replaces; compose never replaces an unhealthy container, so after
# DAPRD_UNREADY_LIMIT misses in a row the probe stops daprd (SIGTERM: it drains) and the restart policy starts a
# fresh one. The port is read from daprd's own command line, so every sidecar shares this one probe.
pid=${DAPRD_PID:-1}
state=${DAPRD_PROBE_STATE:-/probe/state}/misses
port=3500
set -- $(tr '\0' ' ' < "/proc/$pid/cmdline")
while [ $# -gt 1 ]; do
  [ "$1" = "--dapr-http-port" ] && port=$2
  shift
done

# timeout, not wget -T (which crashes some busybox builds): a hanging daprd counts as a miss too.
if timeout 3 wget -q -O /dev/null "http://127.0.0.1:$port/v1.0/healthz"; then
  echo 0 > "$state"
  exit 0
fi
misses=$(( $(cat "$state" 2>/dev/null || echo 0) + 1 ))
echo "$misses" > "$state"
if [ "$misses" -ge "${DAPRD_UNREADY_LIMIT:-12}" ]; then
  echo 0 > "$state"
  kill -TERM "$pid"
fi
exit 1
