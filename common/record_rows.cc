#include "common/record_rows.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/enum_codes.h"
#include "common/prepared_statements.h"
#include "common/resource_names.h"
#include "google/protobuf/util/time_util.h"

namespace laurel {
namespace {

using google::protobuf::util::TimeUtil;

void SetSpan(const pqxx::field& begin, const pqxx::field& end, v1::SourceSpan* span) {
  span->set_begin(begin.as<int64_t>());
  span->set_end(end.as<int64_t>());
}

}  // namespace

v1::Article ArticleFromRow(const pqxx::row& row) {
  v1::Article article;
  article.set_name(ResourceName(kArticles, row[0].as<int64_t>()));
  article.set_title(row[1].as<std::string>());
  article.set_author(row[2].as<std::string>());
  article.set_url(row[3].as<std::string>());
  article.set_source(row[4].as<std::string>());
  if (!row[5].is_null()) {
    *article.mutable_published_at() = TimeUtil::MicrosecondsToTimestamp(row[5].as<int64_t>());
  }
  *article.mutable_create_time() = TimeUtil::MicrosecondsToTimestamp(row[6].as<int64_t>());
  article.set_parser_version(row[7].as<int>());
  return article;
}

v1::Event EventFromRow(const pqxx::row& row) {
  v1::Event event;
  event.set_name(ResourceName(kEvents, row[0].as<int64_t>()));
  event.set_article(ResourceName(kArticles, row[1].as<int64_t>()));
  event.set_kind(EnumFromCode<v1::EventKind>(row[2].as<std::string>()));
  event.mutable_date()->set_year(row[3].as<int>());
  event.mutable_date()->set_month(row[4].as<int>());
  event.mutable_date()->set_day(row[5].as<int>());
  event.set_province(row[6].as<std::string>());
  event.set_current_province(row[7].as<std::string>());
  event.set_organizer(row[8].as<std::string>());
  event.set_movement(row[9].as<std::string>());
  event.set_period_start_year(row[10].as<int>());
  event.set_period_end_year(row[11].as<int>());
  SetSpan(row[12], row[13], event.mutable_source_span());
  event.set_confidence(row[14].as<double>());
  event.set_mention_count(row[15].as<int>());
  event.set_first_report(ResourceName(kEvents, row[16].as<int64_t>()));
  return event;
}

v1::Award AwardFromRow(const pqxx::row& row) {
  v1::Award award;
  award.set_name(ResourceName(kAwards, row[0].as<int64_t>()));
  award.set_article(ResourceName(kArticles, row[1].as<int64_t>()));
  if (!row[2].is_null()) award.set_event(ResourceName(kEvents, row[2].as<int64_t>()));
  award.set_award_type(EnumFromCode<v1::AwardType>(row[3].as<std::string>()));
  award.set_award_name(row[4].as<std::string>());
  award.set_issuer(row[5].as<std::string>());
  award.set_issuer_level(EnumFromCode<v1::IssuerLevel>(row[6].as<std::string>()));
  award.set_recipient_kind(EnumFromCode<v1::RecipientKind>(row[7].as<std::string>()));
  if (!row[8].is_null()) award.set_count(row[8].as<int64_t>());
  pqxx::array_parser recipients = row[9].as_array();
  for (auto item = recipients.get_next(); item.first != pqxx::array_parser::done;
       item = recipients.get_next()) {
    if (item.first == pqxx::array_parser::string_value) award.add_recipients(item.second);
  }
  award.set_presenter(row[10].as<std::string>());
  SetSpan(row[11], row[12], award.mutable_source_span());
  award.set_confidence(row[13].as<double>());
  award.set_counted(row[14].as<bool>());
  return award;
}

std::optional<v1::GetArticleResponse> LoadArticle(pqxx::transaction_base& transaction,
                                                  int64_t article_id, bool with_text) {
  // Prepared: planning these takes longer than running them (an article is read after every
  // IngestArticle).
  static const auto* const kArticleSql = new std::string(
      absl::StrCat("SELECT ", kArticleColumns, " FROM articles ar WHERE ar.id = $1"));
  static const auto* const kArticleWithTextSql = new std::string(
      absl::StrCat("SELECT ", kArticleColumns, ", ar.text FROM articles ar WHERE ar.id = $1"));
  static const auto* const kEventsSql =
      new std::string(absl::StrCat("SELECT ", kEventColumns, " FROM ", kEventRelation,
                                   " WHERE ev.article_id = $1 ORDER BY ev.ordinal"));
  static const auto* const kAwardsSql = new std::string(absl::StrCat(
      "SELECT ", kAwardColumns, " FROM awards aw WHERE aw.article_id = $1 ORDER BY aw.ordinal"));
  const pqxx::result articles =
      ExecPrepared(transaction, with_text ? *kArticleWithTextSql : *kArticleSql, article_id);
  if (articles.empty()) return std::nullopt;
  v1::GetArticleResponse response;
  *response.mutable_article() = ArticleFromRow(articles[0]);
  if (with_text) response.mutable_article()->set_text(articles[0][8].as<std::string>());
  for (const pqxx::row& row : ExecPrepared(transaction, *kEventsSql, article_id)) {
    *response.add_events() = EventFromRow(row);
  }
  for (const pqxx::row& row : ExecPrepared(transaction, *kAwardsSql, article_id)) {
    *response.add_awards() = AwardFromRow(row);
  }
  return response;
}

}  // namespace laurel
