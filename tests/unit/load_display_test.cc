// What laurel-load shows: the progress bar and lines, and the summaries.
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tools/load/load_report.h"
#include "tools/load/progress_display.h"

namespace laurel::load {
namespace {

const LoadCounts kHalfway{.total = 10000, .created = 4500, .duplicates = 10, .rejected = 2};

size_t Columns(const std::string& line) {
  size_t columns = 0;
  for (const unsigned char c : line) columns += (c & 0xC0) != 0x80;
  return columns;
}

TEST(ProgressDisplay, BarShowsDoneRateEtaAndCountsWithinTheWidth) {
  const std::string line = ProgressDisplay::BarLine(kHalfway, 1000, 120);
  EXPECT_EQ(line.rfind(" 4,512/10,000 [", 0), 0u) << line;
  EXPECT_NE(line.find("]  45%  1,000/s  ETA 0:05"), std::string::npos) << line;
  EXPECT_NE(line.find("created 4,500 · duplicates 10 · rejected 2"), std::string::npos) << line;
  EXPECT_LT(Columns(line), 120u);
  // Narrower terminals keep only the rejections of the counts, then drop them, then the bar, never
  // the numbers.
  const std::string standard = ProgressDisplay::BarLine(kHalfway, 1000, 80);
  EXPECT_LT(Columns(standard), 80u) << standard;
  EXPECT_NE(standard.find("] "), std::string::npos) << standard;
  EXPECT_NE(standard.find("ETA 0:05"), std::string::npos) << standard;
  EXPECT_NE(standard.find("rejected 2"), std::string::npos) << standard;
  EXPECT_EQ(standard.find("created"), std::string::npos) << standard;
  const std::string narrow = ProgressDisplay::BarLine(kHalfway, 1000, 60);
  EXPECT_LT(Columns(narrow), 60u) << narrow;
  EXPECT_NE(narrow.find("ETA 0:05"), std::string::npos) << narrow;
  const std::string tiny = ProgressDisplay::BarLine(kHalfway, 1000, 20);
  EXPECT_EQ(tiny.find('['), std::string::npos) << tiny;
  EXPECT_NE(tiny.find("ETA"), std::string::npos) << tiny;
}

TEST(ProgressDisplay, TheBarKeepsItsPlaceAndLengthFromStartToEnd) {
  const std::string start = ProgressDisplay::BarLine({.total = 10000}, 0, 100);
  const std::string end =
      ProgressDisplay::BarLine({.total = 10000, .created = 9990, .rejected = 10}, 123456, 100);
  EXPECT_EQ(start.find('['), end.find('[')) << start << "\n" << end;
  EXPECT_EQ(Columns(start.substr(0, start.find(']'))), Columns(end.substr(0, end.find(']'))))
      << start << "\n"
      << end;
  EXPECT_EQ(start.find("created") != std::string::npos, end.find("created") != std::string::npos);
}

TEST(ProgressDisplay, EtaWhenStalledFinishedOrLong) {
  EXPECT_NE(ProgressDisplay::PlainLine(kHalfway, 0).find("ETA --:--"), std::string::npos);
  EXPECT_NE(ProgressDisplay::PlainLine({.total = 3, .created = 3}, 0).find("ETA 0:00"),
            std::string::npos);
  EXPECT_NE(ProgressDisplay::PlainLine(kHalfway, 1).find("ETA 1:31:28"), std::string::npos);
  EXPECT_EQ(ProgressDisplay::PlainLine(kHalfway, 1000),
            "laurel-load: 4512/10000 articles (45%), 1000 articles/s, ETA 0:05; created 4500, "
            "duplicates 10, rejected 2");
}

TEST(LoadReport, CountsAndSortsRejections) {
  LoadReport report(4);
  report.Created();
  report.Duplicate();
  report.Rejected({"b.txt", "EMPTY_TEXT", "text is empty"});
  report.Rejected({"a.jsonl:2", "INVALID_JSON", "not JSON"});
  const LoadCounts counts = report.counts();
  EXPECT_EQ(counts.done(), 4);
  EXPECT_EQ(counts.rejected, 2);
  ASSERT_EQ(report.rejections().size(), 2u);
  EXPECT_EQ(report.rejections()[0].origin, "a.jsonl:2");
}

TEST(LoadSummary, TextTellsWhatHappenedAndWhatIsLeft) {
  const std::string text =
      TextSummary("ingest:50051", kHalfway, {{"b.txt", "EMPTY_TEXT", "text is empty"}},
                  {.elapsed = absl::Seconds(4), .interrupted = true});
  EXPECT_NE(text.find("4512 of 10000 articles loaded into ingest:50051 in 4.0 s (1128 "
                      "articles/s)"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("  created     4500\n  duplicates  10\n  rejected    2\n  not loaded  5488\n"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("rejected b.txt: EMPTY_TEXT: text is empty\n"), std::string::npos);
  EXPECT_NE(text.find("interrupted: run the same command again"), std::string::npos);
}

TEST(LoadSummary, JsonIsOneObjectForScripts) {
  const auto json = nlohmann::json::parse(
      JsonSummary("ingest:50051", kHalfway, {{"a \"quoted\".txt", "EMPTY_TEXT", "line\nbreak"}},
                  {.elapsed = absl::Seconds(2), .error = "UNAVAILABLE: down"}));
  EXPECT_EQ(json["articles"], 10000);
  EXPECT_EQ(json["created"], 4500);
  EXPECT_EQ(json["not_loaded"], 5488);
  EXPECT_EQ(json["interrupted"], false);
  EXPECT_EQ(json["error"], "UNAVAILABLE: down");
  EXPECT_EQ(json["rejections"][0]["input"], "a \"quoted\".txt");
  EXPECT_EQ(json["rejections"][0]["message"], "line\nbreak");
}

}  // namespace
}  // namespace laurel::load
