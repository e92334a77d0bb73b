#!/usr/bin/env bash
# What request signing by a plugin costs: bench/loadtests/throughput.yaml (50 users, no think time, GET /hello)
# against nginx pinned to CPU 1, Stampede pinned to CPU 0, unsigned and signed (throughput-signed.yaml: the same
# with spec.defaults.sign by the sample plugin plugins/hmac-signing, HMAC-SHA256 per request), runs of DURATION
# (default 8s) interleaved, ROUNDS times (default 5). Prints each run's RPS (from --json) and requests per
# CPU-second of the Stampede process (user + system, start-up included; moves less than RPS when other work shares
# the machine), then the medians and their ratios, and the load average before and after (say so when quoting
# the figures). Usage: bench/plugin.sh [ROUNDS] [DURATION]
#
# Needs runner/target/stampede.jar (./stampede builds it) and the plugin's jar (built here with ./mvnw -o when
# missing). STAMPEDE_JAVA_OPTS is cleared: ./stampede's own defaults, as users get them (as bench/run.sh).
# Everything started is stopped by PID on exit; nginx listens on 127.0.0.1. Results: bench/results/plugin-*/
# (git-ignored).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
ROUNDS="${1:-5}"
DURATION="${2:-8s}"
export STAMPEDE_JAVA_OPTS=""
SCRATCH="$BENCH_DIR/results/plugin-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$SCRATCH/plugins"

# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# shellcheck source=lib/nginx.sh
source "$BENCH_DIR/lib/nginx.sh"
trap cleanup EXIT

command -v nginx >/dev/null || die "nginx is not installed (apt-get install nginx-light)"
plugin_jar="$(ls "$ROOT"/plugins/hmac-signing/target/stampede-plugin-hmac-*.jar 2>/dev/null | head -1 || true)"
if [ -z "$plugin_jar" ]; then
  log "building the sample plugin"
  (cd "$ROOT" && ./mvnw -B -o -q -pl plugin-api,plugins/hmac-signing -am package -DskipTests) >&2
  plugin_jar="$(ls "$ROOT"/plugins/hmac-signing/target/stampede-plugin-hmac-*.jar | head -1)"
fi
cp "$plugin_jar" "$SCRATCH/plugins/"
export HMAC_KEY="bench-key-$RANDOM"
start_nginx
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

one_run() {
  local mode="$1" round="$2" json="$SCRATCH/$1-$2.json"
  local file="$BENCH_DIR/loadtests/throughput.yaml" args=()
  if [ "$mode" = signed ]; then
    file="$BENCH_DIR/loadtests/throughput-signed.yaml"
    args=(--plugins "$SCRATCH/plugins")
  fi
  # CPU seconds of the whole process (user + system), start-up included: requests per CPU-second moves less than
  # RPS when other work shares the machine.
  timeout 120 /usr/bin/time -f "%U %S" -o "$json.cpu" taskset -c 0 "$ROOT/stampede" run "$file" \
    --host "http://127.0.0.1:$NGINX_PORT" --duration "$DURATION" --json "$json" -q "${args[@]}" \
    >"$json.out" 2>&1 || true
  [ -s "$json" ] || { cat "$json.out" >&2; die "no summary for $mode"; }
  python3 -c 'import json,sys
t = json.load(open(sys.argv[1]))["summary"]["total"]
user, system = (float(x) for x in open(sys.argv[4]).read().split()[-2:])
print("%s\tround %s\trps %.0f\treq/cpu-s %.0f\trequests %d\tfailures %d" % (sys.argv[2], sys.argv[3], t["rps"],
      t["requests"] / (user + system), t["requests"], t["failures"]))' "$json" "$mode" "$round" "$json.cpu"
}

for ((r = 1; r <= ROUNDS; r++)); do
  for mode in unsigned signed; do
    one_run "$mode" "$r" | tee -a "$SCRATCH/results.tsv"
  done
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$SCRATCH/results.tsv" <<'PY'
import statistics, sys
for column, unit in ((2, "RPS"), (3, "requests per CPU-second")):
    values = {"unsigned": [], "signed": []}
    for line in open(sys.argv[1]):
        fields = line.split("\t")
        values[fields[0]].append(float(fields[column].split()[1]))
    u, s = statistics.median(values["unsigned"]), statistics.median(values["signed"])
    print("median %s: unsigned %.0f, signed %.0f: signed/unsigned = %.3f (%+.1f %%)" % (unit, u, s, s / u,
          100 * (s / u - 1)))
PY
log "results in $SCRATCH/results.tsv"
