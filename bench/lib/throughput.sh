# Target 1: 50 connections/users, no think time; wrk, Stampede and Locust FastHttpUser interleaved, RUNS times.
# Each run lasts THROUGHPUT_SECONDS; the steady window is [WINDOW_START, WINDOW_START + WINDOW_SECONDS] after
# launch. The runner sends its first request 2-3 s after launch and its JIT needs 2-5 s of load on one core
# before the rate settles, so the window starts at 7 s; it ends before the shortest tool (wrk) stops.

THROUGHPUT_SECONDS="${THROUGHPUT_SECONDS:-15}"
WINDOW_START="${WINDOW_START:-7}"
WINDOW_SECONDS="${WINDOW_SECONDS:-6}"

phase_throughput() {
  local run tool dir window_end limit
  window_end=$((WINDOW_START + WINDOW_SECONDS))
  limit=$((THROUGHPUT_SECONDS + 30))
  local tools=(wrk stampede)
  [ -z "$LOCUST" ] || tools+=(locust)
  for ((run = 1; run <= RUNS; run++)); do
    for tool in "${tools[@]}"; do
      dir="$RAW/throughput/$tool/run$run"
      rm -rf "$dir"
      mkdir -p "$dir"
      case "$tool" in
        wrk) wrk_cmd "http://127.0.0.1:$NGINX_PORT" "$THROUGHPUT_SECONDS" ;;
        stampede)
          stampede_cmd "$dir" "http://127.0.0.1:$NGINX_PORT" "$BENCH_DIR/loadtests/throughput.yaml" "$THROUGHPUT_SECONDS" ;;
        locust) locust_cmd "$dir" "$NGINX_PORT" FastConst 50 50 "$THROUGHPUT_SECONDS" ;;
      esac
      log "throughput run $run/$RUNS: $tool (${THROUGHPUT_SECONDS}s)"
      printf '%s\n' "${GEN_CMD[*]}" >"$dir/command.txt"
      measured_run "$dir" "$WINDOW_START" "$window_end" "$limit" "${GEN_CMD[@]}"
      echo "users=50" >>"$dir/measure.env"
    done
  done
}
