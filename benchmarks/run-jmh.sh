#!/usr/bin/env bash
# Runs the JMH benchmarks of dev.lambdaguice.benchmarks.jmh (see RESULTS-jmh.md), after building them with the
# reactor so that they run against this checkout's modules, never the snapshots installed in ~/.m2.
#
#   benchmarks/run-jmh.sh                                   # every benchmark, with the settings in the classes
#   benchmarks/run-jmh.sh -f 2 -wi 5 -i 5 -prof gc ServiceCall
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/run-jmh.sh SqsBatch
#
# Arguments go to org.openjdk.jmh.Main (-h lists them); without a benchmark pattern every benchmark runs.
# JAVA_HOME picks the JDK that runs them (default: java on the PATH); SKIP_BUILD=1 skips the build.
#
# The class path: benchmarks/target/classes and each sibling module's target/classes first, then the third-party
# entries of benchmarks/target/classpath.txt (written by the build). Entries of classpath.txt for the project's own
# modules are dropped: a reactor build names their target/*.jar, which may lag behind target/classes, and a build
# of the benchmarks module alone (mvn -pl benchmarks, without -am) names the shared ~/.m2 snapshots.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -pl benchmarks -am package -DskipTests
fi

cp="$root/benchmarks/target/classes"
for module in lambda-runtime-api lambda-runtime-guice lambda-handlers-echo lambda-handlers-service-call \
    lambda-handlers-batch lambda-handlers-sqs lambda-handlers-http; do
  cp="$cp:$root/$module/target/classes"
done
deps=$(tr ':' '\n' < benchmarks/target/classpath.txt | grep -v -e '/dev/lambdaguice/' -e "^$root/" | paste -sd: -)

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" -version 2>&1 | head -1 >&2
exec "$java" -cp "$cp:$deps" org.openjdk.jmh.Main "${@:-dev.lambdaguice.benchmarks.jmh.}"
