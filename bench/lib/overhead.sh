# Target 3: start-up and shut-down overhead of Stampede. The 50-user, no-think-time test runs for
# OVERHEAD_SECONDS against nginx's logged server, which writes the first request of each connection with
# $msec; the launch time is taken with `date +%s.%N` just before exec. The steady cost per request comes from
# the window [OVERHEAD_WINDOW_START, OVERHEAD_WINDOW_END] after launch: warm, and before the load ends (the load
# runs from the first request, ~0.7 s after launch, for OVERHEAD_SECONDS: the window must close before it stops).
# The window is long on purpose: on this machine the steady rate itself swings by +-20 % from one second to the
# next (generator and nginx both near saturation), and every 1 % of error in it moves the CPU-s beyond the
# steady cost by ~0.2 CPU-s in a 20 s run. A 4 s window made that figure swing by a whole CPU-s between runs.

OVERHEAD_SECONDS="${OVERHEAD_SECONDS:-20}"
OVERHEAD_WINDOW_START="${OVERHEAD_WINDOW_START:-6}"
OVERHEAD_WINDOW_END="${OVERHEAD_WINDOW_END:-19}"

phase_overhead() {
  local run dir log="$SCRATCH/nginx/first_requests.log"
  local TRACE_TICKS=1
  for ((run = 1; run <= RUNS; run++)); do
    dir="$RAW/overhead/stampede/run$run"
    rm -rf "$dir"
    mkdir -p "$dir"
    : >"$log"
    # shellcheck disable=SC2086
    stampede_cmd "$dir" "http://127.0.0.1:$NGINX_LOG_PORT" "$BENCH_DIR/loadtests/throughput.yaml" "$OVERHEAD_SECONDS"
    log "overhead run $run/$RUNS: stampede (${OVERHEAD_SECONDS}s)"
    printf '%s\n' "${GEN_CMD[*]}" >"$dir/command.txt"
    measured_run "$dir" "$OVERHEAD_WINDOW_START" "$OVERHEAD_WINDOW_END" $((OVERHEAD_SECONDS + 30)) "${GEN_CMD[@]}"
    {
      echo "users=50"
      echo "window_start_s=$OVERHEAD_WINDOW_START"
      echo "window_end_s=$OVERHEAD_WINDOW_END"
      echo "duration_s=$OVERHEAD_SECONDS"
    } >>"$dir/measure.env"
    cp "$log" "$dir/first_requests.log"
  done
}
