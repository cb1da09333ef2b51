#include "ingest-service/src/parser/restatement_merging.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ingest-service/src/parser/string_util.h"
#include "ingest-service/src/parser/vietnamese_letters.h"

namespace laurel::parser {
namespace {

constexpr double kRestatementBonus = 0.05;

// Issuers and names are the parser's own output, already folded: comparing them needs lower case
// only.
std::string Folded(const std::string& text) { return ToLowerPreservingOffsets(text); }

bool NounsCompatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  return Contains(a, b) || Contains(b, a);
}

// Both issuers named, and neither names the other.
bool IssuersDiffer(const AwardCandidate& a, const AwardCandidate& b) {
  if (a.award.issuer.empty() || b.award.issuer.empty()) return false;
  const std::string fa = Folded(a.award.issuer);
  const std::string fb = Folded(b.award.issuer);
  return !Contains(fa, fb) && !Contains(fb, fa);
}

// Issuers agree when equal, when one names the other more fully ("Cảnh sát" / "Cảnh sát thành phố
// Matsusaka"), or when one was only inferred.
bool IssuersCompatible(const AwardCandidate& a, const AwardCandidate& b) {
  return !IssuersDiffer(a, b) || a.issuer_weak || b.issuer_weak;
}

// Names agree when equal or when one only says more ("Kỷ niệm chương Vì sự nghiệp Công đoàn Việt
// Nam" restates "Kỷ niệm chương Vì sự nghiệp Công đoàn"); "hạng Nhì" and "hạng Ba" differ.
bool NamesCompatible(const AwardCandidate& a, const AwardCandidate& b) {
  if (!a.specific_name || !b.specific_name) return true;
  const std::string fa = Folded(a.award.award_name);
  const std::string fb = Folded(b.award.award_name);
  const std::string& shorter = fa.size() < fb.size() ? fa : fb;
  const std::string& longer = fa.size() < fb.size() ? fb : fa;
  return fa == fb || (StartsWith(longer, shorter) && longer[shorter.size()] == ' ' &&
                      !Contains(std::string_view(longer).substr(shorter.size()), " hạng "));
}

// "đón nhận Huân chương Lao động ... tặng tập thể, cá nhân" sums up what is then given class by
// class ("Huân chương Lao động hạng Nhì cho ..."): an uncounted record under a shorter name.
bool SumsUp(const AwardCandidate& summary, const AwardCandidate& record) {
  if (summary.award.count || !record.award.count ||
      summary.award.award_type != record.award.award_type ||
      summary.award.recipient_kind != record.award.recipient_kind) {
    return false;
  }
  const std::string shorter = Folded(summary.award.award_name);
  const std::string longer = Folded(record.award.award_name);
  return longer.size() > shorter.size() && StartsWith(longer, shorter) &&
         longer[shorter.size()] == ' ';
}

// Whether `part` may be a share of the counted `total` that a breakdown details: "khen thưởng 752
// cá nhân. Trong đó, 74 ..., 186 ...", "trao 15 Huân chương Lao động ... Trong đó có 5 Huân chương
// Lao động hạng Nhì và 10 Huân chương Lao động hạng Ba", "35 tập thể, cá nhân" as 10 and 25.
bool BreaksDown(const AwardCandidate& total, const AwardCandidate& part) {
  // A generic total is broken down by named awards, or (read from the headline) by the body's
  // generic records.
  if (!part.award.count || (part.generic && !total.generic)) return false;
  const RecipientKind kind = total.award.recipient_kind;
  if (kind != RecipientKind::kUnspecified && part.award.recipient_kind != kind) return false;
  if (total.generic) return true;
  if (part.award.award_type != total.award.award_type || IssuersDiffer(total, part)) return false;
  const std::string whole = Folded(total.award.award_name);
  const std::string share = Folded(part.award.award_name);
  return StartsWith(share, whole) && (share.size() == whole.size() || share[whole.size()] == ' ');
}

// Two uncounted groups described by different roles ("các đơn vị tài trợ", "các đơn vị phối hợp
// tổ chức") are different groups; merit ("có thành tích", "xuất sắc") describes any group alike.
bool QualifiersCompatible(const AwardCandidate& a, const AwardCandidate& b) {
  const auto role = [](const std::string& qualifier) {
    static const auto* const kMeritWords = new std::vector<std::string_view>{
        "có", "đã", "đạt", "xuất", "tiêu", "điển", "tích", "thành"};
    if (qualifier.empty()) return false;
    for (std::string_view word : *kMeritWords) {
      if (StartsWith(qualifier, word) &&
          (qualifier.size() == word.size() || qualifier[word.size()] == ' ')) {
        return false;
      }
    }
    return true;
  };
  if (!role(a.recipient_qualifier) || !role(b.recipient_qualifier)) return true;
  return StartsWith(a.recipient_qualifier, b.recipient_qualifier) ||
         StartsWith(b.recipient_qualifier, a.recipient_qualifier);
}

bool Unknown(const AwardCandidate& c) {
  return !c.award.count && c.award.recipient_kind == RecipientKind::kUnspecified &&
         c.recipient_noun.empty() && c.award.recipients.empty();
}

// Whether `b` restates the record `a`.
bool SameRecord(const AwardCandidate& a, const AwardCandidate& b) {
  if (a.award.award_type != b.award.award_type) return false;
  // The same people or bodies named again by a later sentence are the same group, whoever it says
  // gave the award (one sentence may list several bodies each giving one).
  if (a.sentence != b.sentence && !a.award.recipients.empty() &&
      a.award.recipients == b.award.recipients && NamesCompatible(a, b)) {
    return true;
  }
  if (!IssuersCompatible(a, b) || !NamesCompatible(a, b)) return false;
  if (Unknown(a) || Unknown(b)) return true;
  const bool same_specific_name = a.specific_name && b.specific_name &&
                                  Folded(a.award.award_name) == Folded(b.award.award_name);
  const RecipientKind ka = a.award.recipient_kind;
  const RecipientKind kb = b.award.recipient_kind;
  const bool kinds_match = ka == kb;
  // "bà Nga được nhận bằng khen của X" names one of the "186 cá nhân ... bằng khen của X".
  const auto member_of = [](const AwardCandidate& one, const AwardCandidate& group) {
    return one.named_only && group.award.count && one.award.count &&
           *group.award.count > *one.award.count && !one.award.issuer.empty() &&
           !group.award.issuer.empty() && one.award.recipient_kind == group.award.recipient_kind;
  };
  if (member_of(a, b) || member_of(b, a)) return true;
  if (a.award.count && b.award.count) {
    return *a.award.count == *b.award.count &&
           (kinds_match || ka == RecipientKind::kUnspecified || kb == RecipientKind::kUnspecified);
  }
  if (a.award.count.has_value() != b.award.count.has_value() && same_specific_name) return true;
  if (!a.award.count && !b.award.count && !QualifiersCompatible(a, b)) return false;
  return kinds_match && NounsCompatible(a.recipient_noun, b.recipient_noun);
}

void Absorb(AwardCandidate& into, const AwardCandidate& from) {
  if (from.award.count && (!into.award.count || (into.named_only && !from.named_only))) {
    // The counted statement says best who the group is ("trao giải B cho một số tác giả" restates
    // "14 giải B") and what it got (a caption naming one of them may name the award loosely).
    if (!into.award.count) into.award.recipient_kind = from.award.recipient_kind;
    if (into.named_only && !from.named_only && from.specific_name) {
      into.award.award_name = from.award.award_name;
    }
    into.award.count = from.award.count;
    into.named_only = from.named_only;
  }
  if (into.award.recipient_kind == RecipientKind::kUnspecified) {
    into.award.recipient_kind = from.award.recipient_kind;
  }
  if (into.recipient_noun.empty()) into.recipient_noun = from.recipient_noun;
  const bool fuller = !from.issuer_weak && !into.award.issuer.empty() &&
                      Contains(Folded(from.award.issuer), Folded(into.award.issuer)) &&
                      from.award.issuer.size() > into.award.issuer.size();
  // An issuer named with the award ("giấy khen của Công an tỉnh") outranks a clause's subject.
  const bool stated = from.issuer_stated && !into.issuer_stated && IssuersDiffer(into, from);
  if ((into.award.issuer.empty() || (into.issuer_weak && !from.issuer_weak) || fuller || stated) &&
      !from.award.issuer.empty()) {
    into.award.issuer = from.award.issuer;
    into.award.issuer_level = from.award.issuer_level;
    into.issuer_weak = from.issuer_weak;
    into.issuer_stated = from.issuer_stated;
  }
  // The award is named in full where the text gives its full name ("Anh hùng Lao động thời kỳ đổi
  // mới" after a lead's "Anh hùng Lao động").
  const bool longer_name = into.specific_name && from.specific_name &&
                           from.award.award_name.size() > into.award.award_name.size() &&
                           NamesCompatible(into, from);
  if ((!into.specific_name && from.specific_name) || longer_name) {
    into.award.award_name = from.award.award_name;
    into.specific_name = true;
  }
  for (const std::string& name : from.award.recipients) {
    if (std::find(into.award.recipients.begin(), into.award.recipients.end(), name) ==
        into.award.recipients.end()) {
      into.award.recipients.push_back(name);
    }
  }
  if (into.award.presenter.empty()) into.award.presenter = from.award.presenter;
  into.award.confidence =
      std::min(1.0, std::max(into.award.confidence, from.award.confidence) + kRestatementBonus);
}

}  // namespace

std::vector<AwardCandidate> MergeRestatements(const std::vector<AwardCandidate>& candidates) {
  std::vector<AwardCandidate> records;
  // Body first, headline last: the headline only restates or adds.
  std::vector<const AwardCandidate*> ordered;
  for (const AwardCandidate& c : candidates) {
    if (!c.from_title && !c.generic) ordered.push_back(&c);
  }
  for (const AwardCandidate& c : candidates) {
    if (!c.from_title && c.generic) ordered.push_back(&c);
  }
  for (const AwardCandidate& c : candidates) {
    if (c.from_title) ordered.push_back(&c);
  }
  for (const AwardCandidate* candidate : ordered) {
    // A record with no recipient information is a restatement of any record of its type.
    auto same = std::find_if(records.begin(), records.end(), [&](const AwardCandidate& record) {
      // "khen thưởng" restates a named award to the same group, unless another body gives it.
      if (candidate->generic && !record.generic) {
        return record.award.recipient_kind == candidate->award.recipient_kind &&
               (!candidate->award.count || record.award.count == candidate->award.count) &&
               !IssuersDiffer(record, *candidate);
      }
      return SameRecord(record, *candidate);
    });
    if (same != records.end()) {
      if (!candidate->generic || same->generic) Absorb(*same, *candidate);
      continue;
    }
    if (candidate->from_title) {
      const bool body_has_type = std::any_of(
          records.begin(), records.end(),
          [&](const AwardCandidate& r) { return !r.from_title && !r.partial && !r.generic; });
      if (body_has_type) continue;
    }
    records.push_back(*candidate);
  }
  // A generic total whose breakdown is given ("khen thưởng 752 cá nhân. Trong đó, 74 ..., 186
  // ..."), and records that say nothing of their recipients when a fuller record of their type
  // exists.
  std::vector<bool> drop(records.size(), false);
  for (size_t i = 0; i < records.size(); ++i) {
    const AwardCandidate& record = records[i];
    if (record.award.count) {
      // One award of another body to the same person is no breakdown ("được Tập đoàn X khen
      // thưởng" besides the Prime Minister's Bằng khen).
      int64_t sum = 0;
      int parts = 0;
      bool same_issuer = false;
      for (size_t j = 0; j < records.size(); ++j) {
        if (j != i && BreaksDown(record, records[j])) {
          sum += *records[j].award.count;
          ++parts;
          same_issuer = same_issuer || !IssuersDiffer(records[j], record);
        }
      }
      drop[i] = sum == *record.award.count && (parts > 1 || (record.generic && same_issuer));
    }
    if (std::any_of(records.begin(), records.end(),
                    [&](const AwardCandidate& other) { return SumsUp(record, other); })) {
      drop[i] = true;
    }
    // A place's share of a group whose whole is counted too ("1.355 học sinh ..., Hà Tĩnh có 76").
    if (record.partial &&
        std::any_of(records.begin(), records.end(), [&](const AwardCandidate& whole) {
          return !whole.partial && whole.award.award_type == record.award.award_type &&
                 whole.award.recipient_kind == record.award.recipient_kind && whole.award.count &&
                 *whole.award.count > *record.award.count && IssuersCompatible(whole, record);
        })) {
      drop[i] = true;
    }
    if (Unknown(record)) {
      drop[i] = std::count_if(records.begin(), records.end(), [&](const AwardCandidate& other) {
                  return other.award.award_type == record.award.award_type;
                }) > 1;
    }
  }
  std::vector<AwardCandidate> kept;
  for (size_t i = 0; i < records.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(records[i]));
  }
  return kept;
}

}  // namespace laurel::parser
