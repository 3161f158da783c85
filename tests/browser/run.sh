#!/usr/bin/env bash
# CORS and CSP as a browser sees them (issue 10, items 1 and 5): Debian's chromium package driven by playwright-core
# (tools/browser-check/check.mjs) against the built API. Prints PASS/FAIL lines and "ops: N passed, N failed".
# Usage: tests/browser/run.sh [API_DLL]   (default: Release build output; builds it when missing)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. tests/ops/lib.sh
API_DLL=${1:-$ROOT/src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll}
[ -f "$API_DLL" ] || dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
# +45 and +46: CI's redis-server listens on 6391 by default (KZRIGHTS_CI_REDIS_PORT), where +40/+41 would collide.
BASE=$(( ${OPS_PORT_BASE:-6350} + 45 ))
API="http://127.0.0.1:$BASE"
WORK=$(mktemp -d /tmp/kzrights-browser-XXXXXX)
trap 'api_stop; rm -rf "$WORK"' EXIT

command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
check "chromium installed" command -v chromium
check "playwright-core installed (npm ci)" bash -c "cd tools/browser-check && npm ci --no-audit --no-fund --silent"
api_start "$WORK/api.log" "$API" ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$WORK/db" Datasets__Directory="$WORK/datasets"
check "API ready" wait_for "$API/health/ready" 180
# The checks print their own PASS/FAIL lines; this line fails too when the script stops early (a crash prints no FAIL).
check "browser checks ran to the end" env CHROMIUM="$(command -v chromium)" node tools/browser-check/check.mjs "$API" $((BASE + 1)) "$WORK/api.log"
ops_summary
