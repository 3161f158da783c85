#!/usr/bin/env bash
# Webhooks from outside, as the README shows them: an admin key from `keys create`, a subscription registered with curl,
# a release published by POST /v1/admin/ingest of an edited corpus, and a Node receiver that verifies the delivery with
# the Standard Webhooks reference library (tools/webhook-check). Prints PASS/FAIL lines and "ops: N passed, N failed".
# Usage: tests/ops/webhooks.sh [API_DLL]   (default: Release build output; builds it when missing)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. tests/ops/lib.sh
API_DLL=${1:-$ROOT/src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll}
[ -f "$API_DLL" ] || dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
BASE=$(( ${OPS_PORT_BASE:-6350} + 20 ))
API="http://127.0.0.1:$BASE"
RECEIVER_PORT=$((BASE + 1))
WORK=$(mktemp -d /tmp/kzrights-webhooks-XXXXXX)
receiver_pid=
cleanup() {
  api_stop
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

(cd tools/webhook-check && npm ci --no-audit --no-fund --silent) || { echo "FAIL npm ci in tools/webhook-check"; exit 1; }
cp -r data/corpus "$WORK/corpus"
# The receiver is on this host, so the private-network guard is lifted for this run.
export ASPNETCORE_ENVIRONMENT=Production Database__DataDirectory="$WORK/db" Datasets__Directory="$WORK/datasets" Corpus__Directory="$WORK/corpus" \
  Webhooks__AllowPrivateNetworks=true Webhooks__PollIntervalSeconds=0.5

node tools/webhook-check/receiver.mjs "$RECEIVER_PORT" "$WORK/secret" "$WORK/captured.jsonl" &
receiver_pid=$!
api_start "$WORK/api.log" "$API"
check "API ready" wait_for "$API/health/ready" 180

KZRIGHTS_ADMIN_KEY=$(dotnet "$API_DLL" keys create --name "webhook check" --scope admin | tail -1)
check "keys create prints an admin key" test "${KZRIGHTS_ADMIN_KEY#kzr_}" != "$KZRIGHTS_ADMIN_KEY"

# The README's registration, as written there (receiver address replaced).
created=$(curl -s -X POST "$API/v1/webhooks" -H "Authorization: Bearer $KZRIGHTS_ADMIN_KEY" -H 'Content-Type: application/json' \
  -d "{\"url\": \"http://127.0.0.1:$RECEIVER_PORT/hook\", \"events\": [\"release.published\"]}")
secret=$(jq -r '.secret // empty' <<<"$created")
subscription=$(jq -r '.id // empty' <<<"$created")
check "POST /v1/webhooks answers the subscription and its whsec_ secret" test "${secret#whsec_}" != "$secret"
printf '%s' "$secret" >"$WORK/secret"
check "GET /v1/webhooks without a key is 401" test "$(curl -s -o /dev/null -w '%{http_code}' "$API/v1/webhooks")" = 401

# Edit one paragraph and state the file's new hash in the manifest: the next ingest publishes a release.
/usr/bin/python3 - "$WORK/corpus" <<'PY'
import hashlib, json, pathlib, sys
folder = pathlib.Path(sys.argv[1])
manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
document = next(d for d in manifest["documents"] if d["slug"] == "ccpr-c-kaz-co-3")
source = folder / document["sourceFile"]
text = source.read_text(encoding="utf-8")
assert "– 75 per cent in 2024 –" in text
source.write_text(text.replace("– 75 per cent in 2024 –", "– 76 per cent in 2024 –"), encoding="utf-8")
document["sha256"] = hashlib.sha256(source.read_bytes()).hexdigest()
(folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
PY
release=$(curl -s -X POST "$API/v1/admin/ingest" -H "Authorization: Bearer $KZRIGHTS_ADMIN_KEY" | jq -r '.release.id // empty')
check "POST /v1/admin/ingest publishes a release" test -n "$release"

delivered() { curl -s "$API/v1/webhooks/$subscription/deliveries" -H "X-Api-Key: $KZRIGHTS_ADMIN_KEY" | jq -e '.items[0].status == "delivered"' >/dev/null; }
for _ in $(seq 1 60); do delivered && break; sleep 0.5; done
check "GET /v1/webhooks/{id}/deliveries shows the delivery delivered" delivered
[ -f "$WORK/captured.jsonl" ] || touch "$WORK/captured.jsonl"
node tools/webhook-check/verify.mjs "$WORK/captured.jsonl" "$secret" "$release"
ops_summary
