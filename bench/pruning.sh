#!/usr/bin/env bash
# Early-stopping benchmark (issue 12): total steps and wall time for random search with the median and asha
# pruners to reach the final regret of random search without a pruner, on a learning-curve problem, at
# max_active_points 4; then Optuna's MedianPruner and SuccessiveHalvingPruner on the same problem and protocol
# (bench/optuna_pruning.py, Debian's python3-optuna), in the same run.
# Usage: bench/pruning.sh [seeds (10)] [sleep per step in s (0.1)] [median warm-up steps (10)]
#        [asha min step (10)] [asha reduction factor (3)] [first seed (1)] [steps per run (30)]
# Needs python3; the Optuna part is skipped with a message when /usr/bin/python3 cannot import optuna.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("${1:-10}" "${2:-0.1}" "${3:-10}" "${4:-10}" "${5:-3}" "${6:-1}" "${7:-30}")
mvn -q -B -o -pl optimizer test-compile >/dev/null
mvn -q -B -o -pl optimizer dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat optimizer/target/bench-classpath.txt)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "optimizer/target/test-classes:optimizer/target/classes:$cp" \
  dev.hpsearch.optimizer.bench.PruningBenchmark "${args[@]}" optimizer/target/pruning-points.csv
echo "load average between: $(cut -d' ' -f1-3 /proc/loadavg)"
if /usr/bin/python3 -c 'import optuna' 2>/dev/null; then
  echo "Optuna $(/usr/bin/python3 -c 'import optuna; print(optuna.__version__)'), same problem, protocol and points:"
  csv=optimizer/target/optuna-pruning.csv
  /usr/bin/python3 bench/optuna_pruning.py "${args[@]}" optimizer/target/pruning-points.csv > "$csv"
  cat "$csv"
  awk -F, '
    { spent[$2] += $4; secs[$2] += $5; if ($6 == "yes") ok[$2]++; n[$2]++ }
    END {
      printf "optuna none   total steps %6d, wall %6.1f s\n", spent["none"], secs["none"]
      split("median asha", names, " ")
      for (i = 1; i <= 2; i++) {
        p = names[i]
        printf "optuna %-6s total steps %6d (%.2fx fewer than none), wall %6.1f s (%.2fx faster), reached none'"'"'s regret in %d of %d seeds\n",
          p, spent[p], spent["none"] / spent[p], secs[p], secs["none"] / secs[p], ok[p], n[p]
      }
    }' "$csv"
else
  echo "Optuna part skipped: /usr/bin/python3 cannot import optuna (apt install python3-optuna)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
