#include "tools/client_connection.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"

ABSL_FLAG(std::string, ca_file, "", "PEM CA certificates to verify the server with; turns TLS on.");
ABSL_FLAG(std::string, client_cert_file, "", "PEM client certificate, for mutual TLS.");
ABSL_FLAG(std::string, client_key_file, "", "PEM key of --client_cert_file.");
ABSL_FLAG(std::string, tls_server_name, "",
          "Name the server's certificate must carry, when not the target's host.");

namespace laurel::tools {
namespace {

std::string ReadOrExit(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::shared_ptr<grpc::Channel> ClientChannel(const std::string& target) {
  grpc::ChannelArguments arguments;
  // Clients often wait for a server that is starting. After a refused connection gRPC re-resolves
  // the name (by default at most every 30 s) and backs off (up to 2 min); a server that comes up a
  // moment later should be found within a second or so.
  arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
  arguments.SetInt(GRPC_ARG_DNS_MIN_TIME_BETWEEN_RESOLUTIONS_MS, 500);
  if (absl::GetFlag(FLAGS_ca_file).empty()) {
    return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), arguments);
  }
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = ReadOrExit(absl::GetFlag(FLAGS_ca_file));
  if (!absl::GetFlag(FLAGS_client_cert_file).empty()) {
    options.pem_cert_chain = ReadOrExit(absl::GetFlag(FLAGS_client_cert_file));
    options.pem_private_key = ReadOrExit(absl::GetFlag(FLAGS_client_key_file));
  }
  if (!absl::GetFlag(FLAGS_tls_server_name).empty()) {
    arguments.SetSslTargetNameOverride(absl::GetFlag(FLAGS_tls_server_name));
  }
  return grpc::CreateCustomChannel(target, grpc::SslCredentials(options), arguments);
}

std::unique_ptr<grpc::ClientContext> CallContext(absl::Duration timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (timeout != absl::InfiniteDuration()) {
    context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  }
  if (const char* token = std::getenv("LAUREL_TOKEN"); token != nullptr && *token != '\0') {
    context->AddMetadata("authorization", absl::StrCat("Bearer ", token));
  }
  return context;
}

}  // namespace laurel::tools
