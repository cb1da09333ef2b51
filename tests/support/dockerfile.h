#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace laurel::testing {

// One instruction, continuation lines joined: keyword in upper case, the rest as written.
struct DockerInstruction {
  std::string keyword;
  std::string arguments;
};

// FROM base [AS name] and what follows it.
struct DockerStage {
  std::string base;
  std::string name;
  std::vector<DockerInstruction> instructions;
};

// A Dockerfile read the way the builder reads it, enough to check what an image will be without
// building it.
class Dockerfile {
 public:
  static absl::StatusOr<Dockerfile> Parse(const std::string& text);

  const std::vector<DockerStage>& stages() const { return stages_; }
  // The stage called `name`, or null.
  const DockerStage* Stage(const std::string& name) const;
  // The stages `name` is built from, itself last: FROM chains through named stages.
  std::vector<const DockerStage*> Lineage(const std::string& name) const;
  // Every `keyword` instruction of `name` and the stages it is built from, in order.
  std::vector<std::string> Arguments(const std::string& name, const std::string& keyword) const;
  // The environment an image built from stage `name` starts with (ENV, inherited).
  std::map<std::string, std::string> Environment(const std::string& name) const;
  // The last `keyword` (ENTRYPOINT, CMD, USER, HEALTHCHECK) in effect for `name`; "" if none.
  std::string Last(const std::string& name, const std::string& keyword) const;

 private:
  std::vector<DockerStage> stages_;
};

// The JSON array of an exec-form ENTRYPOINT, CMD or HEALTHCHECK CMD; INVALID_ARGUMENT for the
// shell form, which would make /bin/sh PID 1 and keep SIGTERM from the service.
absl::StatusOr<std::vector<std::string>> ExecForm(const std::string& arguments);

// The packages an `apt-get install` in `run` (a RUN instruction's arguments) installs.
std::vector<std::string> AptInstalledPackages(const std::string& run);

}  // namespace laurel::testing
