#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest-service/src/parser/parse_article.h"
#include "nlohmann/json.hpp"
#include "tests/parser/gold_corpus.h"

// Scores the parser against every gold file of the corpus (shared/corpus/README.md, "Scoring") and
// prints the table; fails below the acceptance bar. LAUREL_SCORER_VERBOSE=1 also prints every
// mismatch.
namespace laurel::parser {
namespace {

using nlohmann::json;
using testing::Comparable;

constexpr double kMinAwardF1 = 0.95;
constexpr double kMinTotalsExact = 0.95;
constexpr double kMinEventFieldAccuracy = 0.95;

std::string Text(const json& value) { return value.is_string() ? value.get<std::string>() : ""; }

std::string CountText(const json& value) {
  return value.is_number_integer() ? std::to_string(value.get<int64_t>()) : "null";
}

std::string AwardKey(const json& award) {
  return Text(award["award_type"]) + "/" + Text(award["recipient_kind"]) + "/" +
         CountText(award["count"]);
}

bool SameText(const json& a, const json& b) { return Comparable(Text(a)) == Comparable(Text(b)); }

int64_t Total(const json& awards) {
  int64_t total = 0;
  for (const json& award : awards) {
    if (award["count"].is_number_integer()) total += award["count"].get<int64_t>();
  }
  return total;
}

struct Ratio {
  int hit = 0;
  int all = 0;
  void Add(bool ok) {
    hit += ok ? 1 : 0;
    ++all;
  }
  double Value() const { return all == 0 ? 1.0 : static_cast<double>(hit) / all; }
};

struct Scores {
  int articles = 0;
  int award_tp = 0, award_fp = 0, award_fn = 0;
  Ratio issuer, award_name, totals;
  int event_tp = 0, event_fp = 0, event_fn = 0;
  Ratio event_date, event_province, event_organizer, event_movement, event_period;
  Ratio published, title, author;
  int no_award_articles = 0;
  int false_awards = 0;
};

// printf into a string.
template <typename... Args>
void Append(std::string& out, const char* format, Args... args) {
  char buffer[256];
  std::snprintf(buffer, sizeof(buffer), format, args...);
  out += buffer;
}

double F1(int tp, int fp, int fn) {
  return tp == 0 ? (fp + fn == 0 ? 1.0 : 0.0) : 2.0 * tp / (2.0 * tp + fp + fn);
}

void ScoreArticle(const std::string& name, const json& gold, const json& predicted, Scores& scores,
                  bool verbose) {
  ++scores.articles;
  const auto report = [&](const std::string& what) {
    if (verbose) std::printf("  %-5s %s\n", name.c_str(), what.c_str());
  };
  // Awards: matched on (award_type, recipient_kind, count), same issuer preferred among equals.
  const json& gold_awards = gold["awards"];
  const json& predicted_awards = predicted["awards"];
  std::vector<bool> used(predicted_awards.size(), false);
  int matched = 0;
  for (const json& g : gold_awards) {
    int pick = -1;
    for (size_t p = 0; p < predicted_awards.size(); ++p) {
      if (used[p] || AwardKey(predicted_awards[p]) != AwardKey(g)) continue;
      if (pick < 0 || (SameText(predicted_awards[p]["issuer"], g["issuer"]) &&
                       !SameText(predicted_awards[pick]["issuer"], g["issuer"]))) {
        pick = static_cast<int>(p);
      }
    }
    if (pick < 0) {
      report("missed award " + AwardKey(g) + " " + Text(g["award_name"]));
      continue;
    }
    used[pick] = true;
    ++matched;
    const json& p = predicted_awards[pick];
    const bool issuer_ok = SameText(p["issuer"], g["issuer"]);
    scores.issuer.Add(issuer_ok);
    if (!issuer_ok) report("issuer '" + Text(p["issuer"]) + "' want '" + Text(g["issuer"]) + "'");
    const bool name_ok = SameText(p["award_name"], g["award_name"]);
    scores.award_name.Add(name_ok);
    if (!name_ok) {
      report("award_name '" + Text(p["award_name"]) + "' want '" + Text(g["award_name"]) + "'");
    }
  }
  for (size_t p = 0; p < predicted_awards.size(); ++p) {
    if (!used[p]) {
      report("extra award " + AwardKey(predicted_awards[p]) + " " +
             Text(predicted_awards[p]["award_name"]));
    }
  }
  scores.award_tp += matched;
  scores.award_fp += static_cast<int>(predicted_awards.size()) - matched;
  scores.award_fn += static_cast<int>(gold_awards.size()) - matched;
  const bool total_ok = Total(gold_awards) == Total(predicted_awards);
  scores.totals.Add(total_ok);
  if (!total_ok) {
    report("total " + std::to_string(Total(predicted_awards)) + " want " +
           std::to_string(Total(gold_awards)));
  }
  if (gold_awards.empty()) {
    ++scores.no_award_articles;
    scores.false_awards += static_cast<int>(predicted_awards.size());
  }
  // Events: matched on kind.
  const json& gold_events = gold["events"];
  const json& predicted_events = predicted["events"];
  std::vector<bool> taken(predicted_events.size(), false);
  int events_matched = 0;
  for (const json& g : gold_events) {
    int pick = -1;
    for (size_t p = 0; p < predicted_events.size() && pick < 0; ++p) {
      if (!taken[p] && Text(predicted_events[p]["kind"]) == Text(g["kind"]))
        pick = static_cast<int>(p);
    }
    if (pick < 0) {
      report("missed event " + Text(g["kind"]));
      continue;
    }
    taken[pick] = true;
    ++events_matched;
    const json& p = predicted_events[pick];
    const auto field = [&](Ratio& ratio, const char* key) {
      const bool ok = key == std::string("period") ? p[key] == g[key] : SameText(p[key], g[key]);
      ratio.Add(ok);
      if (!ok) report(std::string("event ") + key + " " + p[key].dump() + " want " + g[key].dump());
    };
    field(scores.event_date, "date");
    field(scores.event_province, "province");
    field(scores.event_organizer, "organizer");
    field(scores.event_movement, "movement");
    field(scores.event_period, "period");
  }
  for (size_t p = 0; p < predicted_events.size(); ++p) {
    if (!taken[p]) report("extra event " + Text(predicted_events[p]["kind"]));
  }
  scores.event_tp += events_matched;
  scores.event_fp += static_cast<int>(predicted_events.size()) - events_matched;
  scores.event_fn += static_cast<int>(gold_events.size()) - events_matched;
  const auto meta = [&](Ratio& ratio, const char* key) {
    const bool ok = key == std::string("published") ? predicted[key] == gold[key]
                                                    : SameText(predicted[key], gold[key]);
    ratio.Add(ok);
    if (!ok) report(std::string(key) + " " + predicted[key].dump() + " want " + gold[key].dump());
  };
  meta(scores.published, "published");
  meta(scores.title, "title");
  meta(scores.author, "author");
}

// The score table as printed, so it can also be written to the test report directory.
std::string FormatTable(const Scores& s) {
  std::string out;
  const double award_p =
      s.award_tp + s.award_fp == 0 ? 1.0 : 1.0 * s.award_tp / (s.award_tp + s.award_fp);
  const double award_r =
      s.award_tp + s.award_fn == 0 ? 1.0 : 1.0 * s.award_tp / (s.award_tp + s.award_fn);
  const double event_p =
      s.event_tp + s.event_fp == 0 ? 1.0 : 1.0 * s.event_tp / (s.event_tp + s.event_fp);
  const double event_r =
      s.event_tp + s.event_fn == 0 ? 1.0 : 1.0 * s.event_tp / (s.event_tp + s.event_fn);
  Append(out, "\nGold corpus: %d articles\n", s.articles);
  Append(out, "%-38s %9s %9s %9s   %s\n", "field", "precision", "recall", "F1", "counts");
  Append(out, "%-38s %9.3f %9.3f %9.3f   tp=%d fp=%d fn=%d\n", "award records (type+kind+count)",
         award_p, award_r, F1(s.award_tp, s.award_fp, s.award_fn), s.award_tp, s.award_fp,
         s.award_fn);
  Append(out, "%-38s %9.3f %9.3f %9.3f   tp=%d fp=%d fn=%d\n", "events (kind)", event_p, event_r,
         F1(s.event_tp, s.event_fp, s.event_fn), s.event_tp, s.event_fp, s.event_fn);
  Append(out, "%-38s %9s   %s\n", "accuracy", "value", "hits/all");
  const auto row = [&out](const char* label, const Ratio& r) {
    Append(out, "%-38s %9.3f   %d/%d\n", label, r.Value(), r.hit, r.all);
  };
  row("issuer (matched awards)", s.issuer);
  row("award_name (matched awards)", s.award_name);
  row("recipient total exact (per article)", s.totals);
  row("event date (matched events)", s.event_date);
  row("event province (matched events)", s.event_province);
  row("event organizer (matched events)", s.event_organizer);
  row("event movement (matched events)", s.event_movement);
  row("event period (matched events)", s.event_period);
  row("published", s.published);
  row("title", s.title);
  row("author", s.author);
  Append(out, "%-38s %9d   in %d no-award articles\n\n", "false awards", s.false_awards,
         s.no_award_articles);
  return out;
}

TEST(GoldScorerTest, MeetsTheAcceptanceBar) {
  const std::string dir = testing::CorpusDir();
  if (dir.empty()) {
    GTEST_SKIP()
        << "corpus directory not found (set LAUREL_CORPUS_DIR or the CMake cache variable)";
  }
  const std::vector<std::string> names = testing::GoldNames(dir);
  if (names.empty()) GTEST_SKIP() << "no gold files under " << dir << "/gold";
  const char* verbose_env = std::getenv("LAUREL_SCORER_VERBOSE");
  const bool verbose = verbose_env != nullptr && std::string(verbose_env) == "1";
  Scores scores;
  for (const std::string& name : names) {
    const json gold = json::parse(testing::ReadFile(dir + "/gold/" + name + ".json"));
    const std::string text = testing::ReadFile(dir + "/articles/" + name + ".txt");
    const absl::StatusOr<ParsedArticle> parsed = ParseArticle(text);
    ASSERT_TRUE(parsed.ok()) << name << ": " << parsed.status();
    ScoreArticle(name, gold, testing::ToJson(*parsed), scores, verbose);
  }
  const std::string table = FormatTable(scores);
  std::fputs(table.c_str(), stdout);
  // scripts/test.sh prints every report at the end of the run.
  const char* report_dir = std::getenv("LAUREL_REPORT_DIR");
  if (report_dir != nullptr && *report_dir != '\0') {
    const std::string path = std::string(report_dir) + "/extraction-scores.txt";
    std::ofstream report(path);
    report << "Extraction scores (" << dir << ")\n" << table;
    EXPECT_TRUE(report.good()) << "could not write " << path;
  }
  EXPECT_GE(F1(scores.award_tp, scores.award_fp, scores.award_fn), kMinAwardF1);
  EXPECT_GE(scores.totals.Value(), kMinTotalsExact);
  EXPECT_GE(scores.event_date.Value(), kMinEventFieldAccuracy);
  EXPECT_GE(scores.event_province.Value(), kMinEventFieldAccuracy);
  EXPECT_GE(scores.event_movement.Value(), kMinEventFieldAccuracy);
  EXPECT_EQ(scores.false_awards, 0);
}

}  // namespace
}  // namespace laurel::parser
