#pragma once

#include <deque>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "common/call_scope.h"
#include "ingest-service/src/article_repository.h"
#include "ingest-service/src/batch_store.h"

namespace laurel::ingest {

struct GroupCommitOptions {
  // Transactions in flight at once, each on a thread and a connection of its own. One by default:
  // two concurrent groups update the same rollup rows and take turns anyway (measured: more
  // PostgreSQL CPU per article, no more articles per second).
  int writers = 1;
  // Most articles in one transaction.
  int max_articles = 64;
  BatchStoreOptions store;
};

// Group commit for articles submitted one per call (IngestArticle): the articles of the calls that
// arrive while a transaction is being written wait together and go into the next one, through
// StoreBatch as in bulk ingest.
//
// Why: every write updates rows of the rollup tables, and concurrent writes of articles from the
// same months, provinces and issuers update the same rows, so their transactions take turns from
// their rollup update until their commit has reached the disk. One transaction per article caps the
// rate at one commit flush per article whatever the number of clients (measured: 8 clients stored
// fewer articles per second than 1); one transaction per group pays the flush, the rollup update
// and the round trips once per group.
//
// Each article stays all or nothing: its rows are written by one transaction, which commits or
// rolls back as a whole. When the database refuses a group for something one article holds,
// StoreBatch stores the others without it, and only that article's call fails.
//
// How many calls wait is bounded by the server's threads (--max_threads): each is a call being
// served. A group's transaction runs until the last of its calls has given up (cancelled or past
// its deadline), then its statement is cancelled; a call that gives up before its article is taken
// leaves the group at once, and its article is not stored.
class GroupCommit {
 public:
  GroupCommit(ArticleRepository& repository, GroupCommitOptions options);
  // Stores what is waiting, then stops the writers.
  ~GroupCommit();
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Stores `article` in the next group and waits for its commit. Within a CallScope, the wait ends
  // with the call: DEADLINE_EXCEEDED or CANCELLED.
  absl::StatusOr<StoredArticle> Store(NewArticle article);

  // Articles waiting for a group (not yet in a transaction).
  int Waiting();

 private:
  struct Submission {
    NewArticle* article;     // moved into the group's batch when taken
    const CallLimits* call;  // nullptr outside a CallScope
    bool taken = false;      // in a group being written
    bool done = false;
    absl::StatusOr<StoredArticle> result = absl::UnknownError("not stored");
  };

  void Write();
  // The limits of a group: it ends when every call in it has ended.
  static CallLimits GroupLimits(const std::vector<Submission*>& group);

  ArticleRepository& repository_;
  const GroupCommitOptions options_;
  absl::Mutex mutex_;
  std::deque<Submission*> waiting_ ABSL_GUARDED_BY(mutex_);
  bool stopping_ ABSL_GUARDED_BY(mutex_) = false;
  std::vector<std::thread> writers_;
};

}  // namespace laurel::ingest
