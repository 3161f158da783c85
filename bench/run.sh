#!/usr/bin/env bash
# Throughput benchmark (not a test): starts the Release build on SQLite and measures each endpoint with wrk in one
# run, reporting req/s, p50/p99 and each endpoint's ratio to a constant endpoint (the machine's ceiling).
# Usage: bash bench/run.sh [duration-seconds] [connections]   (needs: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-32}
PORT=${BENCH_PORT:-5301}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
RESULTS=bench/results
mkdir -p "$RESULTS"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 2; }
dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
# wrk is one client: without RateLimiting__Enabled=false it would measure 429 answers.
Database__DataDirectory="$WORK/db" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning RateLimiting__Enabled=false \
  dotnet src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll --urls "$BASE" >"$WORK/api.log" 2>&1 &
API_PID=$!
trap 'kill $API_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done

# name|method|path|body file (empty for GET)
cat > "$WORK/endpoints" <<'LIST'
ceiling (GET /health)|GET|/health|
REST list 50 paragraphs|GET|/v1/paragraphs?limit=50|
REST paragraph by id|GET|/v1/paragraphs/ccpr-c-kaz-co-3/20|
REST search|GET|/v1/search?q=women%20rights&limit=20|
LIST
if [ -f bench/graphql/paragraphs.json ]; then
  # The same 50 paragraphs with the same fields as the REST list above: their ratio is GraphQL's overhead.
  echo "GraphQL list 50 paragraphs (same fields as REST)|POST|/graphql|bench/graphql/paragraphs.json" >> "$WORK/endpoints"
  # One round trip for a dashboard view; REST needs 1 + (number of responses) requests for the same data.
  echo "GraphQL nested (10 recs → responses → paragraph → document)|POST|/graphql|bench/graphql/nested.json" >> "$WORK/endpoints"
fi

cat > "$WORK/post.lua" <<'LUA'
local f = assert(io.open(os.getenv("BENCH_BODY"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
LUA
cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
cat "$WORK/report.lua" >> "$WORK/post.lua"

printf '%-62s %10s %9s %9s %8s\n' "endpoint" "req/s" "p50 ms" "p99 ms" "ratio" | tee "$RESULTS/latest.txt"
ceiling=""
while IFS='|' read -r name method path body; do
  curl -sf -o /dev/null -X "$method" ${body:+-H 'Content-Type: application/json' --data @"$body"} "$BASE$path" || { echo "$name: request failed"; exit 1; }
  wrk -t2 -c1 -d2s ${body:+-s "$WORK/post.lua"} "$BASE$path" >/dev/null 2>&1 || true   # warm-up
  if [ -n "$body" ]; then
    out=$(BENCH_BODY="$body" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" "$BASE$path")
  else
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/report.lua" "$BASE$path")
  fi
  read -r _ rps p50 p99 bad errors <<<"$(grep '^RESULT' <<<"$out")"
  [ "$bad" = 0 ] && [ "$errors" = 0 ] || echo "warning: $name had $bad non-2xx answers and $errors socket errors"
  [ -n "$ceiling" ] || ceiling=$rps
  ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.3f", a / b }')
  printf '%-62s %10s %9s %9s %8s\n' "$name" "$rps" "$p50" "$p99" "$ratio" | tee -a "$RESULTS/latest.txt"
done < "$WORK/endpoints"
echo "($DURATION s per endpoint, $CONNECTIONS connections, 2 wrk threads, SQLite, Release; saved to $RESULTS/latest.txt)"
