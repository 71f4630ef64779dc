#!/usr/bin/env bash
# Webhook benchmarks on PostgreSQL, loopback only; prints the figures.
# Inbound: signed pushes at rising fixed rates until p99 > 50 ms (the outbox relay is off during
# this phase, so the measurement is the receiving door: verify, dedupe, store, 202).
# Outbound: PER_RECEIVER test events to each of 10 receivers, first all healthy, then with one
# receiver that never answers within the hub's timeout.
#   RATES=w100,w200,250,500,750,1000,1500,2000,2500,3000 STEP_SECONDS=20 (w: warm-up step) PER_RECEIVER=10000 bash bench/webhooks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RATES=${RATES:-w100,w200,250,500,750,1000,1500,2000,2500,3000}
STEP_SECONDS=${STEP_SECONDS:-20}
PER_RECEIVER=${PER_RECEIVER:-10000}
BENCH_DB=b2bhub_webhooks_bench
BASE=https://localhost:9443
ADMIN_USER=${ADMIN_USER:-hubadmin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-sandbox-admin-password}
ADMIN=(-sk -u "$ADMIN_USER:$ADMIN_PASSWORD")
SERVER=target/liberty/wlp/bin/server

source bench/lib.sh

fresh_database "$BENCH_DB"

./mvnw -q -B -ntp -DskipTests package liberty:create liberty:deploy
rm -rf target/liberty/wlp/usr/servers/b2bhub/messaging
start_server() { "$SERVER" start b2bhub >/dev/null; wait_ready; }
stop_server() { "$SERVER" stop b2bhub >/dev/null 2>&1 || true; }
trap stop_server EXIT

register() {
  curl "${ADMIN[@]}" -H 'Content-Type: application/json' \
    -d "{\"partnerId\":\"$1\",\"name\":\"Bench $1\",\"mode\":\"Webhook\",\"security\":\"hmac\",
         \"contact\":\"bench@$1.example\",\"rateLimit\":\"1000000/1s\"}" \
    "$BASE/api/v1/admin/partners"
}

echo "== inbound: signed pushes, rising rates, $STEP_SECONDS s each (outbox relay off) =="
B2BHUB_OUTBOX_RELAY_ENABLED=false start_server
created=$(register bench-pusher)
secret=$(grep -o '"kind":"WEBHOOK_SECRET"[^}]*"secret":"[^"]*' <<<"$created" | grep -o '"secret":"[^"]*' | cut -d'"' -f4)
java bench/WebhookBench.java inbound "$BASE" bench-pusher "$secret" "$RATES" "$STEP_SECONDS"
stop_server

echo "== outbound: $PER_RECEIVER test events to each of 10 receivers =="
start_server
register bench-receiver >/dev/null
java bench/WebhookBench.java outbound "$BASE" "$ADMIN_USER" "$ADMIN_PASSWORD" bench-receiver "$PER_RECEIVER" false
stop_server
fresh_database "$BENCH_DB"
rm -rf target/liberty/wlp/usr/servers/b2bhub/messaging
start_server
register bench-receiver >/dev/null
java bench/WebhookBench.java outbound "$BASE" "$ADMIN_USER" "$ADMIN_PASSWORD" bench-receiver "$PER_RECEIVER" true
