# shellcheck shell=bash
# A disposable PostgreSQL cluster in a temporary directory, on a free port, stopped on exit.
# PostgreSQL refuses to run as root, so as root it runs as the 'postgres' system user.

PG_TMP=''
PG_BIN=''

pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_throwaway_postgres() {
  [ -n "$PG_TMP" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  PG_TMP=''
}

# On success exports DATABASE_URL. The caller traps stop_throwaway_postgres on EXIT.
start_throwaway_postgres() {
  # PostgreSQL 15 is the production target; fall back to the newest installed major.
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then
    PG_BIN=/usr/lib/postgresql/15/bin
  else
    PG_BIN=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -1)
  fi
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  if [ "$(id -u)" = 0 ] && ! id -u postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  local port
  port=$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  PG_TMP=$(mktemp -d /tmp/demeure-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_TMP"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 ||
    { cat "$PG_TMP/initdb.log" >&2; return 1; }
  # Durability is pointless for a throwaway cluster; turning it off speeds the suite up.
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PG_TMP/server.log" >&2; return 1; }
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') started on port $port"
}
