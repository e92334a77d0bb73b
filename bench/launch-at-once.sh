#!/usr/bin/env bash
# Launches at once from a cold checkout: a master and 3 workers (4 launches of ./stampede) started at the same
# instant from a fresh copy of this checkout (its tracked files, no runner/target), so the first launch builds the
# jar, the others wait for that build, one makes the start-up archive and the rest start without it. Against a
# target on 127.0.0.1. Per launch: when the JVM was exec'd, when it was ready (the master answering, a worker
# registered), when and how it ended, and whether any hung (still alive after BOUND_SECONDS: killed by its
# process group's id and reported). See docs/cli.md ("Launches at once").
#
# Usage: bench/launch-at-once.sh
# Environment: ROUNDS=3 WORKERS=3 BOUND_SECONDS=180 JAVA_HOME (the JDK the launches use)
# Results: bench/results/launch-at-once-*/round-N/ (git-ignored): each launch's log, round.json.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
ROUNDS="${ROUNDS:-3}"
WORKERS="${WORKERS:-3}"
BOUND_SECONDS="${BOUND_SECONDS:-180}"
SCRATCH="$BENCH_DIR/results/launch-at-once-$(date -u +%Y%m%dT%H%M%SZ)"
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
# /usr/bin/python3 rather than a pyenv shim: the driver's children are then its own.
PYTHON="$(command -v /usr/bin/python3 || command -v python3)"

failed=0
for ((round = 1; round <= ROUNDS; round++)); do
  dir="$SCRATCH/round-$round"
  mkdir -p "$dir/checkout"
  # The tracked files as they are in the working tree (uncommitted edits included), nothing built.
  (cd "$ROOT" && git ls-files -z | tar --null -T - -cf -) | (cd "$dir/checkout" && tar -xf -)
  [ ! -e "$dir/checkout/runner/target" ] || die "the copy has a runner/target"
  log "round $round of $ROUNDS: a master and $WORKERS workers at once from $dir/checkout;" \
    "machine busy before: $(machine_busy_cores 0.5) cores of $(nproc)"
  if ! "$PYTHON" -B "$BENCH_DIR/launch_at_once.py" "$dir/checkout" "$WORKERS" "$BOUND_SECONDS" \
      "$dir/round.json" | tee "$dir/round.txt"; then
    failed=1
    log "round $round: a launch hung or failed; its log is in $dir"
  fi
done
exit "$failed"
