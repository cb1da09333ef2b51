#!/usr/bin/env bash
# Installs what is missing, builds, starts a private PostgreSQL and runs every test — then the unit tests
# again under AddressSanitizer and UndefinedBehaviorSanitizer, and the parser fuzzer for a short while;
# prints the extraction scores at the end. Safe to re-run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

laurel_install_packages
laurel_build
laurel_install_node_tools
laurel_start_postgres
export LAUREL_TEST_DATABASE_URL="$LAUREL_ADMIN_URL"
export LAUREL_REPORT_DIR="$LAUREL_BUILD_DIR/reports"
mkdir -p "$LAUREL_REPORT_DIR"

laurel_log "Running the tests"
status=0
ctest --test-dir "$LAUREL_BUILD_DIR" --output-on-failure -j "$(nproc)" || status=$?

# The unit tests once more, built with AddressSanitizer and UndefinedBehaviorSanitizer: only what they
# need, in a build directory of their own.
laurel_log "Running the unit tests under AddressSanitizer and UndefinedBehaviorSanitizer"
sanitize_dir="$LAUREL_BUILD_DIR-sanitize"
cmake -S "$LAUREL_ROOT" -B "$sanitize_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLAUREL_SANITIZE=address,undefined -DLAUREL_BUILD_BENCH=OFF >/dev/null
cmake --build "$sanitize_dir" -j "$(nproc)" --target laurel_unit_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$sanitize_dir" -L unit --output-on-failure -j "$(nproc)" || status=$?

# A short fuzzing run keeps the fuzz target building and replays every kept input through it;
# scripts/fuzz.sh SECONDS runs longer.
"$LAUREL_ROOT/scripts/fuzz.sh" "${LAUREL_FUZZ_SECONDS:-30}" || status=$?

for report in "$LAUREL_REPORT_DIR"/*.txt; do
  [ -e "$report" ] && cat "$report"
done
exit $status
