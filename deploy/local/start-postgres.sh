#!/usr/bin/env bash
# Starts a standalone PostgreSQL (Debian's package) on loopback for `./cbam serve --db-url ...`,
# for when the embedded one is not wanted. Data under var/postgres. Prints the JDBC URL.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${PGPORT:-55432}
DATA="$ROOT/var/postgres"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -q && apt-get install -y -q postgresql
fi
BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)")
RUN_AS=()
[[ $(id -u) -eq 0 ]] && RUN_AS=(runuser -u postgres --)
if [[ ! -f "$DATA/PG_VERSION" ]]; then
  mkdir -p "$DATA"; [[ $(id -u) -eq 0 ]] && chown postgres "$DATA"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U cbam --auth=trust >/dev/null
fi
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1" -l "$DATA/server.log" -w start >/dev/null
"${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U cbam -d postgres -tc "SELECT 1 FROM pg_database WHERE datname='cbam'" | grep -q 1 \
  || "${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U cbam cbam
echo "jdbc:postgresql://127.0.0.1:$PORT/cbam?user=cbam"
