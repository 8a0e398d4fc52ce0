#!/usr/bin/env bash
# Builds a self-contained hpsearch application image (bundled Java runtime) with jpackage.
# Usage: installers/build-app-image.sh [app-image|deb]   -> installers/target/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
type="${1:-app-image}"
cd "$root"
mvn -q -B -DskipTests install
rm -rf installers/target && mkdir -p installers/target/input
cp app/target/hpsearch-app-*-all.jar installers/target/input/hpsearch.jar
jpackage --type "$type" --name hpsearch --app-version 0.1.0 \
  --input installers/target/input --main-jar hpsearch.jar \
  --main-class dev.hpsearch.app.cli.Main \
  --java-options '-Djdk.lang.Process.launchMechanism=VFORK' \
  --description "Hyperparameter search for any analysis script" \
  --dest installers/target
echo "built: $(ls -d installers/target/hpsearch* | head -1)"
