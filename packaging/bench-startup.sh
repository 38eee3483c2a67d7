#!/usr/bin/env bash
# Start-up benchmark of the installed Linux app (a benchmark, not a test: it prints figures, it asserts nothing).
# Prints installer sizes, the median (of RUNS) time from exec to the first frame of the installed app with and
# without its CDS archive (and with extra JVM flags, for comparison), and the idle app's resident memory.
# Installs packaging/target/installers/pullfix_*.deb if Pullfix is not installed (and removes it again afterwards).
# Usage: packaging/bench-startup.sh [runs]    (default 5; needs xvfb, as check-deb.sh installs)
#        BENCH_DROP_CACHES=1 drops the page cache before each run (root; affects the whole machine)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JSA=/opt/pullfix/lib/app/pullfix.jsa
WORK=$(mktemp -d /tmp/pullfix-bench.XXXXXX)
installed_here=0

echo "== installer sizes"
for f in packaging/target/installers/*; do [ -f "$f" ] && printf '  %-40s %6s MiB\n' "$(basename "$f")" \
    "$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$f")/1048576}")"; done
[ -d packaging/target/image/Pullfix ] && printf '  %-40s %6s MiB\n' "app image (installed size)" \
    "$(du -sm packaging/target/image/Pullfix | cut -f1)"

if ! dpkg-query -W -f='${Status}' pullfix 2>/dev/null | grep -q 'install ok installed'; then
    deb=$(ls -t packaging/target/installers/pullfix_*.deb | head -1)
    dpkg -i "$deb" >/dev/null; installed_here=1
fi
[ -f "$JSA" ] && printf '  %-40s %6s MiB\n' "CDS archive (in the image)" "$(du -m "$JSA" | cut -f1)"

# one X server for every run; each run gets a fresh HOME (as on first start after install)
DISP=:$(( 90 + RANDOM % 100 ))
Xvfb "$DISP" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
cleanup() {
    kill "$XVFB" 2>/dev/null || true
    [ -f "$JSA.bench-off" ] && mv "$JSA.bench-off" "$JSA"
    [ "$installed_here" = 1 ] && dpkg --purge pullfix >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
sleep 1

# one run: prints "<ms to first frame> <CPU ms used up to it> <idle RSS KiB>" (CPU time varies less than wall
# time on a machine shared with other work)
run_once() {
    local opts=$1 home log t0 pid ff rss cpu
    home=$(mktemp -d "$WORK/home.XXXX"); log="$home/app.log"
    # a new process each run; the page cache stays warm unless BENCH_DROP_CACHES=1 (global: slows everyone)
    [ "${BENCH_DROP_CACHES:-0}" = 1 ] && { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true; }
    : > "$log"
    t0=$(date +%s%3N)
    DISPLAY=$DISP HOME=$home JAVA_TOOL_OPTIONS="-Dpullfix.startup.log=true $opts" /opt/pullfix/bin/Pullfix > "$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do grep -q 'first frame at' "$log" && break; sleep 0.1; done
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    ff=$(sed -n 's/.*first frame at \([0-9]*\).*/\1/p' "$log" | head -1)
    sleep 3                                                          # idle after the window is up
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    [ -n "$ff" ] && echo "$((ff - t0)) $cpu $rss" || echo "NaN 0 0"
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "NaN"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }

variant() {
    local name=$1 opts=$2 times=() cpus=() rsss=() line
    for i in $(seq 1 "$RUNS"); do
        read -r t c r <<< "$(run_once "$opts")"; times+=("$t"); cpus+=("$c"); rsss+=("$r")
    done
    printf '  %-50s first frame %5s ms (runs: %s), CPU %5s ms, idle RSS %4s MiB\n' "$name" \
        "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}" "$(printf '%s\n' "${cpus[@]}" | median)" \
        "$(( $(printf '%s\n' "${rsss[@]}" | median) / 1024 ))"
}

echo "== cold start of the installed app to its first frame, median of $RUNS (Xvfb, software rendering)"
echo "   file cache: $([ "${BENCH_DROP_CACHES:-0}" = 1 ] && echo dropped before each run || echo warm "(BENCH_DROP_CACHES=1 to drop it)")"
PACKAGED=packaging/target/image/Pullfix/lib/app/pullfix.jsa     # the archive as built: JDK + JavaFX classes
cp "$JSA" "$WORK/installed.jsa"
variant "CDS as installed (JDK + JavaFX + app classes)" ""
variant "  same + -XX:+UseSerialGC" "-XX:+UseSerialGC"
variant "  same + -XX:TieredStopAtLevel=1" "-XX:TieredStopAtLevel=1"
variant "  same + -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if [ -f "$PACKAGED" ]; then
    cp "$PACKAGED" "$JSA"
    variant "CDS as packaged (JDK + JavaFX classes only)" ""
    cp "$WORK/installed.jsa" "$JSA"
fi
mv "$JSA" "$JSA.bench-off"
variant "without CDS" ""
variant "  same + -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
mv "$JSA.bench-off" "$JSA"
echo "   machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates every figure)"
