#!/usr/bin/env bash
# Builds what the image runs on, into $OUT (target/image):
#   cds/      jvm.args, extra JVM flags for the Entrypoint, empty here; Jib adds it at /app/cds. To train a
#             class-data archive of your own classes into it, see lambda-guice's samples/bookshop.
#   jre/      a Java runtime jlinked from $JDK with only the modules the application needs, plus its default CDS
#             archive; Jib adds it to the image at /opt/java, on either base.
#   base.tar  the local base image, in `docker save` format (Jib reads it as tar://...): one layer holding the
#             system libraries that jre/ links against, copied from this machine. It stands in for
#             public.ecr.aws/lambda/provided:al2023 so that builds and tests need no registry.
# usage: build-jre-and-base.sh <jdk home> <java modules, comma-separated> <output dir> [local|portable]
#   portable: fail unless the JRE needs nothing but glibc, as on a base we did not build (provided:al2023).
set -euo pipefail
JDK=$1 MODULES=$2 OUT=$3 CHECK=${4:-local}

rm -rf "$OUT/jre" "$OUT/base" "$OUT/base.tar" "$OUT/cds"
mkdir -p "$OUT/base/rootfs" "$OUT/cds"
# The Entrypoint reads JVM flags from /app/cds/jvm.args.
: >"$OUT/cds/jvm.args"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$OUT/jre" >/dev/null

# The JRE's shared-library dependencies (and the dynamic loader), at their paths on this machine.
rootfs=$OUT/base/rootfs
libs=$(for f in "$OUT/jre/bin/java" $(find "$OUT/jre/lib" -name '*.so'); do ldd "$f"; done |
  awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | grep -v "^$OUT/" | sort -u)
if [ "$CHECK" = portable ]; then
  extra=$(echo "$libs" | grep -Ev '/(ld-linux[^/]*|libc|libm|libdl|libpthread|librt)\.so[^/]*$' || true)
  if [ -n "$extra" ]; then
    echo "error: the JRE jlinked from $JDK needs libraries beyond glibc, which the deploy base may not have:" >&2
    echo "$extra" | sed 's/^/  /' >&2
    echo "Build the deploy image from a portable JDK build (Temurin, Corretto): -Dimage.jdk=<its home>" >&2
    exit 1
  fi
fi
for lib in $libs; do
  cp -L --parents "$lib" "$rootfs/"
done
mkdir -p "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"
echo "root:x:0:0:root:/root:/sbin/nologin" >"$rootfs/etc/passwd"

# One reproducible layer, its config and the manifest of `docker save`.
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$OUT/base/layer.tar" .
diff_id=sha256:$(sha256sum "$OUT/base/layer.tar" | cut -d' ' -f1)
cat >"$OUT/base/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["lambda-guice/local-base:latest"],"Layers":["layer.tar"]}]' \
  >"$OUT/base/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$OUT/base" \
  -cf "$OUT/base.tar" manifest.json config.json layer.tar
rm -rf "$OUT/base"
echo "jre: $(du -sh "$OUT/jre" | cut -f1) from $JDK ($MODULES); base.tar: $(du -sh "$OUT/base.tar" | cut -f1)"
