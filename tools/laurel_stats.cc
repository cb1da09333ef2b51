// laurel-stats: prints award statistics from a query-service as a table.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/env_flags.h"
#include "grpcpp/grpcpp.h"
#include "laurel/v1/query_service.grpc.pb.h"
#include "tools/client_connection.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50052", "query-service address, HOST:PORT.");
ABSL_FLAG(std::string, group_by, "province",
          "Comma-separated dimensions, e.g. province,award_type (names of laurel.v1.Dimension "
          "without the DIMENSION_ prefix).");
ABSL_FLAG(std::string, province, "", "Only awards at events in this province.");
ABSL_FLAG(std::string, issuer, "", "Only awards from this issuer.");
ABSL_FLAG(int, year, 0, "Only awards dated in this year.");

namespace {

// Display width of UTF-8 text: one column per code point (Vietnamese letters are precomposed).
size_t Width(const std::string& text) {
  size_t width = 0;
  for (const unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

void PrintRow(const std::vector<std::string>& cells, const std::vector<size_t>& widths) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    const bool numeric = i >= cells.size() - 6;
    const std::string padding(widths[i] - Width(cells[i]), ' ');
    absl::StrAppend(&line, i == 0 ? "" : "  ", numeric ? padding : "", cells[i],
                    numeric ? "" : padding);
  }
  std::printf("%s\n", line.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  laurel::ParseFlagsWithEnvironment(
      argc, argv, "laurel-stats --target=HOST:PORT --group_by=province,award_type");
  laurel::v1::GetAwardStatisticsRequest request;
  std::vector<std::string> header;
  for (const absl::string_view name :
       absl::StrSplit(absl::GetFlag(FLAGS_group_by), ',', absl::SkipWhitespace())) {
    laurel::v1::Dimension dimension;
    const std::string full = absl::StrCat("DIMENSION_", absl::AsciiStrToUpper(name));
    if (!laurel::v1::Dimension_Parse(full, &dimension)) {
      std::fprintf(stderr, "unknown dimension %s\n", std::string(name).c_str());
      return 2;
    }
    request.add_group_by(dimension);
    header.push_back(absl::AsciiStrToLower(name));
  }
  request.mutable_filter()->set_province(absl::GetFlag(FLAGS_province));
  request.mutable_filter()->set_issuer(absl::GetFlag(FLAGS_issuer));
  if (absl::GetFlag(FLAGS_year) != 0) {
    request.mutable_filter()->mutable_date_from()->set_year(absl::GetFlag(FLAGS_year));
    request.mutable_filter()->mutable_date_to()->set_year(absl::GetFlag(FLAGS_year));
  }

  auto stub =
      laurel::v1::QueryService::NewStub(laurel::tools::ClientChannel(absl::GetFlag(FLAGS_target)));
  laurel::v1::GetAwardStatisticsResponse response;
  const grpc::Status status = stub->GetAwardStatistics(
      laurel::tools::CallContext(absl::Seconds(30)).get(), request, &response);
  if (!status.ok()) {
    std::fprintf(stderr, "GetAwardStatistics failed: %s\n", status.error_message().c_str());
    return 1;
  }

  for (const char* metric :
       {"records", "recipients", "collective", "individual", "events", "articles"}) {
    header.push_back(metric);
  }
  std::vector<std::vector<std::string>> table = {header};
  const auto add_row = [&table](std::vector<std::string> keys,
                                const laurel::v1::StatisticsRow& row) {
    for (const int64_t value : {row.award_records(), row.recipients(), row.collective_recipients(),
                                row.individual_recipients(), row.events(), row.articles()}) {
      keys.push_back(absl::StrCat(value));
    }
    table.push_back(std::move(keys));
  };
  for (const auto& row : response.rows()) {
    std::vector<std::string> keys;
    for (const std::string& key : row.keys()) keys.push_back(key.empty() ? "(unknown)" : key);
    add_row(std::move(keys), row);
  }
  std::vector<std::string> total_keys(request.group_by_size(), "");
  if (!total_keys.empty()) total_keys[0] = "TOTAL";
  add_row(std::move(total_keys), response.total());

  std::vector<size_t> widths(header.size(), 0);
  for (const auto& row : table) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
  }
  for (const auto& row : table) PrintRow(row, widths);
  return 0;
}
