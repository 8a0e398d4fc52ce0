#!/usr/bin/env bash
# Builds hpsearch's Linux packages with jpackage (JDK 17, decision 0022): an app-image, a .deb and, where rpmbuild
# is installed, an .rpm. Each carries its own Java runtime (jlink, only the modules the jar needs), a desktop entry
# and icon that open the desktop app, and the `hpsearch` command on PATH (/usr/bin/hpsearch; the app-image has it
# in hpsearch/bin/). The runtime keeps bin/java, so that `hpsearch launch` can send it to a cluster without Java 17.
# installers/linux/ (jpackage's --resource-dir) holds the desktop entry's template and the packages' own install
# and removal scripts: postinst and prerm for the .deb, hpsearch.spec (in place of jpackage's spec) for the .rpm.
#
# Usage: installers/build-linux.sh [app-image] [deb] [rpm]     (none named: all three)
#   HPSEARCH_SKIP_BUILD=1   use the jar already in app/target instead of building it
# Needs: JDK 17 with jpackage and jlink, Maven; for the .deb fakeroot and dpkg-deb; for the .rpm rpmbuild
# (Debian: apt-get install rpm). Output: installers/target/packages/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
types=("$@")
[ ${#types[@]} -eq 0 ] && types=(app-image deb rpm)

if [ "${HPSEARCH_SKIP_BUILD:-}" != 1 ]; then
  mvn -q -B -DskipTests package -pl app -am
fi
jar=$(ls app/target/hpsearch-app-*-all.jar | head -1)
version=$(unzip -p "$jar" dev/hpsearch/optimizer/engine/version.properties | sed -n 's/^version=//p')
app_version=${version%%-*}   # jpackage takes numbers only: 0.1.0-SNAPSHOT is packaged as 0.1.0
out=installers/target/packages
work=installers/target/jpackage-work
rm -rf "$work" && mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/hpsearch.jar"

modules=$(installers/runtime-modules.sh "$jar")
echo "runtime modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 --output "$work/runtime"

common=(--name hpsearch --app-version "$app_version" --vendor hpsearch
  --description "Hyperparameter search for any analysis script, on this machine or a Slurm cluster"
  --input "$work/input" --main-jar hpsearch.jar --main-class dev.hpsearch.app.cli.Main
  --runtime-image "$work/runtime" --icon installers/icon/hpsearch.png --dest "$out")
# /usr: the launcher goes to /usr/bin/hpsearch (on PATH), the app and its runtime to /usr/lib/hpsearch
linux=(--install-dir /usr --resource-dir installers/linux --linux-shortcut --linux-menu-group "Science;"
  --linux-app-category science --linux-package-name hpsearch)

for t in "${types[@]}"; do
  case "$t" in
    app-image)
      rm -rf "$out/hpsearch"
      jpackage --type app-image "${common[@]}"
      echo "built: $out/hpsearch (run $out/hpsearch/bin/hpsearch)";;
    deb)
      rm -f "$out"/hpsearch_*.deb
      jpackage --type deb "${common[@]}" "${linux[@]}" --linux-deb-maintainer hpsearch@localhost \
        --linux-package-deps "libgtk-3-0"
      echo "built: $(ls "$out"/hpsearch_*.deb)";;
    rpm)
      if ! command -v rpmbuild >/dev/null; then
        echo "rpm: skipped: rpmbuild is not installed (Debian/Ubuntu: apt-get install rpm; Fedora: dnf install rpm-build)"
        continue
      fi
      rm -f "$out"/hpsearch-*.rpm
      jpackage --type rpm "${common[@]}" "${linux[@]}" --linux-package-deps "gtk3"
      echo "built: $(ls "$out"/hpsearch-*.rpm)";;
    *) echo "build-linux.sh: unknown package type '$t' (allowed: app-image, deb, rpm)" >&2; exit 2;;
  esac
done
