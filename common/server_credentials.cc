#include "common/server_credentials.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace laurel {
namespace {

absl::StatusOr<std::string> ReadPem(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whether HOST:PORT names an address only this machine can reach.
bool IsLoopback(const std::string& listen) {
  return absl::StartsWith(listen, "127.") || absl::StartsWith(listen, "localhost:") ||
         absl::StartsWith(listen, "[::1]:");
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TlsFiles& tls, std::shared_ptr<grpc::AuthMetadataProcessor> authenticator,
    const std::string& listen) {
  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (!tls.cert_file.empty() || !tls.key_file.empty()) {
    if (tls.cert_file.empty() || tls.key_file.empty()) {
      return absl::InvalidArgumentError("TLS needs both a certificate and a key file");
    }
    auto cert = ReadPem(tls.cert_file);
    if (!cert.ok()) return cert.status();
    auto key = ReadPem(tls.key_file);
    if (!key.ok()) return key.status();
    grpc::SslServerCredentialsOptions options;
    options.pem_key_cert_pairs.push_back({*key, *cert});
    if (!tls.client_ca_file.empty()) {
      auto client_ca = ReadPem(tls.client_ca_file);
      if (!client_ca.ok()) return client_ca.status();
      options.pem_root_certs = *client_ca;
      options.client_certificate_request =
          GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
    }
    credentials = grpc::SslServerCredentials(options);
  } else if (!tls.client_ca_file.empty()) {
    return absl::InvalidArgumentError("mutual TLS needs TLS: set the certificate and key files");
  } else if (authenticator != nullptr) {
    if (!IsLoopback(listen)) {
      return absl::FailedPreconditionError(absl::StrCat(
          "tokens must not cross the network in clear text: turn on TLS or listen on a loopback "
          "address, not ",
          listen));
    }
    // Plaintext like InsecureServerCredentials, but it can run an authenticator (insecure
    // credentials cannot) and it refuses any peer that is not on this machine.
    credentials = grpc::experimental::LocalServerCredentials(LOCAL_TCP);
  } else {
    return grpc::InsecureServerCredentials();
  }
  if (authenticator != nullptr) credentials->SetAuthMetadataProcessor(authenticator);
  return credentials;
}

}  // namespace laurel
