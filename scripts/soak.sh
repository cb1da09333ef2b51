#!/usr/bin/env bash
# A bounded soak: both services on loopback against their own database on the private PostgreSQL, mixed
# ingest and query load (laurel-soak) for N minutes, the services' resident memory sampled every few
# seconds. Prints the samples and a summary, and exits non-zero on any failed call or on memory that
# keeps growing. Usage: scripts/soak.sh [MINUTES] (default 5). Stops everything it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

minutes=${1:-5}
sample_seconds=${LAUREL_SOAK_SAMPLE_SECONDS:-10}
soak_dir="$LAUREL_BUILD_DIR/soak"
ingest_address=127.0.0.1:${LAUREL_SOAK_INGEST_PORT:-50061}
query_address=127.0.0.1:${LAUREL_SOAK_QUERY_PORT:-50062}

laurel_install_packages
laurel_log "Building the services and laurel-soak"
cmake -S "$LAUREL_ROOT" -B "$LAUREL_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$LAUREL_BUILD_DIR" -j "$(nproc)" --target ingest-service query-service laurel-health \
  laurel-soak
laurel_start_postgres
psql "$LAUREL_ADMIN_URL" -qc "DROP DATABASE IF EXISTS laurel_soak WITH (FORCE)"
laurel_create_database laurel_soak
laurel_create_roles laurel_soak
mkdir -p "$soak_dir"

pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_all EXIT
database="127.0.0.1:$LAUREL_PG_PORT/laurel_soak"
LAUREL_DATABASE_URL="postgresql://laurel_ingest@$database" LAUREL_LISTEN=$ingest_address \
  "$LAUREL_BUILD_DIR/ingest-service/ingest-service" >"$soak_dir/ingest-service.log" 2>&1 &
pids+=($!)
ingest_pid=$!
LAUREL_DATABASE_URL="postgresql://laurel_query@$database" LAUREL_LISTEN=$query_address \
  "$LAUREL_BUILD_DIR/query-service/query-service" >"$soak_dir/query-service.log" 2>&1 &
pids+=($!)
query_pid=$!
"$LAUREL_BUILD_DIR/tools/laurel-health" --target="$ingest_address" --wait=30s >/dev/null
"$LAUREL_BUILD_DIR/tools/laurel-health" --target="$query_address" --wait=30s >/dev/null

rss_mib() { awk '/^VmRSS:/ {print $2 / 1024}' "/proc/$1/status"; }

laurel_log "Soaking for $minutes minute(s): ingest $ingest_address, query $query_address"
"$LAUREL_BUILD_DIR/bench/soak/laurel-soak" --ingest="$ingest_address" --query="$query_address" \
  --articles="$LAUREL_ROOT/samples/articles" --duration="${minutes}m" >"$soak_dir/load.txt" \
  2>"$soak_dir/load-errors.txt" &
load_pid=$!
pids+=($load_pid)
printf '%8s %14s %14s\n' seconds ingest_rss_MiB query_rss_MiB | tee "$soak_dir/rss.txt"
start=$SECONDS
while kill -0 "$load_pid" 2>/dev/null; do
  printf '%8d %14.1f %14.1f\n' $((SECONDS - start)) "$(rss_mib $ingest_pid)" "$(rss_mib $query_pid)" |
    tee -a "$soak_dir/rss.txt"
  sleep "$sample_seconds"
done
load_status=0
wait "$load_pid" || load_status=$?

echo
cat "$soak_dir/load.txt"
# Memory is flat when, after the first quarter (warm-up: pools, caches, allocator arenas), the last
# sample is within 10% (or 8 MiB) of the warm sample.
awk -v minutes="$minutes" 'NR > 1 { rows[++n] = $0; ingest[n] = $2; query[n] = $3 }
  END {
    warm = int(n / 4) + 1
    verdict = "flat"
    for (i = 2; i <= 3; ++i) {
      first = (i == 2 ? ingest[warm] : query[warm]); last = (i == 2 ? ingest[n] : query[n])
      growth = last - first
      name = (i == 2 ? "ingest-service" : "query-service")
      printf "%s RSS after warm-up %.1f MiB, at the end %.1f MiB (%+.1f MiB)\n", name, first, last, growth
      if (growth > 8 && growth > first * 0.10) verdict = "GROWING"
    }
    printf "memory %s over %d minute(s), %d samples\n", verdict, minutes, n
    exit verdict == "flat" ? 0 : 1
  }' "$soak_dir/rss.txt" && memory_status=0 || memory_status=$?
if [ -s "$soak_dir/load-errors.txt" ]; then
  echo "first errors:"
  head -5 "$soak_dir/load-errors.txt"
fi
[ "$load_status" -eq 0 ] && [ "$memory_status" -eq 0 ]
