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

# How fast this machine is, printed before a benchmark starts anything: machines of one kind have
# given the same code figures three times apart, so figures of two machines compare only through
# this line. A fixed integer loop in Perl (on every Debian machine), the best of three on an idle
# machine (a single run varied by a third).
machine_speed() {
  local t0 t1 best=0 ms
  for _ in 1 2 3; do
    t0=$(date +%s%N)
    perl -e 'my $s = 0; for my $i (1 .. 20_000_000) { $s += $i ^ ($s >> 3) }'
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ "$best" = 0 ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs));" \
    "speed probe $best ms (a fixed Perl loop on one idle core, best of 3; lower is faster)"
}

# wrk, Debian's HTTP load generator, installed if missing.
ensure_wrk() {
  command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
}

# The CPU the server spends on one trivial HTTPS request (GET /health/live over 8 keep-alive
# connections, 20 s after a 20 s warm-up): the floor under every HTTP call in the hub, the sandbox
# ERP's included, on this machine.
http_floor() {
  local pid=$1 before after requests
  ensure_wrk
  wrk -t1 -c8 -d20s https://localhost:9443/health/live >/dev/null 2>&1
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  requests=$(wrk -t1 -c8 -d20s https://localhost:9443/health/live 2>&1 | awk '/requests in/ {print $1}')
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  awk -v r="$requests" -v t=$(( (after - before) * 1000 / $(getconf CLK_TCK) )) \
    'BEGIN { printf "  HTTPS floor: %d trivial requests in 20 s (%.0f/s); the server spent %.2f ms of CPU on each\n", r, r / 20, t / r }'
}
