// laurel-load as people and scripts run it, against the real ingest-service and PostgreSQL.
#include <signal.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "pqxx/pqxx"
#include "tests/parser/gold_corpus.h"
#include "tests/support/running_services.h"
#include "tests/support/subprocess.h"
#include "tests/support/test_certificates.h"

namespace laurel {
namespace {

namespace fs = std::filesystem;
using testing::RunOptions;
using testing::RunResult;
using testing::RunningServices;
using testing::RunProcess;

const std::string kLoader = LAUREL_LOAD_BINARY;

// A distinct article of a few kilobytes, as a JSON line with its own url.
std::string ArticleLine(int n) {
  std::string text = absl::StrCat("08:00, 12/03/2021\n\nHội nghị điển hình tiên tiến số ", n,
                                  "\n\nSáng 12-3, UBND tỉnh Nghệ An tổ chức hội nghị tổng kết "
                                  "phong trào thi đua. Dịp này, UBND tỉnh tặng bằng khen cho ",
                                  n % 40 + 2, " tập thể.");
  for (int i = 0; i < 30; ++i) {
    absl::StrAppend(&text, " Các đơn vị đã hoàn thành xuất sắc nhiệm vụ năm ", 2000 + i, ".");
  }
  nlohmann::json line = {{"text", text}, {"url", absl::StrCat("https://bao.example/tin/", n)}};
  return line.dump() + "\n";
}

// `count` distinct articles in one JSON-lines file.
std::string WriteFeed(const fs::path& path, int count) {
  std::ofstream out(path);
  for (int n = 0; n < count; ++n) out << ArticleLine(n);
  return path.string();
}

int64_t StoredArticles(const std::string& database_url) {
  pqxx::connection connection(database_url);
  pqxx::read_transaction transaction(connection);
  return transaction.exec1("SELECT count(*) FROM articles")[0].as<int64_t>();
}

// A directory of its own for a test's input files, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "laurel-load-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The "laurel-load: DONE/TOTAL articles" lines seen so far: the largest DONE.
int64_t DoneSoFar(const std::string& progress) {
  static const std::regex line("laurel-load: ([0-9]+)/[0-9]+ articles");
  int64_t done = 0;
  for (auto it = std::sregex_iterator(progress.begin(), progress.end(), line);
       it != std::sregex_iterator(); ++it) {
    done = std::max<int64_t>(done, std::stoll((*it)[1]));
  }
  return done;
}

class LaurelLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto services = RunningServices::Start();
    ASSERT_TRUE(services.ok()) << services.status();
    services_ = std::move(*services);
    ASSERT_FALSE(dir_.empty());
  }

  RunResult Load(std::vector<std::string> args, RunOptions options = {}) {
    args.insert(args.begin(), absl::StrCat("--target=", services_->ingest_address()));
    auto result = RunProcess(kLoader, args, options);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.ok() ? *result : RunResult{};
  }

  int64_t StoredArticles() { return laurel::StoredArticles(services_->database_url()); }
  std::string WriteFeed(int count) { return laurel::WriteFeed(dir_ / "feed.jsonl", count); }

  std::unique_ptr<RunningServices> services_;
  TempDir temp_;
  const fs::path& dir_ = temp_.path();
};

TEST_F(LaurelLoadTest, LoadsTheCorpusAndASecondRunStoresNothingNew) {
  const std::string corpus = parser::testing::CorpusDir();
  if (corpus.empty()) GTEST_SKIP() << "corpus not found: set LAUREL_CORPUS_DIR";
  const std::string articles = corpus + "/articles";
  int64_t files = 0;
  for (const auto& entry : fs::directory_iterator(articles))
    files += entry.path().extension() == ".txt";

  const RunResult first = Load({"--progress=lines", articles});
  EXPECT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_TRUE(absl::StrContains(first.out, absl::StrCat(files, " of ", files, " articles loaded")))
      << first.out;
  EXPECT_TRUE(absl::StrContains(first.out, absl::StrCat("created     ", files, "\n"))) << first.out;
  EXPECT_EQ(StoredArticles(), files);

  const RunResult second = Load({"--progress=none", "--summary=json", articles});
  EXPECT_EQ(second.exit_code, 0) << second.out << second.err;
  const auto summary = nlohmann::json::parse(second.out);
  EXPECT_EQ(summary["articles"], files);
  EXPECT_EQ(summary["created"], 0);
  EXPECT_EQ(summary["duplicates"], files);
  EXPECT_EQ(summary["rejected"], 0);
  EXPECT_EQ(summary["not_loaded"], 0);
  EXPECT_EQ(StoredArticles(), files);
}

TEST_F(LaurelLoadTest, DrawsABarWithRateAndEtaOnATerminal) {
  const RunResult result =
      Load({"--source=Báo Thử", WriteFeed(300)}, {.stderr_terminal = true});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // Redrawn in place: carriage returns and erase-line, the bar, rate and ETA.
  EXPECT_TRUE(absl::StrContains(result.err, "\r")) << result.err;
  EXPECT_TRUE(absl::StrContains(result.err, "\033[K"));
  EXPECT_TRUE(absl::StrContains(result.err, "/300 ["));
  EXPECT_TRUE(absl::StrContains(result.err, "█") || absl::StrContains(result.err, "░"));
  EXPECT_TRUE(absl::StrContains(result.err, "/s  ETA "));
  // The summary stands alone on stdout.
  EXPECT_TRUE(absl::StrContains(result.out, "300 of 300 articles loaded")) << result.out;
  EXPECT_FALSE(absl::StrContains(result.out, "\r"));
}

TEST_F(LaurelLoadTest, PrintsPlainLinesWhenNotATerminal) {
  const RunResult result = Load({"--progress_interval=10ms", WriteFeed(300)});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(absl::StrContains(result.err, "laurel-load: 300 articles in 1 file → "))
      << result.err;
  EXPECT_TRUE(std::regex_search(
      result.err, std::regex("laurel-load: [0-9]+/300 articles \\([0-9]+%\\), [0-9]+ articles/s, "
                             "ETA [-0-9:]+; created [0-9]+, duplicates [0-9]+, rejected [0-9]+\n")))
      << result.err;
  EXPECT_FALSE(absl::StrContains(result.err, "\r"));
  EXPECT_FALSE(absl::StrContains(result.err, "\033"));
}

TEST_F(LaurelLoadTest, SendsSmallerMessagesToAServiceThatAsksForThem) {
  auto services = RunningServices::Start({.ingest_args = {"--max_articles_per_message=7"}});
  ASSERT_TRUE(services.ok()) << services.status();
  services_ = std::move(*services);
  const RunResult result = Load({"--progress=none", "--summary=json", WriteFeed(300)});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_EQ(nlohmann::json::parse(result.out)["created"], 300);
  EXPECT_EQ(StoredArticles(), 300);
}

TEST_F(LaurelLoadTest, SpeaksTlsAndSendsTheTokenFromTheEnvironment) {
  constexpr char kToken[] = "ingest-secret-4e8a2c6f1b3d5a79";
  auto certificates = testing::TestCertificates::Create();
  ASSERT_TRUE(certificates.ok()) << certificates.status();
  testing::ServicesOptions options;
  options.environment = {{"LAUREL_AUTH_TOKENS", absl::StrCat("ingest ", kToken)}};
  // Both services: the readiness wait reaches both with the one set of credentials.
  options.ingest_args = options.query_args = {
      "--tls_cert_file=" + (*certificates)->server_cert_file(),
      "--tls_key_file=" + (*certificates)->server_key_file()};
  grpc::SslCredentialsOptions tls;
  tls.pem_root_certs = testing::TestCertificates::Read((*certificates)->ca_file());
  options.credentials = grpc::SslCredentials(tls);
  auto services = RunningServices::Start(options);
  ASSERT_TRUE(services.ok()) << services.status();
  services_ = std::move(*services);
  const std::vector<std::string> args = {"--progress=none", "--summary=json",
                                         "--ca_file=" + (*certificates)->ca_file(),
                                         "--tls_server_name=localhost", WriteFeed(20)};

  unsetenv("LAUREL_TOKEN");
  const RunResult without = Load(args);
  EXPECT_EQ(without.exit_code, 3) << without.out << without.err;
  EXPECT_TRUE(absl::StrContains(without.out, "UNAUTHENTICATED")) << without.out;
  EXPECT_EQ(StoredArticles(), 0);

  setenv("LAUREL_TOKEN", kToken, /*overwrite=*/1);
  const RunResult with = Load(args);
  unsetenv("LAUREL_TOKEN");
  EXPECT_EQ(with.exit_code, 0) << with.out << with.err;
  EXPECT_EQ(nlohmann::json::parse(with.out)["created"], 20);
  EXPECT_EQ(StoredArticles(), 20);
}

TEST_F(LaurelLoadTest, ListsRejectedArticlesAndExitsOne) {
  std::ofstream(dir_ / "good.txt") << "Sáng 12-3, UBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể.";
  std::ofstream(dir_ / "blank.txt") << " \n\t ";
  std::ofstream(dir_ / "notes.md") << "not an article: skipped";
  std::ofstream(dir_ / "feed.jsonl") << ArticleLine(1) << "\n{\"text\": unquoted}\n"
                                     << "{\"text\": \"Bài \\u00e1 \\uffff\", \"title\": \"x\"}\n";
  const RunResult result = Load({"--progress=none", "--summary=json", dir_.string()});
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  const auto summary = nlohmann::json::parse(result.out);
  EXPECT_EQ(summary["articles"], 5);
  EXPECT_EQ(summary["created"], 3);
  EXPECT_EQ(summary["rejected"], 2);
  ASSERT_EQ(summary["rejections"].size(), 2u);
  EXPECT_EQ(summary["rejections"][0]["input"], (dir_ / "blank.txt").string());
  EXPECT_EQ(summary["rejections"][0]["reason"], "EMPTY_TEXT");
  EXPECT_EQ(summary["rejections"][1]["input"], (dir_ / "feed.jsonl").string() + ":3");
  EXPECT_EQ(summary["rejections"][1]["reason"], "INVALID_JSON");
}

TEST_F(LaurelLoadTest, BadUsageExitsTwo) {
  EXPECT_EQ(Load({}).exit_code, 2);
  EXPECT_EQ(Load({(dir_ / "missing").string()}).exit_code, 2);
  std::ofstream(dir_ / "notes.md") << "x";
  const RunResult unknown = Load({(dir_ / "notes.md").string()});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(absl::StrContains(unknown.err, "neither a .txt article nor a .jsonl")) << unknown.err;
  EXPECT_EQ(Load({"--summary=yaml", dir_.string()}).exit_code, 2);
}

TEST_F(LaurelLoadTest, GivesUpOnAnUnreachableServiceWithExitThree) {
  std::ofstream(dir_ / "a.txt") << "Sáng 12-3, UBND tỉnh Nghệ An tặng bằng khen cho 5 tập thể.";
  auto result = RunProcess(kLoader, {absl::StrCat("--target=127.0.0.1:", testing::FreePort()),
                                     "--connect_timeout=100ms", "--retries=2", dir_.string()});
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->exit_code, 3) << result->out << result->err;
  EXPECT_TRUE(absl::StrContains(result->err, "retrying in")) << result->err;
  EXPECT_TRUE(absl::StrContains(result->out, "not loaded  1")) << result->out;
  EXPECT_TRUE(absl::StrContains(result->out, "stopped: UNAVAILABLE")) << result->out;
}

TEST_F(LaurelLoadTest, CtrlCPrintsTheSummarySoFarAndTheNextRunLoadsTheRest) {
  const int kArticles = 4000;
  const std::string feed = WriteFeed(kArticles);
  bool sent = false;
  const RunResult interrupted =
      Load({"--progress_interval=10ms", feed}, {.watch = [&sent](const std::string& err, int pid) {
             if (!sent && DoneSoFar(err) > 0) {
               sent = true;
               kill(pid, SIGINT);
             }
           }});
  ASSERT_TRUE(sent) << interrupted.err;
  EXPECT_EQ(interrupted.exit_code, 130) << interrupted.out << interrupted.err;
  EXPECT_TRUE(absl::StrContains(interrupted.out, "interrupted: run the same command again"))
      << interrupted.out;
  EXPECT_TRUE(absl::StrContains(interrupted.out, "not loaded")) << interrupted.out;
  EXPECT_LT(StoredArticles(), kArticles);

  const RunResult rest = Load({"--progress=none", "--summary=json", feed});
  EXPECT_EQ(rest.exit_code, 0) << rest.out << rest.err;
  const auto summary = nlohmann::json::parse(rest.out);
  EXPECT_EQ(summary["created"].get<int64_t>() + summary["duplicates"].get<int64_t>(), kArticles);
  EXPECT_EQ(StoredArticles(), kArticles);
}

TEST(LaurelLoadRetries, ResumesWhenTheServiceDiesAndStoresEveryArticleOnce) {
  auto database = testing::TestDatabase::Create();
  ASSERT_TRUE(database.ok()) << database.status();
  const std::string address = absl::StrCat("127.0.0.1:", testing::FreePort());
  const std::vector<std::string> flags = {absl::StrCat("--listen=", address),
                                          absl::StrCat("--database_url=", (*database)->url()),
                                          "--log_level=warning"};
  auto service = testing::ServiceProcess::Start(testing::IngestServiceBinary(), flags);
  ASSERT_TRUE(service.ok()) << service.status();
  TempDir temp;
  const int kArticles = 3000;
  const std::string feed = WriteFeed(temp.path() / "feed.jsonl", kArticles);

  bool restarted = false;
  auto result =
      RunProcess(kLoader,
                 {absl::StrCat("--target=", address), "--progress_interval=10ms", "--retries=30",
                  "--summary=json", feed},
                 {.watch = [&](const std::string& err, int /*pid*/) {
                   if (restarted || DoneSoFar(err) == 0) return;
                   restarted = true;
                   service->reset();  // SIGKILL, mid-stream: transactions in flight are lost
                   service = testing::ServiceProcess::Start(testing::IngestServiceBinary(), flags);
                 }});
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_TRUE(restarted) << result->err;
  EXPECT_EQ(result->exit_code, 0) << result->out << result->err;
  EXPECT_TRUE(absl::StrContains(result->err, "retrying in")) << result->err;
  const auto summary = nlohmann::json::parse(result->out);
  // Articles the killed service stored without answering come back, under their keys, as the
  // first answer: created by this run.
  EXPECT_EQ(summary["created"], kArticles) << result->out;
  EXPECT_EQ(summary["duplicates"], 0);
  EXPECT_EQ(StoredArticles((*database)->url()), kArticles);
}

}  // namespace
}  // namespace laurel
