#pragma once

#include "bench/synthetic/article_generator.h"
#include "laurel/v1/ingest_article_request.pb.h"

namespace laurel::synthetic {

// The IngestArticle request that submits `article`: its text, url and source.
v1::IngestArticleRequest IngestRequestFor(const SyntheticArticle& article);

}  // namespace laurel::synthetic
