// deploy/grafana/laurel.json against what the services export (the README's metrics table, which
// tests/e2e/metrics_e2e_test holds equal to a live scrape): every query names real metrics with
// their real labels, every metric is on the dashboard, and the panels tile the grid.
#include <map>
#include <regex>
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/markdown.h"
#include "tests/support/source_tree.h"

namespace laurel {
namespace {

struct DocumentedMetric {
  std::string type;
  std::set<std::string> labels;
};

// The README's metrics table: name → type and labels.
std::map<std::string, DocumentedMetric> DocumentedMetrics() {
  auto readme = testing::ReadFile(testing::SourcePath("README.md"));
  EXPECT_TRUE(readme.ok());
  std::map<std::string, DocumentedMetric> metrics;
  for (const auto& row : testing::TableRows(testing::MarkdownSection(*readme, "### Metrics"))) {
    DocumentedMetric metric{row[1], {}};
    // "`grpc_service`, `grpc_method`" or "`result` (`created`, `duplicate`)": the first word of
    // each comma-separated part outside parentheses.
    std::string cell = row[2];
    while (cell.find('(') != std::string::npos) {
      cell.erase(cell.find('('), cell.find(')') - cell.find('(') + 1);
    }
    for (absl::string_view label : absl::StrSplit(cell, ',', absl::SkipWhitespace())) {
      metric.labels.emplace(
          absl::StripSuffix(absl::StripPrefix(absl::StripAsciiWhitespace(label), "`"), "`"));
    }
    metrics[row[0]] = metric;
  }
  return metrics;
}

class GrafanaDashboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto text = testing::ReadFile(testing::SourcePath("deploy/grafana/laurel.json"));
    ASSERT_TRUE(text.ok()) << text.status();
    dashboard_ = nlohmann::json::parse(*text, nullptr, false);
    ASSERT_TRUE(dashboard_.is_object()) << "not JSON";
    metrics_ = DocumentedMetrics();
    ASSERT_GE(metrics_.size(), 10u);
  }

  nlohmann::json dashboard_;
  std::map<std::string, DocumentedMetric> metrics_;
};

TEST_F(GrafanaDashboardTest, QueriesNameDocumentedMetricsAndLabels) {
  static const std::regex kMetric(R"(\b(laurel_[a-z_]+)\b)");
  static const std::regex kGrouping(R"(\bby \(([a-z_, ]+)\))");
  static const std::regex kMatcher(R"(\b([a-z_]+)(=~|!~|!=|=)\")");
  std::set<std::string> shown;
  for (const auto& panel : dashboard_["panels"]) {
    SCOPED_TRACE(panel.value("title", "?"));
    ASSERT_FALSE(panel["targets"].empty());
    for (const auto& target : panel["targets"]) {
      const std::string expr = target["expr"];
      int depth = 0;
      for (const char c : expr) depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      EXPECT_EQ(depth, 0) << "unbalanced parentheses: " << expr;

      std::set<std::string> allowed_labels = {"le", "job", "instance"};
      for (auto it = std::sregex_iterator(expr.begin(), expr.end(), kMetric);
           it != std::sregex_iterator(); ++it) {
        std::string name = (*it)[1];
        // A histogram is queried through its series.
        for (const char* suffix : {"_bucket", "_sum", "_count"}) {
          const std::string base = std::string(absl::StripSuffix(name, suffix));
          if (base != name && metrics_.count(base) && metrics_[base].type == "histogram") {
            EXPECT_EQ(suffix == std::string("_bucket"),
                      absl::StrContains(expr, "histogram_quantile"))
                << "quantiles come from _bucket series: " << expr;
            name = base;
          }
        }
        ASSERT_TRUE(metrics_.count(name)) << name << " is not a metric the services export";
        shown.insert(name);
        allowed_labels.insert(metrics_[name].labels.begin(), metrics_[name].labels.end());
      }
      for (auto it = std::sregex_iterator(expr.begin(), expr.end(), kGrouping);
           it != std::sregex_iterator(); ++it) {
        for (absl::string_view label :
             absl::StrSplit(std::string((*it)[1]), ',', absl::SkipWhitespace())) {
          EXPECT_TRUE(allowed_labels.count(std::string(absl::StripAsciiWhitespace(label))))
              << "no label " << label << " in " << expr;
        }
      }
      for (auto it = std::sregex_iterator(expr.begin(), expr.end(), kMatcher);
           it != std::sregex_iterator(); ++it) {
        EXPECT_TRUE(allowed_labels.count((*it)[1])) << "no label " << (*it)[1] << " in " << expr;
      }
    }
  }
  for (const auto& [name, metric] : metrics_) {
    EXPECT_TRUE(shown.count(name)) << name << " is on no panel";
  }
}

TEST_F(GrafanaDashboardTest, PanelsTileTheGridWithoutOverlapping) {
  std::set<int> ids;
  std::set<std::pair<int, int>> cells;
  for (const auto& panel : dashboard_["panels"]) {
    EXPECT_TRUE(ids.insert(panel["id"].get<int>()).second) << "duplicate panel id";
    const auto& grid = panel["gridPos"];
    const int x = grid["x"], y = grid["y"], w = grid["w"], h = grid["h"];
    EXPECT_LE(x + w, 24) << panel["title"];
    for (int column = x; column < x + w; ++column) {
      for (int row = y; row < y + h; ++row) {
        EXPECT_TRUE(cells.insert({column, row}).second) << panel["title"] << " overlaps";
      }
    }
  }
  EXPECT_EQ(dashboard_["uid"], "laurel-services");
}

}  // namespace
}  // namespace laurel
