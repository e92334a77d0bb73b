# The generator command lines, one function per tool. Each sets the array GEN_CMD; run.sh passes it to
# measured_run. Sourced by run.sh.

GEN_CMD=()

# The JVM ./stampede picks (for the report).
stampede_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else command -v java; fi
}

# The start-up archive ./stampede makes for STAMPEDE_JAR with that Java: NAME.aot (an AOT cache, Java 25 and
# newer) or NAME.jsa (a class-data-sharing archive).
stampede_archive() {
  local feature
  feature="$("$(stampede_java)" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  if [ -n "$feature" ] && [ "$feature" -ge 25 ]; then echo "${STAMPEDE_JAR%.jar}.aot"; else echo "${STAMPEDE_JAR%.jar}.jsa"; fi
}

# stampede_cmd DIR BASE_URL YAML SECONDS [USERS] [JAVA_OPTS]: through ./stampede, as users start it (its
# start-up archive, its JVM defaults), with the jar STAMPEDE_JAR. `env` and the launcher exec, so the PID
# GNU time forks becomes the JVM's: the harness reads that process, launcher included. No JVM options unless
# given (only the https phase's JDK-TLS runs give one, a system property): what is measured is what users get.
# https targets use --insecure (nginx's certificate is self-signed; wrk does not check it either).
stampede_cmd() {
  local dir="$1" base="$2" yaml="$3" seconds="$4" users="${5:-}" opts="${6:-}"
  GEN_CMD=(env "STAMPEDE_JAR=$STAMPEDE_JAR" "STAMPEDE_JAVA_OPTS=$opts" "$ROOT/stampede" run "$yaml"
    --host "$base" -t "${seconds}s" --quiet --json "$dir/summary.json")
  [ -z "$users" ] || GEN_CMD+=(-u "$users")
  case "$base" in https:*) GEN_CMD+=(--insecure) ;; esac
}

# Makes the launcher's start-up archive for STAMPEDE_JAR now (a 2-4 s demo run, once per jar build), so that no
# measured run pays for it. It is what a user's first ./stampede command does.
prepare_stampede() {
  log "preparing $(stampede_archive) (./stampede's start-up archive) when stale"
  STAMPEDE_JAR="$STAMPEDE_JAR" "$ROOT/stampede" --version >/dev/null || die "./stampede --version failed"
}

# wrk_cmd BASE_URL SECONDS: one thread, 50 connections, like ANCHORS.md.
wrk_cmd() {
  GEN_CMD=(wrk -t1 -c50 "-d${2}s" --latency "$1/hello")
}

# locust_cmd DIR PORT CLASS USERS SPAWN_RATE SECONDS: one Locust process, headless.
locust_cmd() {
  local dir="$1" port="$2" class="$3" users="$4" rate="$5" seconds="$6"
  GEN_CMD=("$LOCUST" -f "$BENCH_DIR/locustfile.py" --headless -u "$users" -r "$rate" -t "${seconds}s"
    -H "http://127.0.0.1:$port" --only-summary --csv "$dir/locust" --loglevel WARNING "$class")
}
