#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace laurel::testing {

// What the runtime image's /usr/local/bin holds, laid out in a temporary directory the way the
// Dockerfile lays it out: `cmake --install --strip` of the build tree (as the build stage does),
// and deploy/docker/laurel-entrypoint.sh as laurel-entrypoint, everything readable and executable
// by the image's unprivileged user. Removed again when this object goes.
class ImageRoot {
 public:
  ImageRoot();
  ~ImageRoot();
  ImageRoot(const ImageRoot&) = delete;
  ImageRoot& operator=(const ImageRoot&) = delete;

  const std::filesystem::path& bin() const { return bin_; }
  // Every file of bin() that cmake installed (the entrypoint script left out).
  const std::vector<std::filesystem::path>& installed() const { return installed_; }
  // Non-empty when the installation failed: what cmake said.
  const std::string& error() const { return error_; }

 private:
  std::filesystem::path root_;
  std::filesystem::path bin_;
  std::vector<std::filesystem::path> installed_;
  std::string error_;
};

}  // namespace laurel::testing
