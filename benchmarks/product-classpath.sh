#!/usr/bin/env bash
# Prints the class path of the product alone, from benchmarks/target/classpath.txt (run a build first): lambda-guice's
# module jars and their third-party dependencies, without the benchmarks-only ones (AWS's runtime interface client and
# its dependencies, JMH). The lambda-guice runtime gets this class path in run-lambda-bench.sh, and
# make-baseline-classpath.sh freezes the same set, so that both load classes from class paths of the same shape.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
IFS=: read -r -a jars <"$root/benchmarks/target/classpath.txt" || true  # no final newline
entries=()
for jar in "${jars[@]}"; do
  case "$jar" in
    */com/amazonaws/*|*/software/amazon/*|*/org/openjdk/jmh/*|*/net/sf/jopt-simple/*|*/org/apache/commons/commons-math3/*) continue ;;
  esac
  entries+=("$jar")
done
(IFS=:; echo "${entries[*]}")
