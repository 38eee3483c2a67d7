#!/bin/sh
# Run by `mvn package` in app/ (Linux and macOS): writes the launcher app/target/pullfix and trains its
# class-data-sharing archive app/target/pullfix.jsa with one run of dev.pullfix.cli.CdsTraining (the command line
# against the practice lab on loopback, then the window: under xvfb-run when there is no display and xvfb-run is
# there, else the window's classes are loaded by name). The run sees a scratch home and no kubeconfig or AWS
# variables, so it never reaches a real cluster or account. Before that, BouncyCastle's jars in lib/ lose their
# signature (Unsign.java) and picocli's Java 5 class files become Java 8 ones (Java8ClassFiles.java). PULLFIX_CDS=off (or -Dpullfix.cds=off) skips the
# training; the launcher then starts without an archive.
# Usage: cds-train.sh TARGET_DIR JAVA [on|off]
set -eu
target=$(cd "$1" && pwd -P)
java=$2
mode=${3:-on}
[ "${PULLFIX_CDS:-on}" = off ] && mode=off
here=$(cd "$(dirname "$0")" && pwd -P)
cp "$here/pullfix" "$target/pullfix"
chmod +x "$target/pullfix"
# BouncyCastle's signed jars: verified at every class load and never archived; Unsign.java says why this is safe
"$java" "$here/Unsign.java" "$target"/lib/bc*.jar || echo "cds-train: could not unsign BouncyCastle's jars" >&2
# picocli's Java 5 class files: never archived and verified the old way at every start; Java8ClassFiles.java says how
"$java" --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED "$here/Java8ClassFiles.java" \
  "$target"/lib/picocli-*.jar || echo "cds-train: could not rewrite picocli's class files" >&2
rm -f "$target/pullfix.jsa"
[ "$mode" = off ] && { echo "cds-train: skipped; $target/pullfix starts without an archive"; exit 0; }
scratch=$(mktemp -d "${TMPDIR:-/tmp}/pullfix-cds.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
set -- env -u KUBECONFIG -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_CONFIG_FILE -u AWS_SHARED_CREDENTIALS_FILE \
  -u AWS_ENDPOINT_URL -u AWS_REGION -u AWS_DEFAULT_REGION -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY \
  -u AWS_SESSION_TOKEN -u PULLFIX_DATA_DIR HOME="$scratch" XDG_DATA_HOME="$scratch/data" \
  XDG_CONFIG_HOME="$scratch/config" \
  "$java" -XX:ArchiveClassesAtExit="$target/pullfix.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Duser.home="$scratch" -Djava.io.tmpdir="$scratch" -Dpullfix.startup.log=false \
  -cp "$target/pullfix.jar" dev.pullfix.cli.CdsTraining "$scratch"
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  set -- xvfb-run -a -s "-screen 0 1600x1000x24" "$@"
fi
if "$@" && [ -s "$target/pullfix.jsa" ]; then
  echo "cds-train: $target/pullfix.jsa ($(du -k "$target/pullfix.jsa" | cut -f1) KB)"
else
  rm -f "$target/pullfix.jsa"
  echo "cds-train: the training run failed; $target/pullfix starts without an archive" >&2
fi
