#include "ingest-service/src/ingest_metrics.h"

#include <string>

namespace laurel::ingest {
namespace {

prometheus::Family<prometheus::Counter>& Articles(prometheus::Registry& registry) {
  return prometheus::BuildCounter()
      .Name("laurel_ingest_articles_total")
      .Help(
          "Articles handled and stored: result=\"created\" stored by the call, "
          "\"duplicate\" already stored before.")
      .Register(registry);
}

}  // namespace

IngestMetrics::IngestMetrics(prometheus::Registry& registry)
    : created_(Articles(registry).Add({{"result", "created"}})),
      duplicates_(Articles(registry).Add({{"result", "duplicate"}})),
      events_(prometheus::BuildCounter()
                  .Name("laurel_ingest_events_total")
                  .Help("Events read from newly stored articles.")
                  .Register(registry)
                  .Add({})),
      awards_(prometheus::BuildCounter()
                  .Name("laurel_ingest_awards_total")
                  .Help("Award records read from newly stored articles.")
                  .Register(registry)
                  .Add({})),
      recipients_(prometheus::BuildCounter()
                      .Name("laurel_ingest_recipients_total")
                      .Help("Recipients counted in award records of newly stored articles.")
                      .Register(registry)
                      .Add({})),
      rejections_(prometheus::BuildCounter()
                      .Name("laurel_ingest_rejections_total")
                      .Help("Articles refused before anything was stored, by ErrorInfo reason.")
                      .Register(registry)) {}

void IngestMetrics::ArticleStored(const v1::IngestArticleResponse& response) {
  if (!response.created()) {
    duplicates_.Increment();
    return;
  }
  created_.Increment();
  events_.Increment(response.events_size());
  awards_.Increment(response.awards_size());
  for (const v1::Award& award : response.awards()) recipients_.Increment(award.count());
}

void IngestMetrics::ArticleRejected(absl::string_view reason) {
  rejections_.Add({{"reason", reason.empty() ? "UNSPECIFIED" : std::string(reason)}}).Increment();
}

}  // namespace laurel::ingest
