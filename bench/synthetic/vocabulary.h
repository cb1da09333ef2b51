#pragma once

#include <string>
#include <vector>

// Word lists the synthetic articles are written from: people, places below the province, bodies,
// publishers, movements and ordinary news. Every entry is plain text a reader would accept in a
// Vietnamese news article; none collides with a province name or an award word.
namespace laurel::synthetic {

const std::vector<std::string>& FamilyNames();
const std::vector<std::string>& MiddleNames();
const std::vector<std::string>& GivenNames();
// Districts (before 1 July 2025) and communes or wards (any time), without "huyện"/"xã".
const std::vector<std::string>& LocalUnitNames();
// Ministries and central bodies by their full names ("Bộ Công an").
const std::vector<std::string>& Ministries();
// Enterprises that hold their own ceremonies ("Công ty Cổ phần Cơ khí Đông Á").
const std::vector<std::string>& Enterprises();
// Mass organisations at national level ("Tổng Liên đoàn Lao động Việt Nam").
const std::vector<std::string>& NationalOrganisations();
// Provincial bodies, written before "tỉnh X" ("Công an", "Sở Y tế").
const std::vector<std::string>& ProvincialBodies();
// Names of emulation movements, without quotes.
const std::vector<std::string>& Movements();
// Publishers articles are credited to.
const std::vector<std::string>& Sources();
// Sentences of background that mention no award and no gathering.
const std::vector<std::string>& BackgroundSentences();
// Ordinary news paragraphs (weather, traffic, markets) and their headlines, with no award at all.
const std::vector<std::string>& OrdinaryHeadlines();
const std::vector<std::string>& OrdinaryParagraphs();

}  // namespace laurel::synthetic
