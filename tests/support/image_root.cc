#include "tests/support/image_root.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "tests/support/buf_curl.h"
#include "tests/support/source_tree.h"

namespace laurel::testing {

namespace fs = std::filesystem;

ImageRoot::ImageRoot() {
  std::string pattern = (fs::temp_directory_path() / "laurel-image-XXXXXX").string();
  root_ = mkdtemp(pattern.data());
  bin_ = root_ / "bin";
  // RUN cmake --install build --prefix /opt/laurel --strip; COPY --from=build /opt/laurel/bin/ ...
  const CommandResult install = RunCommand(
      absl::StrCat("cmake --install ", LAUREL_BUILD_DIR, " --prefix ", root_.string(), " --strip"));
  if (install.exit_code != 0) {
    error_ = install.output;
    return;
  }
  for (const auto& entry : fs::directory_iterator(bin_)) installed_.push_back(entry.path());
  std::sort(installed_.begin(), installed_.end());
  // COPY deploy/docker/laurel-entrypoint.sh /usr/local/bin/laurel-entrypoint
  fs::copy_file(SourcePath("deploy/docker/laurel-entrypoint.sh"), bin_ / "laurel-entrypoint");
  for (const fs::path& path : {root_, bin_}) chmod(path.c_str(), 0755);
  for (const auto& entry : fs::directory_iterator(bin_)) chmod(entry.path().c_str(), 0755);
}

ImageRoot::~ImageRoot() { fs::remove_all(root_); }

}  // namespace laurel::testing
