#!/usr/bin/env bash
# Benchmark of the event path on PostgreSQL, sandbox ERP at 5 ms:
# HTTP ingest → outbox → relay → JMS → consumer → ERP → erp.order.synced.v1 in the outbox.
# Three phases: steady load; the same with the server killed (kill -9) and restarted midway;
# the same with the sandbox failing 30% of calls with 503. Loopback only; prints the figures.
#   RATE=500 DURATION=120 BATCH=10 KILL_AT=60 bash bench/events.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${RATE:-500}
DURATION=${DURATION:-120}
BATCH=${BATCH:-10}
KILL_AT=${KILL_AT:-60}
DRAIN_LIMIT=${DRAIN_LIMIT:-900}
WARMUP=${WARMUP:-180}
WARMUP_RATE=${WARMUP_RATE:-100}
# Steady phase at each of these rates in turn (each on a drained server); the figure is the highest
# rate whose lag p95 stays within 1 s.
STEADY_RATES=${STEADY_RATES:-$RATE}
PHASES=${PHASES:-steady,kill,flaky}
# ERP=stub: the ERP is bench/ErpStub.java in a JVM of its own (plain HTTP, 5 ms), as in production
# the ERP is another system, instead of the sandbox ERP served by the hub itself. Only the steady and
# kill phases apply (the 503 share is the sandbox's).
ERP=${ERP:-sandbox}
STUB_PORT=${STUB_PORT:-9555}
BENCH_DB=b2bhub_events_bench
BASE=https://localhost:9443
ADMIN=(-sk -u "${ADMIN_USER:-hubadmin}:${ADMIN_PASSWORD:-sandbox-admin-password}")
SERVER=target/liberty/wlp/bin/server

source bench/lib.sh
sql() { as_postgres -d "$BENCH_DB" -At -c "$1"; }
machine_speed

fresh_database "$BENCH_DB"

./mvnw -q -B -ntp -DskipTests package liberty:create liberty:deploy
rm -rf target/liberty/wlp/usr/servers/b2bhub/messaging
stub_pid=""
if [ "$ERP" = stub ]; then
  java bench/ErpStub.java "$STUB_PORT" 5 &
  stub_pid=$!
  export B2BHUB_ERP_BASE_URL=http://127.0.0.1:$STUB_PORT B2BHUB_ERP_CHANGES_ENABLED=false
  PHASES=${PHASES//flaky/}
fi
start_server() { "$SERVER" start b2bhub >/dev/null; wait_ready; }
server_pid() { pgrep -f 'ws-server.jar.*b2bhub' | head -n 1; }
start_server
ensure_autovacuum
trap '"$SERVER" stop b2bhub >/dev/null 2>&1 || true; restore_autovacuum; [ -z "$stub_pid" ] || kill "$stub_pid"' EXIT

sandbox() {
  curl "${ADMIN[@]}" -o /dev/null -H 'Content-Type: application/json' -X PUT \
    -d "{\"latencyMs\":5,\"unavailableShare\":$1,\"rateLimitedShare\":0,\"retryAfterSeconds\":0,\"rateLimitNextCalls\":0,\"rejectNextCalls\":0}" \
    "$BASE/sandbox/erp/behaviour"
}
metric() {
  curl "${ADMIN[@]}" -H 'Accept: text/plain' "$BASE/metrics?scope=application" |
    awk -v name="$1" 'index($0, name "{") == 1 && index($0, "flow=\"erp.order.sync\"") { v += $NF } END { printf "%d", v }'
}

created=$(curl "${ADMIN[@]}" -H 'Content-Type: application/json' \
  -d '{"partnerId":"bench-events","name":"Bench Webshop","mode":"API","security":"oauth2",
       "contact":"bench@shop.example","rateLimit":"1000000/1s","scopes":["events:write"]}' \
  "$BASE/api/v1/admin/partners")
client_id=$(grep -o '"clientId":"[^"]*' <<<"$created" | head -1 | cut -d'"' -f4)
secret=$(grep -o '"secret":"[^"]*' <<<"$created" | head -1 | cut -d'"' -f4)

expected_at() { echo $(( ($1 / BATCH) * BATCH * DURATION )); }
expected=$(expected_at "$RATE")

# Waits until every event of the tenant is synced or dead-lettered (or the limit passes).
drain() {
  local tenant=$1 expected=${2:-$expected} since=$SECONDS done_count
  while [ $((SECONDS - since)) -lt "$DRAIN_LIMIT" ]; do
    done_count=$(sql "SELECT (SELECT count(DISTINCT correlation_id) FROM outbox_event WHERE tenant_id = '$tenant' AND event_type = 'erp.order.synced.v1')
                           + (SELECT count(DISTINCT event_id) FROM dead_letter WHERE tenant_id = '$tenant')")
    [ "$done_count" -ge "$expected" ] && break
    sleep 2
  done
  echo "  drained after $((SECONDS - since)) s"
}

report() {
  local tenant=$1 expected=${2:-$expected}
  sql "WITH ingested AS (
         SELECT correlation_id, created_at FROM outbox_event
         WHERE tenant_id = '$tenant' AND destination = 'b2bhub.hub.events'),
       synced AS (
         SELECT correlation_id, min(created_at) AS at, count(*) AS n FROM outbox_event
         WHERE tenant_id = '$tenant' AND event_type = 'erp.order.synced.v1' GROUP BY correlation_id)
       SELECT format('  accepted %s of $expected sent; synced %s; lost %s; erp.order.synced.v1 published twice: %s',
                     count(*), count(s.correlation_id), $expected - count(s.correlation_id)
                       - (SELECT count(DISTINCT event_id) FROM dead_letter WHERE tenant_id = '$tenant'),
                     count(*) FILTER (WHERE s.n > 1))
              || format(E'\n  lag accepted → consumer committed: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms',
                     round(percentile_cont(0.50) WITHIN GROUP (ORDER BY extract(epoch FROM s.at - i.created_at) * 1000)::numeric),
                     round(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM s.at - i.created_at) * 1000)::numeric),
                     round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM s.at - i.created_at) * 1000)::numeric),
                     round(max(extract(epoch FROM s.at - i.created_at) * 1000)::numeric))
       FROM ingested i LEFT JOIN synced s USING (correlation_id)"
  if [ "$ERP" = stub ]; then
    echo "  ERP stub since its start (all tenants): $(curl -s "http://127.0.0.1:$STUB_PORT/counts")"
    return
  fi
  sql "SELECT format('  ERP orders %s, duplicated ERP orders %s, dead letters %s',
                     count(*), count(*) - count(DISTINCT order_id),
                     (SELECT count(*) FROM dead_letter WHERE tenant_id = '$tenant'))
       FROM erp_sandbox_order WHERE tenant_id = '$tenant'"
}

run() { java bench/EventBench.java "$BASE" "$client_id" "$secret" "${2:-$RATE}" "$DURATION" "$BATCH" "$1"; }

phase() { [[ ",$PHASES," == *",$1,"* ]]; }

# A freshly started server runs its first minute cold (JIT, pools): warm it up, unmeasured.
sandbox 0
# The JIT needs minutes of load on 2 cores; the warm-up runs at a rate the server drains, and the
# measured phases start only once its events are through.
if [ "$WARMUP" -gt 0 ]; then
  echo "== warm-up: $WARMUP_RATE events/s for $WARMUP s (not measured) =="
  warm=warmup$(date +%s)
  java bench/EventBench.java "$BASE" "$client_id" "$secret" "$WARMUP_RATE" "$WARMUP" "$BATCH" "$warm" >/dev/null
  drain "$warm" $(( (WARMUP_RATE / BATCH) * BATCH * WARMUP )) >/dev/null
fi

if phase steady; then
for rate in ${STEADY_RATES//,/ }; do
echo "== steady: $rate events/s for $DURATION s (batches of $BATCH), ERP ($ERP) at 5 ms =="
sandbox 0
tenant=steady$(date +%s)
run "$tenant" "$rate"
drain "$tenant" "$(expected_at "$rate")"
report "$tenant" "$(expected_at "$rate")"
done
fi

if phase kill; then
echo "== kill -9 at ${KILL_AT} s, restart, same load =="
tenant=kill$(date +%s)
run "$tenant" &
client=$!
sleep "$KILL_AT"
kill -9 "$(server_pid)"
echo "  server killed at ${KILL_AT} s; restarting"
start_server
sandbox 0
wait "$client"
drain "$tenant"
report "$tenant"

fi

if phase flaky; then
echo "== sandbox failing 30% of calls with 503 =="
sandbox 0.3
retried_before=$(metric b2bhub_events_succeeded_after_retry_total)
dead_before=$(metric b2bhub_events_dead_lettered_total)
tenant=flaky$(date +%s)
run "$tenant"
drain "$tenant"
report "$tenant"
retried=$(( $(metric b2bhub_events_succeeded_after_retry_total) - retried_before ))
dead=$(( $(metric b2bhub_events_dead_lettered_total) - dead_before ))
echo "  events that needed a retry at the event level: $((retried + dead)); succeeded after retry: $retried; dead-lettered: $dead"
if [ $((retried + dead)) -gt 0 ]; then
  echo "  retry-to-success before dead letter: $(awk -v r="$retried" -v d="$dead" 'BEGIN { printf "%.2f%%", 100 * r / (r + d) }')"
fi
fi

echo "== this machine's HTTPS floor =="
http_floor "$(server_pid)"
