# Target 1 over TLS: 50 connections/users, no think time, against nginx's HTTPS port (TLS 1.3 only, keep-alive,
# session tickets on). wrk and Stampede interleaved, RUNS pairs on a quiet machine, then RUNS pairs while a busy
# loop keeps BUSY_CORE (default 1, nginx's core) busy: other work on the machine, as when a build runs beside the
# test. HTTPS_JDK_RUNS more Stampede runs in each half use the JDK's TLS (Netty's io.netty.handler.ssl.noOpenSsl),
# the fallback where BoringSSL cannot load. Same window as the throughput phase.

HTTPS_JDK_RUNS="${HTTPS_JDK_RUNS:-0}"
BUSY_CORE="${BUSY_CORE:-1}"
BUSY_PID=""

# Keeps core $BUSY_CORE busy with a shell loop, bounded by `timeout` (10 min) in case this script is killed.
start_busy_core() {
  taskset -c "$BUSY_CORE" timeout 600 sh -c 'while :; do :; done' &
  BUSY_PID=$!
  STARTED_PIDS+=("$BUSY_PID")
  log "busy loop on CPU $BUSY_CORE, pid $BUSY_PID"
}

stop_busy_core() {
  [ -n "$BUSY_PID" ] || return 0
  kill -TERM "$BUSY_PID" 2>/dev/null || true
  wait "$BUSY_PID" 2>/dev/null || true
  forget_pids "$BUSY_PID"
  BUSY_PID=""
}

# https_runs PHASE_DIR: RUNS interleaved pairs (and the JDK-TLS runs) into PHASE_DIR/<tool>/run<i>.
https_runs() {
  local phase="$1" run tool dir window_end limit base
  window_end=$((WINDOW_START + WINDOW_SECONDS))
  limit=$((THROUGHPUT_SECONDS + 30))
  base="https://127.0.0.1:$NGINX_TLS_PORT"
  local tools=(wrk stampede)
  [ "$HTTPS_JDK_RUNS" -eq 0 ] || tools+=(stampede-jdk)
  for ((run = 1; run <= RUNS; run++)); do
    for tool in "${tools[@]}"; do
      [ "$tool" != stampede-jdk ] || [ "$run" -le "$HTTPS_JDK_RUNS" ] || continue
      dir="$RAW/$phase/$tool/run$run"
      rm -rf "$dir"
      mkdir -p "$dir"
      case "$tool" in
        wrk) wrk_cmd "$base" "$THROUGHPUT_SECONDS" ;;
        stampede) stampede_cmd "$dir" "$base" "$BENCH_DIR/loadtests/throughput.yaml" "$THROUGHPUT_SECONDS" ;;
        stampede-jdk)
          stampede_cmd "$dir" "$base" "$BENCH_DIR/loadtests/throughput.yaml" "$THROUGHPUT_SECONDS" "" \
            -Dio.netty.handler.ssl.noOpenSsl=true ;;
      esac
      log "$phase run $run/$RUNS: $tool (${THROUGHPUT_SECONDS}s)"
      printf '%s\n' "${GEN_CMD[*]}" >"$dir/command.txt"
      measured_run "$dir" "$WINDOW_START" "$window_end" "$limit" "${GEN_CMD[@]}"
      echo "users=50" >>"$dir/measure.env"
    done
  done
}

phase_https() {
  https_runs https
  # Our own busy loop would make every run wait for a quiet machine that never comes.
  local quiet="$QUIET_WAIT_SECONDS"
  QUIET_WAIT_SECONDS=0
  start_busy_core
  https_runs https-busy
  stop_busy_core
  QUIET_WAIT_SECONDS="$quiet"
}
