#!/usr/bin/env bash
# Throughput benchmark (not a test): starts the Release build on SQLite and measures each endpoint with wrk in one
# run, reporting req/s, p50/p99 and each endpoint's ratio to a constant endpoint (the machine's ceiling, measured again after every endpoint).
# Two phases on one database: with the output cache (the default) and with Caching__Enabled=false (the read path).
# Usage: bash bench/run.sh [duration-seconds] [connections]   (needs: apt-get install wrk; BENCH_WARMUP=seconds, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-32}
PORT=${BENCH_PORT:-5301}
# Seconds of load on every endpoint of a phase before any is measured. Tiered compilation and dynamic PGO take tens of
# seconds under load to finish: with 2 s of warm-up the first endpoints (the /health ceiling among them) were measured on a
# half-compiled server (/health 8,800 → 16,100 → 27,400 req/s in three 5 s runs after a start, 2026-12-02).
WARMUP=${BENCH_WARMUP:-10}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
RESULTS=bench/results
mkdir -p "$RESULTS"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 2; }
dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
API_PID=""
trap 'kill $API_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

# Starts the Release build on one SQLite database (ingested once, on the first start) with extra environment settings.
# wrk is one client: without RateLimiting__Enabled=false it would measure 429 answers.
start_api() {
  [ -z "$API_PID" ] || { kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; }
  env "$@" Database__DataDirectory="$WORK/db" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning RateLimiting__Enabled=false \
    dotnet src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll --urls "$BASE" >>"$WORK/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 180); do curl -sf "$BASE/health/ready" >/dev/null && return 0; sleep 1; done
  echo "the API did not become ready"; tail -20 "$WORK/api.log"; exit 1
}

# name|method|path|body file (empty for GET)|extra header (empty for none)
GRAPHQL_LIST="GraphQL list 50 paragraphs (same fields as REST)|POST|/graphql|bench/graphql/paragraphs.json|"
GRAPHQL_NESTED="GraphQL nested (10 recs → responses → paragraph → document)|POST|/graphql|bench/graphql/nested.json|"
cat > "$WORK/cached" <<LIST
ceiling (GET /health)|GET|/health||
REST list 50 paragraphs|GET|/v1/paragraphs?limit=50||
REST list 50 paragraphs, Accept-Encoding: gzip|GET|/v1/paragraphs?limit=50||Accept-Encoding: gzip
REST paragraph by id|GET|/v1/paragraphs/ccpr-c-kaz-co-3/20||
REST search|GET|/v1/search?q=women%20rights&limit=20||
LIST
cat > "$WORK/uncached" <<LIST
ceiling (GET /health)|GET|/health||
REST list 50 paragraphs|GET|/v1/paragraphs?limit=50||
REST paragraph by id|GET|/v1/paragraphs/ccpr-c-kaz-co-3/20||
REST search|GET|/v1/search?q=women%20rights&limit=20||
$GRAPHQL_LIST
$GRAPHQL_NESTED
LIST

cat > "$WORK/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
cat bench/post.lua "$WORK/report.lua" > "$WORK/post.lua"

# Puts every endpoint of a list under the benchmark's load for $WARMUP seconds, so the measurements see a compiled server.
warm_list() {
  while IFS='|' read -r name method path body header; do
    if [ -n "$body" ]; then
      BENCH_BODY="$body" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/post.lua" "$BASE$path" >/dev/null 2>&1 || true
    else
      wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" ${header:+-H "$header"} "$BASE$path" >/dev/null 2>&1 || true
    fi
  done < "$1"
}

# Measures one endpoint with wrk (after a 2 s warm-up on one connection); sets rps, p50, p99.
measure() {
  local name=$1 method=$2 path=$3 body=$4 header=$5 out bad errors
  curl -sf -o /dev/null -X "$method" ${header:+-H "$header"} ${body:+-H 'Content-Type: application/json' --data @"$body"} "$BASE$path" \
    || { echo "$name: request failed"; exit 1; }
  BENCH_BODY="$body" wrk -t2 -c1 -d2s ${header:+-H "$header"} ${body:+-s "$WORK/post.lua"} "$BASE$path" >/dev/null 2>&1 || true   # warm-up
  if [ -n "$body" ]; then
    out=$(BENCH_BODY="$body" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" "$BASE$path")
  else
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency ${header:+-H "$header"} -s "$WORK/report.lua" "$BASE$path")
  fi
  read -r _ rps p50 p99 bad errors <<<"$(grep '^RESULT' <<<"$out")"
  [ "$bad" = 0 ] && [ "$errors" = 0 ] || echo "warning: $name had $bad non-2xx answers and $errors socket errors"
}

# Runs every endpoint of a list with wrk. The list's first line is the ceiling, measured again after every endpoint:
# "ratio" is to the mean of the ceilings just before and just after it ("ceiling"), because this VM's speed drifts within
# a run (/health 29,402 req/s at the start of one phase and 38,674 two minutes later, 2026-12-04); "÷ first" is to the
# first ceiling alone (the ratio of earlier runs), "÷ list" to the REST list.
run_list() {
  local first="" before="" rest_list="" ceiling_line
  ceiling_line=$(head -1 "$1")
  printf '%-62s %10s %9s %9s %9s %8s %8s %8s\n' "endpoint" "req/s" "p50 ms" "p99 ms" "ceiling" "ratio" "÷ first" "÷ list" | tee -a "$RESULTS/latest.txt"
  while IFS='|' read -r name method path body header; do
    measure "$name" "$method" "$path" "$body" "$header"
    if [ -z "$first" ]; then
      first=$rps before=$rps
      printf '%-62s %10s %9s %9s %9s %8s %8s %8s\n' "$name" "$rps" "$p50" "$p99" "$rps" "1.000" "1.000" "-" | tee -a "$RESULTS/latest.txt"
      continue
    fi
    local endpoint_rps=$rps endpoint_p50=$p50 endpoint_p99=$p99
    IFS='|' read -r cname cmethod cpath cbody cheader <<<"$ceiling_line"
    measure "$cname" "$cmethod" "$cpath" "$cbody" "$cheader"
    local ceiling
    ceiling=$(awk -v a="$before" -v b="$rps" 'BEGIN { printf "%.1f", (a + b) / 2 }')
    before=$rps
    [ "$name" != "REST list 50 paragraphs" ] || rest_list=$endpoint_rps
    ratio=$(awk -v a="$endpoint_rps" -v b="$ceiling" 'BEGIN { printf "%.3f", a / b }')
    of_first=$(awk -v a="$endpoint_rps" -v b="$first" 'BEGIN { printf "%.3f", a / b }')
    of_list=$(awk -v a="$endpoint_rps" -v b="${rest_list:-0}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else printf "-" }')
    printf '%-62s %10s %9s %9s %9s %8s %8s %8s\n' "$name" "$endpoint_rps" "$endpoint_p50" "$endpoint_p99" "$ceiling" "$ratio" "$of_first" "$of_list" \
      | tee -a "$RESULTS/latest.txt"
  done < "$1"
}

: > "$RESULTS/latest.txt"
echo "## output cache on (the default)" | tee -a "$RESULTS/latest.txt"
start_api
warm_list "$WORK/cached"
run_list "$WORK/cached"
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$API_PID/status")
echo "resident memory of the API after this phase's load: $((rss_kb / 1024)) MB" | tee -a "$RESULTS/latest.txt"
echo "## Caching__Enabled=false (the read path alone)" | tee -a "$RESULTS/latest.txt"
start_api Caching__Enabled=false
warm_list "$WORK/uncached"
run_list "$WORK/uncached"
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$API_PID/status")
echo "resident memory of the API after this phase's load: $((rss_kb / 1024)) MB" | tee -a "$RESULTS/latest.txt"
echo "($DURATION s per endpoint after $WARMUP s of warm-up on each, $CONNECTIONS connections, 2 wrk threads, SQLite, Release; saved to $RESULTS/latest.txt)"
