#!/usr/bin/env bash
# Master scale: how much CPU the master spends taking in N workers' heartbeats and snapshots and merging their
# histograms. Starts a real `stampede master` (pinned to CPU 1) and N simulated workers in one light JVM (CPU 0)
# that send realistic snapshots (ROWS rows, 50-250 requests per row and second) every second, then reads the
# master's CPU time from /proc over a steady window. See docs/distributed.md ("Master scale").
#
# Usage: bench/master-scale.sh
# Environment: WORKERS=200 ROWS=20 WARMUP_SECONDS=15 WINDOW_SECONDS=30 MASTER_JAVA_OPTS="" (options of the
#              master's JVM) STAMPEDE_BUILD_DIR (default runner/target; built with ./mvnw when missing)
# Prints one line: workers, rows, snapshots merged per second, and the master's CPU in percent of one core.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
WORKERS="${WORKERS:-200}"
ROWS="${ROWS:-20}"
WARMUP_SECONDS="${WARMUP_SECONDS:-15}"
WINDOW_SECONDS="${WINDOW_SECONDS:-30}"
BUILD_DIR="${STAMPEDE_BUILD_DIR:-$ROOT/runner/target}"
MASTER_JAVA_OPTS="${MASTER_JAVA_OPTS:-}"
# log, die, cpu_ticks, CLK_TCK, STARTED_PIDS and cleanup (which stops them by PID) are bench/run.sh's helpers.
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
trap cleanup EXIT
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
# taskset execs its command, so $! is the JVM's own PID (a shell function in the background would add a subshell).
PIN_MASTER=()
PIN_WORKERS=()
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
  PIN_MASTER=(taskset -c 1)
  PIN_WORKERS=(taskset -c 0)
fi

if [ ! -f "$BUILD_DIR/stampede.jar" ] || [ ! -d "$BUILD_DIR/test-classes/io/stampede/runner/cluster/bench" ]; then
  log "building the runner and its test classes into $BUILD_DIR"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -Dstampede.build.dir="$BUILD_DIR" package >&2)
fi

RUN_DIR="$(mktemp -d)"
PORT="$(free_port)"
TOKEN="bench-$RANDOM$RANDOM"
cat >"$RUN_DIR/loadtest.yaml" <<YAML
apiVersion: stampede.io/v1alpha1
kind: LoadTest
metadata: {name: master-scale}
spec:
  target: http://127.0.0.1:9
  load: {users: $((WORKERS * 10)), duration: $((WARMUP_SECONDS + WINDOW_SECONDS + 10))s}
  userClasses:
    - name: u
      tasks: [{name: x, request: {method: GET, path: /x}}]
YAML

log "master on 127.0.0.1:$PORT (CPU 1), $WORKERS simulated workers with $ROWS rows (CPU 0)"
# shellcheck disable=SC2086
STAMPEDE_TOKEN="$TOKEN" "${PIN_MASTER[@]}" java $MASTER_JAVA_OPTS -jar "$BUILD_DIR/stampede.jar" master "$RUN_DIR/loadtest.yaml" \
  --expect-workers "$WORKERS" --bind "127.0.0.1:$PORT" --wait-for-workers 2m --keep-serving 0s -q \
  --json "$RUN_DIR/summary.json" >"$RUN_DIR/master.log" 2>&1 &
MASTER_PID=$!
STARTED_PIDS+=("$MASTER_PID")
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/status")" = 200 ] && break
  kill -0 "$MASTER_PID" 2>/dev/null || die "the master ended: $(tail -5 "$RUN_DIR/master.log")"
  sleep 0.5
done
"${PIN_WORKERS[@]}" java -XX:+UseSerialGC -cp "$BUILD_DIR/stampede.jar:$BUILD_DIR/test-classes" \
  io.stampede.runner.cluster.bench.SimulatedWorkers "127.0.0.1:$PORT" "$TOKEN" "$WORKERS" "$ROWS" \
  >"$RUN_DIR/workers.log" 2>&1 &
STARTED_PIDS+=("$!")

for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$PORT/api/v1/status" 2>/dev/null | grep -q '"phase":"Running"'; then break; fi
  kill -0 "$MASTER_PID" 2>/dev/null || die "the master ended: $(tail -5 "$RUN_DIR/master.log")"
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/api/v1/status" | grep -q '"phase":"Running"' || die "the run did not start"
log "all $WORKERS workers running; warming up for ${WARMUP_SECONDS}s"
sleep "$WARMUP_SECONDS"

requests_before="$(curl -fsS "http://127.0.0.1:$PORT/api/v1/status" | sed -n 's/.*"requests":\([0-9]*\).*/\1/p')"
ticks_before="$(cpu_ticks "$MASTER_PID")"
start="$EPOCHREALTIME"
sleep "$WINDOW_SECONDS"
ticks_after="$(cpu_ticks "$MASTER_PID")"
end="$EPOCHREALTIME"
requests_after="$(curl -fsS "http://127.0.0.1:$PORT/api/v1/status" | sed -n 's/.*"requests":\([0-9]*\).*/\1/p')"

wait "$MASTER_PID" || log "the master exited with $? (see $RUN_DIR/master.log)"
awk -v w="$WORKERS" -v r="$ROWS" -v t0="$ticks_before" -v t1="$ticks_after" -v hz="$CLK_TCK" -v s="$start" \
  -v e="$end" -v q0="$requests_before" -v q1="$requests_after" 'BEGIN {
    secs = e - s
    printf "master scale: %d workers x %d rows, %.0f snapshots (%.0f rows) merged per second, %.0f requests/s counted; " \
           "master CPU %.1f%% of one core (window %.0f s)\n", w, r, w, w * r, (q1 - q0) / secs,
           100 * (t1 - t0) / hz / secs, secs }'
log "logs and summary in $RUN_DIR"
