#include "tests/parser/gold_corpus.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest-service/src/parser/parse_article.h"
#include "ingest-service/src/parser/text_normalizer.h"
#include "tests/parser/test_articles.h"

namespace laurel::parser::testing {

std::string CorpusDir() {
  const char* env = std::getenv("LAUREL_CORPUS_DIR");
  const std::string dir = env != nullptr && *env != '\0' ? env : LAUREL_CORPUS_DIR;
  return std::filesystem::is_directory(dir) ? dir : "";
}

std::string ProvincesDir() {
  const char* env = std::getenv("LAUREL_PROVINCES_DIR");
  if (env != nullptr && *env != '\0') return std::filesystem::is_directory(env) ? env : "";
  const char* corpus = std::getenv("LAUREL_CORPUS_DIR");
  const std::string dir = corpus != nullptr && *corpus != '\0'
                              ? std::string(corpus) + "/../data/provinces"
                              : std::string(LAUREL_PROVINCES_DIR);
  return std::filesystem::is_directory(dir) ? dir : "";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> GoldNames(const std::string& corpus_dir) {
  std::vector<std::string> names;
  const std::filesystem::path gold = std::filesystem::path(corpus_dir) / "gold";
  if (!std::filesystem::is_directory(gold)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(gold)) {
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string AwardTypeName(AwardType type) {
  switch (type) {
    case AwardType::kOrder:
      return "ORDER";
    case AwardType::kMedal:
      return "MEDAL";
    case AwardType::kStateHonoraryTitle:
      return "STATE_HONORARY_TITLE";
    case AwardType::kStatePrize:
      return "STATE_PRIZE";
    case AwardType::kCommemorativeMedal:
      return "COMMEMORATIVE_MEDAL";
    case AwardType::kCertificateOfMerit:
      return "CERTIFICATE_OF_MERIT";
    case AwardType::kCertificateOfCommendation:
      return "CERTIFICATE_OF_COMMENDATION";
    case AwardType::kEmulationFlag:
      return "EMULATION_FLAG";
    case AwardType::kEmulationTitle:
      return "EMULATION_TITLE";
    case AwardType::kOther:
      return "OTHER";
    case AwardType::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

std::string EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::kConference:
      return "CONFERENCE";
    case EventKind::kCeremony:
      return "CEREMONY";
    case EventKind::kCongress:
      return "CONGRESS";
    case EventKind::kOther:
      return "OTHER";
    case EventKind::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

std::string RecipientKindName(RecipientKind kind) {
  switch (kind) {
    case RecipientKind::kCollective:
      return "COLLECTIVE";
    case RecipientKind::kIndividual:
      return "INDIVIDUAL";
    case RecipientKind::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

std::string IssuerLevelName(IssuerLevel level) {
  switch (level) {
    case IssuerLevel::kState:
      return "STATE";
    case IssuerLevel::kGovernment:
      return "GOVERNMENT";
    case IssuerLevel::kMinistry:
      return "MINISTRY";
    case IssuerLevel::kProvince:
      return "PROVINCE";
    case IssuerLevel::kLocal:
      return "LOCAL";
    case IssuerLevel::kOrganization:
      return "ORGANIZATION";
    case IssuerLevel::kForeign:
      return "FOREIGN";
    case IssuerLevel::kUnspecified:
      break;
  }
  return "UNSPECIFIED";
}

std::string FormatPublished(const PublishedAt& published) {
  const std::time_t local =
      static_cast<std::time_t>(published.unix_seconds + published.utc_offset_minutes * 60LL);
  std::tm tm{};
  gmtime_r(&local, &tm);
  const int offset = published.utc_offset_minutes;
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
  return buffer;
}

std::string FormatDate(const Date& date) {
  if (!date.known()) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

namespace {

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json ToJson(const ParsedArticle& article) {
  nlohmann::json json;
  json["published"] =
      article.published_at ? nlohmann::json(FormatPublished(*article.published_at)) : nullptr;
  json["title"] = OrNull(article.title);
  json["author"] = OrNull(article.author);
  json["events"] = nlohmann::json::array();
  for (const Event& event : article.events) {
    nlohmann::json e;
    e["kind"] = EventKindName(event.kind);
    e["date"] = OrNull(FormatDate(event.date));
    e["province"] = OrNull(event.province);
    e["current_province"] = OrNull(event.current_province);
    e["organizer"] = OrNull(event.organizer);
    e["movement"] = OrNull(event.movement);
    e["period"] = event.period_start_year != 0
                      ? nlohmann::json::array({event.period_start_year, event.period_end_year})
                      : nlohmann::json(nullptr);
    e["span"] = {event.span.begin, event.span.end};
    e["confidence"] = event.confidence;
    json["events"].push_back(e);
  }
  json["awards"] = nlohmann::json::array();
  for (const Award& award : article.awards) {
    nlohmann::json a;
    a["award_type"] = AwardTypeName(award.award_type);
    a["award_name"] = award.award_name;
    a["issuer"] = OrNull(award.issuer);
    a["issuer_level"] = IssuerLevelName(award.issuer_level);
    a["recipient_kind"] = RecipientKindName(award.recipient_kind);
    a["count"] = award.count ? nlohmann::json(*award.count) : nlohmann::json(nullptr);
    a["recipients"] = award.recipients;
    a["presenter"] = OrNull(award.presenter);
    a["event_index"] = award.event_index;
    a["span"] = {award.span.begin, award.span.end};
    a["confidence"] = award.confidence;
    json["awards"].push_back(a);
  }
  return json;
}

std::vector<std::string> AwardLines(const ParsedArticle& article) {
  std::vector<std::string> lines;
  for (const Award& award : article.awards) {
    lines.push_back(AwardTypeName(award.award_type) + " | " + award.award_name + " | " +
                    award.issuer + " | " + RecipientKindName(award.recipient_kind) + " | " +
                    (award.count ? std::to_string(*award.count) : "null"));
  }
  return lines;
}

std::vector<std::string> EventLines(const ParsedArticle& article) {
  std::vector<std::string> lines;
  for (const Event& event : article.events) {
    lines.push_back(EventKindName(event.kind) + " | " + FormatDate(event.date) + " | " +
                    event.province + " | " + event.organizer);
  }
  return lines;
}

std::string CodePointSlice(std::string_view text, int64_t begin, int64_t end) {
  std::string slice;
  int64_t index = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = 1;
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    if (index >= begin && index < end) slice.append(text.substr(pos, length));
    pos += length;
    ++index;
  }
  return slice;
}

std::string Comparable(const std::string& text) {
  const std::string folded = FoldForIdentity(text);
  return NormalizeTextLenient(folded).lower;
}

}  // namespace laurel::parser::testing
