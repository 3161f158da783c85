#!/usr/bin/env bash
# Operations checks with a real PostgreSQL 15 cluster of our own (initdb in a temporary folder; the shared cluster is
# never touched): first-start log size, JSON logs, failed starts exit 1 with one line, read-only serving, corpus
# manifest mismatch, and the outage: the cluster stopped under load gives 503 problem+json (REST and GraphQL) and
# readiness 503, and service is back within 5 s of the cluster starting again, without restarting the API.
# Usage: tests/ops/outage.sh [API_DLL]   (default: Release build output; builds it when missing)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. tests/ops/lib.sh
API_DLL=${1:-$ROOT/src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll}
[ -f "$API_DLL" ] || dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
BASE=${OPS_PORT_BASE:-6350}
PG_PORT=$BASE
API="http://127.0.0.1:$((BASE + 1))"
WORK=$(mktemp -d /tmp/kzrights-ops-XXXXXX)
chmod 755 "$WORK"
PG_DIR=$WORK/pg
trap 'api_stop; kill $(jobs -p) 2>/dev/null; pg_stop "$PG_DIR"; rm -rf "$WORK"' EXIT
PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=kzrights;Timeout=3"
export ASPNETCORE_ENVIRONMENT=Production

pg_start "$PG_DIR" "$PG_PORT" || { echo "FAIL throwaway cluster did not start"; exit 1; }

# --- first start on SQLite from the repository root: at most 60 lines up to "Now listening", one line per request
api_start "$WORK/first.log" "$API" Database__DataDirectory="$WORK/sqlite"
wait_for "$API/health/ready" 180
curl -s -o /dev/null "$API/v1/documents?limit=2"
api_stop
lines=$(awk '/Now listening/ {print NR; exit}' "$WORK/first.log")
echo "first start: ${lines:-?} lines up to 'Now listening'"
check "first start prints at most 60 lines" test -n "$lines" -a "${lines:-999}" -le 60
check "one log line per request" test "$(grep -c 'GET /v1/documents /v1/documents 200' "$WORK/first.log")" -eq 1
check "no SQL in the default logs" bash -c "! grep -qiE 'SELECT|CREATE TABLE' '$WORK/first.log'"

api_start "$WORK/json.log" "$API" Database__DataDirectory="$WORK/sqlite" Logging__Console__FormatterName=json
wait_for "$API/health/ready" 60
api_stop
check "JSON console logs by configuration" /usr/bin/python3 -c "
import json,sys
lines=[l for l in open('$WORK/json.log') if l.strip()]
assert lines and all(json.loads(l)['Category'] for l in lines)"

# --- starts that cannot succeed: exit 1, one 'Start failed' line, no unhandled exception
failed_start() { # failed_start NAME ENV...
  local name=$1; shift
  env "$@" timeout 120 dotnet "$API_DLL" --urls "$API" >"$WORK/fail.log" 2>&1
  local rc=$?
  check "$name: exit 1 (got $rc)" test "$rc" -eq 1
  check "$name: one clear line" bash -c "[ \$(grep -c 'Start failed' '$WORK/fail.log') -eq 1 ] && ! grep -qE 'Unhandled exception|   at ' '$WORK/fail.log'"
  grep 'Start failed' "$WORK/fail.log" | cut -c1-200
}
failed_start "PostgreSQL unreachable" Database__Provider=Postgres ConnectionStrings__KzRights="Host=127.0.0.1;Port=$((BASE + 9));Username=postgres;Timeout=2" \
  Database__StartupWaitSeconds=15
check "PostgreSQL unreachable: attempts logged with backoff" bash -c "grep -q 'Database unreachable (attempt 2)' '$WORK/fail.log'"
failed_start "unwritable data directory" Database__DataDirectory=/proc/kzrights-cannot-write
/usr/bin/python3 -m http.server "$((BASE + 1))" --bind 127.0.0.1 >/dev/null 2>&1 & taken=$!
wait_for "$API/" 10
failed_start "port already taken" Database__DataDirectory="$WORK/sqlite"
kill "$taken"; wait "$taken" 2>/dev/null
ro="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=kzrights_ro;Timeout=3"
api_start "$WORK/ro-ingest.log" "$API" Database__Provider=Postgres ConnectionStrings__KzRights="$ro"
wait_for "$API/health/ready" 180
api_stop
su postgres -c "psql -h '$PG_DIR' -p $PG_PORT -qc 'ALTER DATABASE kzrights_ro SET default_transaction_read_only = on'"
failed_start "read-only database without Database:ReadOnly" Database__Provider=Postgres ConnectionStrings__KzRights="$ro"
api_start "$WORK/ro.log" "$API" Database__Provider=Postgres ConnectionStrings__KzRights="$ro" Database__ReadOnly=true
check "Database:ReadOnly serves a read-only database" wait_for "$API/v1/paragraphs/ccpr-c-kaz-co-3/20" 60
api_stop

# --- a corpus file edited after the manifest: warning at start (stored corpus served), error for ingest
cp -r data/corpus "$WORK/corpus"
first_file=$(/usr/bin/python3 -c "import json;print(json.load(open('$WORK/corpus/manifest.json'))['documents'][0]['sourceFile'])")
echo "edited" >>"$WORK/corpus/$first_file"
api_start "$WORK/mismatch.log" "$API" Database__DataDirectory="$WORK/sqlite" Corpus__Directory="$WORK/corpus"
check "manifest mismatch: start serves the stored corpus" wait_for "$API/health/ready" 60
api_stop
check "manifest mismatch: warning at start" grep -q "warn: .*Corpus file $first_file" "$WORK/mismatch.log"
Database__DataDirectory="$WORK/sqlite" Corpus__Directory="$WORK/corpus" dotnet "$API_DLL" ingest >"$WORK/ingest.log" 2>&1
check "manifest mismatch: ingest exits 1" test $? -eq 1
check "manifest mismatch: ingest names the file" grep -q "$first_file" "$WORK/ingest.log"

# --- the outage, under load
# The load comes from one address; the per-client rate limit is off so it sees only the outage (200 and 503).
api_start "$WORK/outage.log" "$API" Database__Provider=Postgres ConnectionStrings__KzRights="$PG" RateLimiting__Enabled=false
wait_for "$API/health/ready" 180 || { echo "FAIL API on the throwaway cluster did not become ready"; tail -5 "$WORK/outage.log"; exit 1; }
load() { # background load recording every status code
  while :; do
    curl -s -o /dev/null -w '%{http_code}\n' "$API/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=20"
    curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -d '{"query":"{ documents(first: 3) { nodes { id } } }"}' "$API/graphql"
  done
}
load >"$WORK/codes1" & load1=$!
load >"$WORK/codes2" & load2=$!
sleep 2
pg_stop "$PG_DIR"
sleep 2
curl -s -D "$WORK/h" -o "$WORK/b" "$API/v1/documents"
check "outage: REST answers 503" grep -q '^HTTP/1.1 503' "$WORK/h"
check "outage: problem+json with Retry-After" bash -c "grep -qi '^content-type: application/problem+json' '$WORK/h' && grep -qi '^retry-after:' '$WORK/h'"
check "outage: stable code" grep -q '"code":"DATABASE_UNAVAILABLE"' "$WORK/b"
curl -s -D "$WORK/h" -o "$WORK/b" -H 'Content-Type: application/json' -d '{"query":"{ paragraph(id: \"ccpr-c-kaz-co-3/20\") { text } }"}' "$API/graphql"
check "outage: GraphQL answers 503 problem+json" bash -c "grep -q '^HTTP/1.1 503' '$WORK/h' && grep -q DATABASE_UNAVAILABLE '$WORK/b' && ! grep -qiE 'npgsql|socket' '$WORK/b'"
check "outage: readiness 503" test "$(curl -s -o /dev/null -w '%{http_code}' "$API/health/ready")" = 503
check "outage: liveness 200" test "$(curl -s -o /dev/null -w '%{http_code}' "$API/health/live")" = 200
pg_start "$PG_DIR" "$PG_PORT"
started=$(date +%s%N)
check "recovery within 5 s of the cluster starting" wait_for "$API/v1/documents" 5
echo "recovered in $(( ($(date +%s%N) - started) / 1000000 )) ms"
check "recovery: readiness 200" wait_for "$API/health/ready" 5
sleep 2
kill "$load1" "$load2"; wait "$load1" "$load2" 2>/dev/null
sort "$WORK/codes1" "$WORK/codes2" | uniq -c
check "under load: only 200 and 503, never 500" bash -c "! grep -qvE '^(200|503)$' <(cat '$WORK/codes1' '$WORK/codes2')"
grep -E 'fail: |crit: ' "$WORK/outage.log" | cut -c1-300 | sort | uniq -c | head
check "outage: no unhandled exception logged" bash -c "! grep -qE 'Unhandled|ExceptionHandlerMiddleware|resolver failed|   at ' '$WORK/outage.log'"
api_stop
ops_summary
