#!/usr/bin/env bash
# The statistics benchmark: bench/statistics/run.sh [ARTICLES]
#
# Installs and builds what is missing (as scripts/demo.sh does), then loads ARTICLES synthetic articles
# (default 1,000,000; seed 1) into the database laurel_bench_<ARTICLES> on the private PostgreSQL
# through the bulk write path (generator -> parser -> InsertBatch), once: a re-run finds them stored and
# goes straight to timing. Then starts a query-service on that database and prints p50/p99 of typical
# GetAwardStatistics calls next to the SELECT it runs on its rollup and the same question asked of the
# stored records.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"

articles=${1:-1000000}
database=laurel_bench_$articles
url="postgresql://postgres@127.0.0.1:$LAUREL_PG_PORT/$database"
port=${LAUREL_BENCH_QUERY_PORT:-50062}
bench="$LAUREL_BUILD_DIR/bench/statistics"

laurel_install_packages
laurel_build >/dev/null
laurel_start_postgres
laurel_create_database "$database"
stored=0
if [ "$(psql "$url" -tAc "SELECT to_regclass('articles') IS NOT NULL")" = t ]; then
  stored=$(psql "$url" -tAc "SELECT count(*) FROM articles")
fi
if [ "$stored" -lt "$articles" ]; then
  laurel_log "Loading $articles synthetic articles into $database ($stored there already)"
  "$bench/laurel-bench-load" --database_url="$url" --count="$articles" --batch=1000 --threads=2 \
    --log_level=warning
  psql "$url" -qc "VACUUM ANALYZE"
fi

log=$(mktemp)
LAUREL_DATABASE_URL=$url LAUREL_LISTEN=127.0.0.1:$port LAUREL_LOG_LEVEL=warning \
  "$LAUREL_BUILD_DIR/query-service/query-service" >"$log" 2>&1 &
query_pid=$!
trap 'kill $query_pid 2>/dev/null; wait $query_pid 2>/dev/null; rm -f "$log"' EXIT
"$LAUREL_BUILD_DIR/tools/laurel-health" --target=127.0.0.1:$port --wait=30s >/dev/null
"$bench/laurel-bench-statistics" --target=127.0.0.1:$port --database_url="$url"
