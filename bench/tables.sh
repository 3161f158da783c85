#!/usr/bin/env bash
# Tables benchmark (issue 9 item 7; not a test, not counted by CI): on the real corpus and on a synthetic one of N
# paragraphs (the synth command, default 104,000 ≈ 100 × the corpus), ingests with the ingest command (which publishes
# a release and writes its dataset) under /usr/bin/time, then starts the API without ingest and measures, one after the
# other: streaming every indicator as CSV (GET /v1/indicators?format=csv) and downloading dataset.zip — wall time and
# bytes from curl, and the server's resident memory (VmRSS, VmHWM from /proc) before and after each.
# Usage: bash bench/tables.sh [paragraphs=104000]   (SQLite; BENCH_PORT, default 5990)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-104000}
PORT=${BENCH_PORT:-5990}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/kzrights-tables-XXXXXX)
DLL=src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$WORK"' EXIT
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Logging__LogLevel__KzRights=Information

dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
dotnet "$DLL" synth --paragraphs "$N" --out "$WORK/corpus"

memory() { awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$1/status"; }

for name in real synth; do
  corpus=$([ $name = real ] && echo "$PWD/data/corpus" || echo "$WORK/corpus")
  settings=(Database__Provider=Sqlite "ConnectionStrings__KzRights=DataSource=$WORK/$name.db" "Datasets__Directory=$WORK/datasets-$name")
  echo "== $name corpus"
  /usr/bin/time -f "%e s, peak %M KB" -o "$WORK/time" env "${settings[@]}" Corpus__Directory="$corpus" dotnet "$DLL" ingest >"$WORK/ingest.log" 2>&1 \
    || { echo "ingest failed:"; tail -5 "$WORK/ingest.log"; continue; }
  echo "ingest (parse, write, hash, publish, write the dataset): $(cat "$WORK/time")"
  grep -oE 'Wrote the dataset[^"]*' "$WORK/ingest.log" | head -1
  env "${settings[@]}" Database__IngestOnStart=false dotnet "$DLL" --urls "$BASE" >"$WORK/api.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 1; done
  curl -s "$BASE/v1/indicators?limit=1" >/dev/null
  echo "server after start and one JSON page: $(memory $pid)"
  curl -s -o /dev/null -w 'indicators CSV: %{time_total} s, %{size_download} bytes, ' "$BASE/v1/indicators?format=csv"
  echo "$(curl -s "$BASE/v1/indicators?limit=1" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])') rows"
  echo "server after the CSV: $(memory $pid)"
  curl -s -o /dev/null -w 'dataset.zip: %{time_total} s, %{size_download} bytes\n' "$BASE/v1/releases/latest/dataset/dataset.zip"
  echo "server after the zip: $(memory $pid)"
  kill "$pid"; wait "$pid" 2>/dev/null
done
