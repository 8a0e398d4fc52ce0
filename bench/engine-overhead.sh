#!/usr/bin/env bash
# Engine overhead benchmark (issue 2): hpsearch vs xargs -P 2 on 500 trivial script runs.
# Usage: bench/engine-overhead.sh [ROUNDS] [WORK_FOLDER]   (e.g. /dev/shm to take the disk out of the figure)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests install -pl optimizer -am >/dev/null
mvn -q -B -pl optimizer dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat optimizer/target/bench-classpath.txt)
java -cp "optimizer/target/test-classes:optimizer/target/classes:$cp" \
  dev.hpsearch.optimizer.bench.EngineOverheadBenchmark "${1:-3}" ${2:+"$2"}
