#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace laurel::testing {

// A throw-away CA with a server certificate for localhost/127.0.0.1 and a client certificate, made
// with the openssl command in a temporary directory that goes with this object.
class TestCertificates {
 public:
  static absl::StatusOr<std::unique_ptr<TestCertificates>> Create();
  ~TestCertificates();

  std::string ca_file() const { return dir_ + "/ca.crt"; }
  std::string server_cert_file() const { return dir_ + "/server.crt"; }
  std::string server_key_file() const { return dir_ + "/server.key"; }
  std::string client_cert_file() const { return dir_ + "/client.crt"; }
  std::string client_key_file() const { return dir_ + "/client.key"; }

  // The contents of one of the files above.
  static std::string Read(const std::string& path);

 private:
  explicit TestCertificates(std::string dir) : dir_(std::move(dir)) {}
  const std::string dir_;
};

}  // namespace laurel::testing
