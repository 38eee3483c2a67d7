#!/usr/bin/env bash
# Builds the Pullfix installers for the OS it runs on, from app/target (run `mvn -DskipTests package` first, or
# `mvn -Ppackage -DskipTests package`, which runs this script):
#   1. a jlink'd runtime: the JDK modules jdeps finds (+ packaging/jpackage/modules-extra.txt) and the JavaFX modules,
#      whose platform jars are modular; the app itself stays on the class path (fabric8 is not modular)
#   2. an application image (jpackage --type app-image, packaging/jpackage/image*.args)
#   3. an AppCDS archive in that image (see "CDS" below)
#   4. installers made from the image: deb + rpm on Linux, msi on Windows, dmg on macOS (installer.args + <type>.args)
# Usage: packaging/build.sh [pom-version]   (default: the version in the root pom.xml)
# Env:   PULLFIX_TYPES="deb rpm" (what to build; "none" for the image only), PULLFIX_CDS=0 (no archive)
# Output: packaging/target/{runtime,image,installers}
set -euo pipefail
cd "$(dirname "$0")/.."                     # every path below is relative to the repository root
OUT=packaging/target
JP=packaging/jpackage
say() { echo "[packaging] $*"; }
die() { echo "[packaging] error: $*" >&2; exit 1; }

case "$(uname -s)" in
    Linux)               OS=linux;   SEP=:; DEFAULT_TYPES="deb rpm" ;;
    Darwin)              OS=mac;     SEP=:; DEFAULT_TYPES="dmg" ;;
    MINGW*|MSYS*|CYGWIN*) OS=windows; SEP=';'; DEFAULT_TYPES="msi" ;;
    *) die "unsupported OS $(uname -s)" ;;
esac
if [ "$OS" = linux ] && ! command -v rpmbuild >/dev/null 2>&1; then
    DEFAULT_TYPES="deb"; say "rpmbuild not found (apt-get install rpm): building no .rpm"
fi
TYPES=${PULLFIX_TYPES:-$DEFAULT_TYPES}

# --- version: jpackage wants 1 to 3 numbers, so 0.1.0-SNAPSHOT -> 0.1.0 (macOS also refuses a leading 0)
VERSION=${1:-$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)}
APP_VERSION=${VERSION%%-*}
[[ $APP_VERSION =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot map version '$VERSION' to a jpackage version"
if [ "$OS" = mac ] && [[ $APP_VERSION == 0* ]]; then
    APP_VERSION="1.${APP_VERSION#0.}"      # CFBundleVersion must not start with 0; `pullfix --version` stays exact
fi
say "version $VERSION -> $APP_VERSION ($OS: $TYPES)"

[ -f app/target/pullfix.jar ] && [ -d app/target/lib ] || die "app/target/pullfix.jar missing: run mvn -DskipTests package"
rm -rf "$OUT/input" "$OUT/runtime" "$OUT/image" "$OUT/installers" "$OUT/cds"
mkdir -p "$OUT/input/lib" "$OUT/image" "$OUT/installers" "$OUT/cds"

# --- 1. inputs: the app jar and its class path; the platform JavaFX jars go to the runtime instead
cp app/target/pullfix.jar "$OUT/input/"
FX=()
for jar in app/target/lib/*.jar; do
    name=$(basename "$jar")
    if [[ $name =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9-]+\.jar$ ]]; then FX+=("$jar")      # javafx-graphics-21.0.11-linux.jar
    elif [[ $name == javafx-* ]]; then :                                           # empty unclassified shells
    else cp "$jar" "$OUT/input/lib/"; fi
done
[ ${#FX[@]} -gt 0 ] || die "no platform JavaFX jars in app/target/lib"
FXPATH=$(IFS="$SEP"; echo "${FX[*]}")
if [ "$OS" = linux ]; then                 # desktop entry, icons and the link script used by postinst/prerm
    mkdir -p "$OUT/input/desktop/icons"
    cp packaging/linux/desktop/pullfix.desktop packaging/linux/desktop/pullfix-integrate.sh "$OUT/input/desktop/"
    cp packaging/icons/png/pullfix-*.png "$OUT/input/desktop/icons/"
fi

# --- 2. runtime
say "jdeps: finding the JDK modules the class path needs"
CP=$(cd "$OUT/input" && ls lib/*.jar | sed "s:^:$OUT/input/:" | paste -sd "$SEP" -)
MODULES=$(jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps \
            --module-path "$FXPATH" --class-path "$CP" "$OUT/input/pullfix.jar" "$OUT"/input/lib/*.jar | tr -d '\r')
EXTRA=$(grep -v '^#' "$JP/modules-extra.txt" | grep . | paste -sd , -)
MODULES="$MODULES,$EXTRA,javafx.controls"
say "jlink: $MODULES"
# bin/java stays for the CDS steps below and is removed from the image afterwards
jlink --module-path "$FXPATH" --add-modules "$MODULES" --include-locales=en,ja \
      --strip-debug --no-header-files --no-man-pages --compress=2 --output "$OUT/runtime"
# JavaFX's natives sit inside its jars: from a jlink'd image JavaFX first looks for them in the runtime's native
# folder and otherwise unpacks them into ~/.openjfx/cache on every first start. Put them where it looks first.
case "$OS" in windows) NATIVE="$OUT/runtime/bin" ;; *) NATIVE="$OUT/runtime/lib" ;; esac
for jar in "${FX[@]}"; do
    (cd "$NATIVE" && unzip -q -o "$OLDPWD/$jar" '*.so' '*.dll' '*.dylib' 2>/dev/null || true)
done
say "JavaFX natives in the runtime: $(cd "$NATIVE" && ls | grep -Ec '(glass|prism|javafx|decora)')"

# --- 3. application image
say "jpackage: application image"
jpackage --type app-image --app-version "$APP_VERSION" --input "$OUT/input" --runtime-image "$OUT/runtime" \
         --dest "$OUT/image" "@$JP/image.args" "@$JP/image-$OS.args"
case "$OS" in
    linux)   IMAGE="$OUT/image/Pullfix";     APPDIR="$IMAGE/lib/app";      RT="$IMAGE/lib/runtime" ;;
    windows) IMAGE="$OUT/image/Pullfix";     APPDIR="$IMAGE/app";          RT="$IMAGE/runtime" ;;
    mac)     IMAGE="$OUT/image/Pullfix.app"; APPDIR="$IMAGE/Contents/app"; RT="$IMAGE/Contents/runtime/Contents/Home" ;;
esac
JAVA="$RT/bin/java"

# --- CDS: the image's runtime archives the JDK and JavaFX classes the first frames load. JDK 17 records the
# class path by absolute path and refuses an archive whose jars moved, so the app's own jars (which move when
# the image is installed) are left out: a runtime-only archive stays valid wherever the image lands.
# Training: start the GUI once (Xvfb on a Linux without display), log the loaded classes, quit after the first frame.
if [ "${PULLFIX_CDS:-1}" != 0 ]; then
    CLASSLIST="$OUT/cds/pullfix.classlist"
    train=("$JAVA" -XX:DumpLoadedClassList="$CLASSLIST" -Dpullfix.startup.exitAfterMs=1500
           -cp "$APPDIR/pullfix.jar" dev.pullfix.cli.Main)
    if [ "$OS" = linux ] && [ -z "${DISPLAY:-}" ]; then
        command -v xvfb-run >/dev/null 2>&1 && train=(xvfb-run -a -s "-screen 0 1280x800x24" "${train[@]}") || train=()
    fi
    command -v timeout >/dev/null 2>&1 || train=()     # (macOS has none: never risk a hung build)
    if [ ${#train[@]} -gt 0 ] && timeout 90 "${train[@]}" > "$OUT/cds/training.log" 2>&1 && [ -s "$CLASSLIST" ]; then
        say "CDS training: $(wc -l < "$CLASSLIST") classes loaded up to the first frame"
    else
        say "CDS training could not show a window (see $OUT/cds/training.log): archiving the JDK's default class list"
        CLASSLIST="$RT/lib/classlist"
    fi
    # classes from the class path cannot be found without it and are skipped (logged to dump.log)
    if "$JAVA" -Xshare:dump -XX:SharedClassListFile="$CLASSLIST" -XX:SharedArchiveFile="$APPDIR/pullfix.jsa" \
            > "$OUT/cds/dump.log" 2>&1; then
        say "CDS archive: $(du -h "$APPDIR/pullfix.jsa" | cut -f1)"
        # the deb/rpm postinst re-dumps the archive with the app's classes once the install path is known
        if [ "$OS" = linux ]; then cp "$CLASSLIST" "$APPDIR/pullfix.classlist"; fi
    else
        rm -f "$APPDIR/pullfix.jsa"
        say "warning: CDS dump failed (see $OUT/cds/dump.log): the app starts without an archive"
    fi
fi
# the launcher is the image's only entry point: drop the JDK's command-line tools (Windows keeps its DLLs there)
find "$RT/bin" -maxdepth 1 -type f ! -name '*.dll' -exec rm -f {} +
rmdir "$RT/bin" 2>/dev/null || true

# --- 4. installers
for type in $TYPES; do
    [ "$type" = none ] && continue
    say "jpackage: $type"
    jpackage --type "$type" --app-version "$APP_VERSION" --app-image "$IMAGE" --dest "$OUT/installers" \
             "@$JP/installer.args" "@$JP/$type.args"
done
say "done:"
ls -l "$OUT/installers" | sed 1d
say "image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))"
