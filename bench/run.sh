#!/usr/bin/env bash
# Measures Stampede against wrk and Locust on this machine and prints a table of medians (see
# docs/benchmarks.md). Usage:
# bench/run.sh [all|throughput|https|memory|overhead|setup|summary [RUN_DIR]]
#
#   all         setup, then the four phases (~14 min), then the table
#   throughput  target 1: requests per CPU-second, 50 users, no think time (wrk, Stampede, Locust)
#   https       target 1 over TLS 1.3: the same against nginx's HTTPS port, quiet and with CPU 1 kept busy
#   memory      target 2: peak RSS at 1,000 and 10,000 users with 1-2 s think time; delivered vs scheduled rate
#   overhead    target 3: launch to first request; CPU-s spent outside the steady state
#   setup       only install what is missing (Debian: nginx-light, wrk, time, python3-locust), as root
#   summary     print the table again for a finished run (default: the newest one)
#
# Environment:
#   RUNS=3                 runs per configuration (the table shows medians and ranges)
#   STAMPEDE_JAR           the runner jar (default runner/target/stampede.jar, built with ./mvnw when missing);
#                          runs start it through ./stampede, which makes its archive NAME.jsa next to it
#   STAMPEDE_JAR_COMMIT    the commit that jar was built from, for the report (default: git HEAD here)
#   (no JVM options)       Stampede runs with ./stampede's own defaults, as users get them: STAMPEDE_JAVA_OPTS
#                          is cleared for every run
#   HTTPS_JDK_RUNS=0       extra HTTPS runs with the JDK's TLS (BoringSSL switched off), to show the fallback
#   QUIET_WAIT_SECONDS=20  before each run, wait up to this long for the rest of the machine to go quiet,
#   QUIET_WAIT_BUDGET=120  and at most this long in all; quiet = fewer than QUIET_MAX_CORES=0.15 cores busy
#                          over half a second (QUIET_WAIT_SECONDS=0: never wait)
#   BUSY_CORE=1            the core kept busy in the https phase's second half (nginx's)
#   THROUGHPUT_SECONDS=15 WINDOW_START=7 WINDOW_SECONDS=6 MEMORY_SECONDS=25 OVERHEAD_SECONDS=20 (see lib/)
#
# The target is nginx on 127.0.0.1 (a free port, pinned to CPU 1); every generator is pinned to CPU 0.
# Everything the script starts is stopped by PID when it exits. Results: bench/results/ (git-ignored).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
RUNS="${RUNS:-3}"
RESULTS="$BENCH_DIR/results"

QUIET_WAIT_SECONDS="${QUIET_WAIT_SECONDS:-20}"
QUIET_WAIT_BUDGET="${QUIET_WAIT_BUDGET:-120}"
QUIET_MAX_CORES="${QUIET_MAX_CORES:-0.15}"

# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/nginx.sh
source "$BENCH_DIR/lib/nginx.sh"
# shellcheck source=lib/measure.sh
source "$BENCH_DIR/lib/measure.sh"
# shellcheck source=lib/setup.sh
source "$BENCH_DIR/lib/setup.sh"
# shellcheck source=lib/generators.sh
source "$BENCH_DIR/lib/generators.sh"
# shellcheck source=lib/throughput.sh
source "$BENCH_DIR/lib/throughput.sh"
# shellcheck source=lib/https.sh
source "$BENCH_DIR/lib/https.sh"
# shellcheck source=lib/memory.sh
source "$BENCH_DIR/lib/memory.sh"
# shellcheck source=lib/overhead.sh
source "$BENCH_DIR/lib/overhead.sh"

usage() {
  sed -n '2,26p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
}

python_bin() {
  if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi
}

summarize() {
  local run_dir="$1"
  "$(python_bin)" -B "$BENCH_DIR/summarize.py" "$run_dir/raw" >"$run_dir/report.md"
  cp "$run_dir/report.md" "$RESULTS/latest.md"
  cat "$run_dir/report.md"
  log "table written to $run_dir/report.md and $RESULTS/latest.md"
}

main() {
  local phase="${1:-all}"
  case "$phase" in
    all | throughput | https | memory | overhead) ;;
    setup)
      install_packages
      return 0
      ;;
    summary)
      local run_dir="${2:-}"
      [ -n "$run_dir" ] || run_dir="$(ls -1d "$RESULTS"/runs/*/ 2>/dev/null | tail -n 1)"
      [ -d "$run_dir/raw" ] || die "no finished run in $RESULTS/runs"
      summarize "${run_dir%/}"
      return 0
      ;;
    -h | --help | help)
      usage
      return 0
      ;;
    *)
      usage
      return 2
      ;;
  esac

  install_packages
  ensure_jar
  prepare_stampede
  raise_open_files_limit

  local run_dir
  run_dir="$RESULTS/runs/$(date +%Y%m%d-%H%M%S)-$phase"
  RAW="$run_dir/raw"
  mkdir -p "$RAW"
  SCRATCH="$(mktemp -d /tmp/stampede-bench.XXXXXX)"
  trap 'cleanup; rm -rf "$SCRATCH"' EXIT
  trap 'exit 130' INT TERM

  write_meta "$RAW/meta.env" "$phase"
  echo "busy_cores_before=$(machine_busy_cores 3)" >>"$RAW/meta.env"
  start_nginx
  case "$phase" in
    throughput) phase_throughput ;;
    https) phase_https ;;
    memory) phase_memory ;;
    overhead) phase_overhead ;;
    all)
      phase_throughput
      phase_https
      phase_memory
      phase_overhead
      ;;
  esac
  stop_nginx
  echo "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$RAW/meta.env"
  summarize "$run_dir"
}

main "$@"
