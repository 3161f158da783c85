#!/usr/bin/env bash
# Memory under the introspection attack of issue 10 (not a test): an 11.8 KB GraphQL document of 100 aliased copies of
# __schema's types and fields (5.8 MB of answer on a build that allows it), sent by N concurrent clients, then a wait.
# Prints resident memory (VmRSS of the API process) idle, at its peak during the attack, and 15 s after the attack,
# with the status codes and answer sizes seen. BENCH_BODY=file sends another JSON body instead (e.g. a large data
# query). Usage:
#   bash bench/introspection-memory.sh [KzRights.Api.dll] [concurrency] [requests-per-client] [VAR=value ...]
# The dll defaults to this checkout's Release build (built first); VAR=value pairs are passed to the API
# (e.g. RateLimiting__Enabled=false to see the GraphQL limits alone, without the per-client request budget).
set -euo pipefail
cd "$(dirname "$0")/.."
DLL=${1:-}
CONCURRENCY=${2:-32}
PER_CLIENT=${3:-10}
shift $(( $# < 3 ? $# : 3 ))
PORT=${BENCH_PORT:-6090}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
if [ -z "$DLL" ]; then
  dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
  DLL=src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll
fi

env Database__DataDirectory="$WORK/db" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "$@" \
  dotnet "$DLL" --urls "$BASE" >"$WORK/api.log" 2>&1 &
API_PID=$!
trap 'kill $API_PID 2>/dev/null || true; wait $API_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 1; done
rss() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$API_PID/status"; }

# One alias: the type system as a client generator reads it (types, their fields and the fields' types).
alias_fields='types { name kind description fields { name description type { name kind ofType { name kind } } } }'
query="{"
for i in $(seq 1 100); do query+=" s$i: __schema { $alias_fields }"; done
query+=" }"
printf '{"query":"%s"}' "$query" > "$WORK/attack.json"
[ -n "${BENCH_BODY:-}" ] && cp "$BENCH_BODY" "$WORK/attack.json"

# Warm up with the ordinary paths a client takes (one REST list, one introspection), then settle.
curl -s -o /dev/null "$BASE/v1/paragraphs?limit=50"
curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __schema { types { name } } }"}' "$BASE/graphql"
sleep 5
idle=$(rss)

peak=$idle
( while kill -0 $API_PID 2>/dev/null; do r=$(rss); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > "$WORK/peak"; sleep 0.2; done ) &
SAMPLER=$!
started=$(date +%s)
seq 1 $((CONCURRENCY * PER_CLIENT)) | xargs -P "$CONCURRENCY" -I{} \
  curl -s -o /dev/null -w '%{http_code} %{size_download}\n' -H 'Content-Type: application/json' --data-binary "@$WORK/attack.json" \
  "$BASE/graphql" > "$WORK/codes"
elapsed=$(( $(date +%s) - started ))
sleep 15
after=$(rss)
kill $SAMPLER 2>/dev/null || true
peak=$(cat "$WORK/peak" 2>/dev/null || echo "$idle")

echo "dll: $DLL ${*:-(defaults)}"
echo "attack: $(wc -c < "$WORK/attack.json") bytes, $CONCURRENCY clients x $PER_CLIENT requests, ${elapsed} s"
echo "answers (status, bytes):"; sort "$WORK/codes" | uniq -c | sort -rn | head -5
echo "RSS MB: idle $idle, peak $peak, 15 s after $after"
