#!/usr/bin/env bash
# Runs every test of the solution (unit, emulator, end-to-end) with one build.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test --solution PayPalConnector.slnx "$@"
