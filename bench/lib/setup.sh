# Installing the tools, building the jar, and recording the machine. Sourced by run.sh.

LOCUST=""
LOCUST_NOTE=""

find_locust() {
  if [ -x /usr/bin/locust ]; then
    # Debian's script: its shebang is /usr/bin/python3, so the PID GNU time forks is Python itself.
    LOCUST=/usr/bin/locust
  elif command -v locust >/dev/null 2>&1; then
    LOCUST="$(command -v locust)"
  fi
}

# Idempotent: installs only what is missing, from Debian packages, running `apt-get update` first.
# Locust is optional: when python3-locust cannot be installed, its rows are skipped with a note.
install_packages() {
  local need=()
  command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
  command -v wrk >/dev/null 2>&1 || need+=(wrk)
  [ -x /usr/bin/time ] || need+=(time)
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  command -v taskset >/dev/null 2>&1 || need+=(util-linux)
  command -v openssl >/dev/null 2>&1 || need+=(openssl)
  find_locust
  if [ "${#need[@]}" -eq 0 ] && [ -n "$LOCUST" ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    [ "${#need[@]}" -eq 0 ] || die "missing ${need[*]}: run bench/run.sh setup as root on Debian/Ubuntu, or install them"
    LOCUST_NOTE="Locust is not installed (python3-locust needs root and apt-get): its rows are skipped."
    log "$LOCUST_NOTE"
    return 0
  fi
  log "installing: ${need[*]} python3-locust (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
  if [ "${#need[@]}" -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || die "apt-get install ${need[*]} failed"
  fi
  if [ -z "$LOCUST" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-locust >/dev/null 2>&1 || true
    find_locust
    if [ -z "$LOCUST" ]; then
      LOCUST_NOTE="python3-locust could not be installed: the Locust rows are skipped."
      log "$LOCUST_NOTE"
    fi
  fi
}

# The runner jar: STAMPEDE_JAR, or runner/target/stampede.jar, built with the Maven Wrapper when missing.
ensure_jar() {
  STAMPEDE_JAR="${STAMPEDE_JAR:-$ROOT/runner/target/stampede.jar}"
  if [ ! -f "$STAMPEDE_JAR" ]; then
    [ "$STAMPEDE_JAR" = "$ROOT/runner/target/stampede.jar" ] || die "STAMPEDE_JAR=$STAMPEDE_JAR does not exist"
    log "building $STAMPEDE_JAR (./mvnw package, tests skipped)"
    (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true -pl runner -am package) || die "the build failed"
    [ -f "$STAMPEDE_JAR" ] || die "the build finished but $STAMPEDE_JAR is missing"
  elif [ -z "${STAMPEDE_JAR_COMMIT:-}" ] &&
    [ -n "$(find "$ROOT/runner/src/main" "$ROOT/pom.xml" "$ROOT/runner/pom.xml" -newer "$STAMPEDE_JAR" -print -quit)" ]; then
    log "note: $STAMPEDE_JAR is older than the sources; delete it to measure the current code"
  fi
}

# 10,000 users need 10,000 sockets in the generator and as many in nginx.
raise_open_files_limit() {
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((MEMORY_USERS_LARGE + 500)) ]; then
    log "note: open files limit $(ulimit -n) is below $((MEMORY_USERS_LARGE + 500)); the large memory runs may fail"
  fi
}

# Debian's build prints an empty `locust --version`; the package version says it.
locust_version() {
  [ -n "$LOCUST" ] || return 0
  local v
  v="$("$LOCUST" --version 2>&1 | awk '{ print $2; exit }')"
  [ -n "$v" ] || v="$(dpkg-query -W -f='${Version} (deb)' python3-locust 2>/dev/null || true)"
  echo "$v"
}

# What was measured and where: the header of the table.
write_meta() {
  local file="$1" phase="$2" java dirty
  java="$(stampede_java)"
  # STAMPEDE_JAR_COMMIT: the commit a jar given in STAMPEDE_JAR was built from (e.g. a clean `git archive`).
  if [ -n "${STAMPEDE_JAR_COMMIT:-}" ]; then
    dirty=0
  else
    dirty="$(cd "$ROOT" && git status --porcelain -- runner pom.xml 2>/dev/null | wc -l)"
  fi
  {
    echo "phase=$phase"
    echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "runs=$RUNS"
    echo "nproc=$(nproc)"
    echo "cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "mem_total=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "kernel=$(uname -r)"
    echo "os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")"
    echo "jdk=$("$java" -version 2>&1 | head -n 2 | tail -n 1)"
    echo "java_opts="
    echo "jar=$STAMPEDE_JAR"
    echo "jar_mtime=$(date -u -r "$STAMPEDE_JAR" +%Y-%m-%dT%H:%M:%SZ)"
    echo "archive=$([ ! -f "$(stampede_archive)" ] || stampede_archive)"
    echo "commit=${STAMPEDE_JAR_COMMIT:-$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)}"
    echo "uncommitted_runner_files=$dirty"
    echo "nginx=$(nginx -v 2>&1 | sed 's#.*/##')"
    echo "wrk=$(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }')"
    echo "locust=$(locust_version)"
    echo "locust_note=$LOCUST_NOTE"
    echo "python=$([ -z "$LOCUST" ] || /usr/bin/python3 --version 2>&1 | awk '{ print $2 }')"
    echo "load_average=$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "throughput_seconds=$THROUGHPUT_SECONDS"
    echo "window_start=$WINDOW_START"
    echo "window_seconds=$WINDOW_SECONDS"
    echo "memory_seconds=$MEMORY_SECONDS"
    echo "memory_spawn_rate=$MEMORY_SPAWN_RATE"
    echo "memory_window=$MEMORY_WINDOW_START-$MEMORY_WINDOW_END"
    echo "overhead_seconds=$OVERHEAD_SECONDS"
    echo "overhead_window=$OVERHEAD_WINDOW_START-$OVERHEAD_WINDOW_END"
  } >"$file"
}
