#!/usr/bin/env bash
# A throwaway local PostgreSQL server for the test suite.
#
#   scripts/postgres-test-server.sh start DIR   # prints the environment to export
#   scripts/postgres-test-server.sh stop DIR
#
# Installs Debian's postgresql package when no server is found (needs root and apt-get), creates
# a cluster in DIR listening on 127.0.0.1 only, and a database and user "cifras".
set -euo pipefail

action="${1:?start|stop}"
dir="${2:?data folder}"
port="${CIFRAS_TEST_PG_PORT:-55432}"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    bin="$(find_bin)"
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
      echo "PostgreSQL not found: installing it with apt-get" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq postgresql >&2
      bin="$(find_bin)"
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; fi
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir/cluster" -U postgres -A trust -E UTF8 --locale=C >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/cluster" -l "$dir/cluster/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/cluster" start >&2
    "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE USER cifras PASSWORD 'cifras'" -c "CREATE DATABASE cifras OWNER cifras" >&2
    echo "export CIFRAS_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/cifras"
    echo "export CIFRAS_TEST_PG_USER=cifras"
    echo "export CIFRAS_TEST_PG_PASSWORD=cifras"
    ;;
  stop)
    bin="$(find_bin)"
    if [ -n "$bin" ] && [ -d "$dir/cluster" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/cluster" -m fast -w stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
