#!/usr/bin/env bash
# Desktop app benchmark (issue 5): start to interactive window, parallel-coordinates redraw with 10,000
# combinations on 8 axes, FX-thread stalls during a real local search finishing ~20 combinations per second.
# Headless (Monocle, software rendering) unless DISPLAY is set; pass --display to use the desktop pipeline.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl optimizer,app -DskipTests test-compile >/dev/null
mvn -q -B -pl app dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat app/target/bench-classpath.txt)
flags=(-Dtestfx.headless=true -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless)
if [[ "${1:-}" == "--display" && -n "${DISPLAY:-}" ]]; then flags=(); fi
java "${flags[@]}" -Djdk.lang.Process.launchMechanism=VFORK \
  -cp "app/target/test-classes:app/target/classes:optimizer/target/classes:$cp" dev.hpsearch.app.gui.bench.GuiBenchmark
