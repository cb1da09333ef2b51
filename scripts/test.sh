#!/usr/bin/env bash
# Installs what is missing, builds, starts a private PostgreSQL and runs every test; prints the extraction
# scores at the end. Safe to re-run.
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
for report in "$LAUREL_REPORT_DIR"/*.txt; do
  [ -e "$report" ] && cat "$report"
done
exit $status
