# Shared by the operations scripts: checks that print PASS/FAIL lines (.ci/run counts them), a throwaway
# PostgreSQL 15 cluster of our own (never the shared one), and starting/stopping API processes.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ops_passed=0
ops_failed=0

check() { # check NAME COMMAND...: runs the command, PASS when it succeeds
  local name=$1; shift
  if "$@"; then echo "PASS $name"; ops_passed=$((ops_passed + 1)); else echo "FAIL $name"; ops_failed=$((ops_failed + 1)); fi
}

ops_summary() {
  echo "ops: $ops_passed passed, $ops_failed failed"
  [ "$ops_failed" -eq 0 ]
}

# pg_start DIR PORT: creates (first time) and starts a cluster owned by postgres in DIR, listening on 127.0.0.1:PORT.
pg_start() {
  local dir=$1 port=$2
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir" && chown postgres "$dir" && chmod 700 "$dir"
    su postgres -c "$PG_BIN/initdb -D '$dir' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null || return 1
  fi
  su postgres -c "$PG_BIN/pg_ctl -D '$dir' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1\" start" >/dev/null
}

pg_stop() { su postgres -c "$PG_BIN/pg_ctl -D '$1' -m fast -w stop" >/dev/null 2>&1; }

# api_start LOG URL ENV...: starts the built API with extra environment, in the background; sets api_pid.
api_start() {
  local log=$1 url=$2; shift 2
  env "$@" dotnet "$API_DLL" --urls "$url" >"$log" 2>&1 &
  api_pid=$!
}

# wait_for URL SECONDS [STATUS]: polls until the URL answers STATUS (200 by default).
wait_for() {
  local url=$1 seconds=$2 want=${3:-200}
  for _ in $(seq 1 $((seconds * 5))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = "$want" ] && return 0
    sleep 0.2
  done
  return 1
}

api_stop() { [ -n "${api_pid:-}" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null; api_pid=; return 0; }
