#!/usr/bin/env bash
# Scale run (not a test, not counted by CI; bench/README.md has the results). Multiplies the corpus to N paragraphs with
# the synth command; per provider, ingests the real and the synthetic corpus (wall time and peak memory from
# /usr/bin/time, and the ingest's own progress lines: time, heap, RSS and peak per step), reports the database size, then
# serves each database without the output cache (every answer from the database) and measures with wrk a keyset page
# half-way through /v1/paragraphs (p50 at N ÷ p50 at the real corpus is the paging target, ≤ 1.5) and ten searches
# (p95 target < 50 ms), and with curl every indicator as CSV and the release's dataset.zip: time, bytes and the
# server's VmRSS/VmHWM before and after (memory must not grow with the rows). PostgreSQL gets databases of its own on
# the server of KZRIGHTS_TEST_POSTGRES, dropped at the end unless BENCH_KEEP_DATABASES=1. Searches: one frequent word,
# a frequent phrase and one with a stop word in it, two frequent words that are not a phrase, three words of a phrase
# (each ranked by the ingest on PostgreSQL once frequent enough: Ingest:RankedSearchMinMatches), two searches of three
# frequent words that are not a phrase (on PostgreSQL ranked by the ingest once in twice that many records together, else
# from their pairs' rankings when that is provably the same, else live), a rare Russian word, a frequent word
# whose stem is not its own stem (committee → committe → committ) and a form of a frequent Russian stem (права, stem прав).
# Usage: bash bench/scale.sh [paragraphs=10000] [providers="sqlite postgres"]   (BENCH_PORT, default 6390)
# With BENCH_KEEP_DATABASES=1 the PostgreSQL databases kzrights_scale_<pid>_{real,synth} are left for later measurements.
# The default size takes about 5 minutes on an idle 2-core machine; 100000 takes much longer (see bench/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
PROVIDERS=${2:-sqlite postgres}
PORT=${BENCH_PORT:-6390}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/kzrights-scale-XXXXXX)
SERVER=${KZRIGHTS_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=kzrights;Database=postgres}
DB=kzrights_scale_$$
DLL=src/KzRights.Api/bin/Release/net10.0/KzRights.Api.dll
LUA=bench/percentiles.lua
drop_databases() {
  PGPASSWORD=kzrights psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${DB}_real WITH (FORCE)" \
    -c "DROP DATABASE IF EXISTS ${DB}_synth WITH (FORCE)" >/dev/null 2>&1
}
trap 'kill $(jobs -p) 2>/dev/null; [ "${BENCH_KEEP_DATABASES:-}" = 1 ] || drop_databases; rm -rf "$WORK"' EXIT
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning

dotnet build src/KzRights.Api -c Release -v q -nologo >/dev/null
dotnet "$DLL" synth --paragraphs "$N" --out "$WORK/corpus"
echo "corpus: $(du -sh "$WORK/corpus" | cut -f1)"

env_for() { # provider corpus-name
  echo "Datasets__Directory=$WORK/datasets-$1-$2"
  case $1 in
    sqlite) echo "Database__Provider=Sqlite ConnectionStrings__KzRights=DataSource=$WORK/$2.db" ;;
    postgres) echo "Database__Provider=Postgres ConnectionStrings__KzRights=${SERVER%Database=*}Database=${DB}_$2" ;;
  esac
}

memory() { awk '/^VmRSS|^VmHWM/ {printf "%s %d MB  ", $1, $2 / 1024}' "/proc/$1/status"; }

measure() { # provider corpus-name: serves the database and prints every read measurement
  local provider=$1 name=$2 cursor="" total pid
  # shellcheck disable=SC2046
  env $(env_for "$provider" "$name") Database__IngestOnStart=false RateLimiting__Enabled=false Caching__Enabled=false \
    dotnet "$DLL" --urls "$BASE" >"$WORK/api.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 1; done
  total=$(curl -s "$BASE/v1/paragraphs?limit=1" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  for _ in $(seq 1 $((total / 2 / 500))); do
    cursor=$(curl -s "$BASE/v1/paragraphs?limit=500${cursor:+&cursor=$cursor}" | /usr/bin/python3 -c \
      'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["nextCursor"] or "", safe=""))')
  done
  echo "  $name: $total paragraphs; server after start: $(memory $pid)"
  echo "  $name keyset page of 50 half-way (wrk -t1 -c4 -d10s): $(wrk -t1 -c4 -d10s -s $LUA "$BASE/v1/paragraphs?limit=50${cursor:+&cursor=$cursor}" | tail -1)"
  for q in women 'death%20penalty' 'freedom%20of%20expression' 'court%20women' 'rights%20of%20persons%20with%20disabilities' \
    'law%20rights%20women' '%D0%BA%D0%B2%D0%BE%D1%82%D0%BE%D0%B9' 'women%20children%20rights' committee '%D0%BF%D1%80%D0%B0%D0%B2%D0%B0'; do
    echo "  $name search q=$q limit=20 (wrk -t1 -c1 -d10s): total $(curl -s "$BASE/v1/search?q=$q&limit=1" | /usr/bin/python3 -c \
      'import json,sys; print(json.load(sys.stdin)["total"])'), $(wrk -t1 -c1 -d10s -s $LUA "$BASE/v1/search?q=$q&limit=20" | tail -1)"
  done
  echo "  $name server before the CSV: $(memory $pid)"
  local fetched='%{time_total} s, %{size_download} bytes'
  echo "  $name indicators CSV: $(curl -s -o /dev/null -w "$fetched" "$BASE/v1/indicators?format=csv"); server after: $(memory $pid)"
  echo "  $name dataset.zip: $(curl -s -o /dev/null -w "$fetched" "$BASE/v1/releases/latest/dataset/dataset.zip"); server after: $(memory $pid)"
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
  echo "steps of the synthetic ingest (time since start, heap, resident memory now and at its peak when each began):"
  grep -E '^\[' "$WORK/ingest-synth.log" | grep -v '  lines sections' | sed 's/^/  /'
  tail -1 "$WORK/ingest-synth.log" | sed 's/^/  /'
  case $provider in
    sqlite) echo "database size: $(du -h "$WORK/synth.db" | cut -f1) (real corpus $(du -h "$WORK/real.db" | cut -f1))" ;;
    postgres) echo "database size: $(PGPASSWORD=kzrights psql -h 127.0.0.1 -U postgres -Atc "SELECT pg_size_pretty(pg_database_size('${DB}_synth'))") \
(real corpus $(PGPASSWORD=kzrights psql -h 127.0.0.1 -U postgres -Atc "SELECT pg_size_pretty(pg_database_size('${DB}_real'))"))" ;;
  esac
  measure "$provider" real
  measure "$provider" synth
  if [ "$provider" = postgres ] && [ "${BENCH_KEEP_DATABASES:-}" != 1 ]; then drop_databases; fi
done
