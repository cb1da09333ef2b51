#include "bench/synthetic/ingest_request.h"

namespace laurel::synthetic {

v1::IngestArticleRequest IngestRequestFor(const SyntheticArticle& article) {
  v1::IngestArticleRequest request;
  request.set_text(article.text);
  request.set_url(article.url);
  request.set_source(article.source);
  return request;
}

}  // namespace laurel::synthetic
