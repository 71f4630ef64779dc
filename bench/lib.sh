# Shared by the benchmark scripts: PostgreSQL access, a fresh database, and the server's readiness.

# psql as the postgres user, over the socket when running as root (works with peer/scram setups).
as_postgres() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    (cd /tmp && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@")
  else
    psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"
  fi
}

# Starts PostgreSQL if needed and gives the server an empty database named $1.
fresh_database() {
  pg_isready -h 127.0.0.1 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
  as_postgres -d postgres -c "ALTER USER postgres PASSWORD 'postgres'" \
    -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
  export DB_URL="jdbc:postgresql://127.0.0.1:5432/$1" DB_USER=postgres DB_PASSWORD=postgres
}

wait_ready() {
  for _ in $(seq 1 180); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:9080/health/ready)" = 200 ] && return 0
    sleep 1
  done
  echo "server not ready" >&2
  return 1
}

# Production PostgreSQL vacuums and analyzes as tables grow; a machine with autovacuum off would
# measure dead index entries piling up and plans made on empty tables, not the hub. Turned on for
# the run (server-wide, so the previous setting is put back by restore_autovacuum on exit).
AUTOVACUUM_WAS=""
ensure_autovacuum() {
  AUTOVACUUM_WAS=$(as_postgres -d postgres -Atc "SHOW autovacuum")
  if [ "$AUTOVACUUM_WAS" != on ]; then
    echo "PostgreSQL autovacuum is off on this machine: on for this benchmark, restored afterwards"
    as_postgres -d postgres -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
  fi
}
restore_autovacuum() {
  if [ -n "$AUTOVACUUM_WAS" ] && [ "$AUTOVACUUM_WAS" != on ]; then
    as_postgres -d postgres -c "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" >/dev/null || true
  fi
}
