#include "tests/support/test_certificates.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace laurel::testing {

absl::StatusOr<std::unique_ptr<TestCertificates>> TestCertificates::Create() {
  std::string dir = (std::filesystem::temp_directory_path() / "laurel-certs-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return absl::InternalError("mkdtemp failed");
  auto certificates = std::unique_ptr<TestCertificates>(new TestCertificates(dir));
  const std::string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
  const std::string script = absl::StrCat(
      "set -e; cd '", dir, "'\n", "openssl req -x509 ", key,
      " -keyout ca.key -out ca.crt -days 2 -subj /CN=laurel-test-ca\n",
      "for who in server client; do\n", "  openssl req ", key,
      " -keyout $who.key -out $who.csr -subj /CN=$who\n", "done\n",
      "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > server.ext\n",
      "printf 'extendedKeyUsage=clientAuth\\n' > client.ext\n", "for who in server client; do\n",
      "  openssl x509 -req -in $who.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \\\n",
      "    -extfile $who.ext -out $who.crt\n", "done\n");
  std::ofstream(dir + "/make.sh") << script;
  if (std::system(absl::StrCat("bash '", dir, "/make.sh' >/dev/null 2>&1").c_str()) != 0) {
    return absl::InternalError("openssl could not make the test certificates (is it installed?)");
  }
  return certificates;
}

TestCertificates::~TestCertificates() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string TestCertificates::Read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace laurel::testing
