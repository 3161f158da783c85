#!/usr/bin/env bash
# Scale run (not a test, not counted by CI): multiplies the corpus to N paragraphs with the synth command, ingests it
# into SQLite and PostgreSQL (its own database on the server of KZRIGHTS_TEST_POSTGRES, dropped afterwards) measuring
# wall time and peak memory (/usr/bin/time), reports the database size, and compares the keyset page p50 (a page deep
# in /v1/paragraphs, wrk) at that size with the same page request on the real corpus.
# Usage: bash bench/scale.sh [paragraphs=100000] [providers="sqlite postgres"]
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
PROVIDERS=${2:-sqlite postgres}
PORT=${BENCH_PORT:-6390}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/kzrights-scale-XXXXXX)
SERVER=${KZRIGHTS_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=kzrights;Database=postgres}
DB=kzrights_scale_$$
DLL=src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll
trap 'kill $(jobs -p) 2>/dev/null; PGPASSWORD=kzrights psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${DB}_real WITH (FORCE)" -c "DROP DATABASE IF EXISTS ${DB}_synth WITH (FORCE)" >/dev/null 2>&1; rm -rf "$WORK"' EXIT
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning

dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
dotnet "$DLL" synth --paragraphs "$N" --out "$WORK/corpus"
echo "corpus: $(du -sh "$WORK/corpus" | cut -f1)"

env_for() { # provider corpus-name
  case $1 in
    sqlite) echo "Database__Provider=Sqlite ConnectionStrings__KzRights=DataSource=$WORK/$2.db" ;;
    postgres) echo "Database__Provider=Postgres ConnectionStrings__KzRights=${SERVER%Database=*}Database=${DB}_$2" ;;
  esac
}

p50_deep_page() { # provider corpus-name: p50 (ms) of a /v1/paragraphs page half-way through the collection
  local provider=$1 name=$2 cursor="" total
  # shellcheck disable=SC2046
  env $(env_for "$provider" "$name") Database__IngestOnStart=false RateLimiting__Enabled=false \
    dotnet "$DLL" --urls "$BASE" >"$WORK/api.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 1; done
  total=$(curl -s "$BASE/v1/paragraphs?limit=1" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  for _ in $(seq 1 $((total / 2 / 500))); do
    cursor=$(curl -s "$BASE/v1/paragraphs?limit=500${cursor:+&cursor=$cursor}" | /usr/bin/python3 -c \
      'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["nextCursor"] or "", safe=""))')
  done
  wrk -t1 -c4 -d10s --latency "$BASE/v1/paragraphs?limit=50${cursor:+&cursor=$cursor}" | awk '/^ +50%/ {print $2}'
  kill "$pid"; wait "$pid" 2>/dev/null
}

for provider in $PROVIDERS; do
  echo "== $provider"
  for name in real synth; do
    corpus=$([ $name = real ] && echo "$PWD/data/corpus" || echo "$WORK/corpus")
    # shellcheck disable=SC2046
    /usr/bin/time -f "%e s, peak %M KB" -o "$WORK/time" env $(env_for "$provider" "$name") Corpus__Directory="$corpus" \
      dotnet "$DLL" ingest >"$WORK/ingest-$name.log" 2>&1 || { echo "ingest failed:"; tail -3 "$WORK/ingest-$name.log"; continue 2; }
    echo "$name corpus ingest: $(cat "$WORK/time") — $(tail -1 "$WORK/ingest-$name.log" | grep -oE '[0-9]+ paragraphs')"
  done
  case $provider in
    sqlite) echo "database size: $(du -h "$WORK/synth.db" | cut -f1)" ;;
    postgres) echo "database size: $(PGPASSWORD=kzrights psql -h 127.0.0.1 -U postgres -Atc "SELECT pg_size_pretty(pg_database_size('${DB}_synth'))")" ;;
  esac
  real=$(p50_deep_page "$provider" real)
  synth=$(p50_deep_page "$provider" synth)
  echo "keyset page p50 half-way: real corpus $real, synthetic $synth"
  [ "$provider" = postgres ] && PGPASSWORD=kzrights psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${DB}_real WITH (FORCE)" -c "DROP DATABASE IF EXISTS ${DB}_synth WITH (FORCE)" >/dev/null
done
