# Shared helpers for bench/run.sh: logging, clocks, /proc readers, and the list of processes started, which
# cleanup() (run.sh's EXIT trap) stops by PID. Sourced, not run.

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

# CPU ticks (user + system) of process $1's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre"), or
# nothing when the process is gone. Threads that already ended are not counted; HotSpot keeps its compiler
# threads for the life of the process on a machine this small.
jit_thread_ticks() {
  local pid="$1" task comm stat fields total=0
  [ -d "/proc/$pid/task" ] || return 0
  for task in "/proc/$pid/task"/*; do
    read -r comm <"$task/comm" 2>/dev/null || continue
    case "$comm" in
      "C1 CompilerThre"* | "C2 CompilerThre"*)
        read -r stat <"$task/stat" 2>/dev/null || continue
        stat="${stat##*) }"
        read -r -a fields <<<"$stat"
        total=$((total + fields[11] + fields[12]))
        ;;
    esac
  done
  echo "$total"
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

# Cores busy on the whole machine over $1 seconds (it sleeps meanwhile): other people's work makes
# every figure noisier, so it goes into the report.
machine_busy_cores() {
  local a b
  a="$(machine_busy_ticks)"
  sleep "$1"
  b="$(machine_busy_ticks)"
  calc "($b - $a) / $CLK_TCK / $1"
}

# Stops every process still running that this script started, by PID: TERM, then KILL.
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
