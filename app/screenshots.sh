#!/usr/bin/env bash
# Renders every state of the window to PNG under app/target/screenshots/ (git-ignored) and checks each as it is
# captured (see Screenshots.java): practice-lab scenarios S1, S2, S9 opened in the real window — the tree, the failing
# pods, every wizard step, after Run all, before a pod is chosen, while it is diagnosed; for S1 the policy window (and
# with invalid JSON), the write's confirmation and the wizard after the verify phase says Fixed; then the error states
# (a kubeconfig that is not YAML, a context naming a missing cluster, a 403 listing pods, with their details dialogs) —
# in English and Japanese, light and dark, at 1280x800 and 1920x1080. Each capture runs WorkbenchLayoutTest's checks
# (LayoutProbe); the run prints a summary ("screenshots: N PNGs … M violation(s)") and fails on any violation.
# About 480 PNGs in ~12 min on 2 idle cores (S1 alone ~5 min). Pick scenarios with SCENARIOS=S1,S4.
# Needs: xvfb (xvfb-run) and libgtk-3-0 for a real window (fonts-noto-cjk for Japanese); without them it falls back to
# headless Monocle. Run from anywhere: nice -n 19 app/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -q -o -pl app -am test -Dtest=Screenshots -Dsurefire.failIfNoSpecifiedTests=false -Dpullfix.screenshots=true
  "-Dpullfix.shots.scenarios=${SCENARIOS:-S1,S2,S9}")
rm -rf app/target/screenshots
started=$SECONDS
rc=0
if command -v xvfb-run >/dev/null && ldconfig -p 2>/dev/null | grep -q libgtk-3.so.0 && [ "${PULLFIX_SHOTS_MONOCLE:-}" != 1 ]; then
  xvfb-run -a -s "-screen 0 1920x1080x24" mvn "${args[@]}" -Dglass.platform=gtk -Dtestfx.headless=false \
    -Dtestfx.robot=glass -Dmonocle.platform= -Dprism.order=sw || rc=$?
else
  mvn "${args[@]}" || rc=$?
fi
grep -h "^screenshots:" app/target/surefire-reports/dev.pullfix.app.shell.Screenshots-output.txt 2>/dev/null || true
echo "$(ls -1 app/target/screenshots/*.png 2>/dev/null | wc -l) PNGs, $((SECONDS - started)) s, exit $rc"
exit $rc
