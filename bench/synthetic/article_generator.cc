#include "bench/synthetic/article_generator.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "bench/synthetic/random.h"
#include "bench/synthetic/vocabulary.h"
#include "ingest-service/src/parser/dates.h"
#include "ingest-service/src/parser/gazetteer.h"

namespace laurel::synthetic {
namespace {

using parser::AwardType;
using parser::Date;
using parser::EventKind;
using parser::IssuerLevel;
using parser::RecipientKind;

// Independent random streams: the ceremony an article reports is drawn from its origin's stream,
// the wording from the article's own, so restatements share facts but not sentences.
enum Stream : uint64_t { kKindStream = 1, kOriginStream, kCeremonyStream, kWordingStream };

constexpr int kFirstYear = 2015;
constexpr int kLastYear = 2026;
constexpr int kLookBack = 50;  // how far back a restating article looks for its ceremony
constexpr int kUtcOffsetMinutes = 7 * 60;

// ---------------------------------------------------------------------------------------------
// Dates.

absl::CivilDay Civil(const Date& date) { return absl::CivilDay(date.year, date.month, date.day); }

int DaysInMonth(int year, int month) {
  return (absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1).day();
}

bool OnOrAfter(const Date& date, int year, int month, int day) {
  return Civil(date) >= absl::CivilDay(year, month, day);
}

// ---------------------------------------------------------------------------------------------
// Places and people.

struct Place {
  int index = -1;       // into parser::Provinces()
  std::string name;     // as named on the article's date
  std::string current;  // the unit it belongs to since 1 July 2025
  bool city = false;    // centrally run on that date
  // How the text writes the name, alone and with its unit ("tỉnh Khánh Hòa"). Two provinces are
  // written in the short forms papers also use, because the parser misreads their full forms:
  // "Bà Rịa - Vũng Tàu" (it takes "Bà" for a woman's title) as "BR-VT", and "thành phố Hồ Chí
  // Minh" (which it does not find as a place) as "TP Hồ Chí Minh".
  std::string text_name;
  std::string written;

  std::string Unit() const { return city ? "thành phố " : "tỉnh "; }
  const std::string& Written() const { return written; }
  std::string Canonical() const { return absl::StrCat(Unit(), name); }
  std::string Committee() const { return absl::StrCat("UBND ", Canonical()); }
  std::string WrittenCommittee() const { return absl::StrCat("UBND ", Written()); }
};

Place PlaceOn(int index, const Date& date) {
  Place place;
  place.index = index;
  place.name = parser::ProvinceNameOn(index, date);
  place.current = std::string(parser::CurrentProvinceOf(index)->name);
  place.city = parser::CentrallyRunOn(index, date);
  place.text_name = place.name == "Bà Rịa - Vũng Tàu" ? "BR-VT"
                    : place.name == "Hồ Chí Minh"     ? "TP Hồ Chí Minh"
                                                      : place.name;
  place.written =
      place.name == "Hồ Chí Minh" ? place.text_name : absl::StrCat(place.Unit(), place.text_name);
  return place;
}

// News text writes "Hoà" as often as the official "Hòa": both must be read as one name.
std::string ModernToneMarks(const std::string& name) {
  return absl::StrReplaceAll(name, {{"òa", "oà"}, {"óa", "oá"}, {"ỏa", "oả"}, {"ủy", "uỷ"}});
}

std::string PersonName(Random& random) {
  return absl::StrCat(random.Pick(FamilyNames()), " ", random.Pick(MiddleNames()), " ",
                      random.Pick(GivenNames()));
}

// ---------------------------------------------------------------------------------------------
// Numbers as news writes them.

std::string NumberWords(int n) {
  static const char* const kUnits[] = {"",    "một", "hai", "ba",  "bốn",
                                       "năm", "sáu", "bảy", "tám", "chín"};
  if (n < 10) return kUnits[n];
  if (n < 20) {
    if (n == 10) return "mười";
    return absl::StrCat("mười ", n % 10 == 5 ? "lăm" : kUnits[n % 10]);
  }
  std::string words = absl::StrCat(kUnits[n / 10], " mươi");
  const int unit = n % 10;
  if (unit == 1) return words + " mốt";
  if (unit == 4) return words + " tư";
  if (unit == 5) return words + " lăm";
  if (unit != 0) absl::StrAppend(&words, " ", kUnits[unit]);
  return words;
}

std::string WrittenCount(int64_t count, Random& random) {
  if (count < 100 && random.Percent(25)) return NumberWords(static_cast<int>(count));
  if (count >= 1000) return absl::StrFormat("%d.%03d", count / 1000, count % 1000);
  return absl::StrCat(count);
}

// ---------------------------------------------------------------------------------------------
// The ceremony: what happened, independent of how an article tells it.

enum class IssuerKind {
  kPresident,
  kPrimeMinister,
  kGovernment,
  kMinistry,
  kProvince,
  kProvincialBody,
  kLocal,
  kEnterprise,
  kOrganisation,
  kForeign,
};

struct AwardForm {
  AwardType type;
  std::string name;     // canonical
  std::string written;  // as the article writes it
  std::vector<IssuerKind> issuers;
  bool collective;
  bool individual;
  int max_count;
};

const std::vector<AwardForm>& AwardForms() {
  using K = IssuerKind;
  static const auto* const kForms = [] {
    auto* forms = new std::vector<AwardForm>;
    for (const char* rank : {"Nhất", "Nhì", "Ba"}) {
      const std::string labour = absl::StrCat("Huân chương Lao động hạng ", rank);
      forms->push_back({AwardType::kOrder, labour, labour, {K::kPresident}, true, true, 4});
    }
    for (const char* name : {"Huân chương Bảo vệ Tổ quốc hạng Ba",
                             "Huân chương Chiến công hạng Nhì", "Huân chương Độc lập hạng Ba"}) {
      forms->push_back({AwardType::kOrder, name, name, {K::kPresident}, true, true, 3});
    }
    forms->push_back({AwardType::kOrder,
                      "Huân chương Dũng cảm",
                      "Huân chương Dũng cảm",
                      {K::kPresident},
                      false,
                      true,
                      3});
    forms->push_back({AwardType::kOrder,
                      "Huân chương Hữu nghị",
                      "Huân chương Hữu nghị",
                      {K::kForeign},
                      true,
                      true,
                      3});
    for (const char* name :
         {"Huy chương Vì an ninh Tổ quốc", "Huy chương Chiến sĩ vẻ vang hạng Nhất",
          "Huy chương Quân kỳ quyết thắng"}) {
      forms->push_back({AwardType::kMedal, name, name, {K::kPresident}, false, true, 12});
    }
    for (const char* name : {"Nhà giáo Ưu tú", "Thầy thuốc Ưu tú", "Nghệ nhân Ưu tú"}) {
      forms->push_back({AwardType::kStateHonoraryTitle,
                        name,
                        absl::StrCat("danh hiệu ", name),
                        {K::kPresident},
                        false,
                        true,
                        8});
    }
    forms->push_back({AwardType::kStatePrize,
                      "Giải thưởng Nhà nước",
                      "Giải thưởng Nhà nước",
                      {K::kPresident},
                      false,
                      true,
                      5});
    for (const char* field : {"Giáo dục", "Y tế", "Văn hóa"}) {
      forms->push_back({AwardType::kCommemorativeMedal,
                        absl::StrCat("Kỷ niệm chương Vì sự nghiệp ", field),
                        absl::StrCat("Kỷ niệm chương \"Vì sự nghiệp ", field, "\""),
                        {K::kMinistry},
                        false,
                        true,
                        30});
    }
    forms->push_back({AwardType::kCertificateOfMerit,
                      "Bằng khen",
                      "Bằng khen",
                      {K::kPrimeMinister, K::kMinistry, K::kProvince, K::kOrganisation},
                      true,
                      true,
                      120});
    forms->push_back({AwardType::kCertificateOfCommendation,
                      "Giấy khen",
                      "Giấy khen",
                      {K::kProvincialBody, K::kLocal, K::kEnterprise},
                      true,
                      true,
                      200});
    forms->push_back({AwardType::kEmulationFlag,
                      "Cờ thi đua",
                      "Cờ thi đua",
                      {K::kProvince, K::kMinistry},
                      true,
                      false,
                      30});
    forms->push_back({AwardType::kEmulationFlag,
                      "Cờ thi đua của Chính phủ",
                      "Cờ thi đua của Chính phủ",
                      {K::kGovernment},
                      true,
                      false,
                      4});
    forms->push_back({AwardType::kEmulationTitle,
                      "Chiến sĩ thi đua toàn quốc",
                      "danh hiệu Chiến sĩ thi đua toàn quốc",
                      {K::kPrimeMinister},
                      false,
                      true,
                      6});
    forms->push_back({AwardType::kEmulationTitle,
                      "Chiến sĩ thi đua cấp tỉnh",
                      "danh hiệu Chiến sĩ thi đua cấp tỉnh",
                      {K::kProvince},
                      false,
                      true,
                      60});
    forms->push_back({AwardType::kEmulationTitle,
                      "Tập thể lao động xuất sắc",
                      "danh hiệu Tập thể lao động xuất sắc",
                      {K::kProvince},
                      true,
                      false,
                      40});
    forms->push_back({AwardType::kOther, "Thư khen", "Thư khen", {K::kProvince}, true, true, 20});
    return forms;
  }();
  return *kForms;
}

struct Issuer {
  IssuerKind kind;
  std::string canonical;
  IssuerLevel level;
  std::string written;  // when the text writes it otherwise than its canonical name
  const std::string& Written() const { return written.empty() ? canonical : written; }
};

struct Group {
  RecipientKind kind;
  int64_t count;
  std::vector<std::string> names;  // named recipients; when set, the count is their number
};

struct Conferral {
  const AwardForm* form;
  Issuer issuer;
  std::vector<Group> groups;
};

enum class Organizer { kCommittee, kProvincialBody, kEnterprise, kMinistry };

struct Ceremony {
  Date date;
  int province_index = 0;
  EventKind kind = EventKind::kConference;
  Organizer organizer_kind = Organizer::kCommittee;
  std::string body;        // the ministry, provincial body or enterprise, when not the committee
  std::string local_unit;  // "huyện Yên Thành": the one district or commune that gives awards
  std::string movement;
  int period_start = 0;
  int period_end = 0;
  int anniversary = 0;      // years since founding, for a founding-day ceremony
  std::string programme;    // the name of a programme (EventKind::kOther)
  int congress_number = 0;  // "lần thứ V"
  std::vector<Conferral> conferrals;
};

// A ceremony date away from the days before 1 January and 1 July 2025, so that an article
// published a day or two later names the places as the ceremony's own day does.
Date CeremonyDate(Random& random) {
  while (true) {
    Date date;
    date.year = random.Between(kFirstYear, kLastYear);
    date.month = random.Between(1, date.year == kLastYear ? 6 : 12);
    date.day = random.Between(1, DaysInMonth(date.year, date.month));
    const bool before_rename = date.year == 2024 && date.month == 12 && date.day >= 28;
    const bool before_merger = date.year == 2025 && date.month == 6 && date.day >= 28;
    if (!before_rename && !before_merger) return date;
  }
}

Issuer MakeIssuer(IssuerKind kind, const Ceremony& ceremony, const Place& place, Random& random) {
  switch (kind) {
    case IssuerKind::kPresident:
      return {kind, "Chủ tịch nước", IssuerLevel::kState};
    case IssuerKind::kPrimeMinister:
      return {kind, "Thủ tướng Chính phủ", IssuerLevel::kGovernment};
    case IssuerKind::kGovernment:
      return {kind, "Chính phủ", IssuerLevel::kGovernment};
    case IssuerKind::kMinistry:
      return {kind,
              ceremony.organizer_kind == Organizer::kMinistry ? ceremony.body
                                                              : random.Pick(Ministries()),
              IssuerLevel::kMinistry};
    case IssuerKind::kProvince:
      return {kind, place.Committee(), IssuerLevel::kProvince};
    case IssuerKind::kProvincialBody: {
      const std::string& body = ceremony.organizer_kind == Organizer::kProvincialBody
                                    ? ceremony.body
                                    : random.Pick(ProvincialBodies());
      return {kind, absl::StrCat(body, " ", place.Canonical()), IssuerLevel::kProvince,
              absl::StrCat(body, " ", place.Written())};
    }
    case IssuerKind::kLocal:
      return {kind, absl::StrCat("UBND ", ceremony.local_unit), IssuerLevel::kLocal};
    case IssuerKind::kEnterprise:
      return {kind,
              ceremony.organizer_kind == Organizer::kEnterprise ? ceremony.body
                                                                : random.Pick(Enterprises()),
              IssuerLevel::kOrganization};
    case IssuerKind::kOrganisation:
      return {kind, random.Pick(NationalOrganisations()), IssuerLevel::kOrganization};
    case IssuerKind::kForeign:
      return {kind, "Nhà nước Lào", IssuerLevel::kForeign};
  }
  return {kind, "", IssuerLevel::kUnspecified};
}

std::vector<std::string> CollectiveNames(const Ceremony& ceremony, int count, Random& random) {
  std::vector<std::string> names;
  if (ceremony.organizer_kind == Organizer::kEnterprise && count == 1) {
    names.push_back(ceremony.body);
    return names;
  }
  std::vector<std::string> pool = Enterprises();
  while (static_cast<int>(names.size()) < count && !pool.empty()) {
    const int pick = random.Below(static_cast<int>(pool.size()));
    names.push_back(pool[pick]);
    pool.erase(pool.begin() + pick);
  }
  return names;
}

Group MakeGroup(const AwardForm& form, RecipientKind kind, const Ceremony& ceremony,
                Random& random) {
  Group group{kind, 1, {}};
  const bool state = form.type == AwardType::kOrder || form.type == AwardType::kMedal;
  // Orders and medals go to few recipients, who are often named.
  if (state && random.Percent(45)) {
    const int named = random.Between(1, kind == RecipientKind::kCollective ? 2 : 3);
    if (kind == RecipientKind::kCollective) {
      group.names = CollectiveNames(ceremony, named, random);
    } else {
      std::set<std::string> seen;
      while (static_cast<int>(group.names.size()) < named) {
        std::string name = PersonName(random);
        if (seen.insert(name).second) group.names.push_back(std::move(name));
      }
    }
    group.count = static_cast<int64_t>(group.names.size());
    return group;
  }
  const int high = form.max_count;
  group.count =
      random.Percent(3) && high >= 100 ? random.Between(1000, 2500) : random.Between(1, high);
  return group;
}

Ceremony MakeCeremony(uint64_t seed, uint64_t origin) {
  Random random(MixSeed(seed, kCeremonyStream, origin));
  Ceremony ceremony;
  ceremony.date = CeremonyDate(random);
  // Both centrally run giants report more than their share.
  ceremony.province_index = random.Percent(10) ? (random.Percent(50) ? 0 : 49) : random.Below(63);
  const Place place = PlaceOn(ceremony.province_index, ceremony.date);

  const int kind = random.Below(100);
  ceremony.kind = kind < 45   ? EventKind::kConference
                  : kind < 80 ? EventKind::kCeremony
                  : kind < 93 ? EventKind::kCongress
                              : EventKind::kOther;
  const int organizer = random.Below(100);
  ceremony.organizer_kind = organizer < 55   ? Organizer::kCommittee
                            : organizer < 75 ? Organizer::kProvincialBody
                            : organizer < 90 ? Organizer::kEnterprise
                                             : Organizer::kMinistry;
  // The parser keeps an organiser's name as written, and BR-VT is not how it would be filed.
  if (place.text_name != place.name && (ceremony.organizer_kind == Organizer::kCommittee ||
                                        ceremony.organizer_kind == Organizer::kProvincialBody)) {
    ceremony.organizer_kind = Organizer::kEnterprise;
  }
  if (ceremony.organizer_kind == Organizer::kProvincialBody) {
    ceremony.body = random.Pick(ProvincialBodies());
  } else if (ceremony.organizer_kind == Organizer::kEnterprise) {
    ceremony.body = random.Pick(Enterprises());
  } else if (ceremony.organizer_kind == Organizer::kMinistry) {
    ceremony.body = random.Pick(Ministries());
  }
  // Districts were abolished on 1 July 2025; communes and wards remain.
  const char* unit =
      OnOrAfter(ceremony.date, 2025, 7, 1) ? (random.Percent(50) ? "xã" : "phường") : "huyện";
  ceremony.local_unit = absl::StrCat(unit, " ", random.Pick(LocalUnitNames()));
  switch (ceremony.kind) {
    case EventKind::kConference:
      ceremony.movement = random.Pick(Movements());
      ceremony.period_end = ceremony.date.year - random.Below(2);
      ceremony.period_start = ceremony.period_end - random.Between(4, 5);
      break;
    case EventKind::kCongress:
      ceremony.congress_number = random.Between(4, 11);
      ceremony.period_end = ceremony.date.year - random.Below(2);
      ceremony.period_start = ceremony.period_end - 5;
      break;
    case EventKind::kCeremony:
      ceremony.anniversary = 5 * random.Between(2, 14);
      break;
    default:
      ceremony.programme = random.Pick(std::vector<std::string>{
          "Sắc màu quê hương", "Ánh sáng niềm tin", "Những bông hoa đẹp", "Tự hào tuổi trẻ"});
      break;
  }

  // One to four conferrals, never two that a reader could take for a restatement of each other.
  const int wanted = random.Between(1, 4);
  std::set<std::tuple<AwardType, RecipientKind, int64_t>> seen_groups;
  std::set<std::string> seen_awards;
  for (int attempt = 0; attempt < 12 && static_cast<int>(ceremony.conferrals.size()) < wanted;
       ++attempt) {
    const AwardForm& form = random.Pick(AwardForms());
    const IssuerKind issuer_kind = random.Pick(form.issuers);
    if (issuer_kind == IssuerKind::kLocal && ceremony.organizer_kind == Organizer::kMinistry) {
      continue;
    }
    Conferral conferral{&form, MakeIssuer(issuer_kind, ceremony, place, random), {}};
    if (!seen_awards.insert(absl::StrCat(form.name, "|", conferral.issuer.canonical)).second) {
      continue;
    }
    std::vector<RecipientKind> kinds;
    if (form.collective) kinds.push_back(RecipientKind::kCollective);
    if (form.individual) kinds.push_back(RecipientKind::kIndividual);
    if (kinds.size() == 2 && random.Percent(40)) kinds.erase(kinds.begin() + random.Below(2));
    bool clash = false;
    for (RecipientKind kind : kinds) {
      Group group = MakeGroup(form, kind, ceremony, random);
      // Named recipients stand alone: the parser takes names after a counted group for its
      // members.
      if (!group.names.empty()) conferral.groups.clear();
      if (!group.names.empty() || conferral.groups.empty() ||
          conferral.groups.back().names.empty()) {
        clash |= !seen_groups.insert({form.type, kind, group.count}).second;
        conferral.groups.push_back(std::move(group));
      }
    }
    if (clash) continue;
    ceremony.conferrals.push_back(std::move(conferral));
  }
  return ceremony;
}

// ---------------------------------------------------------------------------------------------
// Writing it down.

std::string DayPhrase(const Date& event, const Date& published, Random& random) {
  static const char* const kParts[] = {"Sáng", "Chiều", "Tối"};
  const char* part = kParts[random.Below(3)];
  if (event == published && random.Percent(20)) {
    return absl::StrFormat("%s nay (%d/%d)", part, event.day, event.month);
  }
  switch (random.Below(3)) {
    case 0:
      return absl::StrFormat("%s %d-%d", part, event.day, event.month);
    case 1:
      return absl::StrFormat("%s %d/%d", part, event.day, event.month);
    default:
      return absl::StrFormat("Ngày %d/%d/%d", event.day, event.month, event.year);
  }
}

std::string DateLine(const Date& date, int hour, int minute, Random& random) {
  // In absl::Weekday order: Monday first.
  static const char* const kWeekdays[] = {"Thứ hai", "Thứ ba",  "Thứ tư",  "Thứ năm",
                                          "Thứ sáu", "Thứ bảy", "Chủ nhật"};
  switch (random.Below(4)) {
    case 0:
      return absl::StrFormat("%s, %02d/%02d/%d - %02d:%02d",
                             kWeekdays[static_cast<int>(absl::GetWeekday(Civil(date)))], date.day,
                             date.month, date.year, hour, minute);
    case 1:
      return absl::StrFormat("%02d/%02d/%d %02d:%02d GMT+7", date.day, date.month, date.year, hour,
                             minute);
    case 2:
      return absl::StrFormat("%02d:%02d, %02d/%02d/%d", hour, minute, date.day, date.month,
                             date.year);
    default:
      return absl::StrFormat("%d-%02d-%02dT%02d:%02d:00+07:00", date.year, date.month, date.day,
                             hour, minute);
  }
}

std::string Recipients(const Group& group, Random& random) {
  if (!group.names.empty()) {
    std::vector<std::string> written;
    for (const std::string& name : group.names) {
      if (group.kind == RecipientKind::kIndividual) {
        written.push_back(absl::StrCat(random.Percent(60) ? "ông " : "bà ", name));
      } else {
        written.push_back(name);
      }
    }
    if (written.size() == 1) return written[0];
    const std::string last = written.back();
    written.pop_back();
    return absl::StrCat(absl::StrJoin(written, ", "), " và ", last);
  }
  static const std::vector<std::string> kCollective = {"tập thể", "tập thể", "tập thể", "đơn vị",
                                                       "cơ quan"};
  static const std::vector<std::string> kIndividual = {"cá nhân", "cá nhân",  "cá nhân",
                                                       "cán bộ",  "hội viên", "đoàn viên"};
  const std::string& noun =
      random.Pick(group.kind == RecipientKind::kCollective ? kCollective : kIndividual);
  return absl::StrCat(WrittenCount(group.count, random), " ", noun);
}

std::string GroupsPhrase(const Conferral& conferral, Random& random) {
  std::vector<std::string> parts;
  for (const Group& group : conferral.groups) parts.push_back(Recipients(group, random));
  return absl::StrJoin(parts, " và ");
}

std::string Presenter(const Place& place, Random& random) {
  return absl::StrCat(random.Percent(70) ? "ông " : "bà ", PersonName(random), ", Phó Chủ tịch ",
                      place.WrittenCommittee());
}

// The parser takes a final "Long" (long trọng) or "Định" (quyết định) before a verb for part of
// the verb, so "UBND tỉnh Vĩnh Long tặng ..." loses "Long". Such names never stand right before a
// verb here.
bool EndsLikeAVerb(const std::string& name) {
  for (const char* ending : {" Long", " Định"}) {
    const std::string suffix(ending);
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return true;
    }
  }
  return false;
}

// How a sentence names the issuer: as the subject ("Chủ tịch UBND tỉnh X tặng ..."), as the one
// on whose behalf another presents it ("thừa ủy quyền của ..., ông Y trao ..."), or after the
// award ("trao Bằng khen của Chủ tịch UBND tỉnh X cho ...").
enum class Voice { kSubject, kOnBehalf, kExplicit };

Voice PickVoice(const Conferral& conferral, const std::string& head_and_issuer, Random& random) {
  switch (conferral.issuer.kind) {
    case IssuerKind::kPresident:
      return random.Percent(50) ? Voice::kOnBehalf : Voice::kExplicit;
    case IssuerKind::kPrimeMinister:
    case IssuerKind::kGovernment:
      return Voice::kOnBehalf;
    case IssuerKind::kOrganisation:
      return Voice::kSubject;
    case IssuerKind::kForeign:
      return Voice::kExplicit;
    default:
      break;
  }
  if (EndsLikeAVerb(head_and_issuer)) return Voice::kOnBehalf;
  const int roll = random.Below(100);
  // The seed parser drops "Cờ thi đua của <issuer>" altogether.
  const bool explicit_ok = conferral.issuer.kind == IssuerKind::kProvince &&
                           conferral.form->type != AwardType::kEmulationFlag;
  if (roll < 50) return Voice::kSubject;
  if (roll < 75 || !explicit_ok) return Voice::kOnBehalf;
  return Voice::kExplicit;
}

// One sentence conferring one award on its groups, in a way that names its issuer.
std::string ConferralSentence(const Conferral& conferral, const std::string& opening,
                              const Place& place, Random& random) {
  const AwardForm& form = *conferral.form;
  const std::string groups = GroupsPhrase(conferral, random);
  const std::string verb = random.Percent(50) ? "trao" : "trao tặng";
  std::string issuer;  // the issuer as this sentence writes it, with its head's title
  switch (conferral.issuer.kind) {
    case IssuerKind::kPresident:
      issuer = "Chủ tịch nước";
      break;
    case IssuerKind::kPrimeMinister:
    case IssuerKind::kGovernment:
      issuer = "Thủ tướng Chính phủ";
      break;
    case IssuerKind::kMinistry:
      issuer = absl::StrCat("Bộ trưởng ", conferral.issuer.canonical);
      break;
    case IssuerKind::kProvince:
      issuer = absl::StrCat("Chủ tịch UBND ", random.Percent(20) ? ModernToneMarks(place.Written())
                                                                 : place.Written());
      break;
    case IssuerKind::kLocal:
      issuer = absl::StrCat("Chủ tịch ", conferral.issuer.Written());
      break;
    case IssuerKind::kProvincialBody:
    case IssuerKind::kEnterprise:
      issuer = absl::StrCat("Giám đốc ", conferral.issuer.Written());
      break;
    case IssuerKind::kOrganisation:
    case IssuerKind::kForeign:
      issuer = conferral.issuer.canonical;
      break;
  }
  switch (PickVoice(conferral, issuer, random)) {
    case Voice::kSubject:
      return absl::StrCat(opening, issuer, " tặng ", form.written, " cho ", groups, ".");
    case Voice::kOnBehalf:
      return absl::StrCat(opening, "thừa ủy quyền của ", issuer, ", ", Presenter(place, random),
                          ", đã ", verb, " ", form.written, " cho ", groups, ".");
    case Voice::kExplicit:
      break;
  }
  const std::string presenter = conferral.issuer.kind == IssuerKind::kForeign
                                    ? "Đại sứ Lào tại Việt Nam"
                                    : Presenter(place, random);
  return absl::StrCat(opening, presenter, ", đã ", verb, " ", form.written, " của ", issuer,
                      " cho ", groups, ".");
}

std::string OrganizerWritten(const Ceremony& ceremony, const Place& place, Random& random) {
  const std::string where = random.Percent(20) ? ModernToneMarks(place.Written()) : place.Written();
  switch (ceremony.organizer_kind) {
    case Organizer::kCommittee:
      return absl::StrCat("UBND ", where);
    case Organizer::kProvincialBody:
      return absl::StrCat(ceremony.body, " ", where);
    default:
      return ceremony.body;
  }
}

std::string OrganizerCanonical(const Ceremony& ceremony, const Place& place) {
  switch (ceremony.organizer_kind) {
    case Organizer::kCommittee:
      return place.Committee();
    case Organizer::kProvincialBody:
      return absl::StrCat(ceremony.body, " ", place.Canonical());
    default:
      return ceremony.body;
  }
}

const char* Roman(int n) {
  static const char* const kRoman[] = {"",   "I",   "II",   "III", "IV", "V",
                                       "VI", "VII", "VIII", "IX",  "X",  "XI"};
  return kRoman[n];
}

std::string PeriodPhrase(const Ceremony& ceremony, Random& random) {
  if (random.Percent(70)) {
    return absl::StrFormat("giai đoạn %d - %d", ceremony.period_start, ceremony.period_end);
  }
  return absl::StrFormat("%d năm (%d-%d)", ceremony.period_end - ceremony.period_start,
                         ceremony.period_start, ceremony.period_end);
}

std::string GatheringPhrase(const Ceremony& ceremony, Random& random) {
  switch (ceremony.kind) {
    case EventKind::kConference:
      return absl::StrCat("Hội nghị tổng kết phong trào thi đua \"", ceremony.movement, "\" ",
                          PeriodPhrase(ceremony, random));
    case EventKind::kCongress:
      return absl::StrCat("Đại hội Thi đua yêu nước lần thứ ", Roman(ceremony.congress_number),
                          ", ", PeriodPhrase(ceremony, random));
    case EventKind::kCeremony:
      return absl::StrCat("lễ kỷ niệm ", ceremony.anniversary, " năm ngày thành lập");
    default:
      return absl::StrCat("chương trình \"", ceremony.programme, "\"");
  }
}

// The lead: when, who and what gathering, in the active ("UBND tỉnh X tổ chức hội nghị ...") or
// the passive voice ("hội nghị ... do UBND tỉnh X tổ chức đã diễn ra").
std::string LeadSentence(const Ceremony& ceremony, const Place& place, const Date& published,
                         Random& random) {
  const std::string day = DayPhrase(ceremony.date, published, random);
  const std::string organizer = OrganizerWritten(ceremony, place, random);
  const bool names_place = ceremony.organizer_kind == Organizer::kCommittee ||
                           ceremony.organizer_kind == Organizer::kProvincialBody;
  const std::string gathering = GatheringPhrase(ceremony, random);
  if (EndsLikeAVerb(organizer) || random.Percent(20)) {
    return absl::StrCat(day, ", ", gathering, " do ", organizer, " tổ chức đã diễn ra",
                        names_place ? "" : absl::StrCat(" tại ", place.Written()), ".");
  }
  return absl::StrCat(day, ", ", names_place ? "" : absl::StrCat("tại ", place.Written(), ", "),
                      organizer, " tổ chức ", gathering, ".");
}

const char* GatheringReference(EventKind kind) {
  switch (kind) {
    case EventKind::kConference:
      return "Tại hội nghị, ";
    case EventKind::kCongress:
      return "Tại đại hội, ";
    case EventKind::kCeremony:
      return "Tại buổi lễ, ";
    default:
      // Not "Tại chương trình": the seed parser loses the sentence's first award after it.
      return "Trong khuôn khổ sự kiện, ";
  }
}

std::string Title(const Ceremony& ceremony, const Place& place) {
  switch (ceremony.kind) {
    case EventKind::kConference:
      return absl::StrCat(place.text_name, ": Tổng kết phong trào thi đua \"", ceremony.movement,
                          "\"");
    case EventKind::kCongress:
      return absl::StrCat(place.text_name, " tổ chức Đại hội Thi đua yêu nước lần thứ ",
                          Roman(ceremony.congress_number));
    case EventKind::kCeremony:
      return absl::StrCat("Kỷ niệm ", ceremony.anniversary, " năm ngày thành lập");
    default:
      return absl::StrCat("Chương trình \"", ceremony.programme, "\" tại ", place.text_name);
  }
}

// A caption under a photo, restating the first group of a conferral.
std::string Caption(const Conferral& conferral, const Place& place, Random& random) {
  Conferral first = conferral;
  first.groups.resize(1);
  first.groups[0].names.clear();
  return absl::StrCat("Phó Chủ tịch ", place.WrittenCommittee(), " ", PersonName(random), " trao ",
                      conferral.form->written, " cho ", Recipients(first.groups[0], random),
                      ". Ảnh: ", PersonName(random));
}

parser::Event ExpectedEvent(const Ceremony& ceremony, const Place& place) {
  parser::Event event;
  event.kind = ceremony.kind;
  event.date = ceremony.date;
  event.province = place.name;
  event.current_province = place.current;
  event.organizer = OrganizerCanonical(ceremony, place);
  event.movement = ceremony.movement;
  event.period_start_year = ceremony.period_start;
  event.period_end_year = ceremony.period_end;
  return event;
}

void AddExpectedAwards(const Ceremony& ceremony, parser::ParsedArticle& article) {
  for (const Conferral& conferral : ceremony.conferrals) {
    for (const Group& group : conferral.groups) {
      parser::Award award;
      award.event_index = 0;
      award.award_type = conferral.form->type;
      award.award_name = conferral.form->name;
      award.issuer = conferral.issuer.canonical;
      award.issuer_level = conferral.issuer.level;
      award.recipient_kind = group.kind;
      award.count = group.count;
      award.recipients = group.names;
      article.awards.push_back(std::move(award));
    }
  }
}

void SetPublished(const Date& date, int hour, int minute, parser::ParsedArticle& article) {
  const parser::DateTime local{date, hour, minute, 0, kUtcOffsetMinutes};
  article.published_at = parser::PublishedAt{parser::ToUnixSeconds(local), kUtcOffsetMinutes};
}

std::string Article(const std::string& date_line, const std::string& title,
                    const std::vector<std::string>& paragraphs, const std::string& byline) {
  return absl::StrCat(date_line, "\n\n", title, "\n\n", absl::StrJoin(paragraphs, "\n\n"), "\n\n",
                      byline, "\n");
}

}  // namespace

uint64_t ArticleGenerator::EventOrigin(uint64_t index) const {
  Random random(MixSeed(options_.seed, kOriginStream, index));
  if (index == 0 || !random.Percent(options_.restated_event_percent)) return index;
  const uint64_t back = 1 + random.Below(static_cast<int>(std::min<uint64_t>(index, kLookBack)));
  const uint64_t earlier = index - back;
  Random kind(MixSeed(options_.seed, kKindStream, earlier));
  if (kind.Percent(options_.ordinary_percent)) return index;
  return EventOrigin(earlier);
}

SyntheticArticle ArticleGenerator::Generate(uint64_t index) const {
  SyntheticArticle article;
  article.index = index;
  article.event_origin = index;
  Random random(MixSeed(options_.seed, kWordingStream, index));
  article.url = absl::StrCat("https://tin.laurel.example/", options_.seed, "/", index);
  article.source = random.Pick(Sources());
  const std::string byline = PersonName(random);
  article.expected.author = byline;
  const int hour = random.Between(6, 21);
  const int minute = random.Below(60);

  Random kind(MixSeed(options_.seed, kKindStream, index));
  if (kind.Percent(options_.ordinary_percent)) {
    const Date published = CeremonyDate(random);
    const std::string title = random.Pick(OrdinaryHeadlines());
    article.expected.title = title;
    SetPublished(published, hour, minute, article.expected);
    article.text =
        Article(DateLine(published, hour, minute, random), title,
                {random.Pick(OrdinaryParagraphs()), random.Pick(BackgroundSentences())}, byline);
    return article;
  }

  article.event_origin = EventOrigin(index);
  const Ceremony ceremony = MakeCeremony(options_.seed, article.event_origin);
  const Date published = parser::AddDays(ceremony.date, random.Below(3));
  const Place place = PlaceOn(ceremony.province_index, published);
  SetPublished(published, hour, minute, article.expected);
  article.expected.title = Title(ceremony, place);
  article.expected.events.push_back(ExpectedEvent(ceremony, place));
  AddExpectedAwards(ceremony, article.expected);

  std::vector<std::string> paragraphs;
  const std::string lead = LeadSentence(ceremony, place, published, random);
  paragraphs.push_back(lead);
  // Feeds often print the lead twice; it is still one event.
  if (random.Percent(10)) paragraphs.push_back(lead);
  paragraphs.push_back(
      absl::StrCat(random.Pick(BackgroundSentences()), " ", random.Pick(BackgroundSentences())));
  for (size_t i = 0; i < ceremony.conferrals.size(); ++i) {
    const std::string opening = i == 0 ? GatheringReference(ceremony.kind) : "Dịp này, ";
    paragraphs.push_back(ConferralSentence(ceremony.conferrals[i], opening, place, random));
    if (random.Percent(15)) paragraphs.push_back(Caption(ceremony.conferrals[i], place, random));
  }
  paragraphs.push_back(random.Pick(BackgroundSentences()));
  article.text = Article(DateLine(published, hour, minute, random), article.expected.title,
                         paragraphs, byline);
  return article;
}

}  // namespace laurel::synthetic
