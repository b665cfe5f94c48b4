#!/usr/bin/env bash
# bash scripts/postgres.sh [start|stop|url]: a PostgreSQL cluster for tests and benchmarks, on
# 127.0.0.1 only. Idempotent: `start` on a running cluster just prints its URL. Uses Debian's
# postgresql package (apt-get install postgresql); as root it runs the server as the postgres user.
set -euo pipefail
port=${CADENCE_PG_PORT:-54329}
dir=${CADENCE_PG_DIR:-/tmp/cadence-postgres}
password=cadence
url="postgres://cadence:${password}@127.0.0.1:${port}/cadence"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
  echo "cadence: PostgreSQL is not installed. On Debian: sudo apt-get install postgresql" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ready() { "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; }

case "${1:-start}" in
  url) echo "$url" ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null; fi
    ;;
  start)
    if ready; then echo "$url"; exit 0; fi
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      pwfile=$(mktemp)
      echo "$password" >"$pwfile"
      [ "$(id -u)" = 0 ] && chown postgres: "$pwfile"
      as_owner "$bin/initdb" -D "$dir/data" -U cadence --pwfile="$pwfile" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
      rm -f "$pwfile"
    fi
    # max_connections: every test file and server instance has its own pool.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=400" start >/dev/null
    if ! PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U cadence -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = 'cadence'" | grep -q 1; then
      PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U cadence cadence
    fi
    echo "$url"
    ;;
  *) echo "usage: bash scripts/postgres.sh [start|stop|url]" >&2; exit 2 ;;
esac
