#!/usr/bin/env bash
# A long run as a user starts it: `./stampede run` with the live view (--web) and the HTML report, against nginx,
# with the launcher's defaults (no JVM options). Every SAMPLE_SECONDS it reads the runner's resident memory and
# fetches the live view's document the way the page does each second; at the end it opens the HTML report in
# headless Chromium. See docs/reports.md ("How long a run can be").
#
# Usage: bench/long-run.sh
# Environment: DURATION_SECONDS=600 USERS=50 ROWS=20 WAIT_MS=100 (each user waits that long between requests)
#              SAMPLE_SECONDS=30 STAMPEDE_JAR (as ./stampede reads it; default: the checkout's build)
# Prints one line per sample (elapsed, RSS, the live document's size and fetch time) and a summary.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
DURATION_SECONDS="${DURATION_SECONDS:-600}"
USERS="${USERS:-50}"
ROWS="${ROWS:-20}"
WAIT_MS="${WAIT_MS:-100}"
SAMPLE_SECONDS="${SAMPLE_SECONDS:-30}"

# log, die, free_port, child_of, STARTED_PIDS and cleanup (stops them by PID) are bench/run.sh's helpers.
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/nginx.sh
source "$BENCH_DIR/lib/nginx.sh"
SCRATCH="$(mktemp -d /tmp/stampede-long-run.XXXXXX)"
trap 'cleanup; rm -rf "$SCRATCH"' EXIT
command -v chromium >/dev/null || die "chromium is needed (Debian: apt-get install chromium)"
command -v curl >/dev/null || die "curl is needed"

start_nginx
{
  cat <<YAML
apiVersion: stampede.io/v1alpha1
kind: LoadTest
metadata: {name: long-run}
spec:
  target: http://127.0.0.1:$NGINX_PORT
  load: {users: $USERS, spawnRate: $USERS, duration: ${DURATION_SECONDS}s}
  userClasses:
    - name: reader
      wait: {constant: ${WAIT_MS}ms}
      tasks:
YAML
  for ((row = 1; row <= ROWS; row++)); do
    echo "        - {name: r$row, request: {method: GET, path: \"/hello?row=$row\", name: \"/hello row $row\"}}"
  done
} >"$SCRATCH/long-run.yaml"

WEB_PORT="$(free_port)"
OUT="$SCRATCH/out"
"$ROOT/stampede" run "$SCRATCH/long-run.yaml" --web "127.0.0.1:$WEB_PORT" --web-linger 0s --quiet \
  --html "$OUT/report.html" --json "$OUT/summary.json" >"$SCRATCH/run.log" 2>&1 &
RUN_PID=$! # ./stampede execs java: this is the JVM
STARTED_PIDS+=("$RUN_PID")
log "run of $USERS users x $ROWS rows for ${DURATION_SECONDS}s, pid $RUN_PID, live view on 127.0.0.1:$WEB_PORT"

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }
printf '%8s %9s %12s %14s\n' elapsed rss_MB live_doc_KB live_fetch_ms
start="$EPOCHREALTIME"
peak=0
samples=() # "elapsed rss" of each sample
while kill -0 "$RUN_PID" 2>/dev/null; do
  sleep "$SAMPLE_SECONDS"
  kill -0 "$RUN_PID" 2>/dev/null || break
  rss="$(rss_mb "$RUN_PID")"
  [ -n "$rss" ] || break
  fetch="$(curl -s -o /dev/null -w '%{size_download} %{time_total}' "http://127.0.0.1:$WEB_PORT/api/v1/live" || echo "0 0")"
  elapsed="$(calc "$EPOCHREALTIME - $start")"
  printf '%8.0f %9s %12.0f %14.1f\n' "$elapsed" "$rss" "$(calc "${fetch% *} / 1024")" "$(calc "${fetch#* } * 1000")"
  samples+=("$elapsed $rss")
  peak="$(awk -v a="$peak" -v b="$rss" 'BEGIN { print (b > a) ? b : a }')"
done
wait "$RUN_PID" && status=0 || status=$?
forget_pids "$RUN_PID"
tail -n 3 "$SCRATCH/run.log" >&2
[ -f "$OUT/report.html" ] || die "the run wrote no HTML report (exit $status)"

page_start="$EPOCHREALTIME"
canvases="$(timeout 120 chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom \
  "file://$OUT/report.html" 2>/dev/null | grep -o '<canvas' | wc -l)"
page_s="$(calc "$EPOCHREALTIME - $page_start")"
# Growth over the second half of the run: the first minutes are the JVM growing its heap to its working size.
growth="n/a"
if [ "${#samples[@]}" -ge 4 ]; then
  mid="${samples[$((${#samples[@]} / 2))]}"
  end="${samples[$((${#samples[@]} - 1))]}"
  growth="$(awk -v m="$mid" -v e="$end" 'BEGIN { split(m, a, " "); split(e, b, " ");
    printf "%.2f", (b[2] - a[2]) / ((b[1] - a[1]) / 60) }')"
fi
printf 'run exit %s; RSS peak %s MB, growth over the second half %s MB/min; HTML %.1f MB: %s charts in %.1f s (chromium start included)\n' \
  "$status" "$peak" "$growth" "$(calc "$(stat -c %s "$OUT/report.html") / 1048576")" "$canvases" "$page_s"
