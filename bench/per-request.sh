#!/usr/bin/env bash
# Cost of one uncached answer (not a test): server CPU milliseconds and bytes allocated per request, for the endpoints
# the throughput targets of bench/run.sh are about. Comparing two builds by req/s on this shared 2-core machine moved by
# 6-28 % from run to run with the same code; CPU and allocations per answer moved by a few per cent, so a change of the
# read path is judged here first and confirmed with bench/run.sh.
# - CPU: utime + stime of the server (/proc/<pid>/stat fields 14 and 15) over `wrk -t2 -c32` for DURATION seconds,
#   divided by the requests wrk completed; after WARMUP seconds of the same load (tiered compilation and PGO).
# - Allocations: dotnet_gc_heap_total_allocated_bytes_total from /metrics before and after `wrk -t1 -c4`, divided by
#   the requests (the scrape itself allocates a little: noise well under 1 KB per request at these counts).
# Usage: bash bench/per-request.sh [duration-seconds=10]   (BENCH_PORT, default 5302; BENCH_WARMUP, default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
WARMUP=${BENCH_WARMUP:-20}
PORT=${BENCH_PORT:-5302}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 2; }
dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
trap 'kill $API_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

env Caching__Enabled=false RateLimiting__Enabled=false Database__DataDirectory="$WORK/db" ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning dotnet src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll --urls "$BASE" >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 180); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 1; done
curl -sf "$BASE/health/ready" >/dev/null || { echo "the API did not become ready"; tail -20 "$WORK/api.log"; exit 1; }

ticks_per_ms=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print hz / 1000 }')
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$API_PID/stat"; }
allocated() { # the counter's value, after its labels ({otel_scope_name="System.Runtime"})
  curl -s "$BASE/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total[{ ]/ { if (!sub(/^[^ ]*} */, "")) sub(/^[^ ]* /, ""); printf "%.0f", $1 }'
}
load() { # threads connections seconds body path: prints the requests completed
  local body=$4
  BENCH_BODY="$body" wrk -t"$1" -c"$2" -d"$3s" ${body:+-s bench/post.lua} "$BASE$5" | awk '/requests in/ { print $1 }'
}

printf '%-44s %14s %16s\n' "endpoint" "CPU ms/answer" "KB alloc/answer"
while IFS='|' read -r name body path; do
  load 2 32 "$WARMUP" "$body" "$path" >/dev/null
  before=$(cpu_ticks)
  requests=$(load 2 32 "$DURATION" "$body" "$path")
  cpu=$(awk -v t="$(( $(cpu_ticks) - before ))" -v n="$requests" -v k="$ticks_per_ms" 'BEGIN { printf "%.3f", t / k / n }')
  before=$(allocated)
  requests=$(load 1 4 "$DURATION" "$body" "$path")
  alloc=$(awk -v b="$(( $(allocated) - before ))" -v n="$requests" 'BEGIN { printf "%.1f", b / n / 1024 }')
  printf '%-44s %14s %16s\n' "$name" "$cpu" "$alloc"
done <<LIST
GET /health||/health
REST list 50 paragraphs||/v1/paragraphs?limit=50
REST paragraph by id||/v1/paragraphs/ccpr-c-kaz-co-3/20
GraphQL list 50 paragraphs|bench/graphql/paragraphs.json|/graphql
LIST
