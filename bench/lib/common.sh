# Shared helpers for bench/run.sh: clocks, /proc readers, the nginx target, and launching a generator under
# GNU time on CPU 0. Sourced, not run. Every process started here is recorded in STARTED_PIDS and stopped by
# PID in cleanup(), which run.sh installs as its EXIT trap.

STARTED_PIDS=()
CLK_TCK="$(getconf CLK_TCK)"

# Drops PIDs that have been waited for from STARTED_PIDS, so cleanup() never signals a reused PID.
forget_pids() {
  local keep=() pid gone
  for pid in "${STARTED_PIDS[@]}"; do
    for gone in "$@"; do
      [ "$pid" != "$gone" ] || continue 2
    done
    keep+=("$pid")
  done
  STARTED_PIDS=("${keep[@]}")
}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Floating-point helpers (bash has none): calc 'EXPR' with awk.
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }

# Sleeps until the wall clock reaches $1 (epoch seconds, fractional); returns at once if it has passed.
sleep_until() {
  local delay
  delay="$(awk -v t="$1" -v n="$EPOCHREALTIME" 'BEGIN { d = t - n; if (d < 0) d = 0; printf "%.3f", d }')"
  sleep "$delay"
}

# A TCP port on 127.0.0.1 that nothing listens on right now (the kernel picks it).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# utime+stime of a process, in clock ticks (all its threads). Field 2 (comm) may hold spaces, so fields are
# counted after its closing parenthesis. Prints nothing when the process is gone.
cpu_ticks() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat="${stat##*) }"
  awk '{ print $12 + $13 }' <<<"$stat"
}

# "utime stime" of a process, in clock ticks, or nothing when the process is gone.
cpu_ticks_split() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat="${stat##*) }"
  awk '{ print $12, $13 }' <<<"$stat"
}

# Busy ticks of the whole machine (user nice system irq softirq steal), to show what else ran meanwhile.
machine_busy_ticks() {
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}

# "softirq steal" ticks of the whole machine. With tick-based accounting, a tick that lands in softirq (where
# loopback TCP does much of its work) is charged here, not to the process that caused it.
machine_softirq_steal_ticks() {
  awk '/^cpu / { print $8, $9; exit }' /proc/stat
}

# A field of /proc/PID/status in KiB (VmHWM, VmRSS), or nothing when the process is gone.
proc_status_kib() {
  awk -v k="$2:" '$1 == k { print $2; exit }' "/proc/$1/status" 2>/dev/null || true
}

# The first child of a process, waiting up to 5 s for the fork (GNU time forks the generator).
child_of() {
  local parent="$1" child i
  for ((i = 0; i < 500; i++)); do
    child="$(cat "/proc/$parent/task/$parent/children" 2>/dev/null || true)"
    child="${child%% *}"
    if [ -n "$child" ]; then
      echo "$child"
      return 0
    fi
    sleep 0.01
  done
  return 1
}

# ---- the nginx target -------------------------------------------------------------------------------------

NGINX_PID=""
NGINX_WORKER_PID=""
NGINX_PORT=""
NGINX_LOG_PORT=""
STATUS_PROBES=0

start_nginx() {
  local conf="$SCRATCH/nginx/nginx.conf" i
  mkdir -p "$SCRATCH/nginx"
  NGINX_PORT="$(free_port)"
  NGINX_LOG_PORT="$(free_port)"
  [ "$NGINX_PORT" != "$NGINX_LOG_PORT" ] || NGINX_LOG_PORT="$(free_port)"
  sed -e "s#@SCRATCH@#$SCRATCH/nginx#g" -e "s#@PORT@#$NGINX_PORT#g" -e "s#@LOG_PORT@#$NGINX_LOG_PORT#g" \
    "$BENCH_DIR/nginx.conf.in" >"$conf"
  taskset -c 1 nginx -p "$SCRATCH/nginx" -c "$conf" -e "$SCRATCH/nginx/error.log" &
  NGINX_PID=$!
  STARTED_PIDS+=("$NGINX_PID")
  for ((i = 0; i < 100; i++)); do
    NGINX_WORKER_PID="$(child_of "$NGINX_PID" 2>/dev/null || true)"
    if [ -n "$NGINX_WORKER_PID" ] && probe_requests 2>/dev/null; then
      log "nginx $(nginx -v 2>&1 | sed 's#.*/##') on 127.0.0.1:$NGINX_PORT (and :$NGINX_LOG_PORT, logged), pid $NGINX_PID, worker $NGINX_WORKER_PID, CPU 1"
      return 0
    fi
    sleep 0.05
  done
  cat "$SCRATCH/nginx/error.log" >&2 || true
  die "nginx did not start"
}

stop_nginx() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
  fi
  forget_pids "$NGINX_PID"
  NGINX_PID=""
}

# Sets NGINX_REQUESTS to nginx's stub_status request counter. Each probe is itself one request, counted in
# STATUS_PROBES so callers can subtract their own probes from a delta. Call it directly, not in $(...), or the
# count is lost. Uses bash's /dev/tcp: no curl needed.
NGINX_REQUESTS=""
probe_requests() {
  local fd count
  NGINX_REQUESTS=""
  exec {fd}<>"/dev/tcp/127.0.0.1/$NGINX_PORT" || return 1
  printf 'GET /nginx_status HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&"$fd"
  count="$(awk 'found { print $3; exit } / accepts handled requests/ { found = 1 }' <&"$fd")"
  exec {fd}>&-
  STATUS_PROBES=$((STATUS_PROBES + 1))
  [ -n "$count" ] || return 1
  NGINX_REQUESTS="$count"
}

# ---- generators -------------------------------------------------------------------------------------------

GEN_TIME_PID=""
GEN_PID=""
GEN_LAUNCH=""

# Starts "$@" on CPU 0 under GNU time (user s, sys s, max RSS KiB, wall s into $1) in the background.
# Sets GEN_LAUNCH (epoch s, taken with date just before exec), GEN_TIME_PID and GEN_PID: the generator itself
# (java, wrk, python), never a wrapper.
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

# CPU-s (user+sys) and max RSS (KiB) of the finished generator, from its GNU time file: "cpu_s rss_kib wall_s".
time_summary() {
  awk 'NF == 4 && $1 ~ /^[0-9.]+$/ { printf "%.2f %d %.2f\n", $1 + $2, $3, $4; found = 1 }
       END { if (!found) print "nan 0 nan" }' "$1"
}

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  sleep 0.3
  for pid in "${STARTED_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

# ---- measurements -----------------------------------------------------------------------------------------

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
# and ticks.txt (see trace_ticks) when TRACE_TICKS=1.
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
  local tracer=""
  if [ "${TRACE_TICKS:-0}" = 1 ]; then
    trace_ticks "$GEN_PID" "$dir/ticks.txt" &
    tracer=$!
    STARTED_PIDS+=("$tracer")
  fi
  echo "launch=$GEN_LAUNCH" >>"$env"
  echo "gen_comm=$(cat "/proc/$GEN_PID/comm" 2>/dev/null)" >>"$env"
  sleep_until "$(calc "$GEN_LAUNCH + $start")"
  snapshot "$env" A
  sleep_until "$(calc "$GEN_LAUNCH + $end")"
  snapshot "$env" B
  await_generator "$limit" || rc=$?
  if [ -n "$tracer" ]; then
    wait "$tracer" 2>/dev/null || true
    forget_pids "$tracer"
  fi
  probe_requests || NGINX_REQUESTS=""
  {
    echo "exit_status=$rc"
    echo "requests_after=$NGINX_REQUESTS"
    echo "probes_after=$STATUS_PROBES"
  } >>"$env"
}

# Cores busy on the whole machine over $1 seconds, before anything of ours runs: other people's work makes
# every figure noisier, so it goes into the report.
machine_busy_cores() {
  local a b
  a="$(machine_busy_ticks)"
  sleep "$1"
  b="$(machine_busy_ticks)"
  calc "($b - $a) / $CLK_TCK / $1"
}

# Waits, at most QUIET_WAIT_SECONDS (and QUIET_WAIT_BUDGET over the whole invocation), until the rest of the
# machine is quiet: fewer than QUIET_MAX_CORES busy over one second. A run then does not start in the middle of
# someone else's build. Appends how long it waited and how busy the machine was to the file $1. Never fails: a
# busy machine is reported in the table, not hidden.
QUIET_WAITED=0
await_quiet_machine() {
  local file="$1" start busy waited limit
  limit="$(awk -v a="$QUIET_WAIT_SECONDS" -v b="$QUIET_WAIT_BUDGET" -v w="$QUIET_WAITED" \
    'BEGIN { r = b - w; if (r < 0) r = 0; print (a < r ? a : r) }')"
  start="$EPOCHREALTIME"
  while :; do
    busy="$(machine_busy_cores 1)"
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
  [ -p "$SCRATCH/never" ] || mkfifo "$SCRATCH/never"
  exec {fd}<>"$SCRATCH/never"
  while read -r stat <"/proc/$pid/stat"; do
    stat="${stat##*) }"
    read -r -a fields <<<"$stat"
    echo "$EPOCHREALTIME $((fields[11] + fields[12]))"
    read -r -t 0.02 -u "$fd" _ || true
  done 2>/dev/null >"$out"
}
