#!/usr/bin/env bash
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n1)")
RUN_AS=()
[[ $(id -u) -eq 0 ]] && RUN_AS=(runuser -u postgres --)
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$ROOT/var/postgres" -m fast stop
