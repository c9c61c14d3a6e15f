#!/usr/bin/env bash
# A throwaway local PostgreSQL server for tests and local runs. Source this file, then:
#   pg_throwaway_start   # sets PG_THROWAWAY_PORT and PG_THROWAWAY_URL (an Npgsql connection string)
#   pg_throwaway_stop    # stops the server and deletes its data directory
# Installs the server with apt-get when /usr/lib/postgresql/*/bin/initdb is missing. As root, the
# server runs as the `postgres` OS user (PostgreSQL refuses to run as root); it listens on
# 127.0.0.1 only and trusts every local connection, so never point it at real data.

PG_THROWAWAY_DIR=""
PG_THROWAWAY_PORT=""
PG_THROWAWAY_URL=""
PG_THROWAWAY_BIN=""

_pg_apt_updated=""

apt_install() {
  if [[ $EUID -ne 0 ]]; then
    echo "error: need root to apt-get install $*" >&2
    return 1
  fi
  if [[ -z $_pg_apt_updated ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update
    _pg_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

_pg_find_bin() {
  local initdb
  initdb=$(ls -1 /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $initdb ]] && PG_THROWAWAY_BIN=$(dirname "$initdb")
}

_pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_pg_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_throwaway_start() {
  if ! _pg_find_bin; then
    echo "PostgreSQL server binaries not found; installing them." >&2
    apt_install postgresql
    _pg_find_bin || { echo "error: initdb still missing after installing postgresql" >&2; return 1; }
  fi
  if [[ $EUID -eq 0 ]] && ! id -u postgres >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
  fi

  PG_THROWAWAY_DIR=$(mktemp -d "${TMPDIR:-/tmp}/reservations-pg.XXXXXX")
  if [[ $EUID -eq 0 ]]; then
    chown postgres: "$PG_THROWAWAY_DIR"
  fi
  _pg_as_owner "$PG_THROWAWAY_BIN/initdb" -D "$PG_THROWAWAY_DIR/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_THROWAWAY_DIR/initdb.log" 2>&1 || {
    cat "$PG_THROWAWAY_DIR/initdb.log" >&2
    return 1
  }

  # A throwaway server: fsync off for speed (no test relies on PostgreSQL surviving power loss),
  # unless PG_THROWAWAY_DURABLE=1 (benchmarks measure a durable server); many connections because
  # tests race up to a hundred writers.
  local port options durability="-c fsync=off"
  [[ ${PG_THROWAWAY_DURABLE:-0} == 1 ]] && durability=
  for port in 55432 $(shuf -i 55433-59999 -n 20); do
    _pg_port_in_use "$port" && continue
    options="-c listen_addresses=127.0.0.1 -p $port -k $PG_THROWAWAY_DIR -c max_connections=300 $durability"
    if _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -l "$PG_THROWAWAY_DIR/server.log" \
      -o "$options" -w -t 60 start >/dev/null; then
      PG_THROWAWAY_PORT=$port
      break
    fi
  done
  if [[ -z $PG_THROWAWAY_PORT ]]; then
    echo "error: could not start PostgreSQL; server log:" >&2
    cat "$PG_THROWAWAY_DIR/server.log" >&2 || true
    return 1
  fi

  local attempt
  for attempt in $(seq 1 60); do
    if "$PG_THROWAWAY_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_THROWAWAY_PORT" -t 1; then
      PG_THROWAWAY_URL="Host=127.0.0.1;Port=$PG_THROWAWAY_PORT;Username=postgres;Database=postgres"
      echo "PostgreSQL $("$PG_THROWAWAY_BIN/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$PG_THROWAWAY_PORT" >&2
      return 0
    fi
    sleep 0.5
  done
  echo "error: PostgreSQL did not become ready on port $PG_THROWAWAY_PORT" >&2
  return 1
}

pg_throwaway_stop() {
  if [[ -n $PG_THROWAWAY_DIR && -d $PG_THROWAWAY_DIR ]]; then
    if [[ -f $PG_THROWAWAY_DIR/data/postmaster.pid ]]; then
      _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_THROWAWAY_DIR"
  fi
  PG_THROWAWAY_DIR=""
}
