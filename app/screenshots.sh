#!/usr/bin/env bash
# Renders the window to PNG under app/target/screenshots/ (git-ignored) as a new user sees it: practice-lab
# scenarios S1, S2, S9 opened in the real window, every wizard step, in English and Japanese, light and dark, at
# 1280x800 and 1920x1080 (see Screenshots.java). Pick scenarios with SCENARIOS=S1,S4.
# Needs: xvfb (xvfb-run) and libgtk-3-0 for a real window (fonts-noto-cjk for Japanese); without them it falls back to
# headless Monocle. Run from anywhere: app/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -q -o -pl app -am test -Dtest=Screenshots -Dsurefire.failIfNoSpecifiedTests=false -Dpullfix.screenshots=true
  "-Dpullfix.shots.scenarios=${SCENARIOS:-S1,S2,S9}")
rm -rf app/target/screenshots
if command -v xvfb-run >/dev/null && ldconfig -p 2>/dev/null | grep -q libgtk-3.so.0 && [ "${PULLFIX_SHOTS_MONOCLE:-}" != 1 ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" mvn "${args[@]}" -Dglass.platform=gtk -Dtestfx.headless=false \
    -Dtestfx.robot=glass -Dmonocle.platform= -Dprism.order=sw
else
  mvn "${args[@]}"
fi
ls -1 app/target/screenshots/*.png | wc -l
