#!/usr/bin/env bash
# The request encoder's cost per request, unsigned, with a one-header signer and with the sample HMAC-SHA256
# plugin, encoded from scratch, then the plugin's as a run sends a constant request (pre-encoded but for the
# signer's headers) (bench/plugin-encode/SignedEncode.java), pinned to CPU 0, with the JVM options ./stampede uses for the JIT
# (-XX:CompileThresholdScaling=10) and SerialGC. No server: the difference between the lines is what signing adds
# per request. Usage: bench/plugin-encode.sh [ROUNDS] (default 12; each round is 100,000 requests of each kind).
# Needs runner/target/stampede.jar and the plugin's jar (./mvnw -pl plugin-api,runner,plugins/hmac-signing package).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(dirname "$BENCH_DIR")"
jar="${STAMPEDE_JAR:-$ROOT/runner/target/stampede.jar}"
plugin="$(ls "$ROOT"/plugins/hmac-signing/target/stampede-plugin-hmac-*.jar | head -1)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$jar:$plugin" "$BENCH_DIR/plugin-encode/SignedEncode.java"
taskset -c 0 java -XX:+UseSerialGC -XX:CompileThresholdScaling=10 -cp "$jar:$plugin:$out" SignedEncode "${1:-12}"
