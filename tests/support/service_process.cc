#include "tests/support/service_process.h"

#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/grpcpp.h"

extern char** environ;

namespace laurel::testing {

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

std::shared_ptr<grpc::Channel> TestChannel(const std::string& address,
                                           std::shared_ptr<grpc::ChannelCredentials> credentials) {
  grpc::ChannelArguments arguments;
  arguments.SetSslTargetNameOverride("localhost");
  // A fresh connection per channel: tests restart services and databases under their clients.
  arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  return grpc::CreateCustomChannel(
      address, credentials != nullptr ? credentials : grpc::InsecureChannelCredentials(),
      arguments);
}

absl::StatusOr<grpc::health::v1::HealthCheckResponse::ServingStatus> CheckHealth(
    const std::string& address, const std::string& service,
    std::shared_ptr<grpc::ChannelCredentials> credentials) {
  auto stub = grpc::health::v1::Health::NewStub(TestChannel(address, std::move(credentials)));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(service);
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.error_code()), status.error_message());
  }
  return response.status();
}

absl::Status WaitForHealth(const std::string& address,
                           grpc::health::v1::HealthCheckResponse::ServingStatus wanted,
                           absl::Duration timeout,
                           std::shared_ptr<grpc::ChannelCredentials> credentials) {
  const absl::Time deadline = absl::Now() + timeout;
  std::string last = "no answer";
  while (absl::Now() < deadline) {
    auto status = CheckHealth(address, "", credentials);
    if (status.ok() && *status == wanted) return absl::OkStatus();
    last = status.ok() ? grpc::health::v1::HealthCheckResponse::ServingStatus_Name(*status)
                       : status.status().ToString();
    absl::SleepFor(absl::Milliseconds(100));
  }
  return absl::DeadlineExceededError(absl::StrCat(
      address, " did not become ",
      grpc::health::v1::HealthCheckResponse::ServingStatus_Name(wanted), "; last: ", last));
}

absl::StatusOr<std::unique_ptr<ServiceProcess>> ServiceProcess::Start(
    const std::string& binary, const std::vector<std::string>& args,
    const std::vector<std::pair<std::string, std::string>>& environment,
    const ProcessOptions& options) {
  static std::atomic<int> counter{0};
  const char* temp = std::getenv("TMPDIR");
  const std::string log_path = absl::StrCat(temp != nullptr ? temp : "/tmp", "/laurel-test-",
                                            getpid(), "-", counter++, ".log");
  std::vector<std::string> env_strings;
  if (!options.clean_environment) {
    for (char** entry = environ; *entry != nullptr; ++entry) env_strings.emplace_back(*entry);
  }
  for (const auto& [name, value] : environment)
    env_strings.push_back(absl::StrCat(name, "=", value));
  std::vector<std::string> argv_strings = {binary};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::string metrics_listen;
  for (const auto& [name, value] : environment) {
    if (name == "LAUREL_METRICS_LISTEN") metrics_listen = value;
  }
  for (const std::string& arg : args) {
    if (absl::StartsWith(arg, "--metrics_listen=")) metrics_listen = arg.substr(17);
  }
  if (metrics_listen.empty()) {
    metrics_listen = absl::StrCat("127.0.0.1:", FreePort());
    argv_strings.push_back(absl::StrCat("--metrics_listen=", metrics_listen));
  }
  // A wildcard address is scraped on loopback.
  const std::string metrics_address = absl::StrCat(
      "127.0.0.1:", std::vector<absl::string_view>(absl::StrSplit(metrics_listen, ':')).back());

  std::vector<char*> argv_pointers, env_pointers;
  for (auto& s : argv_strings) argv_pointers.push_back(s.data());
  argv_pointers.push_back(nullptr);
  for (auto& s : env_strings) env_pointers.push_back(s.data());
  env_pointers.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(log, STDOUT_FILENO);
    dup2(log, STDERR_FILENO);
    // The log file is opened first, so the test can read it whoever the process runs as.
    if (options.gid >= 0 && (setgroups(0, nullptr) != 0 || setgid(options.gid) != 0)) _exit(126);
    if (options.uid >= 0 && setuid(options.uid) != 0) _exit(126);
    // A test that dies takes its services with it (set after the user switch, which clears it).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The test runner may have blocked signals; the service must see its own SIGTERM.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    execve(binary.c_str(), argv_pointers.data(), env_pointers.data());
    _exit(127);
  }
  return std::unique_ptr<ServiceProcess>(new ServiceProcess(pid, log_path, metrics_address));
}

ServiceProcess::~ServiceProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  unlink(log_path_.c_str());
}

absl::StatusOr<int> ServiceProcess::Terminate(absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("already stopped");
  kill(pid_, SIGTERM);
  auto exit_code = Wait(timeout);
  if (absl::IsDeadlineExceeded(exit_code.status())) {
    return absl::DeadlineExceededError("the service did not stop after SIGTERM");
  }
  return exit_code;
}

absl::StatusOr<int> ServiceProcess::Wait(absl::Duration timeout) {
  if (pid_ <= 0) return absl::FailedPreconditionError("already stopped");
  const absl::Time deadline = absl::Now() + timeout;
  while (absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = 0;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError("the process did not exit in time");
}

std::string ServiceProcess::logs() const {
  std::ifstream in(log_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace laurel::testing
