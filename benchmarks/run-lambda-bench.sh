#!/usr/bin/env bash
# The runtimes in Lambda-shaped sandboxes (see RESULTS.md, "Lambda-shaped sandbox"); as root. Builds with the
# reactor (no install) unless HARNESS_BUILD=none, then runs the harness (run-harness.sh), lambda-guice on the
# product's class path alone (product-classpath.sh). Extra arguments pass through to the harness (e.g.
# --runtimes guice,aws, --runs 3).
#
#   benchmarks/run-lambda-bench.sh [matrix]   128, 512 and 1,769 MB sandboxes x guice, aws, floor (plus the
#                                             baseline and the image if given) x default and AWS's flags x small
#                                             and 100 KiB events, interleaved; ~20 minutes with the defaults
#   benchmarks/run-lambda-bench.sh check      10,000 small invocations in the 128 MB sandbox, default and AWS's
#                                             flags, lambda-guice (and the baseline): none lost, no OOM kill
#   benchmarks/run-lambda-bench.sh table512   the 512 MB table of RESULTS.md: AWS's flags, small event, 3 runs
#                                             of 1,000 invocations
#
# BASELINE=<dir made by make-baseline-classpath.sh> adds that build as a runtime named $BASELINE_NAME
# (default guice-okhttp), and the tables get guice/<that name> ratios. IMAGE=<jib-image.tar> adds the sample image's
# own Entrypoint as the runtime "image" (key echo). Matrix knobs: RUNS (3), MEMORY (128,512,1769), FLAG_SETS
# (default,aws), AT_128 (500/60: small/large invocations per process), AT_512 (2000/300), AT_1769 (5000/500),
# CAPACITY (20000, server capacity invocations; 0 skips), OUT (benchmarks/target/lambda-<what>.json).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
what=matrix
if [[ $# -gt 0 && "$1" != -* ]]; then what=$1; shift; fi
extra=()
runtimes=guice,aws,floor
if [[ -n "${BASELINE:-}" ]]; then
  extra+=(--runtime-spec "name=${BASELINE_NAME:-guice-okhttp},classpath=@$BASELINE/classpath.txt")
  runtimes+=",${BASELINE_NAME:-guice-okhttp}"
fi
if [[ -n "${IMAGE:-}" ]]; then
  extra+=(--image "$IMAGE" --image-key echo)
  runtimes+=",image"
fi
out="${OUT:-$root/benchmarks/target/lambda-$what.json}"
# Build here (not in run-harness.sh) to give lambda-guice the product's class path alone, the same shape as the
# baseline's: with the benchmarks' whole class path (a classes directory and AWS's and JMH's jars first) its cold
# start measured ~10 % longer than the same jars on the baseline's class path.
case "${HARNESS_BUILD:-reactor}" in
  reactor) (cd "$root" && mvn -q -pl benchmarks -am package -DskipTests) ;;
  benchmarks) (cd "$root" && mvn -q -pl benchmarks package) ;;
  none) ;;
  *) echo "HARNESS_BUILD must be reactor, benchmarks or none" >&2; exit 2 ;;
esac
extra+=(--guice-classpath "$("$root/benchmarks/product-classpath.sh")")
export HARNESS_BUILD=none
case "$what" in
  matrix)
    exec "$root/benchmarks/run-harness.sh" --memory "${MEMORY:-128,512,1769}" --flag-sets "${FLAG_SETS:-default,aws}" \
      --events small,large --runs "${RUNS:-3}" --runtimes "$runtimes" \
      --invocations-at "128=${AT_128:-500/60}" --invocations-at "512=${AT_512:-2000/300}" \
      --invocations-at "1769=${AT_1769:-5000/500}" --capacity-invocations "${CAPACITY:-20000}" \
      --out "$out" "${extra[@]}" "$@" ;;
  check)
    checked=guice
    if [[ -n "${BASELINE:-}" ]]; then checked+=",${BASELINE_NAME:-guice-okhttp}"; fi
    exec "$root/benchmarks/run-harness.sh" --memory 128 --flag-sets default,aws --events small --runs 1 \
      --runtimes "$checked" --invocations-at 128=10000/1 --timeout 1200 --capacity-invocations 0 \
      --out "$out" "${extra[@]}" "$@" ;;
  table512)
    exec "$root/benchmarks/run-harness.sh" --memory 512 --aws-lambda-flags --events small --runs 3 \
      --runtimes "$runtimes" --invocations-at 512=1000/1 --capacity-invocations 0 --out "$out" "${extra[@]}" "$@" ;;
  *) echo "usage: run-lambda-bench.sh [matrix|check|table512] [harness options]" >&2; exit 2 ;;
esac
