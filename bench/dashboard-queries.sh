#!/usr/bin/env bash
# Dashboard queries against a real scrape: does each PromQL expression of helm/stampede/dashboards/stampede.json
# return data when Prometheus scrapes a running master? Starts, all on 127.0.0.1 and each stopped by PID:
#   - the demo API (`stampede demo --serve`), the target;
#   - a master and one worker (`stampede master` / `stampede worker`) running a LoadTest against it, with one row
#     that always fails (so failures by cause have a series);
#   - Prometheus (Debian's /usr/bin/prometheus) with a throw-away config and storage, scraping the master's
#     /metrics every second with the labels the chart's PodMonitor gives a master's series (namespace,
#     app_kubernetes_io_instance, stampede_io_run) and honor_labels as the PodMonitor sets it.
# Then it evaluates every target expression of the dashboard through /api/v1/query, with the dashboard's
# variables replaced by real values, and prints one line per expression: "data N" (N series) or "EMPTY".
# The operator's families (stampede_loadtest_*) need an operator and a cluster, so they are not scraped here:
# their expressions are listed as "operator" and not counted (DashboardQueriesTest, in the operator module, evaluates
# them too, on a real scrape of the operator). See docs/install.md ("Metrics, monitors and the Grafana dashboard").
#
# Usage: bench/dashboard-queries.sh
# Environment: KEEP_RUN_DIR=1 (keep the logs, config and scrape in the temporary directory) RUN_SECONDS=40 (the LoadTest's duration) SETTLE_SECONDS=20 (how long into the run the queries are
#              evaluated) STAMPEDE_BUILD_DIR (default runner/target; built with ./mvnw when missing)
# Exit code: 0 when every master expression returned data, 1 otherwise.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
RUN_SECONDS="${RUN_SECONDS:-40}"
SETTLE_SECONDS="${SETTLE_SECONDS:-20}"
BUILD_DIR="${STAMPEDE_BUILD_DIR:-$ROOT/runner/target}"
DASHBOARD="$ROOT/helm/stampede/dashboards/stampede.json"
PROMETHEUS="${PROMETHEUS:-/usr/bin/prometheus}"
# log, die, free_port, STARTED_PIDS and cleanup (which stops them by PID) are bench/run.sh's helpers.
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
finish() {
  cleanup
  [ -z "${RUN_DIR:-}" ] || [ -n "${KEEP_RUN_DIR:-}" ] || rm -rf "$RUN_DIR"
}
trap finish EXIT

[ -x "$PROMETHEUS" ] || die "no Prometheus server at $PROMETHEUS (Debian: apt-get install prometheus)"
if [ ! -f "$BUILD_DIR/stampede.jar" ]; then
  log "building the runner into $BUILD_DIR"
  (cd "$ROOT" && ./mvnw -B -q -o -pl runner -DskipTests -Dstampede.build.dir="$BUILD_DIR" package >&2)
fi

RUN_DIR="$(mktemp -d)"
TARGET_PORT="$(free_port)"
MASTER_PORT="$(free_port)"
PROM_PORT="$(free_port)"
NAMESPACE=loadtests
NAME=dashboard-check
RUN=1
export STAMPEDE_TOKEN="dash-$RANDOM$RANDOM"

cat >"$RUN_DIR/loadtest.yaml" <<YAML
apiVersion: stampede.io/v1alpha1
kind: LoadTest
metadata: {name: $NAME}
spec:
  target: http://127.0.0.1:$TARGET_PORT
  load: {users: 4, spawnRate: 100, duration: ${RUN_SECONDS}s}
  userClasses:
    - name: u
      wait: {constant: 50ms}
      tasks:
        - {name: health, request: {method: GET, path: /health}}
        - {name: missing, request: {method: GET, path: /no-such-page}, expect: {status: [200]}}
YAML

# Scrape as the chart's PodMonitor does (helm/stampede/templates/podmonitor.yaml): honorLabels, and the pod's
# namespace, LoadTest name and run number as target labels.
cat >"$RUN_DIR/prometheus.yml" <<YAML
global: {scrape_interval: 1s, evaluation_interval: 1s}
scrape_configs:
  - job_name: stampede-masters
    honor_labels: true
    metrics_path: /metrics
    static_configs:
      - targets: ['127.0.0.1:$MASTER_PORT']
        labels: {namespace: $NAMESPACE, app_kubernetes_io_instance: $NAME, stampede_io_run: '$RUN'}
YAML

# java directly (not ./stampede, which execs java anyway) so that $! is the JVM's PID for cleanup.
log "demo API on 127.0.0.1:$TARGET_PORT"
java -jar "$BUILD_DIR/stampede.jar" demo --serve --bind "127.0.0.1:$TARGET_PORT" >"$RUN_DIR/demo.log" 2>&1 &
STARTED_PIDS+=("$!")
log "Prometheus on 127.0.0.1:$PROM_PORT, scraping the master every second"
"$PROMETHEUS" --config.file="$RUN_DIR/prometheus.yml" --storage.tsdb.path="$RUN_DIR/tsdb" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$RUN_DIR/prometheus.log" 2>&1 &
STARTED_PIDS+=("$!")
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$TARGET_PORT/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$TARGET_PORT/health" >/dev/null || die "the demo API did not start: $(tail -5 "$RUN_DIR/demo.log")"

log "master on 127.0.0.1:$MASTER_PORT and one worker, ${RUN_SECONDS} s of load"
java -jar "$BUILD_DIR/stampede.jar" master "$RUN_DIR/loadtest.yaml" --expect-workers 1 \
  --bind "127.0.0.1:$MASTER_PORT" --keep-serving 0s -q >"$RUN_DIR/master.log" 2>&1 &
STARTED_PIDS+=("$!")
sleep 1
java -jar "$BUILD_DIR/stampede.jar" worker --master "127.0.0.1:$MASTER_PORT" >"$RUN_DIR/worker.log" 2>&1 &
STARTED_PIDS+=("$!")

log "evaluating the dashboard's expressions ${SETTLE_SECONDS} s into the run"
sleep "$SETTLE_SECONDS"
curl -fsS "http://127.0.0.1:$MASTER_PORT/metrics" >"$RUN_DIR/scrape.txt" || die "the master serves no /metrics"

python3 - "$DASHBOARD" "http://127.0.0.1:$PROM_PORT" "$NAMESPACE" "$NAME" <<'PY'
import json, sys, urllib.parse, urllib.request

dashboard, prometheus, namespace, name = sys.argv[1:5]
# Grafana's values for an instant look at the last minutes: $__rate_interval is max(4 x scrape interval,
# interval + scrape interval) = 4 s at a 1 s scrape; 10 s leaves room for a late scrape.
variables = {"$namespace": namespace, "$loadtest": name, "$__rate_interval": "10s", "$__range": "5m",
             "${datasource}": ""}
master_total = master_data = operator_total = 0
for panel in json.load(open(dashboard))["panels"]:
    for target in panel.get("targets", []):
        expr = target.get("expr")
        if not expr:
            continue
        query = expr
        for key, value in variables.items():
            query = query.replace(key, value)
        if "stampede_loadtest_" in expr:
            operator_total += 1
            print(f"operator  {panel['title']}: {expr}")
            continue
        url = prometheus + "/api/v1/query?" + urllib.parse.urlencode({"query": query})
        answer = json.load(urllib.request.urlopen(url, timeout=10))
        if answer.get("status") != "success":
            print(f"ERROR     {panel['title']}: {query}: {answer}")
            series = []
        else:
            series = [s for s in answer["data"]["result"] if s["value"][1] not in ("NaN",)]
        master_total += 1
        master_data += bool(series)
        label = f"data {len(series):<3}" if series else "EMPTY    "
        print(f"{label} {panel['title']}: {query}")
print(f"master expressions returning data: {master_data} of {master_total}; "
      f"operator expressions not evaluated: {operator_total}")
sys.exit(0 if master_data == master_total else 1)
PY
