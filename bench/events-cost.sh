#!/usr/bin/env bash
# What --events costs: bench/loadtests/throughput.yaml (50 users, no think time, GET /hello) against nginx pinned
# to CPU 1, Stampede pinned to CPU 0, runs of DURATION (default 8s) interleaved: none, --events-per request,
# --events-per second, repeated ROUNDS times (default 3). Prints each run's RPS (from --json) and the event file's
# line count next to the run's request count. Usage: bench/events-cost.sh [ROUNDS] [DURATION]
#
# Environment: STAMPEDE_JAVA_OPTS (default "-XX:+UseSerialGC -Xms64m -Xmx1g", as bench/run.sh). Everything
# started is stopped by PID on exit; nginx listens on 127.0.0.1. Results: bench/results/events-*/ (git-ignored).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
ROUNDS="${1:-3}"
DURATION="${2:-8s}"
export STAMPEDE_JAVA_OPTS="${STAMPEDE_JAVA_OPTS--XX:+UseSerialGC -Xms64m -Xmx1g}"
SCRATCH="$BENCH_DIR/results/events-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$SCRATCH"

# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/nginx.sh
source "$BENCH_DIR/lib/nginx.sh"
trap cleanup EXIT

command -v nginx >/dev/null || die "nginx is not installed (apt-get install nginx-light)"
start_nginx

one_run() {
  local mode="$1" round="$2" json="$SCRATCH/$1-$2.json" events="$SCRATCH/$1-$2.jsonl"
  local args=()
  case "$mode" in
    request) args=(--events "$events" --events-per request) ;;
    second) args=(--events "$events" --events-per second) ;;
  esac
  timeout 120 taskset -c 0 "$ROOT/stampede" run "$BENCH_DIR/loadtests/throughput.yaml" \
    --host "http://127.0.0.1:$NGINX_PORT" --duration "$DURATION" --json "$json" -q "${args[@]}" \
    >"$json.out" 2>&1 || true
  [ -s "$json" ] || { cat "$json.out" >&2; die "no summary for $mode"; }
  local rps requests lines=0
  rps="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["total"]["rps"])' "$json")"
  requests="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["total"]["requests"])' "$json")"
  [ -f "$events" ] && lines="$(wc -l <"$events")"
  printf '%s\tround %s\trps %s\trequests %s\tevent lines %s\n' "$mode" "$round" "$rps" "$requests" "$lines"
  rm -f "$events"
}

for ((r = 1; r <= ROUNDS; r++)); do
  for mode in none request second; do
    one_run "$mode" "$r" | tee -a "$SCRATCH/results.tsv"
  done
done
log "results in $SCRATCH/results.tsv"
