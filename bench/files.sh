#!/usr/bin/env bash
# Inventory file benchmark on PostgreSQL, loopback only; prints the figures.
# 1. A generated ROWS-row inventory CSV (1,000,000 rows, about 43 MB) uploaded with OpenSSH sftp
#    (temporary name, rename, .sha256, manifest.json), timed from the rename to the ACK in outbox/;
#    the server's heap is sampled throughout and its peak printed.
# 2. A second file of the same size; the server is killed with kill -9 halfway through the load,
#    started again, the job restarted through /ibm/api/batch, and the totals checked exactly.
#   ROWS=1000000 CHECKPOINT=2000 bash bench/files.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${ROWS:-1000000}
CHECKPOINT=${CHECKPOINT:-2000}
BENCH_DB=b2bhub_files_bench
BASE=https://localhost:9443
ADMIN_USER=${ADMIN_USER:-hubadmin}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-sandbox-admin-password}
ADMIN=(-sk -u "$ADMIN_USER:$ADMIN_PASSWORD")
SERVER=target/liberty/wlp/bin/server
SERVER_DIR=target/liberty/wlp/usr/servers/b2bhub
PARTNER=bench-files
WORK=$(mktemp -d)

source bench/lib.sh
machine_speed

fresh_database "$BENCH_DB"
export B2BHUB_FILES_CHECKPOINT_ITEMS=$CHECKPOINT

./mvnw -q -B -ntp -DskipTests package liberty:create liberty:deploy
rm -rf "$SERVER_DIR/messaging" "$SERVER_DIR/files"
server_pid() { pgrep -f "ws-server.jar b2bhub" | head -n 1; }
start_server() { "$SERVER" start b2bhub >/dev/null; wait_ready; }
stop_server() { "$SERVER" stop b2bhub >/dev/null 2>&1 || true; }
ensure_autovacuum
trap 'stop_server; rm -rf "$WORK"; restore_autovacuum' EXIT
sql() { as_postgres -d "$BENCH_DB" -At -c "$1"; }

start_server
curl "${ADMIN[@]}" -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"partnerId\":\"$PARTNER\",\"name\":\"Bench files\",\"mode\":\"File(SFTP)\",\"security\":\"ssh\",
       \"contact\":\"bench@files.example\"}" "$BASE/api/v1/admin/partners"
ssh-keygen -q -t ecdsa -b 256 -N '' -f "$WORK/id"
curl "${ADMIN[@]}" -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"kind\":\"SSH_PUBLIC_KEY\",\"label\":\"bench\",\"value\":\"$(cut -d' ' -f1,2 "$WORK/id.pub")\"}" \
  "$BASE/api/v1/admin/partners/$PARTNER/credentials"
endpoint=$(curl "${ADMIN[@]}" "$BASE/api/v1/admin/files/sftp")
port=$(grep -o '"port":[0-9]*' <<<"$endpoint" | cut -d: -f2)
hostkey=$(grep -o '"hostPublicKey":"[^"]*' <<<"$endpoint" | cut -d'"' -f4)
echo "[127.0.0.1]:$port $hostkey" >"$WORK/known_hosts"
SFTP=(sftp -q -i "$WORK/id" -P "$port" -o "UserKnownHostsFile=$WORK/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes)

# A file of ROWS stock levels and its sidecars; $1 = sequence, $2 = quantity offset, $3 = as_of.
make_file() {
  local name="inventory_20260101T0${1}0000Z_00$1.csv"
  awk -v n="$ROWS" -v off="$2" -v asof="$3" 'BEGIN { print "sku,location,qty,as_of";
    for (i = 1; i <= n; i++) printf "SKU-%07d,WH-%02d,%d,%s\n", i, i % 17, (i * 37 + off) % 1000, asof }' >"$WORK/$name"
  local qty sha
  qty=$(awk -F, 'NR > 1 { s += $3 } END { printf "%d", s }' "$WORK/$name")
  sha=$(sha256sum "$WORK/$name" | cut -d' ' -f1)
  echo "$sha  $name" >"$WORK/$name.sha256"
  printf '{"file":"%s","records":%d,"sums":{"qty":%d},"generated_at":"2026-01-01T00:00:00Z","sha256":"%s","schema_version":1}' \
    "$name" "$ROWS" "$qty" "$sha" >"$WORK/manifest.json"
  echo "$name $qty"
}

upload_then_rename() {
  printf 'put %s inbox/%s.part\n' "$WORK/$1" "$1" | "${SFTP[@]}" -b - "$PARTNER@127.0.0.1" >/dev/null
  date +%s%N >"$WORK/t0"
  printf 'rename inbox/%s.part inbox/%s\nput %s inbox/%s\nput %s inbox/manifest.json\n' \
    "$1" "$1" "$WORK/$1.sha256" "$1.sha256" "$WORK/manifest.json" | "${SFTP[@]}" -b - "$PARTNER@127.0.0.1" >/dev/null
}

ack_file() { echo "$SERVER_DIR/files/partners/$PARTNER/outbox/$1.ack.json"; }

echo "== 1. $ROWS rows, checkpoint every $CHECKPOINT items: rename to ACK =="
read -r name qty < <(make_file 1 0 2026-01-01T00:00:00Z)
echo "file: $name, $(stat -c %s "$WORK/$name") bytes, qty total $qty"
pid=$(server_pid)
(while kill -0 "$pid" 2>/dev/null; do jstat -gc "$pid" | awk 'NR == 2 { printf "%.0f\n", ($3 + $4 + $6 + $8) / 1024 }'; sleep 0.5; done) >"$WORK/heap" 2>/dev/null &
sampler=$!
upload_then_rename "$name"
until [ -f "$(ack_file "$name")" ]; do sleep 0.1; done
t1=$(date +%s%N)
kill "$sampler" 2>/dev/null || true
echo "rename -> ACK: $(( (t1 - $(cat "$WORK/t0")) / 1000000 )) ms"
echo "ACK: $(head -c 400 "$(ack_file "$name")")"
echo "peak heap used: $(sort -n "$WORK/heap" | tail -n 1) MB (sampled every 0.5 s; -Xmx from liberty/jvm.options)"
echo "rows in inventory_level: $(sql "SELECT COUNT(*) || ' rows, qty ' || SUM(quantity) FROM inventory_level")"

echo "== 2. kill -9 halfway through the load of a second $ROWS-row file, restart, exact totals =="
read -r name2 qty2 < <(make_file 2 500 2026-01-02T00:00:00Z)
upload_then_rename "$name2"
until [ -n "$(sql "SELECT transfer_id FROM file_transfer WHERE file_name = '$name2'")" ]; do sleep 0.1; done
transfer=$(sql "SELECT transfer_id FROM file_transfer WHERE file_name = '$name2'")
until [ "$(sql "SELECT COUNT(*) FROM inventory_level WHERE transfer_id = '$transfer'")" -ge $((ROWS / 2)) ]; do sleep 0.05; done
kill -9 "$(server_pid)"
loaded=$(sql "SELECT COUNT(*) FROM inventory_level WHERE transfer_id = '$transfer'")
echo "killed with $loaded of $ROWS rows committed"
start_server
instance=$(sql "SELECT job_instance_id FROM file_transfer WHERE transfer_id = '$transfer'")
echo "after restart: job instance $instance is $(curl "${ADMIN[@]}" "$BASE/ibm/api/batch/jobinstances/$instance" | grep -o '"batchStatus" *: *"[A-Z]*"'), transfer $(sql "SELECT status FROM file_transfer WHERE transfer_id = '$transfer'")"
restart_started=$(date +%s%N)
curl "${ADMIN[@]}" -o /dev/null -w 'restart: HTTP %{http_code}\n' -X PUT -H 'Content-Type: application/json' \
  -d '{"jobParameters":{}}' "$BASE/ibm/api/batch/jobinstances/$instance?action=restart"
until [ "$(sql "SELECT status FROM file_transfer WHERE transfer_id = '$transfer'")" = COMPLETED ]; do sleep 0.2; done
echo "restart -> completed: $(( ($(date +%s%N) - restart_started) / 1000000 )) ms"
echo "expected: $ROWS rows, qty $qty2"
echo "loaded:   $(sql "SELECT COUNT(*) || ' rows, qty ' || SUM(quantity) FROM inventory_level WHERE transfer_id = '$transfer'")"
echo "ACK: $(head -c 400 "$(ack_file "$name2")")"
echo "executions of job instance $instance: $(sql "SELECT string_agg(execnum || ':' || CASE batchstatus WHEN 3 THEN 'STOPPED' WHEN 4 THEN 'FAILED' WHEN 5 THEN 'COMPLETED' ELSE batchstatus::text END, ' ' ORDER BY execnum) FROM wlpjobexecution WHERE fk_jobinstanceid = $instance")"
echo "== step times (job repository) =="
sql "SELECT stepname || ': ' || (endtime - starttime) || ', read ' || m_read || ', commits ' || m_commit FROM wlpstepthreadexecution ORDER BY stepexecid"
