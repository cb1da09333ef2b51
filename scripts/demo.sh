#!/usr/bin/env bash
# Installs what is missing, builds, starts a private PostgreSQL and both services, ingests the sample
# articles and prints their statistics. Safe to re-run; `scripts/demo.sh stop` stops the services.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

demo_dir="$LAUREL_BUILD_DIR/demo"
ingest_address=127.0.0.1:${LAUREL_DEMO_INGEST_PORT:-50051}
query_address=127.0.0.1:${LAUREL_DEMO_QUERY_PORT:-50052}

stop_services() {
  for service in ingest-service query-service; do
    if [ -f "$demo_dir/$service.pid" ]; then
      kill "$(cat "$demo_dir/$service.pid")" 2>/dev/null || true
      rm -f "$demo_dir/$service.pid"
    fi
  done
}

if [ "${1:-}" = stop ]; then
  stop_services
  exit 0
fi

laurel_install_packages
laurel_build
laurel_start_postgres
laurel_create_database laurel
laurel_create_roles laurel
stop_services
mkdir -p "$demo_dir"

# Each service connects as its own role: the query service's may only read.
database="127.0.0.1:$LAUREL_PG_PORT/laurel"
LAUREL_DATABASE_URL="postgresql://laurel_ingest@$database" LAUREL_LISTEN=$ingest_address nohup "$LAUREL_BUILD_DIR/ingest-service/ingest-service" \
  >"$demo_dir/ingest-service.log" 2>&1 &
echo $! >"$demo_dir/ingest-service.pid"
LAUREL_DATABASE_URL="postgresql://laurel_query@$database" LAUREL_LISTEN=$query_address nohup "$LAUREL_BUILD_DIR/query-service/query-service" \
  >"$demo_dir/query-service.log" 2>&1 &
echo $! >"$demo_dir/query-service.pid"

tools="$LAUREL_BUILD_DIR/tools"
"$tools/laurel-health" --target="$ingest_address" --wait=30s >/dev/null
"$tools/laurel-health" --target="$query_address" --wait=30s >/dev/null

laurel_log "Ingesting samples/articles into $ingest_address"
"$tools/laurel-load" --target="$ingest_address" --source="Laurel samples" "$LAUREL_ROOT/samples/articles"

laurel_log "Award statistics by province and award type ($query_address)"
"$tools/laurel-stats" --target="$query_address" --group_by=province,award_type
echo
laurel_log "By year and recipient kind"
"$tools/laurel-stats" --target="$query_address" --group_by=year,recipient_kind
echo
laurel_log "The services keep running: ingest $ingest_address, query $query_address (logs in $demo_dir;"
laurel_log "Prometheus metrics at http://127.0.0.1:9451/metrics and http://127.0.0.1:9452/metrics)."
laurel_log "Stop them with: scripts/demo.sh stop"
