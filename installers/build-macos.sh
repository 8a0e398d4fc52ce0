#!/usr/bin/env bash
# Builds hpsearch's macOS disk image (.dmg) with jpackage (decision 0022). Run it on a Mac (x64 or Apple silicon:
# the image is for the machine it is built on) with JDK 17 (jpackage, jlink, jdeps) and Maven; not run by CI,
# which is Linux. The app opens the desktop app from Finder (no arguments, no terminal); its command line is
#   /Applications/hpsearch.app/Contents/MacOS/hpsearch   (e.g. sudo ln -s that /usr/local/bin/hpsearch)
# Unsigned: the first start needs right-click > Open (or sign with --mac-sign and your Developer ID).
# Usage: installers/build-macos.sh        Output: installers/target/packages/hpsearch-VERSION.dmg
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ "$(uname -s)" = Darwin ] || { echo "build-macos.sh: makes a .dmg on macOS only; on Linux use build-linux.sh" >&2; exit 2; }
if [ "${HPSEARCH_SKIP_BUILD:-}" != 1 ]; then
  mvn -q -B -DskipTests package -pl app -am   # on a Mac the jar gets JavaFX for macOS
fi
jar=$(ls app/target/hpsearch-app-*-all.jar | head -1)
version=$(unzip -p "$jar" dev/hpsearch/optimizer/engine/version.properties | sed -n 's/^version=//p')
out=installers/target/packages
work=installers/target/jpackage-work
rm -rf "$work" && mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/hpsearch.jar"
modules=$(installers/runtime-modules.sh "$jar")
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$work/runtime"
jpackage --type dmg --name hpsearch --app-version "${version%%-*}" --vendor hpsearch \
  --description "Hyperparameter search for any analysis script, on this machine or a Slurm cluster" \
  --input "$work/input" --main-jar hpsearch.jar --main-class dev.hpsearch.app.cli.Main \
  --runtime-image "$work/runtime" --icon installers/icon/hpsearch.icns \
  --mac-package-identifier dev.hpsearch.app --mac-package-name hpsearch --dest "$out"
echo "built: $(ls "$out"/hpsearch-*.dmg)"
