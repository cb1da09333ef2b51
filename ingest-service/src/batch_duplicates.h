#pragma once

#include <cstddef>
#include <vector>

#include "ingest-service/src/article_repository.h"

namespace laurel::ingest {

// For each article of a batch, the index of the first article of the batch that is the same article
// (its own index when there is none before it): the same non-empty request_id, or the same url, or
// — both without a url — the same identity hash, exactly as the stored tables' unique keys decide.
std::vector<size_t> FirstOccurrences(const std::vector<NewArticle>& articles);

}  // namespace laurel::ingest
