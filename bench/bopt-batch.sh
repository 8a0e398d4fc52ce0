#!/usr/bin/env bash
# bopt at the cluster's width (issue 13, part 3): 10 runs at once, budget 100, asynchronous pool on a virtual
# clock; bopt (each batch method) against random and Optuna TPE (constant_liar) on Branin, Hartmann6,
# Rosenbrock4 and the mixed space. Usage: bench/bopt-batch.sh [seeds] [threads] [batch methods...]
# Needs Debian's python3-optuna (apt-get install -y python3-optuna), run with /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-20}"
threads="${2:-2}"
shift $(( $# < 2 ? $# : 2 ))
mvn -q -B -o -pl optimizer test-compile >/dev/null
mvn -q -B -o -pl optimizer dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp=$(cat optimizer/target/bench-classpath.txt)
# a copy of the classes, so that building again while this runs does not change them under it
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
cp -r optimizer/target/classes optimizer/target/test-classes "$classes"/
tpe=optimizer/target/optuna-tpe-async.csv
rm -f "$tpe" "$tpe.part" "$tpe.failed"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
# Optuna runs beside the Java program, which waits for the finished CSV (renamed into place) at its end
( /usr/bin/python3 bench/optuna_tpe.py "$seeds" async 2>/dev/null > "$tpe.part" && mv "$tpe.part" "$tpe" \
  && echo "Optuna TPE done after $(( $(date +%s) - start )) s wall; load average $(cut -d' ' -f1-3 /proc/loadavg)" \
  || touch "$tpe.failed" ) &
java -cp "$classes/test-classes:$classes/classes:$cp" \
  dev.hpsearch.optimizer.bench.BoptBatchBenchmark "$seeds" "$threads" "$tpe" "$@"
wait
echo "wall $(( $(date +%s) - start )) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
