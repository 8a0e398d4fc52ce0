#!/usr/bin/env bash
# bopt speed and memory benchmark (issue 3): MLE suggestion times at n = 50..500 and one HMC suggestion
# with the seed's defaults at n = 100 (6-D), then a 2,000-result search suggesting under -Xmx512m.
# `bench/bopt-speed.sh hmc [runs]`: only the likelihood's phases and `runs` (default 3) HMC suggestions at n = 100.
set -euo pipefail
cd "$(dirname "$0")/.."
# test-compile, not install: the shared ~/.m2 is not ours to write
mvn -q -B -o -pl optimizer test-compile >/dev/null
mvn -q -B -pl optimizer dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat optimizer/target/bench-classpath.txt)
classes="optimizer/target/test-classes:optimizer/target/classes:$cp"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${1:-}" = hmc ]; then
  java -cp "$classes" dev.hpsearch.optimizer.bench.BoptSpeedBenchmark hmc "${2:-3}"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
java -cp "$classes" dev.hpsearch.optimizer.bench.BoptSpeedBenchmark speed
echo
java -Xmx512m -cp "$classes" dev.hpsearch.optimizer.bench.BoptSpeedBenchmark memory "${1:-2000}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
