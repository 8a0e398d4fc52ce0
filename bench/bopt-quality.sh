#!/usr/bin/env bash
# bopt quality benchmark (issue 3): simple regret of hpsearch bopt, hpsearch random and Optuna TPE on
# Branin, Hartmann-6, Rosenbrock-4 and a mixed space. Usage: bench/bopt-quality.sh [seeds] [bopt overrides JSON]
# Needs Debian's python3-optuna (apt-get install -y python3-optuna), run with /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-20}"
# test-compile, not install: the shared ~/.m2 is not ours to write
mvn -q -B -o -pl optimizer test-compile >/dev/null
mvn -q -B -pl optimizer dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat optimizer/target/bench-classpath.txt)
tpe=optimizer/target/optuna-tpe.csv
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 bench/optuna_tpe.py "$seeds" > "$tpe"
args=("$seeds")
if [ $# -ge 2 ]; then args+=("$2"); else args+=('{"y_transformation": "none", "bopt_config": {"model_estimation_method": "MLE"}}'); fi
java -cp "optimizer/target/test-classes:optimizer/target/classes:$cp" \
  dev.hpsearch.optimizer.bench.BoptQualityBenchmark "${args[@]}" "$tpe"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
