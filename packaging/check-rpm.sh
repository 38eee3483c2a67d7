#!/usr/bin/env bash
# Checks the .rpm's metadata and scripts without installing it (this is a Debian machine): name, version, licence,
# vendor, the GTK/GL requirements, the post-install/pre-uninstall scripts and the launcher in the file list.
# Usage: packaging/check-rpm.sh [--no-build]   (builds with PULLFIX_TYPES=rpm packaging/build.sh on app/target)
set -uo pipefail
cd "$(dirname "$0")/.."
PASS=0; FAIL=0
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then PASS=$((PASS + 1)); echo "  ok   $what";
          else FAIL=$((FAIL + 1)); echo "  FAIL $what"; fi; }
command -v rpm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rpm >/dev/null; }
if [ "${1:-}" != --no-build ]; then
    mkdir -p packaging/target
    PULLFIX_TYPES=rpm packaging/build.sh > packaging/target/build-rpm.log 2>&1 \
        || { tail -20 packaging/target/build-rpm.log; echo "check-rpm: 0 passed, 1 failed"; exit 1; }
fi
RPM=$(ls -t packaging/target/installers/pullfix-*.rpm 2>/dev/null | head -1)
[ -n "$RPM" ] || { echo "check-rpm: no packaging/target/installers/pullfix-*.rpm"; echo "check-rpm: 0 passed, 1 failed"; exit 1; }
rpm -qip "$RPM" 2>/dev/null | sed 's/^/       /'
q() { rpm -qp --qf "$1" "$RPM" 2>/dev/null; }
check "the package is named pullfix"              test "$(q '%{NAME}')" = pullfix
check "the version is the pom's, numeric"         sh -c "rpm -qp --qf '%{VERSION}' '$RPM' | grep -Eq '^[0-9]+(\.[0-9]+){0,2}\$'"
check "the licence is Apache 2.0"                 test "$(q '%{LICENSE}')" = "ASL 2.0"
check "the vendor is set"                         test "$(q '%{VENDOR}')" = "Pullfix contributors"
check "it requires GTK 3 and GL"                  sh -c "rpm -qp --requires '$RPM' | grep -qx gtk3 && rpm -qp --requires '$RPM' | grep -qx mesa-libGL"
check "%post links the app into the system"       sh -c "rpm -qp --scripts '$RPM' | grep -q 'pullfix-integrate.sh install'"
check "%preun unlinks it only on erase"           sh -c "rpm -qp --scripts '$RPM' | grep -q 'pullfix-integrate.sh remove'"
check "the launcher is in the file list"          sh -c "rpm -qlp '$RPM' | grep -qx /opt/pullfix/bin/Pullfix"
check "the CDS archive and class list are in it"  sh -c "rpm -qlp '$RPM' | grep -q /opt/pullfix/lib/app/pullfix.jsa && rpm -qlp '$RPM' | grep -q pullfix.classlist"
check "the licence file is shipped"               sh -c "rpm -qlp '$RPM' | grep -q '/LICENSE$'"
check "nothing is installed outside /opt/pullfix and the licence dir" \
      sh -c "! rpm -qlp '$RPM' | grep -v '^/opt/pullfix' | grep -v '^/usr/share/licenses/pullfix-'"
echo "check-rpm: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
