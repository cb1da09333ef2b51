#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "yaml-cpp/yaml.h"

namespace laurel::testing {

// Every document of a YAML file (Kubernetes manifests hold several, separated by ---), with merge
// keys (`<<: *anchor`, which Compose files use and yaml-cpp leaves unresolved) merged in.
absl::StatusOr<std::vector<YAML::Node>> LoadYamlDocuments(const std::string& path);

// The port of a HOST:PORT address ("0.0.0.0:50051" → 50051); -1 when there is none.
int PortOf(const std::string& address);

}  // namespace laurel::testing
