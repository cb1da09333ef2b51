#include "ingest-service/src/article_identity.h"

#include <openssl/sha.h>

#include "ingest-service/src/parser/parse_article.h"

namespace laurel::ingest {

std::string ArticleIdentityHash(std::string_view text) {
  const std::string folded = parser::FoldForIdentity(text);
  std::string digest(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(folded.data()), folded.size(),
         reinterpret_cast<unsigned char*>(digest.data()));
  return digest;
}

}  // namespace laurel::ingest
