#!/usr/bin/env bash
# Runs every test of the solution (unit, emulator, end-to-end) with one build.
# First installs what the tests need beyond the .NET SDK (.ci/install-deps: Chromium, node/npm, the npm packages of
# tests/**/package.json); that takes a fraction of a second when everything is already there. If something cannot be
# installed the reason is printed and the tests run anyway: the ones that need it fail and say what is missing.
set -euo pipefail
cd "$(dirname "$0")"
if ! .ci/install-deps; then
  echo "test.sh: some test dependencies are missing (reasons above); the tests that need them will fail." >&2
fi
# The browser scripts launch CHROMIUM_PATH, or /usr/bin/chromium without it: point them at the Chromium on PATH.
if [ -z "${CHROMIUM_PATH:-}" ] && command -v chromium >/dev/null 2>&1; then
  CHROMIUM_PATH=$(command -v chromium)
  export CHROMIUM_PATH
fi
dotnet test --solution PayPalConnector.slnx "$@"
