# Running one generator and measuring it: launch under GNU time on CPU 0, snapshots of counters and CPU ticks
# in a window, a CPU tick trace, and a bounded wait for a quiet machine. Sourced by run.sh.

GEN_TIME_PID=""
GEN_PID=""
GEN_LAUNCH=""

# Starts "$@" on CPU 0 under GNU time (user s, sys s, max RSS KiB, wall s into $1) in the background.
# Sets GEN_LAUNCH (epoch s, taken with date just before exec), GEN_TIME_PID and GEN_PID: the generator itself
# (java, wrk, python). A wrapper counts only when it execs the generator (env, ./stampede): the PID stays the same.
launch_generator() {
  local time_file="$1" out_file="$2"
  shift 2
  GEN_LAUNCH="$(date +%s.%N)"
  taskset -c 0 /usr/bin/time -f '%U %S %M %e' -o "$time_file" "$@" >"$out_file" 2>&1 &
  GEN_TIME_PID=$!
  STARTED_PIDS+=("$GEN_TIME_PID")
  GEN_PID="$(child_of "$GEN_TIME_PID")" || die "no generator process under GNU time (pid $GEN_TIME_PID)"
  STARTED_PIDS+=("$GEN_PID")
}

# Waits for the generator, at most $1 seconds, then stops it by PID. Returns its exit status (from GNU time).
await_generator() {
  local limit="$1" deadline rc=0
  deadline=$(($(date +%s) + limit))
  while kill -0 "$GEN_TIME_PID" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 0.1
  done
  if kill -0 "$GEN_TIME_PID" 2>/dev/null; then
    log "generator pid $GEN_PID still running after ${limit}s: stopping it"
    kill -TERM "$GEN_PID" 2>/dev/null || true
    sleep 2
    kill -KILL "$GEN_PID" 2>/dev/null || true
  fi
  wait "$GEN_TIME_PID" 2>/dev/null || rc=$?
  forget_pids "$GEN_TIME_PID" "$GEN_PID"
  return "$rc"
}

# Appends one moment of the run to the file $1 as shell assignments with suffix $2 (A, B, ...): the wall
# clock, nginx's counter and probe count, the generator's, nginx worker's and the machine's busy CPU ticks,
# and the generator's peak RSS so far. Taken back to back, so the readings describe the same instant.
snapshot() {
  local file="$1" tag="$2" t split irq
  t="$EPOCHREALTIME"
  probe_requests || NGINX_REQUESTS=""
  split="$(cpu_ticks_split "$GEN_PID")"
  irq="$(machine_softirq_steal_ticks)"
  {
    echo "t_$tag=$t"
    echo "requests_$tag=$NGINX_REQUESTS"
    echo "probes_$tag=$STATUS_PROBES"
    echo "gen_user_ticks_$tag=${split% *}"
    echo "gen_sys_ticks_$tag=${split#* }"
    echo "gen_ticks_$tag=$(cpu_ticks "$GEN_PID")"
    echo "jit_ticks_$tag=$(jit_thread_ticks "$GEN_PID")"
    echo "srv_ticks_$tag=$(cpu_ticks "$NGINX_WORKER_PID")"
    echo "all_ticks_$tag=$(machine_busy_ticks)"
    echo "softirq_ticks_$tag=${irq% *}"
    echo "steal_ticks_$tag=${irq#* }"
    echo "gen_hwm_kib_$tag=$(proc_status_kib "$GEN_PID" VmHWM)"
    echo "gen_rss_kib_$tag=$(proc_status_kib "$GEN_PID" VmRSS)"
  } >>"$file"
}

# Runs one generator with a measurement window: "$1" run directory, "$2" window start and "$3" window end
# (seconds after launch), "$4" time limit in seconds, then the command. Writes measure.env (launch time,
# the counter before and after, snapshots A and B, exit status), time.txt and out.txt into the directory,
# and, when TRACE_TICKS=1, ticks.txt and requests.txt (see trace_ticks and trace_requests).
measured_run() {
  local dir="$1" start="$2" end="$3" limit="$4" rc=0
  shift 4
  mkdir -p "$dir"
  local env="$dir/measure.env"
  : >"$env"
  await_quiet_machine "$env"
  probe_requests || die "nginx is not answering"
  {
    echo "clk_tck=$CLK_TCK"
    echo "requests_before=$NGINX_REQUESTS"
    echo "probes_before=$STATUS_PROBES"
  } >>"$env"
  launch_generator "$dir/time.txt" "$dir/out.txt" "$@"
  local tracer="" request_tracer=""
  if [ "${TRACE_TICKS:-0}" = 1 ]; then
    [ -p "$SCRATCH/never" ] || mkfifo "$SCRATCH/never"
    trace_ticks "$GEN_PID" "$dir/ticks.txt" &
    tracer=$!
    trace_requests "$GEN_PID" "$dir/requests.txt" &
    request_tracer=$!
    STARTED_PIDS+=("$tracer" "$request_tracer")
  fi
  echo "launch=$GEN_LAUNCH" >>"$env"
  sleep_until "$(calc "$GEN_LAUNCH + $start")"
  snapshot "$env" A
  # Read in mid-run: right after the fork it may still be a wrapper that has not exec'd yet.
  echo "gen_comm=$(cat "/proc/$GEN_PID/comm" 2>/dev/null)" >>"$env"
  sleep_until "$(calc "$GEN_LAUNCH + $end")"
  snapshot "$env" B
  await_generator "$limit" || rc=$?
  if [ -n "$tracer" ]; then
    wait "$tracer" "$request_tracer" 2>/dev/null || true
    forget_pids "$tracer" "$request_tracer"
    # The request tracer's own probes are requests too: count them like ours.
    STATUS_PROBES=$((STATUS_PROBES + $(awk 'END { print $3 + 0 }' "$dir/requests.txt")))
  fi
  probe_requests || NGINX_REQUESTS=""
  {
    echo "exit_status=$rc"
    echo "requests_after=$NGINX_REQUESTS"
    echo "probes_after=$STATUS_PROBES"
  } >>"$env"
}

# Waits, at most QUIET_WAIT_SECONDS (and QUIET_WAIT_BUDGET over the whole invocation), until the rest of the
# machine is quiet: fewer than QUIET_MAX_CORES busy over half a second. A run then does not start in the middle
# of someone else's build. Appends how long it waited and how busy the machine was to the file $1. Never
# fails: a busy machine is reported in the table, not hidden.
QUIET_WAITED=0
await_quiet_machine() {
  local file="$1" start busy waited limit
  limit="$(awk -v a="$QUIET_WAIT_SECONDS" -v b="$QUIET_WAIT_BUDGET" -v w="$QUIET_WAITED" \
    'BEGIN { r = b - w; if (r < 0) r = 0; print (a < r ? a : r) }')"
  start="$EPOCHREALTIME"
  while :; do
    busy="$(machine_busy_cores 0.5)"
    waited="$(calc "$EPOCHREALTIME - $start")"
    if awk -v b="$busy" -v max="$QUIET_MAX_CORES" 'BEGIN { exit !(b < max) }'; then
      break
    fi
    if awk -v w="$waited" -v max="$limit" 'BEGIN { exit !(w >= max) }'; then
      log "the machine is busy ($busy cores besides us): running anyway"
      break
    fi
  done
  QUIET_WAITED="$(calc "$QUIET_WAITED + $waited")"
  {
    echo "quiet_wait_s=$waited"
    echo "busy_cores_before_run=$busy"
  } >>"$file"
}

# Writes "epoch_s cpu_ticks" of process $1 to file $2 about every 20 ms until it exits, without forking:
# the overhead phase uses it to split the generator's CPU into before the first request, during the load,
# and after it. Run in the background; reads /proc with bash builtins and sleeps on a FIFO read timeout.
trace_ticks() {
  local pid="$1" out="$2" fd stat fields
  exec {fd}<>"$SCRATCH/never"
  while read -r stat <"/proc/$pid/stat"; do
    stat="${stat##*) }"
    read -r -a fields <<<"$stat"
    echo "$EPOCHREALTIME $((fields[11] + fields[12]))"
    read -r -t 0.02 -u "$fd" _ || true
  done 2>/dev/null >"$out"
}

# Writes "epoch_s requests probes" of nginx's request counter about every 0.25 s until process $1 exits; the
# third column counts this loop's own probes (each one request, included in the counter). With trace_ticks it
# gives the generator's CPU cost per request for each second of a run. Run in the background.
trace_requests() {
  local pid="$1" out="$2" fd
  STATUS_PROBES=0
  exec {fd}<>"$SCRATCH/never"
  while kill -0 "$pid" 2>/dev/null; do
    if probe_requests 2>/dev/null; then echo "$EPOCHREALTIME $NGINX_REQUESTS $STATUS_PROBES"; fi
    read -r -t 0.25 -u "$fd" _ || true
  done >"$out"
}
