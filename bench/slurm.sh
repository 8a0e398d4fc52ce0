#!/usr/bin/env bash
# Slurm path benchmark (issue 4): needs the test cluster (.ci/testenv.sh start).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests install >/dev/null
mvn -q -B -pl ssh-bridge dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
java -cp "ssh-bridge/target/test-classes:ssh-bridge/target/classes:$(cat ssh-bridge/target/bench-classpath.txt)" \
  dev.hpsearch.ssh.slurm.SlurmBenchmark
