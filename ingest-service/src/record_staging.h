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

// Computes event_fingerprint() of every staged event from it and its staged awards.
extern const char kFingerprintStagedEvents[];

// Moves the fingerprinted staged events and awards into the stored tables (the staged articles must
// be stored already). Each event joins the distinct event of its fingerprint, stored or of the same
// batch: a new fingerprint makes a distinct event whose first report is this one, a known one adds
// a mention. An award is counted when it was given at no event or at the first report of its event.
// Several statements, for one round trip.
extern const char kStoreStagedRecords[];

}  // namespace laurel::ingest
