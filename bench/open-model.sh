#!/usr/bin/env bash
# The open model (spec.load.arrivalRate) on this machine. Usage: bench/open-model.sh [ramp|stall|all]
#
#   ramp   0 -> 2,000 arrivals/s over 20 s against nginx (pinned to CPU 1), Stampede pinned to CPU 0: does the
#          generator follow the schedule? Prints scheduled/started/dropped/late and started vs planned per second
#          (the goal: within 2% in every second after the first).
#   stall  the coordinated-omission probe: 200/s for 15 s against stall_server.py (CPU 1), which holds every
#          answer during the last second of each 5 s: sent (3,000 planned) and p90/p95/p99 against the analytic
#          truth 500/750/950 ms.
#
# Environment: STAMPEDE_JAR (default: runner/target/stampede.jar, built by ./stampede when missing),
# no JVM options: ./stampede's defaults, as users get them (STAMPEDE_JAVA_OPTS is cleared). Everything started is stopped
# by PID on exit; every server listens on 127.0.0.1. Results: bench/results/open-model-*/ (git-ignored).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
export STAMPEDE_JAVA_OPTS=""
SCRATCH="$BENCH_DIR/results/open-model-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$SCRATCH"

# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/nginx.sh
source "$BENCH_DIR/lib/nginx.sh"
trap cleanup EXIT

python() { "$(command -v python3)" -B "$@"; }

run_stampede() {
  local file="$1" host="$2" json="$3"
  log "machine busy before the run: $(machine_busy_cores 0.5) cores of $(nproc)"
  timeout 120 taskset -c 0 "$ROOT/stampede" run "$file" --host "$host" --json "$json" -q \
    >"$json.out" 2>&1 || true
  [ -s "$json" ] || { cat "$json.out" >&2; die "no summary from $file"; }
}

ramp() {
  command -v nginx >/dev/null || die "nginx is not installed (apt-get install nginx-light)"
  start_nginx
  run_stampede "$BENCH_DIR/loadtests/open-ramp.yaml" "http://127.0.0.1:$NGINX_PORT" "$SCRATCH/ramp.json"
  stop_nginx
  python "$BENCH_DIR/open_model_report.py" ramp "$SCRATCH/ramp.json" | tee "$SCRATCH/ramp.txt"
}

stall() {
  local port pid
  port="$(free_port)"
  taskset -c 1 "$(command -v python3)" -B "$BENCH_DIR/stall_server.py" "$port" 40 >"$SCRATCH/stall-server.log" &
  pid=$!
  STARTED_PIDS+=("$pid")
  sleep 0.5
  run_stampede "$BENCH_DIR/loadtests/open-stall.yaml" "http://127.0.0.1:$port" "$SCRATCH/stall.json"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  forget_pids "$pid"
  python "$BENCH_DIR/open_model_report.py" stall "$SCRATCH/stall.json" | tee "$SCRATCH/stall.txt"
}

case "${1:-all}" in
  ramp) ramp ;;
  stall) stall ;;
  all) ramp; stall ;;
  *) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
log "results in $SCRATCH"
