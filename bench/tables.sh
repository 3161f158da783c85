#!/usr/bin/env bash
# Tables benchmark (issue 9 item 7; not a test, not counted by CI). Ingests the real corpus into SQLite (the ingest
# publishes a release and writes its dataset), then for each multiplier M copies every indicator row M-1 times under
# new ids in the database (a 100-fold synthetic corpus cannot be ingested yet: see bench/README.md), writes the latest
# release's dataset again with the dataset command under /usr/bin/time, starts the API without ingest and measures one
# after the other: streaming every indicator as CSV (GET /v1/indicators?format=csv) and downloading dataset.zip — wall
# time and bytes from curl, the server's resident memory (VmRSS, and its peak VmHWM, from /proc) before and after each.
# Usage: bash bench/tables.sh [multipliers="1 100 1000"]   (BENCH_PORT, default 5990)
set -uo pipefail
cd "$(dirname "$0")/.."
MULTIPLIERS=${1:-1 100 1000}
PORT=${BENCH_PORT:-5990}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/kzrights-tables-XXXXXX)
DLL=src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Logging__LogLevel__KzRights=Information
export Database__Provider=Sqlite ConnectionStrings__KzRights="DataSource=$WORK/kzrights.db" Datasets__Directory="$WORK/datasets"

dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
/usr/bin/time -f "%e s, peak %M KB" -o "$WORK/time" dotnet "$DLL" ingest >"$WORK/ingest.log" 2>&1 || { tail -5 "$WORK/ingest.log"; exit 1; }
echo "ingest of the real corpus (parse, write, hash, publish, write the dataset): $(cat "$WORK/time")"

memory() { awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$1/status"; }
multiply() { # M: every original indicator (ids without '/x') copied M-1 times, ids and sort keys suffixed /x<n>
  local select
  select=$(sqlite3 "$WORK/kzrights.db" "SELECT group_concat(CASE name WHEN 'Id' THEN 'Id || ''/x'' || n'
    WHEN 'SortKey' THEN 'SortKey || ''/x'' || printf(''%06d'', n)' ELSE '\"' || name || '\"' END, ',') FROM pragma_table_info('indicators')")
  sqlite3 "$WORK/kzrights.db" "DELETE FROM indicators WHERE Id LIKE '%/x%';
    WITH RECURSIVE copies(n) AS (SELECT 1 WHERE $1 > 1 UNION ALL SELECT n + 1 FROM copies WHERE n < $1 - 1)
    INSERT INTO indicators SELECT $select FROM indicators, copies;"
}

for m in $MULTIPLIERS; do
  multiply "$m"
  echo "== indicators × $m: $(sqlite3 "$WORK/kzrights.db" 'SELECT count(*) FROM indicators') rows"
  /usr/bin/time -f "%e s, peak %M KB" -o "$WORK/time" dotnet "$DLL" dataset >"$WORK/dataset.log" 2>&1 || { tail -5 "$WORK/dataset.log"; exit 1; }
  zip_bytes=$(grep -E '^dataset.zip' "$WORK/dataset.log" | awk '{print $2}')
  echo "dataset command (every table × 3 formats, datapackage.json, zip): $(cat "$WORK/time"), zip $zip_bytes bytes"
  Database__IngestOnStart=false dotnet "$DLL" --urls "$BASE" >"$WORK/api.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 1; done
  curl -s -o /dev/null "$BASE/v1/indicators?limit=1"
  echo "server after start and one JSON page: $(memory $pid)"
  curl -s -o /dev/null -w 'indicators CSV: %{time_total} s, %{size_download} bytes\n' "$BASE/v1/indicators?format=csv"
  echo "server after the CSV: $(memory $pid)"
  curl -s -o /dev/null -w 'dataset.zip: %{time_total} s, %{size_download} bytes\n' "$BASE/v1/releases/latest/dataset/dataset.zip"
  echo "server after the zip: $(memory $pid)"
  kill "$pid"; wait "$pid" 2>/dev/null
done
