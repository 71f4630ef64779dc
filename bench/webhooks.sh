#!/usr/bin/env bash
# Webhook benchmarks on PostgreSQL, loopback only; prints the figures.
# Inbound: pre-signed pushes of new events sent by wrk (a native load generator, so the client
# takes little of the 2 shared cores) with a rising number of connections, 20 s per step after a
# warm-up; the figure is the highest rate of a step with p99 <= 50 ms; the outbox relay is off, so the figure is the receiving door (verify,
# dedupe, store, 202). OPEN_LOOP_RATES=250,500 also runs the JVM client at fixed arrival rates.
# Outbound: PER_RECEIVER test events to each of 10 receivers, first all healthy, then with one
# receiver that never answers within the hub's timeout.
#   CONNECTIONS=1,2,4,8,16,24,32,48,64 STEP_SECONDS=20 WARMUP_SECONDS=180 PER_RECEIVER=10000 OUTBOUND=true bash bench/webhooks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-1,2,4,8,16,24,32,48,64}
STEP_SECONDS=${STEP_SECONDS:-20}
# The JIT needs about three minutes of load before the figures settle on 2 cores.
WARMUP_SECONDS=${WARMUP_SECONDS:-180}
OPEN_LOOP_RATES=${OPEN_LOOP_RATES:-}
INBOUND=${INBOUND:-true}
OUTBOUND=${OUTBOUND:-true}
PER_RECEIVER=${PER_RECEIVER:-10000}
BENCH_DB=b2bhub_webhooks_bench
BASE=https://localhost:9443
ADMIN_USER=${ADMIN_USER:-hubadmin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-sandbox-admin-password}
ADMIN=(-sk -u "$ADMIN_USER:$ADMIN_PASSWORD")
SERVER=target/liberty/wlp/bin/server

source bench/lib.sh
machine_speed

ensure_wrk

fresh_database "$BENCH_DB"

./mvnw -q -B -ntp -DskipTests package liberty:create liberty:deploy
rm -rf target/liberty/wlp/usr/servers/b2bhub/messaging
start_server() { "$SERVER" start b2bhub >/dev/null; wait_ready; }
stop_server() { "$SERVER" stop b2bhub >/dev/null 2>&1 || true; }
ensure_autovacuum
trap 'stop_server; restore_autovacuum' EXIT

register() {
  curl "${ADMIN[@]}" -H 'Content-Type: application/json' \
    -d "{\"partnerId\":\"$1\",\"name\":\"Bench $1\",\"mode\":\"Webhook\",\"security\":\"hmac\",
         \"contact\":\"bench@$1.example\",\"rateLimit\":\"1000000/1s\"}" \
    "$BASE/api/v1/admin/partners"
}

# One closed-loop step: $1 connections for $2 s; prints wrk's RESULT line.
push_step() {
  local pushes=target/bench-pushes.txt
  # Signed just before the step (the partner's window is 600 s), more than the step can send: wrk
  # starts over at the top when they run out, and those repeats are answered 200 (replayed).
  java bench/WebhookBench.java sign bench-pusher "$secret" $(( $2 * ${SIGNED_PER_SECOND:-5000} )) "$pushes"
  local threads=$(( $1 < 2 ? 1 : 2 ))
  PUSHES=$pushes PARTNER=bench-pusher THREADS=$threads \
    wrk -t"$threads" -c"$1" -d"$2"s --timeout 10s --latency -s bench/inbound.lua "$BASE" | grep '^RESULT'
}

if [ "$INBOUND" = true ]; then
echo "== inbound: signed pushes by wrk, rising connections, $STEP_SECONDS s each (outbox relay off) =="
B2BHUB_OUTBOX_RELAY_ENABLED=false start_server
created=$(register bench-pusher)
secret=$(grep -o '"kind":"WEBHOOK_SECRET"[^}]*"secret":"[^"]*' <<<"$created" | grep -o '"secret":"[^"]*' | cut -d'"' -f4)
echo "warm-up: 8 connections for $WARMUP_SECONDS s (not counted)"
push_step 8 "$WARMUP_SECONDS" >/dev/null
best=none
best_rate=0
for connections in ${CONNECTIONS//,/ }; do
  result=$(push_step "$connections" "$STEP_SECONDS")
  echo "connections $connections: ${result#RESULT }"
  p99=$(grep -o 'p99=[0-9.]*' <<<"$result" | cut -d= -f2)
  other=$(grep -o 'other=[0-9]*' <<<"$result" | cut -d= -f2)
  errors=$(grep -o 'errors=[0-9]*' <<<"$result" | cut -d= -f2)
  rate=$(grep -o 'rate=[0-9.]*' <<<"$result" | cut -d= -f2)
  # A single noisy step (a checkpoint, a JIT deoptimisation) does not end the search; overload does.
  if awk "BEGIN{exit !($p99 <= 50)}" && [ "$other" = 0 ] && [ "$errors" = 0 ] \
      && awk "BEGIN{exit !($rate > $best_rate)}"; then
    best_rate=$rate
    best="$rate/s with $connections connections"
  fi
  if awk "BEGIN{exit !($p99 > 250)}"; then
    echo "p99 above 250 ms with $connections connections: overloaded; stopping"
    break
  fi
done
echo "inbound: highest rate at p99 <= 50 ms with every push answered 202: $best"
if [ -n "$OPEN_LOOP_RATES" ]; then
  java bench/WebhookBench.java inbound "$BASE" bench-pusher "$secret" "$OPEN_LOOP_RATES" "$STEP_SECONDS"
fi
stop_server
fi

[ "$OUTBOUND" = true ] || exit 0

echo "== outbound: $PER_RECEIVER test events to each of 10 receivers =="
# A fresh database: the inbound phase's events would otherwise be relayed and consumed meanwhile.
fresh_database "$BENCH_DB"
rm -rf target/liberty/wlp/usr/servers/b2bhub/messaging
start_server
register bench-receiver >/dev/null
java bench/WebhookBench.java outbound "$BASE" "$ADMIN_USER" "$ADMIN_PASSWORD" bench-receiver "$PER_RECEIVER" false
stop_server
fresh_database "$BENCH_DB"
rm -rf target/liberty/wlp/usr/servers/b2bhub/messaging
start_server
register bench-receiver >/dev/null
java bench/WebhookBench.java outbound "$BASE" "$ADMIN_USER" "$ADMIN_PASSWORD" bench-receiver "$PER_RECEIVER" true
