#pragma once

#include <cstdint>
#include <vector>

#include "ingest-service/src/article_repository.h"
#include "pqxx/pqxx"

// Staging for set-based writes: a batch's articles, events and awards are copied (COPY, through
// pqxx::stream_to) into session-local temporary tables, and single INSERT ... SELECT statements
// move them into the stored tables. Rows get their ids here, before anything is inserted, so that
// events and awards can name their article and event.
namespace laurel::ingest {

// Creates the staging tables on this connection if it has none yet. They empty themselves at every
// commit (ON COMMIT DELETE ROWS).
void EnsureStagingTables(pqxx::transaction_base& transaction);

// An article to stage: its stored id (new or existing) and what to store.
struct StagedArticle {
  int64_t id = 0;
  const NewArticle* article = nullptr;
};

// Allocates ids for `count` new articles.
std::vector<int64_t> AllocateArticleIds(pqxx::transaction_base& transaction, size_t count);

// Copies the articles into laurel_staged_articles (in batch order: `ordinal` is the position) and
// their events and awards, with freshly allocated ids, into laurel_staged_events and
// laurel_staged_awards.
void StageArticles(pqxx::transaction_base& transaction, const std::vector<StagedArticle>& articles);

}  // namespace laurel::ingest
