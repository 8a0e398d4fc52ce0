# Builds hpsearchs Windows installer (.msi) with jpackage (decision 0022). Run it on Windows (x64) with JDK 17
# (jpackage, jlink, jdeps), Maven and the WiX Toolset 3 (jpackage of JDK 17 needs candle.exe and light.exe on
# PATH); not run by CI, which is Linux.
# The installer puts two programs in C:\Program Files\hpsearch: "hpsearch desktop" (Start menu and desktop
# shortcut: the desktop app, no console) and hpsearch.exe (the command line; add the folder to PATH to type
# "hpsearch run ..."). Unsigned: SmartScreen asks once.
# Usage:  powershell -ExecutionPolicy Bypass -File installers\build-windows.ps1
# Output: installers\target\packages\hpsearch-VERSION.msi
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
if (-not $env:HPSEARCH_SKIP_BUILD) {
    mvn -q -B -DskipTests package -pl app -am   # on Windows the jar gets JavaFX for Windows
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
$jar = (Get-ChildItem app\target\hpsearch-app-*-all.jar | Select-Object -First 1).FullName
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead($jar)
$props = New-Object System.IO.StreamReader(($zip.GetEntry("dev/hpsearch/optimizer/engine/version.properties")).Open())
$version = (($props.ReadToEnd() -split "`n") | Where-Object { $_ -like "version=*" }).Substring(8).Trim()
$zip.Dispose()
$appVersion = ($version -split "-")[0]   # jpackage takes numbers only: 0.1.0-SNAPSHOT is packaged as 0.1.0
$out = "installers\target\packages"; $work = "installers\target\jpackage-work"
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$work\input", $out | Out-Null
Copy-Item $jar "$work\input\hpsearch.jar"
# the modules the jar needs (as installers/runtime-modules.sh finds them), plus the elliptic-curve provider for SSH
$modules = (jdeps --print-module-deps --ignore-missing-deps --multi-release 17 $jar) + ",jdk.crypto.ec"
jlink --add-modules $modules --strip-debug --no-man-pages --no-header-files --compress=2 --output "$work\runtime"
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
jpackage --type msi --name hpsearch --app-version $appVersion --vendor hpsearch `
    --description "Hyperparameter search for any analysis script, on this machine or a Slurm cluster" `
    --input "$work\input" --main-jar hpsearch.jar --main-class dev.hpsearch.app.cli.Main `
    --runtime-image "$work\runtime" --icon installers\icon\hpsearch.ico --win-console `
    --add-launcher "hpsearch desktop=installers\windows\hpsearch-desktop.properties" `
    --win-menu-group hpsearch --win-dir-chooser --win-upgrade-uuid 6f1c2a9e-3b7d-4e58-9a41-0c2d7e5b8f13 `
    --dest $out
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Write-Output "built: $((Get-ChildItem "$out\hpsearch-*.msi").FullName)"
