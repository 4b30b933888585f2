#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the store tests and print its SQLAlchemy URL.
# Used by .ci/run; developers can run it too: export INDICATORS_TEST_PG_URL="$(.ci/postgres.sh)".
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ]; then
  echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
DATA=${PGDATA_DIR:-/tmp/indicators-pg}
PORT=${PGPORT_TEST:-54329}
RUNAS=postgres
id "$RUNAS" >/dev/null 2>&1 || RUNAS=$(id -un)
as() { if [ "$(id -un)" = "$RUNAS" ]; then "$@"; else su "$RUNAS" -s /bin/bash -c "$(printf '%q ' "$@")"; fi; }
if [ ! -f "$DATA/PG_VERSION" ]; then
  mkdir -p "$DATA" && chown "$RUNAS" "$DATA"
  as "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust >/dev/null
fi
if ! as "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-k /tmp -p $PORT -c listen_addresses=''" start >/dev/null
fi
echo "postgresql+psycopg://postgres@/postgres?host=/tmp&port=$PORT"
