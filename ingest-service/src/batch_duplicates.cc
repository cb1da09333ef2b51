#include "ingest-service/src/batch_duplicates.h"

#include <string>

#include "absl/container/flat_hash_map.h"

namespace laurel::ingest {

std::vector<size_t> FirstOccurrences(const std::vector<NewArticle>& articles) {
  std::vector<size_t> first(articles.size());
  absl::flat_hash_map<std::string, size_t> by_request_id, by_url, by_identity;
  // The first article seen under `key`, or nullptr; remembers `index` when none was.
  const auto claim = [](absl::flat_hash_map<std::string, size_t>& seen, const std::string& key,
                        size_t index) -> const size_t* {
    if (key.empty()) return nullptr;
    const auto [it, inserted] = seen.try_emplace(key, index);
    return inserted ? nullptr : &it->second;
  };
  for (size_t i = 0; i < articles.size(); ++i) {
    const ArticleKeys& keys = articles[i].keys;
    const size_t* same = claim(by_request_id, keys.request_id, i);
    const size_t* same_url = claim(by_url, keys.url, i);
    const size_t* same_text =
        keys.url.empty() ? claim(by_identity, keys.identity_hash, i) : nullptr;
    if (same == nullptr) same = same_url;
    if (same == nullptr) same = same_text;
    first[i] = same == nullptr ? i : first[*same];
  }
  return first;
}

}  // namespace laurel::ingest
