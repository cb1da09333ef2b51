#include "tools/load/stream_loader.h"

#include <thread>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/grpc_status.h"
#include "tools/client_connection.h"

namespace laurel::load {
namespace {

using Outcome = v1::IngestArticleOutcome;

// Failures after which the same articles may well go through: the service or its database away or
// busy, the connection lost. The others (a request the service cannot serve) would fail again.
bool IsRetryable(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kUnavailable:
    case absl::StatusCode::kResourceExhausted:
    case absl::StatusCode::kAborted:
    case absl::StatusCode::kDeadlineExceeded:
    case absl::StatusCode::kCancelled:  // by the server, e.g. shutting down; Interrupt stops us
                                        // first
    case absl::StatusCode::kInternal:
    case absl::StatusCode::kUnknown:
      return true;
    default:
      return false;
  }
}

// The status with its ErrorInfo reason, which says what to do about some errors.
absl::Status FromGrpc(const grpc::Status& status) {
  absl::Status converted(static_cast<absl::StatusCode>(status.error_code()),
                         status.error_message());
  google::rpc::Status details;
  if (details.ParseFromString(status.error_details()) && !ErrorReason(details).empty()) {
    converted = WithErrorDetails(converted, ErrorReason(details));
  }
  return converted;
}

}  // namespace

StreamLoader::StreamLoader(std::shared_ptr<grpc::Channel> channel, ArticleInput& input,
                           LoadReport& report, StreamOptions options,
                           std::function<void(const absl::Status&, absl::Duration)> on_retry)
    : channel_(std::move(channel)),
      stub_(v1::IngestService::NewStub(channel_)),
      input_(input),
      report_(report),
      options_(std::move(options)),
      on_retry_(std::move(on_retry)),
      articles_per_message_(options_.max_articles_per_message) {}

void StreamLoader::Interrupt() {
  absl::MutexLock lock(&mutex_);
  interrupted_ = true;
  if (context_ != nullptr) context_->TryCancel();
}

absl::Status StreamLoader::Run() {
  int failures = 0;
  absl::Duration backoff = options_.first_backoff;
  for (;;) {
    bool progressed = false;
    absl::Status status =
        Connect()
            ? Attempt(progressed)
            : absl::UnavailableError(absl::StrCat("the service did not accept a connection within ",
                                                  absl::FormatDuration(options_.connect_timeout)));
    {
      absl::MutexLock lock(&mutex_);
      if (interrupted_) return absl::CancelledError("interrupted");
      if (status.ok() && input_done_ && unanswered_.empty()) return status;
    }
    if (status.ok()) {
      status = absl::InternalError("the service ended the stream without answering every article");
    }
    if (progressed) {
      failures = 0;
      backoff = options_.first_backoff;
    }
    // A service configured for smaller messages than ours: send smaller ones.
    if (ErrorReason(status) == "TOO_MANY_ARTICLES" && articles_per_message_ > 1) {
      articles_per_message_ = std::max(1, articles_per_message_ / 2);
      continue;
    }
    if (!IsRetryable(status) || ++failures >= options_.attempts) return status;
    on_retry_(status, backoff);
    {
      absl::MutexLock lock(&mutex_);
      if (mutex_.AwaitWithTimeout(absl::Condition(&interrupted_), backoff)) {
        return absl::CancelledError("interrupted");
      }
    }
    backoff = std::min(backoff * 2, options_.max_backoff);
  }
}

bool StreamLoader::Connect() {
  const absl::Time deadline = absl::Now() + options_.connect_timeout;
  // In slices, so that Ctrl-C is not kept waiting.
  while (absl::Now() < deadline) {
    {
      absl::MutexLock lock(&mutex_);
      if (interrupted_) return false;
    }
    const absl::Time slice = std::min(deadline, absl::Now() + absl::Milliseconds(250));
    if (channel_->WaitForConnected(absl::ToChronoTime(slice))) return true;
  }
  return false;
}

absl::Status StreamLoader::Attempt(bool& progressed) {
  // No deadline: the stream lasts as long as the input does; Interrupt ends it early.
  const std::unique_ptr<grpc::ClientContext> context = tools::CallContext(absl::InfiniteDuration());
  {
    absl::MutexLock lock(&mutex_);
    context_ = context.get();
    stream_over_ = false;
    sent_.clear();
    if (interrupted_) context->TryCancel();
  }
  std::unique_ptr<Stream> stream = stub_->IngestArticles(context.get());
  std::thread sender([this, &stream] { Send(*stream); });
  v1::IngestArticlesResponse response;
  absl::Status protocol;
  while (stream->Read(&response)) {
    for (const Outcome& outcome : response.outcomes()) {
      absl::MutexLock lock(&mutex_);
      if (outcome.index() < 0 || outcome.index() >= static_cast<int64_t>(sent_.size())) {
        protocol =
            absl::InternalError(absl::StrCat("the service answered for article ", outcome.index(),
                                             " of a stream that carried ", sent_.size()));
        continue;
      }
      auto it = unanswered_.find(sent_[outcome.index()]);
      if (it == unanswered_.end()) continue;  // answered twice: the first answer stands
      Record(outcome, it->second);
      unanswered_bytes_ -= it->second.bytes;
      unanswered_.erase(it);
      progressed = true;
    }
  }
  {
    absl::MutexLock lock(&mutex_);
    stream_over_ = true;
  }
  sender.join();
  const grpc::Status status = stream->Finish();
  absl::MutexLock lock(&mutex_);
  context_ = nullptr;
  return status.ok() ? protocol : FromGrpc(status);
}

void StreamLoader::Record(const Outcome& outcome, const Unanswered& article) {
  switch (outcome.result()) {
    case Outcome::RESULT_CREATED:
      report_.Created();
      break;
    case Outcome::RESULT_DUPLICATE:
      report_.Duplicate();
      break;
    default:
      report_.Rejected(
          {article.article.origin, ErrorReason(outcome.error()), outcome.error().message()});
      break;
  }
}

void StreamLoader::Send(Stream& stream) {
  v1::IngestArticlesRequest message;
  int64_t message_bytes = 0;
  bool broken = false;
  auto flush = [&] {
    if (message.articles_size() > 0 && !broken) broken = !stream.Write(message);
    message.Clear();
    message_bytes = 0;
  };
  auto add = [&](const v1::IngestArticleRequest& article, int64_t bytes) {
    if (message.articles_size() >= articles_per_message_ ||
        (message_bytes > 0 && message_bytes + bytes > options_.message_bytes)) {
      flush();
    }
    *message.add_articles() = article;
    message_bytes += bytes;
  };

  // First what an earlier stream left unanswered, under the same keys.
  std::vector<std::pair<int64_t, const Unanswered*>> resend;
  {
    absl::MutexLock lock(&mutex_);
    for (const auto& [number, unanswered] : unanswered_) resend.emplace_back(number, &unanswered);
  }
  for (const auto& [number, unanswered] : resend) {
    if (broken) break;
    {
      absl::MutexLock lock(&mutex_);
      if (stream_over_) break;
      sent_.push_back(number);
    }
    // An entry of unanswered_ stays put until its answer, which cannot come before it is sent.
    add(unanswered->article.request, unanswered->bytes);
  }

  while (!broken) {
    bool full;
    {
      absl::MutexLock lock(&mutex_);
      if (stream_over_ || interrupted_ || input_done_) break;
      full = unanswered_bytes_ >= options_.window_bytes;
    }
    if (full) {
      flush();  // the articles waiting in `message` must go before we wait for their answers
      absl::MutexLock lock(&mutex_);
      auto room = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_) {
        return stream_over_ || interrupted_ || unanswered_bytes_ < options_.window_bytes;
      };
      mutex_.Await(absl::Condition(&room));
      continue;
    }
    std::optional<InputArticle> next = input_.Next();
    if (!next.has_value()) {
      absl::MutexLock lock(&mutex_);
      input_done_ = true;
      break;
    }
    if (!next->error.ok()) {
      report_.Rejected(
          {next->origin, ErrorReason(next->error), std::string(next->error.message())});
      continue;
    }
    const auto bytes = static_cast<int64_t>(next->request.ByteSizeLong());
    const Unanswered* entry;
    {
      absl::MutexLock lock(&mutex_);
      const int64_t number = next_article_++;
      if (!next->request.has_request_id()) {
        next->request.set_request_id(absl::StrCat(options_.request_id_prefix, "-", number));
      }
      sent_.push_back(number);
      entry = &unanswered_.emplace(number, Unanswered{std::move(*next), bytes}).first->second;
      unanswered_bytes_ += bytes;
    }
    add(entry->article.request, bytes);
  }
  flush();
  if (!broken) stream.WritesDone();
}

}  // namespace laurel::load
