#!/usr/bin/env bash
# Global sensitivity benchmark (issue 11): one analysis at d = 8, n = 500 (target < 5 s), and the indices'
# error and interval coverage over 20 random designs of 200 Ishigami points. Usage: bench/sensitivity.sh [designs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests install -pl optimizer -am >/dev/null
mvn -q -B -pl optimizer dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat optimizer/target/bench-classpath.txt)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "optimizer/target/test-classes:optimizer/target/classes:$cp" \
  dev.hpsearch.optimizer.bench.SensitivityBenchmark "${1:-20}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
