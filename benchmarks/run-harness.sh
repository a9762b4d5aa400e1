#!/usr/bin/env bash
# Builds lambda-guice and the benchmarks module, then runs the runtime benchmark harness pinned to core 0 (the bench
# server's core; pinned runtimes get core 1). Arguments pass through to the harness (--help lists them); the
# processes' output goes to benchmarks/target/harness-logs unless --logs says otherwise.
#
#   benchmarks/run-harness.sh --out benchmarks/target/harness.json
#
# HARNESS_BUILD=all (default: mvn install at the root, then the benchmarks module), benchmarks (only this module,
# with the other modules as installed in ~/.m2) or none. HARNESS_CPU: the harness's core (default 0; empty: unpinned).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
case "${HARNESS_BUILD:-all}" in
  all) (cd "$root" && mvn -q install -DskipTests && mvn -q -pl benchmarks package) ;;
  benchmarks) (cd "$root" && mvn -q -pl benchmarks package) ;;
  none) ;;
  *) echo "HARNESS_BUILD must be all, benchmarks or none" >&2; exit 2 ;;
esac
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
classpath="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
pin=()
if [[ -n "${HARNESS_CPU-0}" ]]; then pin=(taskset -c "${HARNESS_CPU-0}"); fi
exec "${pin[@]}" "$java" -cp "$classpath" dev.lambdaguice.benchmarks.harness.Harness \
  --logs "$root/benchmarks/target/harness-logs" "$@"
