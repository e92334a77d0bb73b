# Target 2: many users with 1-2 s think time. Peak RSS at MEMORY_USERS_SMALL and MEMORY_USERS_LARGE users, and
# the request rate delivered once all users have started, against the schedule (users / 1.5 s).
# Stampede runs with no JVM options (./stampede's defaults, as users get them); Locust FastHttpUser runs RUNS
# times when installed.

MEMORY_SECONDS="${MEMORY_SECONDS:-25}"
MEMORY_USERS_SMALL="${MEMORY_USERS_SMALL:-1000}"
MEMORY_USERS_LARGE="${MEMORY_USERS_LARGE:-10000}"
MEMORY_SPAWN_RATE="${MEMORY_SPAWN_RATE:-2000}"
MEMORY_WINDOW_START="${MEMORY_WINDOW_START:-10}"
MEMORY_WINDOW_END="${MEMORY_WINDOW_END:-22}"

memory_run() {
  local config="$1" users="$2" run="$3" dir
  dir="$RAW/memory/$config-$users/run$run"
  rm -rf "$dir"
  mkdir -p "$dir"
  case "$config" in
    stampede)
      stampede_cmd "$dir" "http://127.0.0.1:$NGINX_PORT" "$BENCH_DIR/loadtests/think-time.yaml" "$MEMORY_SECONDS" "$users" ;;
    locust)
      locust_cmd "$dir" "$NGINX_PORT" FastIdle "$users" "$MEMORY_SPAWN_RATE" "$MEMORY_SECONDS" ;;
  esac
  log "memory run $run: $config, $users users (${MEMORY_SECONDS}s)"
  printf '%s\n' "${GEN_CMD[*]}" >"$dir/command.txt"
  measured_run "$dir" "$MEMORY_WINDOW_START" "$MEMORY_WINDOW_END" $((MEMORY_SECONDS + 40)) "${GEN_CMD[@]}"
  echo "users=$users" >>"$dir/measure.env"
}

phase_memory() {
  local run users
  for ((run = 1; run <= RUNS; run++)); do
    for users in "$MEMORY_USERS_SMALL" "$MEMORY_USERS_LARGE"; do
      memory_run stampede "$users" "$run"
      [ -z "$LOCUST" ] || memory_run locust "$users" "$run"
    done
  done
}
