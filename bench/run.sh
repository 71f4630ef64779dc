#!/usr/bin/env bash
# Benchmark of the ERP sync API and the order export, on PostgreSQL, sandbox ERP at 0 ms latency.
# Loopback only. Starts its own server (target/liberty), prints the figures, stops the server.
#   RATE=300 DURATION=60 CONNECTIONS=8 CREATE_WARMUP=240 REPLAY_SECONDS=20 REPLAY_WARMUP=120 EXPORT_SECONDS=30 \
#   EXPORT_PAGES=2000 SEED_ORDERS=1000000 bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${RATE:-300}
DURATION=${DURATION:-60}
REPLAY_SECONDS=${REPLAY_SECONDS:-20}
EXPORT_PAGES=${EXPORT_PAGES:-2000}
SEED_ORDERS=${SEED_ORDERS:-1000000}
BENCH_DB=b2bhub_bench
BASE=https://localhost:9443
ADMIN=(-sk -u "${ADMIN_USER:-hubadmin}:${ADMIN_PASSWORD:-sandbox-admin-password}")

as_postgres() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
    (cd /tmp && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@")
  else
    psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"
  fi
}

source bench/lib.sh
machine_speed
pg_isready -h 127.0.0.1 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
as_postgres -d postgres -c "ALTER USER postgres PASSWORD 'postgres'" \
  -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
ensure_autovacuum

export DB_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" DB_USER=postgres DB_PASSWORD=postgres
./mvnw -q -B -ntp -DskipTests package liberty:create liberty:deploy liberty:start
trap './mvnw -q -B liberty:stop >/dev/null 2>&1 || true; restore_autovacuum' EXIT
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:9080/health/ready)" = 200 ] && break
  sleep 1
done

created=$(curl "${ADMIN[@]}" -H 'Content-Type: application/json' \
  -d '{"partnerId":"bench-shop","name":"Bench Webshop","mode":"API","security":"oauth2",
       "contact":"bench@shop.example","rateLimit":"1000000/1s","scopes":["erp.orders:write","orders:read"]}' \
  "$BASE/api/v1/admin/partners")
client_id=$(grep -o '"clientId":"[^"]*' <<<"$created" | head -1 | cut -d'"' -f4)
secret=$(grep -o '"secret":"[^"]*' <<<"$created" | head -1 | cut -d'"' -f4)

echo "seeding $SEED_ORDERS orders for the export"
as_postgres -d "$BENCH_DB" -c "
  INSERT INTO order_sync (id, partner_id, tenant_id, order_id, applied_version, status, status_version,
                          customer_ref, currency, net_minor, tax_minor, gross_minor, line_count,
                          erp_order_id, created_at, updated_at)
  SELECT 10000000000 + g, 'bench-shop', 'seed', 'seed-' || g, 1, 'CONFIRMED', 1, 'c-' || (g % 5000),
         'EUR', 2500, 475, 2975, 1, 'ERP-O-S' || g,
         now() - interval '1 hour', now() - interval '1 hour' + g * interval '1 millisecond'
  FROM generate_series(1, $SEED_ORDERS) AS g;"
# Settle the freshly seeded table now, so autovacuum does not compete with the measurement.
as_postgres -d "$BENCH_DB" -c "VACUUM ANALYZE order_sync"
# Write the seed's dirty pages out now: a checkpoint spread over the measurement would compete
# with every commit's log flush for the disk.
as_postgres -d "$BENCH_DB" -c "CHECKPOINT"

ensure_wrk
token=$(curl -sk -u "$client_id:$secret" \
  -d 'grant_type=client_credentials&scope=erp.orders%3Awrite%20orders%3Aread' \
  "$BASE/oidc/endpoint/OP/token" | grep -o '"access_token":"[^"]*' | cut -d'"' -f4)

# Fresh-key creates at a fixed rate, sent by wrk over CONNECTIONS keep-alive connections (a
# webshop's client pool); latency counts from each request's due time. On two cores the JIT keeps
# improving for minutes, so the same rate runs unmeasured first.
export TOKEN=$token RATE CONNECTIONS=${CONNECTIONS:-8}
echo "warm-up: creates at $(( RATE / 2 )) req/s for 60 s, then at $RATE req/s for ${CREATE_WARMUP:-240} s (not counted)"
RATE=$(( RATE / 2 )) DURATION=60 TENANT=cold$(date +%s) wrk -t"$CONNECTIONS" -c"$CONNECTIONS" \
  -d61s --timeout 10s -s bench/creates.lua "$BASE" | grep '^RESULT' || true
DURATION=${CREATE_WARMUP:-240} TENANT=warm$(date +%s) wrk -t"$CONNECTIONS" -c"$CONNECTIONS" \
  -d"$(( ${CREATE_WARMUP:-240} + 1 ))"s --timeout 10s -s bench/creates.lua "$BASE" | grep '^RESULT' || true
echo "creates with fresh keys: $RATE req/s for $DURATION s over $CONNECTIONS connections"
DURATION=$DURATION TENANT=creates$(date +%s) wrk -t"$CONNECTIONS" -c"$CONNECTIONS" \
  -d"$(( DURATION + 1 ))"s --timeout 10s -s bench/creates.lua "$BASE" | grep -E '^(RESULT|TIMELINE|LAST)'

# The JVM client (no warm-up): a few creates to have keys, their replays by 32 workers, and the
# export pages.
WARMUP=0 java bench/SyncBench.java "$BASE" "$client_id" "$secret" 50 20 "$REPLAY_SECONDS" "$EXPORT_PAGES"

# Replays again, sent by wrk: the JVM client above takes a large share of the same 2 cores, so its
# replay figure understates the server. 2,000 orders are created first (one connection), then
# their keys are replayed with a rising number of connections.
export TENANT=replay$(date +%s) KEYS=2000
wrk -t1 -c1 -d40s --timeout 10s -s bench/replays.lua "$BASE" >/dev/null
echo "warm-up: replays, 16 connections for ${REPLAY_WARMUP:-120} s (not counted)"
wrk -t2 -c16 -d"${REPLAY_WARMUP:-120}"s --timeout 10s -s bench/replays.lua "$BASE" >/dev/null
for connections in 8 16 32 64; do
  result=$(wrk -t2 -c"$connections" -d"$REPLAY_SECONDS"s --timeout 10s --latency -s bench/replays.lua "$BASE" | grep '^RESULT')
  echo "replays by wrk, $connections connections: ${result#RESULT }"
done

# Export pages of 100 by wrk, one connection following the cursor from the first page: the JVM
# client's export figure above includes its own cold JIT and JSON scanning.
result=$(wrk -t1 -c1 -d"${EXPORT_SECONDS:-30}"s --timeout 10s --latency -s bench/export.lua "$BASE" | grep '^RESULT')
echo "export by wrk, pages of 100: ${result#RESULT }"
