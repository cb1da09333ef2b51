#include "tests/support/private_postgres.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "tests/support/service_process.h"

namespace laurel::testing {
namespace {

std::string PostgresBin() {
  const char* configured = std::getenv("LAUREL_PG_BIN");
  return configured != nullptr ? configured : "/usr/lib/postgresql/15/bin";
}

}  // namespace

absl::StatusOr<std::unique_ptr<PrivatePostgres>> PrivatePostgres::Start() {
  std::string dir = (std::filesystem::temp_directory_path() / "laurel-private-pg-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return absl::InternalError("mkdtemp failed");
  if (geteuid() == 0) {
    const passwd* owner = getpwnam("postgres");
    if (owner == nullptr || chown(dir.c_str(), owner->pw_uid, owner->pw_gid) != 0) {
      return absl::FailedPreconditionError(
          "running as root needs the postgres user to own the data");
    }
  }
  auto server = std::unique_ptr<PrivatePostgres>(new PrivatePostgres(dir, FreePort()));
  if (absl::Status status =
          server->Run("initdb", absl::StrCat("-D '", dir,
                                             "/data' -U postgres --auth=trust --encoding=UTF8 "
                                             "--locale=C.UTF-8 --no-sync"));
      !status.ok()) {
    return status;
  }
  if (absl::Status status = server->Restart(); !status.ok()) return status;
  return server;
}

PrivatePostgres::~PrivatePostgres() {
  (void)Stop();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string PrivatePostgres::admin_url() const {
  return absl::StrCat("postgresql://postgres@", address(), "/postgres");
}

std::string PrivatePostgres::address() const { return absl::StrCat("127.0.0.1:", port_); }

absl::Status PrivatePostgres::Run(const std::string& program, const std::string& arguments) const {
  std::string command = absl::StrCat(PostgresBin(), "/", program, " ", arguments);
  if (geteuid() == 0) command = absl::StrCat("runuser -u postgres -- ", command);
  command = absl::StrCat(command, " >>'", dir_, "/commands.log' 2>&1");
  if (std::system(command.c_str()) != 0) {
    return absl::InternalError(absl::StrCat(program, " failed; see ", dir_, "/commands.log"));
  }
  return absl::OkStatus();
}

absl::Status PrivatePostgres::Stop() {
  return Run("pg_ctl", absl::StrCat("-D '", dir_, "/data' -m immediate -w stop"));
}

absl::Status PrivatePostgres::Restart() {
  // fsync off: the tests stop the server, never the machine, and committed rows survive that.
  return Run("pg_ctl",
             absl::StrCat("-D '", dir_, "/data' -l '", dir_, "/server.log' -w start -o \"-p ",
                          port_, " -k '", dir_, "' -c listen_addresses=127.0.0.1 -c fsync=off\""));
}

}  // namespace laurel::testing
