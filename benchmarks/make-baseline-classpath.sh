#!/usr/bin/env bash
# Freezes this checkout's lambda-guice runtime as a baseline that later harness runs can measure side by side with a
# newer build (--runtime-spec name=guice-okhttp,classpath=@<dir>/classpath.txt): builds the reactor (no install),
# copies the product's jars (product-classpath.sh: this checkout's modules and their third-party dependencies, not
# the benchmarks-only ones: AWS's client, JMH) into <dir>/lib and writes <dir>/classpath.txt (absolute paths) and <dir>/SOURCE (the commit and
# any uncommitted change outside benchmarks/). With the sample image built (samples/bookshop/target/jib-image.tar),
# copies it too, for --image.
#
#   benchmarks/make-baseline-classpath.sh /work/baseline-3660d09
#
# SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:?usage: make-baseline-classpath.sh <directory outside the repository>}"
case "$(realpath -m "$dir")/" in "$root"/*) echo "choose a directory outside $root" >&2; exit 2 ;; esac
if [[ -z "${SKIP_BUILD:-}" ]]; then (cd "$root" && mvn -q -pl benchmarks -am package -DskipTests); fi
rm -rf "$dir/lib" && mkdir -p "$dir/lib"
entries=()
IFS=: read -r -a jars <<<"$("$root/benchmarks/product-classpath.sh")"
for jar in "${jars[@]}"; do
  cp "$jar" "$dir/lib/"
  entries+=("$(realpath "$dir/lib/$(basename "$jar")")")
done
(IFS=:; echo "${entries[*]}") >"$dir/classpath.txt"
{
  echo "product as of: $(git -C "$root" log -1 --format='%H (%s)' -- . ':!benchmarks') (last commit outside benchmarks/)"
  echo "checkout: $(git -C "$root" rev-parse HEAD)"
  echo "built: $(date -u +%FT%TZ) with $(mvn -v 2>/dev/null | sed -n 's/^Java version: \([^,]*\).*/JDK \1/p')"
  echo "uncommitted changes outside benchmarks/:"
  git -C "$root" status --short -- . ':!benchmarks' | sed 's/^/  /'
} >"$dir/SOURCE"
if [[ -f "$root/samples/bookshop/target/jib-image.tar" ]]; then
  cp "$root/samples/bookshop/target/jib-image.tar" "$dir/jib-image.tar"
fi
echo "baseline in $dir: ${#entries[@]} jars; use --runtime-spec name=guice-okhttp,classpath=@$dir/classpath.txt"
