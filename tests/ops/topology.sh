#!/usr/bin/env bash
# The deploy/compose.yaml topology without containers: the ingest run once, then two API processes from the
# `dotnet publish` output (corpus laid out as the image bakes it in) against the real PostgreSQL, behind nginx running
# deploy/nginx/nginx.conf (upstream addresses and listen port replaced). Checks: the config passes `nginx -t`, both
# instances answer the same data, nginx spreads requests over both, they share one Redis output cache (a read cached by
# one is a hit on the other), no request fails while one instance is killed, and reads still succeed once Redis is
# stopped (answered from the database, uncached).
# Usage: tests/ops/topology.sh   (PostgreSQL from KZRIGHTS_TEST_POSTGRES or 127.0.0.1:5432 postgres/kzrights)
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. tests/ops/lib.sh
BASE=$(( ${OPS_PORT_BASE:-6350} + 10 ))
NGINX="http://127.0.0.1:$BASE"
API1="http://127.0.0.1:$((BASE + 1))"
API2="http://127.0.0.1:$((BASE + 2))"
REDIS_PORT=$((BASE + 3))
WORK=$(mktemp -d /tmp/kzrights-topology-XXXXXX)
DB=kzrights_topology_$(date +%s)_$$
SERVER=${KZRIGHTS_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=kzrights;Database=postgres}
CS="${SERVER%Database=*}Database=$DB"
CS=${CS//;;/;}
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
  wait 2>/dev/null
  PGPASSWORD=kzrights psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__KzRights="$CS"

dotnet publish src/KzRights.Api -c Release -o "$WORK/app" -v q -nologo >/dev/null || { echo "FAIL dotnet publish"; exit 1; }
mkdir -p "$WORK/app/data" && cp -r data/corpus "$WORK/app/data/corpus"
cd "$WORK/app"

dotnet KzRights.Api.dll ingest >"$WORK/ingest.log" 2>&1
check "ingest runs once as its own process" test $? -eq 0
tail -1 "$WORK/ingest.log" | cut -c1-160

wait_for_redis() { for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0; sleep 0.2; done; return 1; }
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no --pidfile "$WORK/redis.pid" >/dev/null
check "redis-server started" wait_for_redis
# All the load below comes from this one address. With the per-client limit (300 a minute per instance) a fast machine's
# curl loop got 429s once instance 1 was killed (CI run 36: 383 × 200, then 119 × 429), which says nothing of failover.
for n in 1 2; do
  Caching__Redis="127.0.0.1:$REDIS_PORT" Caching__RedisPrefix="kzrights-topology-$$:" Database__IngestOnStart=false RateLimiting__Enabled=false \
    dotnet KzRights.Api.dll --urls "http://127.0.0.1:$((BASE + n))" >"$WORK/api$n.log" 2>&1 &
  pids+=($!)
done
check "instance 1 ready" wait_for "$API1/health/ready" 120
check "instance 2 ready" wait_for "$API2/health/ready" 120

sed -e "s/server api1:8080/server 127.0.0.1:$((BASE + 1))/" -e "s/server api2:8080/server 127.0.0.1:$((BASE + 2))/" \
  -e "s/listen 80;/listen 127.0.0.1:$BASE;/" "$ROOT/deploy/nginx/nginx.conf" >"$WORK/nginx.conf"
nginx_args=(-c "$WORK/nginx.conf" -p "$WORK" -g "pid $WORK/nginx.pid; error_log $WORK/nginx-error.log;")
check "nginx -t accepts deploy/nginx/nginx.conf" nginx -t -q "${nginx_args[@]}"
nginx "${nginx_args[@]}"
wait_for "$NGINX/health/live" 10

same() { # same PATH: both instances answer byte-identical bodies
  [ "$(curl -s "$API1$1" | sha256sum)" = "$(curl -s "$API2$1" | sha256sum)" ] && [ -n "$(curl -s "$API1$1")" ]
}
check "same data from both: documents" same "/v1/documents"
check "same data from both: a paragraph" same "/v1/paragraphs/ccpr-c-kaz-co-3/20"
check "same data from both: search" same "/v1/search?q=torture&limit=5"
check "same data from both: the dataset the ingest wrote" same "/v1/releases/latest/dataset"
zip_hash() { # BASE_URL: SHA-256 of the latest dataset.zip it serves, nothing when the download fails
  curl -sf -o "$WORK/zip" "$1/v1/releases/latest/dataset/dataset.zip" && sha256sum <"$WORK/zip"
}
check "both instances serve the same dataset.zip" bash -c "[ '$(zip_hash "$API1")' = '$(zip_hash "$API2")' ] && [ -n '$(zip_hash "$API1")' ]"
hits() { # the output-cache hits an instance counted
  curl -s "$1/metrics" | awk '/^kzrights_output_cache_requests_total\{.*result="hit"/ { n += $NF } END { print n + 0 }'
}
before=$(hits "$API2")
curl -s -o /dev/null "$API1/v1/paragraphs?document=cedaw-c-kaz-rq-6&limit=11"
curl -s -o /dev/null "$API2/v1/paragraphs?document=cedaw-c-kaz-rq-6&limit=11"
check "a read cached by instance 1 is an output-cache hit on instance 2 (shared Redis)" test "$(hits "$API2")" -gt "$before"
for _ in $(seq 1 20); do curl -s -o /dev/null "$NGINX/v1/themes?limit=3"; done
check "nginx spreads requests over both instances" bash -c \
  "grep -q 'GET /v1/themes' '$WORK/api1.log' && grep -q 'GET /v1/themes' '$WORK/api2.log'"

( while :; do curl -s -o /dev/null -w '%{http_code}\n' "$NGINX/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=10"; done ) >"$WORK/codes" &
load=$!
sleep 2
kill -9 "${pids[0]}"
sleep 3
kill "$load"; wait "$load" 2>/dev/null
sort "$WORK/codes" | uniq -c
check "no failed request while instance 1 is killed" bash -c "[ -s '$WORK/codes' ] && ! grep -qv '^200$' '$WORK/codes'"
check "nginx still serves from instance 2" test "$(curl -s -o /dev/null -w '%{http_code}' "$NGINX/v1/documents")" = 200

# Redis is a cache: when it goes away, reads are answered from the database (uncached), not failed.
kill "$(cat "$WORK/redis.pid")" && rm -f "$WORK/redis.pid"
codes=""
for n in 1 2 3 4 5; do
  codes+="$(curl -s -m 30 -o /dev/null -w '%{http_code} ' "$API2/v1/paragraphs?document=ccpr-c-kaz-co-3&limit=$((20 + n))")"
done
echo "answers with Redis stopped: $codes"
check "with Redis stopped, instance 2 still answers every read" test "$codes" = "200 200 200 200 200 "
skipped=$(curl -s "$API2/metrics" | awk '/^kzrights_output_cache_store_failures_total/ { n += $NF } END { print n + 0 }')
check "and counts the cache operations it skipped ($skipped)" test "$skipped" -gt 0
ops_summary
