#!/usr/bin/env bash
# Generated clients against a live API (issue 10, item 2): from the committed openapi.yaml, a TypeScript client
# (openapi-typescript types + openapi-fetch, compiled with tsc --strict) and a C# client (Kiota, the local dotnet tool)
# are generated and each runs over every public operation: every list page, every id of every list through its get
# operation, the documented errors (tools/client-checks). Prints PASS/FAIL lines and "ops: N passed, N failed".
# Usage: tests/clients/run.sh [API_DLL]   (default: Release build output; builds it when missing)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. tests/ops/lib.sh
API_DLL=${1:-$ROOT/src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll}
[ -f "$API_DLL" ] || dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
API="http://127.0.0.1:$(( ${OPS_PORT_BASE:-6350} + 30 ))"
WORK=$(mktemp -d /tmp/kzrights-clients-XXXXXX)
trap 'api_stop; rm -rf "$WORK"' EXIT

# Every id of every list is read: the crawl is one client's thousands of requests, so the budgets are off.
api_start "$WORK/api.log" "$API" ASPNETCORE_ENVIRONMENT=Production RateLimiting__Enabled=false \
  Database__DataDirectory="$WORK/db" Datasets__Directory="$WORK/datasets"
check "API ready" wait_for "$API/health/ready" 180

ts=tools/client-checks/typescript
check "TypeScript client generated (openapi-typescript)" bash -c "cd $ts && npm ci --no-audit --no-fund --silent && npm run -s generate >/dev/null"
check "TypeScript checks compile against the generated types (tsc --strict)" bash -c "cd $ts && npm run -s build"
# Each check program prints its own PASS/FAIL lines; the wrapping line fails too when one stops early (a crash prints
# no FAIL line).
check "TypeScript client checks ran to the end" node "$ts/out/check.js" "$API"

cs=tools/client-checks/csharp
dotnet tool restore >/dev/null
check "C# client generated (Kiota)" env KIOTA_TUTORIAL_ENABLED=false dotnet kiota generate -l CSharp -d openapi.yaml -c KzRightsClient \
  -n KzRights.Client -o "$cs/Generated" --exclude-backward-compatible --clean-output --log-level Error
check "C# checks compile against the generated client" dotnet build "$cs" -c Release -v q -nologo -p:RestoreLockedMode=true
check "C# client checks ran to the end" dotnet "$cs/bin/Release/net10.0/KzRights.ClientCheck.dll" "$API"
ops_summary
