// extractors/src/abbrev.cpp — the abbreviation table shared by the splitter and the tokenizer.
//
// Kept in code rather than data: split_sentences() is a free function without a data dir, and
// this list is orthographic knowledge of the two languages, not extraction rules.
#include "abbrev.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace kgmill::ex {
namespace {
constexpr std::string_view kInner[] = {
    // English titles and honorifics
    "prof", "dr", "assoc", "asst", "mr", "mrs", "ms", "mx", "messrs", "jr", "sr", "st", "sen",
    "rep", "gen", "col", "lt", "capt", "hon", "rev", "amb",
    // Vietnamese academic titles: Giáo sư, Phó giáo sư, Tiến sĩ, Thạc sĩ, Cử nhân, Kỹ sư, Bác sĩ
    "gs", "pgs", "ts", "ths", "tskh", "cn", "ks", "bs", "ngnd", "ngut", "ngưt",
    // Latin and reference abbreviations
    "e.g", "i.e", "cf", "vs", "no", "nos", "vol", "fig", "pp", "approx", "ca", "et al", "al",
    // months
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    // Vietnamese: thành phố, nhà xuất bản
    "tp", "nxb"};
constexpr std::string_view kMayEnd[] = {
    "etc", "co", "ltd", "inc", "corp", "plc", "jsc", "u.s", "u.k", "dept", "univ", "govt"};
}  // namespace

AbbrevKind abbrev_kind(std::string_view word) {
    if (word.empty() || word.size() > 8) return AbbrevKind::kNone;
    char buf[16];
    std::size_t n = 0;
    for (char c : word) buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    std::string_view w(buf, n);
    if (std::find(std::begin(kInner), std::end(kInner), w) != std::end(kInner)) return AbbrevKind::kInner;
    if (std::find(std::begin(kMayEnd), std::end(kMayEnd), w) != std::end(kMayEnd)) return AbbrevKind::kMayEnd;
    return AbbrevKind::kNone;
}

}  // namespace kgmill::ex
