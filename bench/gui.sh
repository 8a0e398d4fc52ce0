#!/usr/bin/env bash
# Desktop app benchmark (issue 5): start to interactive window, parallel-coordinates redraw with 10,000
# combinations on 8 axes, FX-thread stalls during a real local search finishing ~20 combinations per second.
# Headless (Monocle, software rendering); pass --display (with DISPLAY set) to use the desktop pipeline,
# --parallel-only to skip the running-search part.
set -euo pipefail
cd "$(dirname "$0")/.."
# all three modules from the reactor (the ssh-bridge in ~/.m2 may be older than this tree)
mvn -q -B -o -pl optimizer,ssh-bridge,app -DskipTests test-compile >/dev/null
mvn -q -B -o -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat app/target/bench-classpath.txt)
flags=(-Dtestfx.headless=true -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless)
args=()
for a in "$@"; do
  if [[ "$a" == "--display" ]]; then
    if [[ -n "${DISPLAY:-}" ]]; then flags=(); fi
  else
    args+=("$a")
  fi
done
java "${flags[@]}" -Djdk.lang.Process.launchMechanism=VFORK \
  -cp "app/target/test-classes:app/target/classes:ssh-bridge/target/classes:optimizer/target/classes:$cp" \
  dev.hpsearch.app.gui.bench.GuiBenchmark "${args[@]}"
