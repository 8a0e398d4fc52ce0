#!/usr/bin/env bash
# Two-objective benchmark (issue 12 part 2): hypervolume after 60 evaluations of ZDT1 (6 variables, known front
# f2 = 1 - sqrt(f1)) for hpsearch bopt (ParEGO), hpsearch random, and Optuna's NSGA-II and TPE, over 10 seeds,
# reference point (1.1, 10) for every method. Usage: bench/multiobjective.sh [seeds (10)] [budget (60)]
# Needs Debian's python3-optuna (apt-get install -y python3-optuna), run with /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-10}"
budget="${2:-60}"
mvn -q -B -o -pl optimizer test-compile >/dev/null
mvn -q -B -o -pl optimizer dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat optimizer/target/bench-classpath.txt)
optuna_csv=optimizer/target/optuna-zdt1.csv
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
/usr/bin/python3 bench/optuna_zdt1.py "$seeds" "$budget" > "$optuna_csv"
echo "Optuna runs: $(( $(date +%s) - start )) s"
java -cp "optimizer/target/test-classes:optimizer/target/classes:$cp" \
  dev.hpsearch.optimizer.bench.MultiObjectiveBenchmark "$seeds" "$budget" "$optuna_csv"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
