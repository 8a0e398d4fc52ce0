#!/usr/bin/env bash
# Tests hpsearch's packages by installing them (decision 0022). Builds the .deb (and the .rpm where rpmbuild is
# installed), installs the .deb with dpkg, and with the installed program only: `hpsearch --version` names this
# commit; the demo search, copied to a temporary folder, runs to its end; the desktop app, started under Xvfb,
# shows its start page (a screenshot is saved), then is closed. Then the portable archive: its jar holds JavaFX's
# native libraries for all five platforms, hpsearch.cmd is well formed, and its sh launcher opens the desktop app
# too. The .deb is removed, and the .rpm is installed with rpm (a database of its own in a temporary folder, the
# files in /usr as the .deb's were), where /etc/xdg/menus does not exist (hidden in a mount namespace if it does
# here): its scriptlets are ours, not xdg-desktop-menu; it puts the desktop entry in place, its `hpsearch
# --version` runs, and `rpm -e` removes it with its entry. Each package is removed also on failure. Prints the
# package sizes and the start times.
#
# Usage (as root, on Debian/Ubuntu): installers/test-deb.sh
#   HPSEARCH_SKIP_BUILD=1   use the jars already built (app/target, installers/target), e.g. after `mvn verify`
# Needs: JDK 17 (jpackage, jlink, jdeps), Maven, fakeroot, Xvfb, xwininfo (x11-utils), libgtk-3-0, python3;
# rpmbuild and rpm (Debian: rpm) for the .rpm, unshare (util-linux) where /etc/xdg/menus exists. Screenshots and
# the .rpm's scriptlets: installers/target/test/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out=installers/target/test
pkgs=installers/target/packages
passed=0
check() { # check DESCRIPTION COMMAND...: runs the command; a failure stops the test
  if "${@:2}"; then passed=$((passed + 1)); echo "ok: $1"; else echo "FAILED: $1" >&2; exit 1; fi
}
fail() { echo "FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root: it installs and removes the hpsearch package with dpkg"
package_state() { dpkg-query -W -f='${db:Status-Status}' hpsearch 2>/dev/null || echo not-installed; }
if [ "$(package_state)" != not-installed ]; then
  fail "a hpsearch package is on this machine already ($(package_state)); remove it first (dpkg --purge hpsearch), this test installs its own"
fi
[ ! -e /usr/lib/hpsearch ] \
  || fail "/usr/lib/hpsearch exists, but no hpsearch .deb is installed (left by an .rpm?); remove it first, this test installs its own"
for tool in jpackage fakeroot Xvfb xwininfo python3; do
  command -v "$tool" >/dev/null || fail "needs $tool (Debian: apt-get install openjdk-17-jdk fakeroot xvfb x11-utils python3)"
done

tmp=$(mktemp -d /tmp/hpsearch-test-deb.XXXXXX)
rpmdb="$tmp/rpmdb"   # the .rpm's own database: rpm on Debian has no packages of its own
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if [ "$(package_state)" != not-installed ]; then
    dpkg --purge hpsearch >/dev/null && echo "removed the hpsearch package"
  fi
  if [ -d "$rpmdb" ] && rpm -q --dbpath "$rpmdb" hpsearch >/dev/null 2>&1; then
    { rpm -e --dbpath "$rpmdb" hpsearch || rpm -e --noscripts --dbpath "$rpmdb" hpsearch; } >/dev/null 2>&1 \
      && rm -f /usr/share/applications/hpsearch.desktop && echo "removed the hpsearch .rpm"
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
rm -rf "$out" && mkdir -p "$out"

# --- build -------------------------------------------------------------------------------------------------------
if [ "${HPSEARCH_SKIP_BUILD:-}" != 1 ]; then
  mvn -q -B -DskipTests package -pl installers -am
fi
types=(deb)
if command -v rpmbuild >/dev/null; then types+=(rpm); else echo "rpm: skipped: rpmbuild is not installed (Debian: apt-get install rpm)"; fi
build_start=$SECONDS
HPSEARCH_SKIP_BUILD=1 installers/build-linux.sh "${types[@]}"
build_seconds=$((SECONDS - build_start))
deb=$(ls "$pkgs"/hpsearch_*.deb)
rpm_file=$(ls "$pkgs"/hpsearch-*.rpm 2>/dev/null || true)
zip=$(ls installers/target/hpsearch-*-portable.zip)

# --- install -----------------------------------------------------------------------------------------------------
# dpkg installs; when a library the package depends on is missing, apt-get -f brings it and finishes the install
dpkg -i "$deb" || apt-get install -f -y -q --no-install-recommends
installed() { [ "$(dpkg-query -W -f='${Status}' hpsearch)" = "install ok installed" ]; }
check "the .deb installs" installed
on_path() { [ "$(command -v hpsearch)" = /usr/bin/hpsearch ]; }
check "hpsearch is on PATH as /usr/bin/hpsearch" on_path
desktop_entry() { grep -q '^Exec=/usr/bin/hpsearch gui$' /usr/share/applications/hpsearch.desktop \
  && grep -q '^Icon=/usr/lib/hpsearch/hpsearch.png$' /usr/share/applications/hpsearch.desktop \
  && [ -s /usr/lib/hpsearch/hpsearch.png ]; }
check "the desktop entry opens the desktop app with hpsearch's icon" desktop_entry

# everything below runs the installed program, in a home of its own
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache"
mkdir -p "$HOME"
cd "$tmp"

version=$(/usr/bin/hpsearch --version)
echo "installed: $version"
names_commit() {
  local head; head=$(git -C "$root" rev-parse --short=10 HEAD 2>/dev/null || true)
  [[ "$version" =~ ^hpsearch\ [0-9]+\.[0-9]+\.[0-9]+[^\ ]*\ \(commit\ [0-9a-f]{10}\ of\ [0-9-]{10} ]] \
    && { [ -z "$head" ] || [[ "$version" == *"commit $head "* ]]; }
}
check "hpsearch --version names the version and this commit" names_commit

# --- the demo search ---------------------------------------------------------------------------------------------
mkdir demo
cp "$root"/resources/demo/*.json "$root"/resources/demo/*.py "$root"/resources/demo/*.csv demo/
demo_start=$SECONDS
/usr/bin/hpsearch run --search_config_path demo/search_config.json --job_config_path demo/job_config.json \
  --model_config_path demo/model_config.json > demo-run.txt 2>&1 || { cat demo-run.txt; fail "the demo search"; }
demo_seconds=$((SECONDS - demo_start))
/usr/bin/hpsearch status demo/hp_search_0 > demo-status.txt || { cat demo-status.txt; fail "hpsearch status"; }
all_scored() { # 24 combinations, each with a status of ok
  local rows ok
  rows=$(($(wc -l < demo/hp_search_0/hp_search_data.txt) - 1))
  ok=$(python3 - demo/hp_search_0/hp_search_data.txt <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print(sum(1 for r in rows if r["status"] == "ok"))
PY
)
  [ "$rows" = 24 ] && [ "$ok" = 24 ]
}
check "the demo search runs its 24 combinations with the installed program" all_scored

# --- the desktop app under Xvfb ----------------------------------------------------------------------------------
display=90
while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
mkdir fb
Xvfb ":$display" -screen 0 1280x860x24 -fbdir "$tmp/fb" -nolisten tcp > xvfb.log 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
for _ in $(seq 100); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
xwininfo -root >/dev/null 2>&1 || fail "Xvfb did not start: $(cat xvfb.log)"

# start_page NAME PROGRAM...: opens the program under Xvfb, sets shown_ms (until its window is shown), saves the
# screen as $out/NAME.png once the start page has drawn, then ends the program (SIGTERM, as a logout would) and
# checks that its window is gone and that it printed no errors
start_page() {
  local name=$1; shift
  local t0 t1 colours
  t0=$(date +%s%N)
  "$@" > "$name.log" 2>&1 &
  app_pid=$!
  shown_ms=""
  for _ in $(seq 600); do
    local id; id=$(xwininfo -root -tree | awk '/"hpsearch"/ {print $1; exit}')
    if [ -n "$id" ]; then
      if [[ "$(xwininfo -id "$id")" == *"Map State: IsViewable"* ]]; then
        t1=$(date +%s%N); shown_ms=$(((t1 - t0) / 1000000)); break
      fi
    fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$name.log"; fail "$name: the app ended before showing its window"; }
    sleep 0.1
  done
  [ -n "$shown_ms" ] || { cat "$name.log"; fail "$name: no window within 60 s"; }
  # the start page has drawn when the screen holds many colours (text, buttons), not one background
  for _ in $(seq 30); do
    colours=$(java "$root/installers/test/XwdToPng.java" "$tmp/fb/Xvfb_screen0" "$root/$out/$name.png")
    [ "$colours" -ge 200 ] && break
    sleep 1
  done
  [ "$colours" -ge 200 ] || fail "$name: the window stayed blank ($colours colours); see $out/$name.png"
  grep -v -e '^$' "$name.log" | grep -v 'Unsupported JavaFX configuration' > "$name.errors" || true
  kill "$app_pid"
  for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$app_pid" 2>/dev/null; then fail "$name: the app did not close within 10 s"; fi
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
  if [[ "$(xwininfo -root -tree)" == *'"hpsearch"'* ]]; then fail "$name: a window of hpsearch is still open"; fi
  [ ! -s "$name.errors" ] || { cat "$name.errors"; fail "$name: the app printed errors"; }
}
start_page installed-start-page /usr/bin/hpsearch gui
installed_ms=$shown_ms
check "the installed desktop app shows its start page (screenshot $out/installed-start-page.png), then closes" true

# the desktop entry's way: no arguments and no terminal opens the desktop app too
start_page installed-no-arguments /usr/bin/hpsearch
check "the installed hpsearch without arguments or terminal opens the desktop app" true

# --- the portable archive ----------------------------------------------------------------------------------------
cd "$tmp"
python3 -m zipfile -e "$root/$zip" portable
chmod +x portable/hpsearch/hpsearch
jar_lists() { unzip -l portable/hpsearch/hpsearch.jar | awk '{print $4}' > portable-jar.txt; }
jar_lists
natives() {
  local missing=""
  for f in javafx-natives/linux-x64/libglass.so javafx-natives/linux-x64/libglassgtk3.so \
      javafx-natives/linux-x64/libprism_es2.so javafx-natives/linux-aarch64/libglass.so \
      javafx-natives/linux-aarch64/libglassgtk3.so javafx-natives/linux-aarch64/libprism_es2.so \
      javafx-natives/mac-x64/libglass.dylib javafx-natives/mac-x64/libprism_es2.dylib \
      javafx-natives/mac-aarch64/libglass.dylib javafx-natives/mac-aarch64/libprism_es2.dylib \
      glass.dll prism_d3d.dll javafx_font.dll com/sun/glass/ui/win/WinApplication.class \
      com/sun/glass/ui/mac/MacApplication.class com/sun/glass/ui/gtk/GtkApplication.class; do
    grep -qx "$f" portable-jar.txt || missing="$missing $f"
  done
  [ -z "$missing" ] || { echo "missing from the portable jar:$missing" >&2; return 1; }
}
check "the portable jar holds JavaFX's native libraries for Linux, Windows and macOS on x64 and aarch64" natives
main_class() { grep -qx 'Main-Class: dev.hpsearch.app.cli.Main' <<< "$(unzip -p portable/hpsearch/hpsearch.jar META-INF/MANIFEST.MF | tr -d '\r')"; }
check "the portable jar starts hpsearch (java -jar, or a double-click)" main_class
cmd_well_formed() {
  local f=portable/hpsearch/hpsearch.cmd lines crlf
  lines=$(wc -l < "$f"); crlf=$(grep -c $'\r$' "$f")
  [ "$lines" -gt 0 ] && [ "$lines" = "$crlf" ] && [ "$(tail -c 2 "$f" | od -An -c | tr -d ' ')" = '\r\n' ] \
    && head -1 "$f" | grep -q '^@echo off' \
    && grep -q -- '-jar "%~dp0hpsearch.jar" %\*' "$f" \
    && grep -q '^exit /b %ERRORLEVEL%' "$f"
}
check "hpsearch.cmd has CRLF line ends and runs java -jar on the jar beside it with all arguments" cmd_well_formed
portable_version() { [ "$(portable/hpsearch/hpsearch --version)" = "$version" ]; }
check "the portable launcher runs the same build (hpsearch --version)" portable_version
start_page portable-start-page portable/hpsearch/hpsearch gui
portable_ms=$shown_ms
check "the portable desktop app unpacks this platform's JavaFX and shows its start page" true

# --- the .deb removed ---------------------------------------------------------------------------------------------
installed_size=$(du -sh /usr/lib/hpsearch | cut -f1)
gone() { # no file of either package is left
  [ ! -e /usr/bin/hpsearch ] && [ ! -e /usr/lib/hpsearch ] && [ ! -e /usr/share/applications/hpsearch.desktop ]; }
removed_deb() { dpkg --purge hpsearch >/dev/null && [ "$(package_state)" = not-installed ] && gone; }
check "dpkg --purge removes the .deb with its desktop entry" removed_deb

# --- the .rpm ----------------------------------------------------------------------------------------------------
if [ -n "$rpm_file" ]; then
  rpm_layout() { # (the lists are read whole first: grep -q ending early would fail the pipe under pipefail)
    local files requires
    files=$(rpm -qlp "$root/$rpm_file"); requires=$(rpm -qp --requires "$root/$rpm_file" 2>/dev/null)
    grep -qx /usr/bin/hpsearch <<< "$files" && grep -qx /usr/lib/hpsearch/hpsearch-hpsearch.desktop <<< "$files" \
      && grep -qx gtk3 <<< "$requires"; }
  check "the .rpm puts hpsearch in /usr/bin, has the desktop entry and requires gtk3" rpm_layout
  rpm -qp --scripts "$root/$rpm_file" > "$root/$out/rpm-scripts.txt" 2>/dev/null || fail "rpm -qp --scripts"
  own_scriptlets() { # installers/linux/hpsearch.spec's, not jpackage's xdg-desktop-menu and xdg-icon-resource
    local s; s=$(cat "$root/$out/rpm-scripts.txt")
    grep -qx 'postinstall scriptlet (using /bin/sh):' <<< "$s" \
      && grep -qx 'preuninstall scriptlet (using /bin/sh):' <<< "$s" \
      && grep -qx 'cp /usr/lib/hpsearch/hpsearch-hpsearch.desktop /usr/share/applications/hpsearch.desktop' <<< "$s" \
      && grep -qx '    rm -f /usr/share/applications/hpsearch.desktop' <<< "$s" && ! grep -q 'xdg-' <<< "$s"; }
  check "the .rpm's post-install and pre-uninstall scriptlets are ours, without xdg-desktop-menu (in $out/)" \
    own_scriptlets

  # where /etc/xdg/menus exists, it is hidden from rpm in a mount namespace of its own: the case that failed
  menus="absent here"
  without_menus() {
    if [ -e /etc/xdg/menus ]; then
      unshare --mount sh -c 'mount -t tmpfs hpsearch-no-menus /etc/xdg && exec "$@"' sh "$@"
    else "$@"; fi
  }
  [ -e /etc/xdg/menus ] && menus="hidden"
  # rpm on Debian refuses to install without --force-debian; --nodeps: its database knows no gtk3 or xdg-utils
  force=()
  if [[ "$(rpm --help 2>&1)" == *--force-debian* ]]; then force=(--force-debian); fi
  mkdir -p "$rpmdb"
  rpm --initdb --dbpath "$rpmdb"
  # the installed launcher finds its folder by asking rpm -qf which package owns it: rpm run from this test's home
  # reads the package's database from ~/.rpmmacros
  echo "%_dbpath $rpmdb" > "$HOME/.rpmmacros"
  # rpm_ok LOG COMMAND...: runs the command where menus are missing; it must succeed with no scriptlet failing
  # (rpm only warns when a post-install scriptlet fails)
  rpm_ok() {
    local log=$1; shift
    if without_menus "$@" > "$log" 2>&1 && ! grep -q 'scriptlet failed' "$log"; then return 0; fi
    cat "$log" >&2; return 1
  }
  rpm_installs() {
    rpm_ok rpm-install.log rpm -i --nodeps "${force[@]}" --dbpath "$rpmdb" "$root/$rpm_file" \
      && rpm -q --dbpath "$rpmdb" hpsearch >/dev/null && on_path; }
  check "the .rpm installs where /etc/xdg/menus does not exist ($menus), its scriptlets without error" rpm_installs
  check "the .rpm puts the desktop entry where menus look, opening the desktop app with hpsearch's icon" desktop_entry
  rpm_version() {
    local v; v=$(/usr/bin/hpsearch --version 2>&1) || true
    [ "$v" = "$version" ] || { echo "the .rpm's hpsearch --version printed: $v" >&2; return 1; }; }
  check "the .rpm's hpsearch --version runs and names the same build" rpm_version
  rpm_removes() {
    rpm_ok rpm-erase.log rpm -e --dbpath "$rpmdb" hpsearch && ! rpm -q --dbpath "$rpmdb" hpsearch >/dev/null && gone; }
  check "rpm -e removes the .rpm with its desktop entry where /etc/xdg/menus does not exist" rpm_removes
fi

# --- figures -----------------------------------------------------------------------------------------------------
size() { du -h "$1" | cut -f1; }
echo
echo "=== hpsearch packages ($version)"
printf '%-44s %s\n' "$(basename "$deb")" "$(size "$root/$deb")"
[ -n "$rpm_file" ] && printf '%-44s %s\n' "$(basename "$rpm_file")" "$(size "$root/$rpm_file")"
printf '%-44s %s\n' "$(basename "$zip")" "$(size "$root/$zip")"
printf '%-44s %s\n' "installed (/usr/lib/hpsearch)" "$installed_size"
echo "packages built in ${build_seconds} s; demo search (24 combinations) took ${demo_seconds} s"
echo "start, until the window is shown: installed ${installed_ms} ms, portable ${portable_ms} ms (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "screenshots: $out/"
echo "installers: $passed passed, 0 failed"
