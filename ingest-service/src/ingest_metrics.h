#pragma once

#include "ingest-service/src/ingest_observer.h"
#include "prometheus/counter.h"
#include "prometheus/family.h"
#include "prometheus/registry.h"

namespace laurel::ingest {

// Ingest outcomes as Prometheus counters: articles stored (new or already there), the events and
// awards read from new ones, and rejections by reason.
class IngestMetrics : public IngestObserver {
 public:
  explicit IngestMetrics(prometheus::Registry& registry);

  void ArticleStored(const v1::IngestArticleResponse& response) override;
  void ArticleRejected(absl::string_view reason) override;

 private:
  prometheus::Counter& created_;
  prometheus::Counter& duplicates_;
  prometheus::Counter& events_;
  prometheus::Counter& awards_;
  prometheus::Counter& recipients_;
  prometheus::Family<prometheus::Counter>& rejections_;
};

}  // namespace laurel::ingest
