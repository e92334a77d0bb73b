#!/usr/bin/env bash
# The runner image starts like ./stampede: launch -> first request of the image's java command line (its
# ENTRYPOINT and the start-up archive its build makes, read from runner/Dockerfile and run here with /opt/stampede
# mapped to a scratch folder) against ./stampede's and against the entrypoint before the archive. No container
# engine is needed (none runs here): the JVM, the jar, the options and the archive are the image's; the image's
# JRE is Temurin 17, this machine's java is used. See docs/images.md ("Start-up").
#
# Usage: bench/image-start.sh
# Environment: ROUNDS=7 STAMPEDE_JAR (default runner/target/stampede.jar, built by ./stampede when missing)
# Results: bench/results/image-start-*/ (git-ignored).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
ROUNDS="${ROUNDS:-7}"
SCRATCH="$BENCH_DIR/results/image-start-$(date -u +%Y%m%dT%H%M%SZ)"
# shellcheck source=lib/common.sh
source "$BENCH_DIR/lib/common.sh"
mkdir -p "$SCRATCH"

JAR="${STAMPEDE_JAR:-$ROOT/runner/target/stampede.jar}"
if [ ! -f "$JAR" ]; then
  "$ROOT/stampede" --version >/dev/null
fi
log "java: $(java -version 2>&1 | head -n 1); machine busy before: $(machine_busy_cores 0.5) cores of $(nproc)"
"$(command -v /usr/bin/python3 || command -v python3)" -B "$BENCH_DIR/image_start.py" "$ROOT" "$JAR" "$SCRATCH" \
  "$ROUNDS" | tee "$SCRATCH/image-start.txt"
log "machine busy after: $(machine_busy_cores 0.5) cores of $(nproc)"
