// IngestService/IngestArticles over gRPC, as a client streaming an archive sees it.
#include <map>

#include "absl/strings/str_cat.h"
#include "common/grpc_status.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "laurel/v1/ingest_service.grpc.pb.h"
#include "tests/support/running_services.h"

namespace laurel {
namespace {

using Outcome = v1::IngestArticleOutcome;
using testing::RunningServices;
using Stream = grpc::ClientReaderWriter<v1::IngestArticlesRequest, v1::IngestArticlesResponse>;

std::string Article(int n) {
  return absl::StrCat("08:00, 12/03/2021\n\nHội nghị số ", n,
                      "\n\nSáng 12-3, UBND tỉnh Nghệ An tặng bằng khen cho ", n + 2, " tập thể.");
}

v1::IngestArticlesRequest Message(const std::vector<std::string>& texts) {
  v1::IngestArticlesRequest message;
  for (const std::string& text : texts) message.add_articles()->set_text(text);
  return message;
}

// Everything the server sent on a stream, and how it ended.
struct Answer {
  std::map<int64_t, Outcome> outcomes;
  int answers = 0;
  std::optional<v1::IngestArticlesTotals> totals;
  grpc::Status status;
};

Answer ReadToEnd(Stream& stream) {
  Answer answer;
  v1::IngestArticlesResponse response;
  while (stream.Read(&response)) {
    for (const Outcome& outcome : response.outcomes()) {
      answer.outcomes[outcome.index()] = outcome;
      ++answer.answers;
    }
    if (response.has_totals()) answer.totals = response.totals();
  }
  answer.status = stream.Finish();
  return answer;
}

class IngestArticlesTest : public ::testing::Test {
 protected:
  void StartServices(const std::vector<std::string>& flags = {}) {
    auto services = RunningServices::Start({.ingest_args = flags});
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = std::move(*services);
    stub_ = v1::IngestService::NewStub(
        grpc::CreateChannel(services_->ingest_address(), grpc::InsecureChannelCredentials()));
  }

  std::unique_ptr<Stream> Open(grpc::ClientContext& context) {
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    return stub_->IngestArticles(&context);
  }

  Answer Send(const std::vector<v1::IngestArticlesRequest>& messages) {
    grpc::ClientContext context;
    auto stream = Open(context);
    for (const auto& message : messages) EXPECT_TRUE(stream->Write(message));
    stream->WritesDone();
    return ReadToEnd(*stream);
  }

  std::unique_ptr<RunningServices> services_;
  std::unique_ptr<v1::IngestService::Stub> stub_;
};

TEST_F(IngestArticlesTest, AnswersEachArticleAndEndsWithTotals) {
  StartServices();
  const Answer answer = Send({Message({Article(1), "  \n"}),
                              Message({Article(2), Article(1), "Sáng 5-6 \xff trao bằng khen"})});
  ASSERT_TRUE(answer.status.ok()) << answer.status.error_message();
  EXPECT_EQ(answer.answers, 5);
  ASSERT_EQ(answer.outcomes.size(), 5u);
  EXPECT_EQ(answer.outcomes.at(0).result(), Outcome::RESULT_CREATED);
  EXPECT_EQ(answer.outcomes.at(0).article().rfind("articles/", 0), 0u);
  EXPECT_EQ(answer.outcomes.at(2).result(), Outcome::RESULT_CREATED);
  EXPECT_EQ(answer.outcomes.at(3).result(), Outcome::RESULT_DUPLICATE);
  EXPECT_EQ(answer.outcomes.at(3).article(), answer.outcomes.at(0).article());
  for (const auto& [index, reason] : {std::pair(1, "EMPTY_TEXT"), std::pair(4, "INVALID_UTF8")}) {
    const Outcome& rejected = answer.outcomes.at(index);
    EXPECT_EQ(rejected.result(), Outcome::RESULT_REJECTED);
    EXPECT_EQ(rejected.error().code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(ErrorReason(rejected.error()), reason);
    EXPECT_FALSE(rejected.error().message().empty());
    EXPECT_TRUE(rejected.article().empty());
  }
  ASSERT_TRUE(answer.totals.has_value());
  EXPECT_EQ(answer.totals->articles(), 5);
  EXPECT_EQ(answer.totals->created(), 2);
  EXPECT_EQ(answer.totals->duplicates(), 1);
  EXPECT_EQ(answer.totals->rejected(), 2);
}

TEST_F(IngestArticlesTest, AnEmptyStreamEndsWithZeroTotals) {
  StartServices();
  const Answer answer = Send({});
  ASSERT_TRUE(answer.status.ok()) << answer.status.error_message();
  ASSERT_TRUE(answer.totals.has_value());
  EXPECT_EQ(answer.totals->articles(), 0);
}

TEST_F(IngestArticlesTest, LimitsStreamsAndArticlesPerMessage) {
  StartServices({"--max_bulk_streams=1", "--max_articles_per_message=2"});
  grpc::ClientContext first_context;
  auto first = Open(first_context);
  ASSERT_TRUE(first->Write(Message({Article(1)})));
  v1::IngestArticlesResponse response;
  ASSERT_TRUE(first->Read(&response));  // the first stream is running

  const Answer refused = Send({Message({Article(2)})});
  EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(refused.status.error_details()));
  EXPECT_EQ(ErrorReason(details), "TOO_MANY_STREAMS");

  ASSERT_TRUE(first->Write(Message({Article(3), Article(4), Article(5)})));
  first->WritesDone();
  const Answer too_many = ReadToEnd(*first);
  EXPECT_EQ(too_many.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  ASSERT_TRUE(details.ParseFromString(too_many.status.error_details()));
  EXPECT_EQ(ErrorReason(details), "TOO_MANY_ARTICLES");

  // The slot is free again once the first stream is over.
  EXPECT_TRUE(Send({Message({Article(6)})}).status.ok());
}

TEST_F(IngestArticlesTest, AStreamInProgressDoesNotHoldUpShutdown) {
  StartServices();
  grpc::ClientContext context;
  auto stream = Open(context);
  ASSERT_TRUE(stream->Write(Message({Article(1)})));
  v1::IngestArticlesResponse response;
  ASSERT_TRUE(stream->Read(&response));
  auto exit_code = services_->ingest().Terminate(absl::Seconds(30));
  ASSERT_TRUE(exit_code.ok()) << exit_code.status();
  EXPECT_EQ(*exit_code, 0) << services_->ingest().logs();
  while (stream->Read(&response)) {
  }
  EXPECT_FALSE(stream->Finish().ok());
}

}  // namespace
}  // namespace laurel
