#!/usr/bin/env bash
# A throwaway local Redis server for tests and local clusters. Source this file (after
# scripts/postgres.sh, which defines apt_install), then:
#   redis_throwaway_start   # sets REDIS_THROWAWAY_PORT and REDIS_THROWAWAY_URL (host:port)
#   redis_throwaway_stop    # stops the server and deletes its data directory
# Installs the Debian package redis-server when it is missing. The server listens on 127.0.0.1
# only, with append-only persistence (Orleans' membership stalls on a Redis that loses its data,
# dotnet/orleans#7784), and no password, so never point it at real data.

REDIS_THROWAWAY_DIR=""
REDIS_THROWAWAY_PORT=""
REDIS_THROWAWAY_URL=""

redis_throwaway_start() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server not found; installing it." >&2
    apt_install redis-server
  fi

  REDIS_THROWAWAY_DIR=$(mktemp -d "${TMPDIR:-/tmp}/reservations-redis.XXXXXX")
  local port
  for port in $(shuf -i 46000-49999 -n 20); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    redis-server --bind 127.0.0.1 --port "$port" --dir "$REDIS_THROWAWAY_DIR" --appendonly yes \
      --save "" --daemonize yes --pidfile "$REDIS_THROWAWAY_DIR/redis.pid" \
      --logfile "$REDIS_THROWAWAY_DIR/redis.log" >/dev/null || continue
    local attempt
    for attempt in $(seq 1 50); do
      if [[ $(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null) == PONG ]]; then
        REDIS_THROWAWAY_PORT=$port
        REDIS_THROWAWAY_URL="127.0.0.1:$port"
        echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) ready on $REDIS_THROWAWAY_URL" >&2
        return 0
      fi
      sleep 0.1
    done
  done
  echo "error: could not start Redis; log:" >&2
  cat "$REDIS_THROWAWAY_DIR/redis.log" >&2 2>/dev/null || true
  return 1
}

redis_throwaway_stop() {
  if [[ -n $REDIS_THROWAWAY_PORT ]]; then
    redis-cli -h 127.0.0.1 -p "$REDIS_THROWAWAY_PORT" shutdown nosave >/dev/null 2>&1 || true
  fi
  if [[ -n $REDIS_THROWAWAY_DIR && -d $REDIS_THROWAWAY_DIR ]]; then
    rm -rf "$REDIS_THROWAWAY_DIR"
  fi
  REDIS_THROWAWAY_DIR=""
  REDIS_THROWAWAY_PORT=""
}
