#include "ingest-service/src/group_commit.h"

#include <algorithm>
#include <utility>

#include "absl/time/clock.h"

namespace laurel::ingest {
namespace {

// How often a waiting call checks whether its client has cancelled.
constexpr absl::Duration kCancelPoll = absl::Milliseconds(50);

bool Ended(const CallLimits* call) {
  return call != nullptr && (call->cancelled() || absl::Now() >= call->deadline);
}

}  // namespace

GroupCommit::GroupCommit(ArticleRepository& repository, GroupCommitOptions options)
    : repository_(repository), options_(std::move(options)) {
  for (int i = 0; i < std::max(1, options_.writers); ++i)
    writers_.emplace_back([this] { Write(); });
}

GroupCommit::~GroupCommit() {
  {
    absl::MutexLock lock(&mutex_);
    stopping_ = true;
  }
  for (std::thread& writer : writers_) writer.join();
}

absl::StatusOr<StoredArticle> GroupCommit::Store(NewArticle article) {
  Submission waiting{.article = &article, .call = CallScope::Current()};
  absl::MutexLock lock(&mutex_);
  waiting_.push_back(&waiting);
  const auto done = [&waiting]() { return waiting.done; };
  while (!mutex_.AwaitWithTimeout(absl::Condition(&done), kCancelPoll)) {
    if (!waiting.taken && Ended(waiting.call)) {
      waiting_.erase(std::find(waiting_.begin(), waiting_.end(), &waiting));
      return waiting.call->cancelled() && absl::Now() < waiting.call->deadline
                 ? absl::CancelledError("the call was cancelled before its article was stored")
                 : absl::DeadlineExceededError(
                       "the call's deadline passed before its article was stored");
    }
  }
  return std::move(waiting.result);
}

int GroupCommit::Waiting() {
  absl::MutexLock lock(&mutex_);
  return static_cast<int>(waiting_.size());
}

CallLimits GroupCommit::GroupLimits(const std::vector<Submission*>& group) {
  CallLimits limits{.deadline = absl::InfinitePast()};
  std::vector<const CallLimits*> calls;
  for (const Submission* waiting : group) {
    // A caller outside any call never gives up: neither does its group.
    if (waiting->call == nullptr) return CallLimits();
    limits.deadline = std::max(limits.deadline, waiting->call->deadline);
    calls.push_back(waiting->call);
  }
  // The callers wait until their group is written, so their limits outlive it.
  limits.cancelled = [calls = std::move(calls)] {
    return std::all_of(calls.begin(), calls.end(),
                       [](const CallLimits* call) { return Ended(call); });
  };
  return limits;
}

void GroupCommit::Write() {
  for (;;) {
    std::vector<Submission*> group;
    {
      absl::MutexLock lock(&mutex_);
      const auto work = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
        return stopping_ || !waiting_.empty();
      };
      mutex_.Await(absl::Condition(&work));
      if (waiting_.empty()) return;  // stopping, and nothing is left to store
      while (!waiting_.empty() && static_cast<int>(group.size()) < options_.max_articles) {
        group.push_back(waiting_.front());
        group.back()->taken = true;
        waiting_.pop_front();
      }
    }
    std::vector<NewArticle> articles;
    articles.reserve(group.size());
    for (Submission* waiting : group) articles.push_back(std::move(*waiting->article));
    absl::StatusOr<std::vector<absl::StatusOr<StoredArticle>>> stored;
    {
      const CallScope call(GroupLimits(group));
      stored = StoreBatch(repository_, articles, options_.store);
    }
    absl::MutexLock lock(&mutex_);
    for (size_t i = 0; i < group.size(); ++i) {
      group[i]->result = stored.ok() ? std::move((*stored)[i]) : stored.status();
      group[i]->done = true;
    }
  }
}

}  // namespace laurel::ingest
