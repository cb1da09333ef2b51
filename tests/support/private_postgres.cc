#include "tests/support/private_postgres.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "pqxx/pqxx"
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
  std::string initdb = absl::StrCat(PostgresBin(), "/initdb -D '", dir,
                                    "/data' -U postgres --auth=trust --encoding=UTF8 "
                                    "--locale=C.UTF-8 --no-sync >'",
                                    dir, "/initdb.log' 2>&1");
  if (geteuid() == 0) initdb = absl::StrCat("runuser -u postgres -- ", initdb);
  if (std::system(initdb.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("initdb failed; see ", dir, "/initdb.log"));
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

absl::Status PrivatePostgres::Stop() {
  if (pid_ <= 0) return absl::OkStatus();
  // SIGQUIT is PostgreSQL's immediate shutdown: what a crash looks like to its clients.
  kill(pid_, SIGQUIT);
  waitpid(pid_, nullptr, 0);
  pid_ = 0;
  return absl::OkStatus();
}

absl::Status PrivatePostgres::Restart() {
  const std::string postgres = PostgresBin() + "/postgres";
  const std::string data = dir_ + "/data";
  const std::string port = absl::StrCat(port_);
  const std::string log = dir_ + "/server.log";
  const passwd* owner = geteuid() == 0 ? getpwnam("postgres") : nullptr;
  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    if (owner != nullptr &&
        (setgroups(0, nullptr) != 0 || setgid(owner->pw_gid) != 0 || setuid(owner->pw_uid) != 0)) {
      _exit(126);
    }
    // After the change of user, which clears it: the server dies with the test, even a crashed
    // one.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    // fsync off: the tests stop the server, never the machine, and committed rows survive that.
    execl(postgres.c_str(), postgres.c_str(), "-D", data.c_str(), "-p", port.c_str(), "-k",
          dir_.c_str(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", nullptr);
    _exit(127);
  }
  pid_ = pid;
  const absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (absl::Now() < deadline) {
    try {
      pqxx::connection probe(admin_url());
      return absl::OkStatus();
    } catch (const std::exception&) {
      absl::SleepFor(absl::Milliseconds(50));  // still starting, or recovering from the crash
    }
  }
  return absl::DeadlineExceededError(absl::StrCat("PostgreSQL did not start; see ", log));
}

}  // namespace laurel::testing
