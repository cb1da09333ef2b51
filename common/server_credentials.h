#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "grpcpp/security/auth_metadata_processor.h"
#include "grpcpp/security/server_credentials.h"

namespace laurel {

// PEM files that turn on TLS. Plaintext when cert_file is empty.
struct TlsFiles {
  std::string cert_file;  // the server's certificate chain
  std::string key_file;   // its private key
  // When set, clients must present a certificate signed by one of these CAs (mutual TLS).
  std::string client_ca_file;
};

// Credentials for a server listening on `listen`, running `authenticator` (when not null) on every
// call. Bearer tokens must not cross a network in clear text, so an authenticator without TLS is
// only accepted on a loopback address (for a TLS-terminating proxy beside the service);
// FAILED_PRECONDITION otherwise, and NOT_FOUND for an unreadable file.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const TlsFiles& tls, std::shared_ptr<grpc::AuthMetadataProcessor> authenticator,
    const std::string& listen);

}  // namespace laurel
