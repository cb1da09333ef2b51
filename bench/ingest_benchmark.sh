#!/usr/bin/env bash
# Issue 5's benchmark: how close Laurel's ingest comes to what PostgreSQL itself absorbs on this
# machine. In one run, on the same rows:
#   1. raw PostgreSQL: COPY of the rows Laurel stored (the ceiling), and the same rows stored one
#      article per transaction from 8 connections (pgbench-style);
#   2. Laurel bulk ingest end to end: laurel-load → ingest-service (IngestArticles) → PostgreSQL;
#   3. Laurel unary IngestArticle from 8 concurrent clients;
#   4. the parser alone, on one core;
# then a table with each Laurel figure as a ratio of its raw counterpart, the service's peak RSS, and
# where the CPU went in each run (client, service and PostgreSQL share this machine's cores). Laurel's
# write path alone (parse + InsertBatch in one process, laurel-bench-load) shows what the service
# and the stream add.
#
# PostgreSQL is a private cluster of the benchmark's own (same settings as scripts/lib.sh), so its
# CPU can be measured whole and other databases' work does not count. Fails when the bulk load does
# not store every article (ctest runs it small as a smoke test).
#
# usage: bench/ingest_benchmark.sh [ARTICLES]   (default 20000 synthetic articles from laurel-synth)
#        LAUREL_BENCH_SKIP_BUILD=1 uses the binaries in $LAUREL_BUILD_DIR as they are;
#        LAUREL_BENCH_PARSER_SECONDS (default 3) is how long the parser alone is timed
set -euo pipefail

# A loopback port nobody listens on (several benchmarks or test runs may share the machine).
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  return 1
}
LAUREL_PG_PORT=$(free_port)
LAUREL_PG_DIR=/var/tmp/laurel-bench-pg-$$
source "$(dirname "$0")/../scripts/lib.sh"

articles=${1:-20000}
build=$LAUREL_BUILD_DIR
clock_ticks=$(getconf CLK_TCK)

if [ -z "${LAUREL_BENCH_SKIP_BUILD:-}" ]; then
  laurel_log "Building the benchmark's binaries in $build"
  cmake -S "$LAUREL_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j"$(nproc)" --target ingest-service laurel-load laurel-health \
    laurel-synth laurel-bench-load bench_parser raw_pg_load unary_load >/dev/null
fi

work=$(mktemp -d)
service_pid=
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  if [ -f "$LAUREL_PG_DIR/postmaster.pid" ]; then
    laurel_pg "$LAUREL_PG_BIN/pg_ctl" -D "$LAUREL_PG_DIR" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$work" "$LAUREL_PG_DIR"
}
trap cleanup EXIT
laurel_start_postgres || { cat "$LAUREL_PG_DIR/server.log" >&2; exit 1; }

database_url() { echo "postgresql://postgres@127.0.0.1:$LAUREL_PG_PORT/laurel_bench_$1"; }
fresh_database() { psql "$LAUREL_ADMIN_URL" -qc "CREATE DATABASE laurel_bench_$1"; }
# Starts an ingest-service on database laurel_bench_$1, on a port of its choosing (its log says
# which), and sets $address once it is SERVING.
start_service() {
  local log="$work/ingest-service-$1.log" port=
  "$build/ingest-service/ingest-service" --listen=127.0.0.1:0 --database_url="$(database_url "$1")" \
    >"$log" 2>&1 &
  service_pid=$!
  for _ in $(seq 300); do
    port=$(sed -n 's/.*"event":"listening".*"port":\([0-9]*\).*/\1/p' "$log")
    [ -n "$port" ] || ! kill -0 "$service_pid" 2>/dev/null && break
    sleep 0.1
  done
  address=127.0.0.1:$port
  if [ -z "$port" ] || ! "$build/tools/laurel-health" --target="$address" --wait=60s >/dev/null; then
    echo "ingest-service did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
}
stop_service() {
  kill "$service_pid" && wait "$service_pid" || true
  service_pid=
}
# key=value output of the benchmark's programs → the value of $2.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }
json_field() { sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" "$1"; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
# CPU seconds (user + system) used so far by process $1.
cpu_of() { awk -v hz="$clock_ticks" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"; }
# CPU seconds used so far by the whole PostgreSQL cluster: the postmaster, the backends it has reaped
# (cutime, cstime) and those still running.
pg_cpu() {
  local postmaster
  postmaster=$(head -n1 "$LAUREL_PG_DIR/postmaster.pid")
  { cat "/proc/$postmaster/stat"; for pid in $(pgrep -P "$postmaster"); do
    cat "/proc/$pid/stat" 2>/dev/null; done; } |
    awk -v hz="$clock_ticks" -v pm="$postmaster" \
      '{ total += $14 + $15; if ($1 == pm) total += $16 + $17 } END { printf "%.2f", total / hz }'
}

# measure NAME COMMAND...: runs COMMAND (stdout to $work/NAME.out) and records, in $work/NAME.cpu,
# its wall time and the CPU seconds it took in the client, the ingest-service (when one runs) and
# PostgreSQL.
measure() {
  local name=$1 service_before=0 pg_before wall user system
  shift
  [ -n "$service_pid" ] && service_before=$(cpu_of "$service_pid")
  pg_before=$(pg_cpu)
  TIMEFORMAT="%R %U %S"
  # The command's stderr goes with time's report: shown when the command fails.
  if ! { time "$@" >"$work/$name.out"; } 2>"$work/$name.time"; then
    echo "$name failed:" >&2
    cat "$work/$name.time" >&2
    exit 1
  fi
  sleep 0.5  # backends of a client that exited are reaped by now, their CPU in the postmaster's
  read -r wall user system < <(tail -n1 "$work/$name.time")
  local service=0
  [ -n "$service_pid" ] && service=$(calc "%.1f" "$(cpu_of "$service_pid") - $service_before")
  echo "$wall $(calc "%.1f" "$user + $system") $service $(calc "%.1f" "$(pg_cpu) - $pg_before")" \
    >"$work/$name.cpu"
}
# cpu_line NAME LABEL: where the CPU went during a measured run.
cpu_line() {
  local wall client service pg
  read -r wall client service pg <"$work/$1.cpu"
  printf '  %-52s %6.1f s wall %6.1f CPU-s available: client %5.1f  ingest-service %5.1f  PostgreSQL %5.1f\n' \
    "$2" "$wall" "$(calc "%.1f" "$wall * $(nproc)")" "$client" "$service" "$pg"
}

load_before=$(cut -d' ' -f1 /proc/loadavg)
# The same articles twice: JSON lines with their urls for the loaders, and one .txt file each for the
# parser benchmark (bench_parser reads a corpus directory's articles/).
input=$work/articles.jsonl
laurel_log "Writing $articles synthetic articles"
"$build/bench/synthetic/laurel-synth" --count="$articles" --seed=1 --format=jsonl "$input"
"$build/bench/synthetic/laurel-synth" --count="$articles" --seed=1 --format=txt-dir \
  "$work/synthetic/articles"
text_bytes=$(cat "$work"/synthetic/articles/*.txt | wc -c)
megabytes=$(calc "%.1f" "$text_bytes / 1e6")

laurel_log "Parser alone, one core"
LAUREL_CORPUS_DIR=$work/synthetic "$build/bench/parser/bench_parser" \
  --benchmark_filter=BM_ParseCorpus --benchmark_min_time="${LAUREL_BENCH_PARSER_SECONDS:-3}" \
  --benchmark_format=json \
  >"$work/parser.json" 2>/dev/null
parser_bytes_per_s=$(sed -n 's/.*"bytes_per_second": \([0-9.e+]*\).*/\1/p' "$work/parser.json")

laurel_log "Laurel bulk: laurel-load → ingest-service → PostgreSQL"
fresh_database bulk
start_service bulk
measure bulk "$build/tools/laurel-load" --target="$address" --progress=none --summary=json \
  "$input"
bulk_rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status")
stop_service
bulk_rate=$(json_field "$work/bulk.out" articles_per_second)
bulk_created=$(json_field "$work/bulk.out" created)
bulk_stored=$(psql "$(database_url bulk)" -tAc "SELECT count(*) FROM articles")
if [ "$bulk_stored" != "$articles" ] || [ "$bulk_created" != "$articles" ]; then
  echo "the bulk load stored $bulk_stored of $articles articles ($bulk_created reported)" >&2
  exit 1
fi

laurel_log "Laurel's write path alone: parse + InsertBatch in-process, no gRPC (laurel-bench-load)"
fresh_database write_path
measure write_path "$build/bench/statistics/laurel-bench-load" \
  --database_url="$(database_url write_path)" --count="$articles" --seed=1 \
  --batch=2000 --threads=2
write_path_rate=$(sed -n 's/.*: \([0-9]*\) articles\/s/\1/p' "$work/write_path.out")

laurel_log "The rows Laurel stored, for the raw runs"
# Every table Laurel wrote, parents before the tables referring to them.
tables=$(psql "$(database_url bulk)" -tAc "SELECT tablename FROM pg_tables
  WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
  ORDER BY tablename <> 'articles', tablename <> 'distinct_events', tablename <> 'events', tablename")
for table in $tables; do
  psql "$(database_url bulk)" -qc "\\copy $table TO '$work/$table.copy'"
done

laurel_log "Raw PostgreSQL: COPY of the rows"
fresh_database copy
"$build/bench/ingest/raw_pg_load" --database_url="$(database_url copy)" migrate
{
  echo "BEGIN;"
  for table in $tables; do echo "\\copy $table FROM '$work/$table.copy'"; done
  echo "COMMIT;"
} >"$work/copy.sql"
measure copy psql "$(database_url copy)" -q -v ON_ERROR_STOP=1 -f "$work/copy.sql"
copy_rate=$(calc "%.0f" "$bulk_stored / $(cut -d' ' -f1 "$work/copy.cpu")")

laurel_log "Raw PostgreSQL: one transaction per article, 8 connections"
fresh_database transactions
"$build/bench/ingest/raw_pg_load" --database_url="$(database_url transactions)" migrate
# Events refer to the distinct events (one per ceremony, shared by the articles reporting it):
# those are there beforehand, so each transaction stores just its article, events and awards.
psql "$(database_url transactions)" -qc "\\copy distinct_events FROM '$work/distinct_events.copy'"
measure transactions "$build/bench/ingest/raw_pg_load" \
  --database_url="$(database_url transactions)" --clients=8 transactions "$work"

# The raw runs stored the very rows Laurel did.
fingerprint() {
  psql "$(database_url "$1")" -tAc "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM awards),
    (SELECT md5(string_agg(concat_ws('|', id, url, title, author, text), '|' ORDER BY id)) FROM articles)"
}
stored_rows=$(fingerprint bulk)
for raw in copy transactions; do
  raw_rows=$(fingerprint "$raw")
  if [ "$raw_rows" != "$stored_rows" ]; then
    echo "the $raw run stored other rows than the bulk load: $raw_rows, not $stored_rows" >&2
    exit 1
  fi
done

laurel_log "Laurel unary IngestArticle, 8 clients"
fresh_database unary
start_service unary
measure unary "$build/bench/ingest/unary_load" --target="$address" --clients=8 "$input"
unary_rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$service_pid/status")
stop_service

raw_txn_rate=$(field "$(cat "$work/transactions.out")" articles_per_s)
unary_rate=$(field "$(cat "$work/unary.out")" articles_per_s)
parser_rate=$(calc "%.0f" "$parser_bytes_per_s * $articles / $text_bytes")
parser_mbps=$(calc "%.1f" "$parser_bytes_per_s / 1e6")
bulk_ratio=$(calc "%.2f" "$bulk_rate / $copy_rate")
unary_ratio=$(calc "%.2f" "$unary_rate / $raw_txn_rate")
verdict() { awk "BEGIN { print ($1) ? \"met\" : \"MISSED\" }"; }
parse_cpu=$(calc "%.1f" "$articles / $parser_rate")

echo
printf 'Laurel ingest benchmark: %d articles (%s MB of text), %d cores, load average %s at start\n' \
  "$articles" "$megabytes" "$(nproc)" "$load_before"
printf 'bulk stored %d articles (laurel-load reported %d created)\n\n' "$bulk_stored" "$bulk_created"
printf '%-48s %12s %9s %10s %7s\n' "" "articles/s" "vs raw" "target" ""
printf '%-48s %12s\n' "raw PostgreSQL: COPY of the rows" "$copy_rate"
printf '%-48s %12s %8s× %10s %7s\n' "Laurel bulk: laurel-load end to end" "$bulk_rate" \
  "$bulk_ratio" "≥ 0.5×" "$(verdict "$bulk_ratio >= 0.5")"
printf '%-48s %12s %8s×\n' "  (Laurel's write path alone, no gRPC)" "$write_path_rate" \
  "$(calc "%.2f" "$write_path_rate / $copy_rate")"
printf '%-48s %12s\n' "raw PostgreSQL: 1 transaction/article, 8 clients" "$raw_txn_rate"
printf '%-48s %12s %8s× %10s %7s\n' "Laurel unary IngestArticle, 8 clients" "$unary_rate" \
  "$unary_ratio" "≥ 0.8×" "$(verdict "$unary_ratio >= 0.8")"
printf '%-48s %12s %9s\n' "parser alone, one core" "$parser_rate" "$parser_mbps MB/s"
printf '%-48s %12s %9s %10s %7s\n' "ingest-service peak RSS, bulk load" "$bulk_rss MB" "" \
  "≤ 200 MB" "$(verdict "$bulk_rss <= 200")"
printf '%-48s %12s\n' "ingest-service peak RSS, unary load" "$unary_rss MB"
echo
echo "Where the CPU went (the parser alone needs $parse_cpu CPU-s for these articles):"
cpu_line copy "raw PostgreSQL: COPY (client: psql)"
cpu_line bulk "Laurel bulk (client: laurel-load)"
cpu_line write_path "Laurel write path alone (laurel-bench-load)"
cpu_line transactions "raw PostgreSQL: 1 txn/article (client: raw_pg_load)"
cpu_line unary "Laurel unary (client: unary_load)"
