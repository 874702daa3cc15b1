#!/usr/bin/env bash
# ./cbam test-cluster: a local Patroni cluster (local-cluster.sh), two service instances on its multi-host URL,
# ingestion through both (benchmarks FailoverDrill); SIGKILL of the PostgreSQL primary (its Patroni and its
# postmaster: the machine is gone, so Patroni promotes the synchronous standby), then SIGKILL of the service
# instance holding the drill log's lease (the other takes it over). The drill then checks every acknowledged
# receipt, the checkpoints' consistency, and that no size has two checkpoints. Loopback only; bounded; cleans up.
# Needs from ./cbam: JAVA (java binary), LEDGER_CP and BENCH_CP (class paths).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DRILL_SECONDS=${CBAM_DRILL_SECONDS:-75}
KILL_PRIMARY_AFTER_SECONDS=15
KILL_HOLDER_AFTER_SECONDS=40
WORK=$(mktemp -d /tmp/cbam-test-cluster.XXXXXX)
chmod 755 "$WORK"
CLUSTER="$WORK/pg"
PIDS=()

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  "$HERE/local-cluster.sh" stop "$CLUSTER" >/dev/null 2>&1 || true
  if [[ ${KEEP:-0} == 1 ]]; then echo "test-cluster: logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

elapsed() { python3 -c "import time; print('%.1f' % (time.time() - $1 / 1000))"; }

wait_for() { # seconds description command...
  local limit=$1 what=$2; shift 2
  local deadline=$(( SECONDS + limit ))
  until "$@" >/dev/null 2>&1; do
    (( SECONDS < deadline )) || { KEEP=1; echo "test-cluster: $what did not happen in $limit s" >&2; exit 1; }
    sleep 0.5
  done
}

sql() { # the current primary, whichever node it is
  source "$CLUSTER/ports.env"
  psql "postgresql://127.0.0.1:$PG_PORT_1,127.0.0.1:$PG_PORT_2,127.0.0.1:$PG_PORT_3/cbam?user=postgres&target_session_attrs=read-write&connect_timeout=2" \
    -tAc "$1"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_instance() { # name port
  local name=$1 port=$2
  "$JAVA" -cp "$LEDGER_CP" org.cbamledger.service.LedgerApplication --host 127.0.0.1 --port "$port" \
    --data-dir "$WORK/$name" --db-url "$URL" > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  wait_for 120 "$name answering on port $port" curl -sf --max-time 2 "http://127.0.0.1:$port/health"
}

echo "test-cluster: starting the PostgreSQL cluster in $CLUSTER ..."
URL=$("$HERE/local-cluster.sh" start "$CLUSTER")
echo "test-cluster: $URL"
"$HERE/local-cluster.sh" status "$CLUSTER"

PORT1=$(free_port); PORT2=$(free_port)
start_instance svc1 "$PORT1"
mkdir -p "$WORK/svc2"
cp -r "$WORK/svc1/auth" "$WORK/svc2/auth"   # one token key: a token works on either instance
start_instance svc2 "$PORT2"
echo "test-cluster: instances on ports $PORT1 (pid ${PIDS[0]}) and $PORT2 (pid ${PIDS[1]})"

"$JAVA" -cp "$BENCH_CP" org.cbamledger.bench.FailoverDrill --url "http://127.0.0.1:$PORT1" \
  --url "http://127.0.0.1:$PORT2" --admin-token-file "$WORK/svc1/auth/admin.token" --seconds "$DRILL_SECONDS" \
  > "$WORK/drill.log" 2>&1 &
DRILL=$!
PIDS+=("$DRILL")
wait_for 180 "the drill starting to ingest" grep -q '^INGESTING' "$WORK/drill.log"
read -r _ START_MILLIS _ LOG_ID < <(grep '^INGESTING' "$WORK/drill.log")
echo "test-cluster: ingesting into $LOG_ID through both instances"

sleep "$KILL_PRIMARY_AFTER_SECONDS"
read -r NODE POSTMASTER < <("$HERE/local-cluster.sh" primary "$CLUSTER")
kill -KILL "$(cat "$CLUSTER/$NODE/patroni.pid")" "$POSTMASTER"
echo "test-cluster: +$(elapsed "$START_MILLIS") s SIGKILL primary $NODE (Patroni and postmaster $POSTMASTER)"
promoted() { "$HERE/local-cluster.sh" primary "$CLUSTER" | grep -qv "^$NODE "; }
wait_for 60 "a standby promoted" promoted
echo "test-cluster: +$(elapsed "$START_MILLIS") s promoted: $("$HERE/local-cluster.sh" primary "$CLUSTER" | cut -d' ' -f1)"

while (( $(python3 -c "import time; print(int(time.time() - $START_MILLIS / 1000))") < KILL_HOLDER_AFTER_SECONDS )); do sleep 0.5; done
HOLDER=$(sql "select holder from log_leases where log_id = '$LOG_ID' and expires_at > now()")
HOLDER_PID=$(cut -d/ -f2 <<< "$HOLDER")
[[ " ${PIDS[*]} " == *" $HOLDER_PID "* ]] || { KEEP=1; echo "test-cluster: lease holder '$HOLDER' is not one of our instances" >&2; exit 1; }
kill -KILL "$HOLDER_PID"
echo "test-cluster: +$(elapsed "$START_MILLIS") s SIGKILL instance $HOLDER (the lease holder of $LOG_ID)"
taken_over() { sql "select holder from log_leases where log_id = '$LOG_ID' and expires_at > now()" | grep -v "/$HOLDER_PID/" | grep -q .; }
wait_for 60 "another instance taking the lease over" taken_over
echo "test-cluster: +$(elapsed "$START_MILLIS") s lease taken over by $(sql "select holder || ' token ' || fencing_token from log_leases where log_id = '$LOG_ID'")"

DRILL_RC=0
wait_for $(( DRILL_SECONDS + 180 )) "the drill finishing" bash -c "! kill -0 $DRILL"
wait "$DRILL" || DRILL_RC=$?
grep -v '^INGESTING' "$WORK/drill.log" | grep -v 'SLF4J' || true
DUPLICATES=$(sql "select count(*) from (select tree_size from checkpoints where log_id = '$LOG_ID' group by tree_size having count(*) > 1) d")
echo "test-cluster: sizes with two stored checkpoints: $DUPLICATES"
[[ $DRILL_RC -eq 0 && $DUPLICATES -eq 0 ]] || { KEEP=1; echo "test-cluster: FAILED" >&2; exit 1; }
echo "test-cluster: PASSED"
