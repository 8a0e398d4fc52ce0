#!/usr/bin/env bash
# Prints the Java modules hpsearch's jar needs, comma separated, for jlink: what jdeps finds in the jar, plus the
# elliptic-curve provider (SSH key exchange and keys; a service jdeps cannot see). Shared by the package scripts.
# Usage: installers/runtime-modules.sh JAR
set -euo pipefail
found=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$1")
echo "$found,jdk.crypto.ec"
