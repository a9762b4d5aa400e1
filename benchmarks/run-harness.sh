#!/usr/bin/env bash
# Builds lambda-guice and the benchmarks module with the reactor (no install: the shared ~/.m2 is left alone), then
# runs the runtime benchmark harness pinned to core 0 (the bench server's core; pinned runtimes get core 1, sandboxed
# ones are not pinned). Arguments pass through to the harness (--help lists them); the processes' output goes to
# benchmarks/target/harness-logs unless --logs says otherwise.
#
#   benchmarks/run-harness.sh --out benchmarks/target/harness.json
#   benchmarks/run-harness.sh --memory 512 --aws-lambda-flags --events small   # Lambda-shaped sandbox, as root
#
# HARNESS_BUILD=reactor (default: mvn -pl benchmarks -am package, so target/classpath.txt names this checkout's
# module jars), benchmarks (only this module, with the other modules as installed in ~/.m2) or none.
# HARNESS_CPU: the harness's core (default 0; empty: unpinned).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
case "${HARNESS_BUILD:-reactor}" in
  reactor) (cd "$root" && mvn -q -pl benchmarks -am package -DskipTests) ;;
  benchmarks) (cd "$root" && mvn -q -pl benchmarks package) ;;
  none) ;;
  *) echo "HARNESS_BUILD must be reactor, benchmarks or none" >&2; exit 2 ;;
esac
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
classpath="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
pin=()
if [[ -n "${HARNESS_CPU-0}" ]]; then pin=(taskset -c "${HARNESS_CPU-0}"); fi
exec "${pin[@]}" "$java" -cp "$classpath" dev.lambdaguice.benchmarks.harness.Harness \
  --logs "$root/benchmarks/target/harness-logs" "$@"
