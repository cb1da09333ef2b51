#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest-service/src/parser/gazetteer.h"
#include "tests/parser/gold_corpus.h"
#include "tests/parser/test_articles.h"

// Every province and centrally-run city, before and after the merger of 1 July 2025, in the three
// places an article names it: as the body giving awards, as the organiser of a gathering and as
// the venue. Rules tuned on a few dozen articles meet only a few provinces; these sentences meet
// them all.
namespace laurel::parser {
namespace {

using testing::AwardLines;
using testing::EventLines;
using testing::MustParse;

// An article's date line, the day its sentences write and the date they mean.
struct Day {
  const char* date_line;
  const char* written;
  const char* iso;
};
constexpr Day kBefore = {"08:30, 12/03/2021", "Sáng 12-3", "2021-03-12"};  // 63 provinces
constexpr Day kHueACity = {"08:30, 12/03/2025", "Sáng 12/3", "2025-03-12"};
constexpr Day kAfter = {"08:30, 12/08/2025", "Sáng nay (12/8)", "2025-08-12"};  // 34 provinces

std::vector<std::string> Awards(const Day& day, const std::string& body) {
  return AwardLines(
      MustParse(std::string(day.date_line) + "\n\nTin khen thưởng\n\n" + body + "\n\nMINH ANH"));
}

std::vector<std::string> Events(const Day& day, const std::string& body) {
  return EventLines(
      MustParse(std::string(day.date_line) + "\n\nTin khen thưởng\n\n" + body + "\n\nMINH ANH"));
}

// "Khánh Hoà" for "Khánh Hòa": news text mixes both tone placements.
std::string ModernToneMarks(std::string name) {
  for (const auto& [traditional, modern] : std::vector<std::pair<std::string, std::string>>{
           {"òa", "oà"}, {"óa", "oá"}, {"ỏa", "oả"}, {"õa", "oã"}, {"ọa", "oạ"}, {"ủy", "uỷ"}}) {
    for (size_t at = name.find(traditional); at != std::string::npos;
         at = name.find(traditional, at)) {
      name.replace(at, traditional.size(), modern);
    }
  }
  return name;
}

struct Place {
  std::string name;
  std::string unit;  // "tỉnh" or "thành phố"
  std::string Full() const { return unit + " " + name; }
};

std::vector<Place> PlacesBeforeTheMerger() {
  std::vector<Place> places;
  for (const Province& province : Provinces()) {
    places.push_back({std::string(province.name), province.centrally_run ? "thành phố" : "tỉnh"});
  }
  return places;
}

std::vector<Place> PlacesAfterTheMerger() {
  std::vector<Place> places;
  for (const Province2025& province : Provinces2025()) {
    places.push_back({std::string(province.name), province.centrally_run ? "thành phố" : "tỉnh"});
  }
  return places;
}

void ExpectGivesAwards(const Day& day, const Place& place) {
  const std::string committee = "UBND " + place.Full();
  const auto merit = [&](const std::string& kind, int count) {
    return std::vector<std::string>{"CERTIFICATE_OF_MERIT | Bằng khen | " + committee + " | " +
                                    kind + " | " + std::to_string(count)};
  };
  EXPECT_EQ(Awards(day, "UBND " + place.Full() + " trao bằng khen cho 3 tập thể."),
            merit("COLLECTIVE", 3));
  EXPECT_EQ(Awards(day, "Chủ tịch UBND " + place.Full() + " tặng bằng khen cho 12 cá nhân."),
            merit("INDIVIDUAL", 12));
  EXPECT_EQ(
      Awards(day, "Ủy ban nhân dân " + place.Full() + " đã tặng Bằng khen cho 15 hộ gia đình."),
      merit("COLLECTIVE", 15));
  EXPECT_EQ(Awards(day, "Ông Lê Văn Thành trao Bằng khen của Chủ tịch UBND " + place.Full() +
                            " cho 4 doanh nghiệp."),
            merit("COLLECTIVE", 4));
  EXPECT_EQ(Awards(day, "Có 25 cá nhân được Chủ tịch UBND " + place.Full() +
                            " tặng bằng khen vì thành tích xuất sắc."),
            merit("INDIVIDUAL", 25));
  EXPECT_EQ(Awards(day, "Bảy tập thể được nhận Bằng khen do UBND " + place.Full() + " trao tặng."),
            merit("COLLECTIVE", 7));
  EXPECT_EQ(Awards(day, "Giám đốc Sở Y tế " + place.Full() + " tặng giấy khen cho 9 y bác sĩ."),
            std::vector<std::string>{"CERTIFICATE_OF_COMMENDATION | Giấy khen | Sở Y tế " +
                                     place.Full() + " | INDIVIDUAL | 9"});
  EXPECT_EQ(
      Awards(day, "UBND " + ModernToneMarks(place.Full()) + " trao cờ thi đua cho 6 đơn vị."),
      std::vector<std::string>{"EMULATION_FLAG | Cờ thi đua | " + committee + " | COLLECTIVE | 6"});
}

void ExpectOrganises(const Day& day, const Place& place) {
  EXPECT_EQ(Events(day, std::string(day.written) + ", UBND " + place.Full() +
                            " tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2020."),
            std::vector<std::string>{"CONFERENCE | " + std::string(day.iso) + " | " + place.name +
                                     " | UBND " + place.Full()});
  EXPECT_EQ(Events(day, std::string(day.written) + ", Đại hội Thi đua yêu nước " + place.Full() +
                            " lần thứ V do UBND " + place.Full() + " tổ chức đã khai mạc."),
            std::vector<std::string>{"CONGRESS | " + std::string(day.iso) + " | " + place.name +
                                     " | UBND " + place.Full()});
}

void ExpectIsTheVenue(const Day& day, const Place& place) {
  EXPECT_EQ(Events(day, std::string(day.written) + ", tại " + place.Full() +
                            ", Bộ Công an tổ chức lễ trao Huân chương Bảo vệ Tổ quốc hạng Ba cho 2 "
                            "tập thể."),
            std::vector<std::string>{"CEREMONY | " + std::string(day.iso) + " | " + place.name +
                                     " | Bộ Công an"});
  if (place.name == "Hồ Chí Minh") return;  // "Hồ Chí Minh" alone is the President, not the city
  EXPECT_EQ(Events(day, std::string(day.written) + ", tại " + ModernToneMarks(place.name) +
                            ", Hội Nông dân Việt Nam tổ chức lễ tuyên dương 63 nông dân xuất sắc."),
            std::vector<std::string>{"CEREMONY | " + std::string(day.iso) + " | " + place.name +
                                     " | Hội Nông dân Việt Nam"});
}

TEST(EveryProvinceTest, The63ProvincesGiveOrganiseAndHost) {
  for (const Place& place : PlacesBeforeTheMerger()) {
    SCOPED_TRACE(place.Full());
    ExpectGivesAwards(kBefore, place);
    ExpectOrganises(kBefore, place);
    ExpectIsTheVenue(kBefore, place);
  }
}

TEST(EveryProvinceTest, The34ProvincesSinceTheMergerGiveOrganiseAndHost) {
  for (const Place& place : PlacesAfterTheMerger()) {
    SCOPED_TRACE(place.Full());
    ExpectGivesAwards(kAfter, place);
    ExpectOrganises(kAfter, place);
    ExpectIsTheVenue(kAfter, place);
  }
}

TEST(EveryProvinceTest, OldNamesAfterTheMergerAreTheirUnitsPlaces) {
  for (size_t i = 0; i < Provinces().size(); ++i) {
    const Province& province = Provinces()[i];
    const Province2025* unit = CurrentProvinceOf(static_cast<int>(i));
    ASSERT_NE(unit, nullptr);
    if (province.code_2008 == "46") continue;  // "Thừa Thiên Huế" was renamed before the merger
    const Place old{std::string(province.name), province.centrally_run ? "thành phố" : "tỉnh"};
    const Place now{std::string(unit->name), unit->centrally_run ? "thành phố" : "tỉnh"};
    SCOPED_TRACE(old.Full());
    EXPECT_EQ(Awards(kAfter, "UBND " + old.Full() + " trao bằng khen cho 3 tập thể."),
              std::vector<std::string>{"CERTIFICATE_OF_MERIT | Bằng khen | UBND " + now.Full() +
                                       " | COLLECTIVE | 3"});
    EXPECT_EQ(Events(kAfter, "Sáng 12-8, tại " + old.Full() +
                                 ", Bộ Công an tổ chức lễ trao Huân chương Bảo vệ Tổ quốc hạng Ba "
                                 "cho 2 tập thể."),
              std::vector<std::string>{"CEREMONY | 2025-08-12 | " + now.name + " | Bộ Công an"});
  }
}

TEST(EveryProvinceTest, HueIsACityFromTheFirstOf2025) {
  const Place hue{"Huế", "thành phố"};
  ExpectGivesAwards(kHueACity, hue);
  ExpectOrganises(kHueACity, hue);
  ExpectIsTheVenue(kHueACity, hue);
}

TEST(EveryProvinceTest, CitiesWrittenShort) {
  for (const Province& province : Provinces()) {
    if (!province.centrally_run) continue;
    const std::string name(province.name);
    SCOPED_TRACE(name);
    for (const std::string& written : {"TP " + name, "TP. " + name, "Tp. " + name}) {
      EXPECT_EQ(Awards(kBefore, "UBND " + written + " trao bằng khen cho 3 tập thể."),
                std::vector<std::string>{"CERTIFICATE_OF_MERIT | Bằng khen | UBND thành phố " +
                                         name + " | COLLECTIVE | 3"});
    }
  }
  for (const char* written : {"TP.HCM", "TPHCM", "TP HCM", "Thành phố Hồ Chí Minh"}) {
    SCOPED_TRACE(written);
    EXPECT_EQ(
        Awards(kBefore, std::string("UBND ") + written + " trao bằng khen cho 3 tập thể."),
        std::vector<std::string>{
            "CERTIFICATE_OF_MERIT | Bằng khen | UBND thành phố Hồ Chí Minh | COLLECTIVE | 3"});
    EXPECT_EQ(Events(kBefore, std::string("Sáng 12-3, tại ") + written +
                                  ", Bộ Công an tổ chức lễ trao Huân chương Bảo vệ Tổ quốc hạng "
                                  "Ba cho 2 tập thể."),
              std::vector<std::string>{"CEREMONY | 2021-03-12 | Hồ Chí Minh | Bộ Công an"});
  }
}

}  // namespace
}  // namespace laurel::parser
