#!/usr/bin/env bash
# Early-stopping benchmark (issue 12): total steps and wall time for random search with the median and asha
# pruners to reach the final regret of random search without a pruner, on a learning-curve problem, at
# max_active_points 4. Usage: bench/pruning.sh [seeds (10)] [sleep per step in s (0.1)]. Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o -pl optimizer test-compile >/dev/null
mvn -q -B -o -pl optimizer dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat optimizer/target/bench-classpath.txt)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "optimizer/target/test-classes:optimizer/target/classes:$cp" \
  dev.hpsearch.optimizer.bench.PruningBenchmark "${1:-10}" "${2:-0.1}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
