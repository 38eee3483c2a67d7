#!/usr/bin/env bash
# Renders the main states of the window to PNG under app/target/screenshots/ (git-ignored):
# the pod tree with failing pods, each runbook step of an ECR 403 pod as the wizard walks it (English light,
# Japanese dark), filters, a connection error with its notification, the no-kubeconfig empty state, the ECR
# policy fix window on seed 000 (en, ja), and a wrong-tag pod's fix: its buttons, the tag picker and the write
# path's confirmation (cancelled: nothing is written).
# Needs: xvfb (xvfb-run) and libgtk-3-0 for a real window; without them it falls back to headless Monocle.
# Run from the repository root: app/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -q -o -pl app -am test -Dtest=Screenshots -Dsurefire.failIfNoSpecifiedTests=false -Dpullfix.screenshots=true)
if command -v xvfb-run >/dev/null && ldconfig -p 2>/dev/null | grep -q libgtk-3.so.0 && [ "${PULLFIX_SHOTS_MONOCLE:-}" != 1 ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" mvn "${args[@]}" -Dglass.platform=gtk -Dtestfx.headless=false \
    -Dtestfx.robot=glass -Dmonocle.platform= -Dprism.order=sw
else
  mvn "${args[@]}"
fi
ls -1 app/target/screenshots/*.png
