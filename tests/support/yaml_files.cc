#include "tests/support/yaml_files.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace laurel::testing {
namespace {

// Resolves `<<` keys in place, depth first; keys the mapping sets itself win over merged ones.
YAML::Node Merged(const YAML::Node& node) {
  if (node.IsSequence()) {
    YAML::Node sequence(YAML::NodeType::Sequence);
    for (const YAML::Node& item : node) sequence.push_back(Merged(item));
    return sequence;
  }
  if (!node.IsMap()) return node;
  YAML::Node map(YAML::NodeType::Map);
  for (const auto& entry : node) {
    if (entry.first.as<std::string>() == "<<") continue;
    map[entry.first.as<std::string>()] = Merged(entry.second);
  }
  if (const YAML::Node merge = node["<<"]) {
    for (const auto& entry : Merged(merge)) {
      if (!map[entry.first.as<std::string>()]) map[entry.first.as<std::string>()] = entry.second;
    }
  }
  return map;
}

}  // namespace

absl::StatusOr<std::vector<YAML::Node>> LoadYamlDocuments(const std::string& path) {
  try {
    std::vector<YAML::Node> documents;
    for (const YAML::Node& document : YAML::LoadAllFromFile(path)) {
      if (document.IsNull()) continue;
      documents.push_back(Merged(document));
    }
    return documents;
  } catch (const YAML::Exception& error) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", error.what()));
  }
}

int PortOf(const std::string& address) {
  int port = -1;
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos || !absl::SimpleAtoi(address.substr(colon + 1), &port)) return -1;
  return port;
}

}  // namespace laurel::testing
