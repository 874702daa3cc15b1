#!/usr/bin/env bash
# A three-node PostgreSQL 15 cluster under Patroni, with a single-node etcd, on one machine: loopback ports,
# everything under DIR. For tests (./cbam test-cluster) and trials; the production shape is in deploy/README.md.
#
#   local-cluster.sh start DIR    installs patroni, etcd-server, postgresql-15 if missing; starts etcd and three
#                                 nodes; waits (bounded) for a primary with a synchronous standby; prints the URL
#   local-cluster.sh stop DIR     stops the nodes and etcd (TERM, then KILL after a bounded wait)
#   local-cluster.sh status DIR   the Patroni member list
#   local-cluster.sh url DIR      the multi-host JDBC URL of the cluster
#   local-cluster.sh primary DIR  "<node> <postmaster pid>" of the current primary
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NODES=(node1 node2 node3)
START_TIMEOUT_SECONDS=${CBAM_CLUSTER_START_TIMEOUT:-180}
STOP_TIMEOUT_SECONDS=20

usage() { echo "usage: $0 start|stop|status|url|primary DIR" >&2; exit 2; }
die() { echo "local-cluster: $*" >&2; exit 1; }

[[ $# -eq 2 ]] || usage
COMMAND=$1
DIR=$(mkdir -p "$2" && cd "$2" && pwd)

# PostgreSQL refuses to run as root: the nodes and etcd run as the postgres user of the Debian package.
# From /: the caller's directory (a checkout under a private 0700 directory, say) may be closed to postgres, and
# initdb and pg_ctl fail when they cannot return to their working directory.
as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

ensure_packages() {
  local missing=()
  command -v patroni >/dev/null || missing+=(patroni)
  command -v etcd >/dev/null || missing+=(etcd-server)
  [[ -x /usr/lib/postgresql/15/bin/postgres ]] || missing+=(postgresql-15)
  command -v curl >/dev/null || missing+=(curl)
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "local-cluster: installing ${missing[*]} ..." >&2
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  [[ $(id -u) -eq 0 ]] || apt=(sudo -n "${apt[@]}")
  "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >&2 \
    || { "${apt[@]}" update >&2 && "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >&2; } \
    || die "could not install ${missing[*]}: run 'apt-get update && apt-get install ${missing[*]}' as root"
}

# Free loopback ports, chosen once per DIR and kept in DIR/ports.env so that a restart reuses them.
choose_ports() {
  [[ -f "$DIR/ports.env" ]] && return 0
  python3 - > "$DIR/ports.env" <<'PY'
import socket
socks = []
for _ in range(8):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
p = [s.getsockname()[1] for s in socks]
print(f"ETCD_CLIENT_PORT={p[0]}\nETCD_PEER_PORT={p[1]}")
for i in range(3):
    print(f"PG_PORT_{i + 1}={p[2 + i]}\nAPI_PORT_{i + 1}={p[5 + i]}")
PY
}

load_ports() {
  [[ -f "$DIR/ports.env" ]] || die "no cluster in $DIR (no ports.env)"
  # shellcheck disable=SC1091
  source "$DIR/ports.env"
}

pg_port() { local v="PG_PORT_$1"; echo "${!v}"; }
api_port() { local v="API_PORT_$1"; echo "${!v}"; }

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_detached() { # pidfile logfile command...
  local pidfile=$1 logfile=$2; shift 2
  alive "$pidfile" && return 0
  rm -f "$pidfile"
  # setsid: the daemons outlive this script and ignore the caller's terminal signals
  # the daemon writes its own pid (exec keeps it), not the pid of runuser, which forwards no signals
  as_postgres setsid sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 < /dev/null &
  local deadline=$(( SECONDS + 5 ))
  until [[ -s "$pidfile" ]]; do
    (( SECONDS < deadline )) || die "$* did not start (see $logfile)"
    sleep 0.1
  done
}

write_config() { # node number
  local n=$1 name=${NODES[$(( $1 - 1 ))]}
  mkdir -p "$DIR/$name"
  sed -e "s|@NAME@|$name|g" -e "s|@HOST@|127.0.0.1|g" \
      -e "s|@API_PORT@|$(api_port "$n")|g" -e "s|@PG_PORT@|$(pg_port "$n")|g" \
      -e "s|@ETCD_HOSTS@|127.0.0.1:$ETCD_CLIENT_PORT|g" \
      -e "s|@TTL@|10|g" -e "s|@LOOP_WAIT@|2|g" -e "s|@RETRY_TIMEOUT@|4|g" \
      -e "s|@REPLICATION_USER@|replicator|g" -e "s|@CLIENT_NET@|127.0.0.1/32|g" \
      -e "s|@AUTH_METHOD@|trust|g" \
      -e "s|@SUPERUSER_PASSWORD@|local-trial|g" -e "s|@REPLICATION_PASSWORD@|local-trial|g" \
      -e "s|@DATA_DIR@|$DIR/$name/data|g" -e "s|@PGPASS@|$DIR/$name/pgpass|g" \
      -e "s|@SOCKET_DIR@|$DIR/$name|g" \
      "$HERE/patroni.yml.template" > "$DIR/$name/patroni.yml"
}

members_json() { curl -sf --max-time 2 "http://127.0.0.1:$(api_port "$1")/cluster" 2>/dev/null; }

cluster_json() {
  local n
  for n in 1 2 3; do members_json "$n" && return 0; done
  return 1
}

# A primary ("leader") plus a streaming synchronous standby: only then can the cluster take writes.
cluster_ready() {
  cluster_json | python3 -c '
import json, sys
members = json.load(sys.stdin)["members"]
roles = [m["role"] for m in members if m.get("state") in ("running", "streaming")]
sys.exit(0 if "leader" in roles and "sync_standby" in roles and len(roles) == 3 else 1)' 2>/dev/null
}

jdbc_url() {
  local hosts=() n
  for n in 1 2 3; do hosts+=("127.0.0.1:$(pg_port "$n")"); done
  local IFS=,
  echo "jdbc:postgresql://${hosts[*]}/cbam?targetServerType=primary&user=postgres"
}

primary() {
  local name
  name=$(cluster_json | python3 -c '
import json, sys
print(next(m["name"] for m in json.load(sys.stdin)["members"] if m["role"] == "leader"))') \
    || die "no primary"
  echo "$name $(head -n1 "$DIR/$name/data/postmaster.pid")"
}

start() {
  ensure_packages
  command -v python3 >/dev/null || die "python3 is needed (patroni depends on it)"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$DIR"; fi
  choose_ports
  load_ports
  mkdir -p "$DIR/etcd"
  if [[ $(id -u) -eq 0 ]]; then chown -R postgres "$DIR"; fi
  start_detached "$DIR/etcd.pid" "$DIR/etcd.log" etcd --name cbam-etcd --data-dir "$DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "cbam-etcd=http://127.0.0.1:$ETCD_PEER_PORT"
  local deadline=$(( SECONDS + 30 ))
  until curl -sf --max-time 2 "http://127.0.0.1:$ETCD_CLIENT_PORT/health" >/dev/null; do
    (( SECONDS < deadline )) || die "etcd did not become healthy in 30 s (see $DIR/etcd.log)"
    sleep 0.5
  done
  local n name
  for n in 1 2 3; do
    name=${NODES[$(( n - 1 ))]}
    write_config "$n"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres "$DIR/$name"; fi
    start_detached "$DIR/$name/patroni.pid" "$DIR/$name/patroni.log" patroni "$DIR/$name/patroni.yml"
    # the first node bootstraps alone, the others then clone from it
    if [[ $n -eq 1 ]]; then
      deadline=$(( SECONDS + START_TIMEOUT_SECONDS ))
      until as_postgres /usr/lib/postgresql/15/bin/pg_isready -q -h 127.0.0.1 -p "$(pg_port 1)" \
          && [[ "$(curl -s --max-time 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(api_port 1)/primary")" == 200 ]]; do
        (( SECONDS < deadline )) || die "node1 did not become primary in $START_TIMEOUT_SECONDS s (see $DIR/node1/patroni.log)"
        sleep 1
      done
    fi
  done
  deadline=$(( SECONDS + START_TIMEOUT_SECONDS ))
  until cluster_ready; do
    (( SECONDS < deadline )) || { status >&2; die "no primary with a synchronous standby in $START_TIMEOUT_SECONDS s"; }
    sleep 1
  done
  local leader_port
  leader_port=$(cluster_json | python3 -c '
import json, sys
print(next(m["port"] for m in json.load(sys.stdin)["members"] if m["role"] == "leader"))')
  as_postgres /usr/lib/postgresql/15/bin/psql -q -h 127.0.0.1 -p "$leader_port" -U postgres -d postgres -tAc \
    "select 1 from pg_database where datname = 'cbam'" | grep -q 1 \
    || as_postgres /usr/lib/postgresql/15/bin/createdb -h 127.0.0.1 -p "$leader_port" -U postgres cbam
  jdbc_url
}

stop_pidfile() { # pidfile: TERM, bounded wait, KILL
  local pidfile=$1
  alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  local pid; pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$(( SECONDS + STOP_TIMEOUT_SECONDS ))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.3; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

stop() {
  local name pid
  for name in "${NODES[@]}"; do
    stop_pidfile "$DIR/$name/patroni.pid"
  done
  # a postmaster left by a killed Patroni: fast shutdown through its own pid file
  for name in "${NODES[@]}"; do
    if [[ -f "$DIR/$name/data/postmaster.pid" ]]; then
      pid=$(head -n1 "$DIR/$name/data/postmaster.pid")
      if kill -0 "$pid" 2>/dev/null; then
        echo "$pid" > "$DIR/$name/postmaster.pid"
        kill -INT "$pid" 2>/dev/null || true
        stop_pidfile "$DIR/$name/postmaster.pid"
      fi
    fi
  done
  stop_pidfile "$DIR/etcd.pid"
}

status() {
  load_ports
  local n
  for n in 1 2 3; do
    if members_json "$n" | python3 -c '
import json, sys
for m in json.load(sys.stdin)["members"]:
    print("%-6s %-13s %-10s port %s lag %s" % (m["name"], m["role"], m.get("state", "?"), m["port"], m.get("lag", 0)))'; then
      return 0
    fi
  done
  echo "no Patroni node answers"
  return 1
}

case "$COMMAND" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) load_ports; jdbc_url ;;
  primary) load_ports; primary ;;
  *) usage ;;
esac
