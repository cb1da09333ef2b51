#include "ingest-service/src/parser/gazetteer.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest-service/src/parser/text_normalizer.h"
#include "tests/parser/gold_corpus.h"

namespace laurel::parser {
namespace {

using testing::Comparable;

std::vector<std::vector<std::string>> ReadTsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream in(path);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, '\t')) fields.push_back(field);
    if (!fields.empty()) rows.push_back(fields);
  }
  return rows;
}

// The C++ gazetteer carries the facts of shared/data/provinces; this checks them field by field.
TEST(GazetteerTest, MatchesTheReferenceProvinces) {
  const std::string dir = testing::ProvincesDir();
  if (dir.empty()) GTEST_SKIP() << "provinces data not found; set LAUREL_PROVINCES_DIR";
  const auto rows = ReadTsv(dir + "/provinces.tsv");
  ASSERT_EQ(rows.size(), 63u);
  ASSERT_EQ(Provinces().size(), 63u);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];  // code_2008 name full_name kind code_2025 name_2025 full_name_2025
    const Province& province = Provinces()[i];
    EXPECT_EQ(province.code_2008, row[0]);
    // Code 46 is listed as "Huế"; before 2025 articles call it "Thừa Thiên Huế".
    const std::string name = row[0] == "46" ? "Thừa Thiên Huế" : row[1];
    EXPECT_EQ(Comparable(std::string(province.name)), Comparable(name)) << row[0];
    EXPECT_EQ(province.centrally_run, row[3] == "thành phố trung ương" && row[0] != "46") << row[0];
    EXPECT_EQ(province.code_2025, row[4]) << row[0];
    const Province2025* current = CurrentProvinceOf(static_cast<int>(i));
    ASSERT_NE(current, nullptr) << row[0];
    EXPECT_EQ(Comparable(std::string(current->name)), Comparable(row[5])) << row[0];
    EXPECT_EQ(FindProvinceByName(row[1]), static_cast<int>(i)) << row[1];
  }
}

TEST(GazetteerTest, MatchesTheMergedProvinces) {
  const std::string dir = testing::ProvincesDir();
  if (dir.empty()) GTEST_SKIP() << "provinces data not found; set LAUREL_PROVINCES_DIR";
  const auto rows = ReadTsv(dir + "/provinces_2025.tsv");
  ASSERT_EQ(rows.size(), 34u);
  ASSERT_EQ(Provinces2025().size(), 34u);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];  // code_2025 name_2025 full_name_2025 kind merged_from
    const Province2025& unit = Provinces2025()[i];
    EXPECT_EQ(unit.code, row[0]);
    EXPECT_EQ(Comparable(std::string(unit.name)), Comparable(row[1]));
    EXPECT_EQ(unit.centrally_run, row[3] == "thành phố trung ương") << row[0];
    std::set<std::string> expected;
    std::stringstream merged(row[4]);
    std::string part;
    while (std::getline(merged, part, ';')) expected.insert(Comparable(part));
    std::set<std::string> actual;
    for (size_t p = 0; p < Provinces().size(); ++p) {
      if (Provinces()[p].code_2025 != unit.code) continue;
      actual.insert(
          Comparable(Provinces()[p].code_2008 == "46" ? "Huế" : std::string(Provinces()[p].name)));
    }
    EXPECT_EQ(actual, expected) << row[0];
  }
}

TEST(GazetteerTest, ReadsTheWrittenVariants) {
  const int hcm = FindProvinceByName("Hồ Chí Minh") >= 0 ? FindProvinceByName("TP.HCM") : -2;
  EXPECT_GE(hcm, 0);
  for (const char* written :
       {"TP.HCM", "TPHCM", "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"}) {
    EXPECT_EQ(FindProvinceByName(written), hcm) << written;
  }
  EXPECT_EQ(Provinces()[FindProvinceByName("Tp. Cần Thơ")].name, "Cần Thơ");
  EXPECT_EQ(Provinces()[FindProvinceByName("Huế")].code_2008, "46");
  EXPECT_EQ(Provinces()[FindProvinceByName("Khánh Hoà")].name, "Khánh Hòa");
  EXPECT_EQ(Provinces()[FindProvinceByName("tỉnh Bà Rịa - Vũng Tàu")].code_2008, "77");
  EXPECT_EQ(Provinces()[FindProvinceByName("\xC3\x90"
                                           "à Nẵng")]
                .code_2008,
            "48");
}

TEST(GazetteerTest, NamesDependOnTheDate) {
  const int hue = FindProvinceByName("Thừa Thiên Huế");
  EXPECT_EQ(ProvinceNameOn(hue, Date{2020, 1, 1}), "Thừa Thiên Huế");
  EXPECT_EQ(ProvinceNameOn(hue, Date{}), "Thừa Thiên Huế");
  EXPECT_EQ(ProvinceNameOn(hue, Date{2025, 3, 1}), "Huế");
  const int ninh_thuan = FindProvinceByName("Ninh Thuận");
  EXPECT_EQ(ProvinceNameOn(ninh_thuan, Date{2025, 6, 30}), "Ninh Thuận");
  EXPECT_EQ(ProvinceNameOn(ninh_thuan, Date{2025, 7, 1}), "Khánh Hòa");
}

std::vector<std::string> PlacesIn(std::string_view text) {
  const NormalizedText normalized = NormalizeTextLenient(text);
  std::vector<std::string> names;
  for (const PlaceMention& place :
       FindPlaces(normalized.text, normalized.lower, 0, normalized.text.size())) {
    names.emplace_back(Provinces()[place.province_index].name);
  }
  return names;
}

TEST(GazetteerTest, FindsPlacesButNotLookAlikeWords) {
  EXPECT_EQ(PlacesIn("Lễ ở thành phố Nha Trang và TP.HCM"),
            (std::vector<std::string>{"Khánh Hòa", "Hồ Chí Minh"}));
  EXPECT_EQ(PlacesIn("vì hòa bình trên biển Thái Bình Dương"), std::vector<std::string>{});
  EXPECT_EQ(PlacesIn("tai nạn trên đường Hồ Chí Minh, tư tưởng Hồ Chí Minh"),
            std::vector<std::string>{});
  EXPECT_EQ(PlacesIn("tại Cung Văn hóa Hữu nghị Việt Xô"), std::vector<std::string>{"Hà Nội"});
}

}  // namespace
}  // namespace laurel::parser
