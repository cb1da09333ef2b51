#!/bin/sh
# laurel-entrypoint: how a Laurel image starts. Configuration comes from LAUREL_* variables (every flag
# has one); arguments after the command are passed on as flags.
#   laurel-entrypoint ingest-service|query-service [FLAG...]   run the service; it becomes PID 1 and
#                                                             handles SIGTERM itself
#   laurel-entrypoint migrate [FLAG...]       apply the database migrations, then exit (0 when done)
#   laurel-entrypoint healthcheck             exit 0 when the service in this container is SERVING
#   laurel-entrypoint COMMAND [ARG...]        anything else, e.g. laurel-load or laurel-stats
set -eu

if [ $# -eq 0 ]; then
  echo "usage: laurel-entrypoint ingest-service|query-service|migrate|healthcheck|COMMAND [ARG...]" >&2
  exit 64
fi

command=$1
shift
case "$command" in
  ingest-service | query-service)
    exec "$command" "$@"
    ;;
  migrate)
    exec laurel-migrate "$@"
    ;;
  healthcheck)
    # Asks the port the service listens on (LAUREL_LISTEN=HOST:PORT) over loopback.
    exec laurel-health --target="127.0.0.1:${LAUREL_LISTEN##*:}" "$@"
    ;;
  *)
    exec "$command" "$@"
    ;;
esac
