#!/usr/bin/env bash
# Builds the parser's libFuzzer target with clang (-fsanitize=fuzzer,address,undefined) and fuzzes the
# parser for a bounded time, seeded with tests/fuzz/regressions and the gold corpus (read where it lies,
# never copied). Usage: scripts/fuzz.sh [SECONDS] (default 300). Exits non-zero when the parser crashed;
# the crashing input is left in $LAUREL_BUILD_DIR-fuzz/findings/ — minimise it and keep it as a
# regression in tests/fuzz/regressions.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

seconds=${1:-300}
fuzz_dir="$LAUREL_BUILD_DIR-fuzz"
corpus_dir=${LAUREL_CORPUS_DIR:-$LAUREL_ROOT/../shared/corpus}

laurel_install_packages
laurel_log "Building the parser fuzzer in $fuzz_dir"
CC=clang CXX=clang++ cmake -S "$LAUREL_ROOT" -B "$fuzz_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLAUREL_FUZZ=ON -DLAUREL_SANITIZE=address,undefined -DLAUREL_BUILD_BENCH=OFF >/dev/null
cmake --build "$fuzz_dir" -j "$(nproc)" --target parser_fuzzer

# libFuzzer writes what it learns into the first directory only; the seeds after it are just read.
mkdir -p "$fuzz_dir/learned" "$fuzz_dir/findings"
seeds=("$LAUREL_ROOT/tests/fuzz/regressions")
if [ -d "$corpus_dir/articles" ]; then
  seeds+=("$corpus_dir/articles")
else
  laurel_log "No corpus at $corpus_dir/articles: seeding with the regressions only"
fi
laurel_log "Fuzzing the parser for ${seconds}s (log: $fuzz_dir/fuzz.log)"
status=0
"$fuzz_dir/tests/fuzz/parser_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -print_final_stats=1 -artifact_prefix="$fuzz_dir/findings/" \
  "$fuzz_dir/learned" "${seeds[@]}" >"$fuzz_dir/fuzz.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  tail -n 60 "$fuzz_dir/fuzz.log"
  laurel_log "The parser fuzzer failed; the input is in $fuzz_dir/findings/"
  exit "$status"
fi
grep -E '^(INFO: Seed|#[0-9]+[[:space:]]+(INITED|DONE))|^stat::|^Done' "$fuzz_dir/fuzz.log"
