// language.cpp — "vi" / "en" from Vietnamese-specific letters (DESIGN.md: a diacritics
// heuristic, per paragraph or per document).
//
// Vietnamese marks nearly every syllable; the letters counted here (ă â đ ê ô ơ ư ĩ ũ and the
// tone-marked vowels of Latin Extended Additional, U+1EA0..U+1EF9) are rare in other Latin-script
// languages, and shared ones (à é ...) are not counted. Running Vietnamese text has 15-30 % of
// its letters in this set; English text that quotes a Vietnamese name stays far below 3 %.
// NFD input is handled too: the Vietnamese-only combining marks (hook above, horn, dot below,
// tilde, breve, circumflex) are counted as such.
#include <string>
#include <string_view>

#include "kgmill/core/unicode.hpp"

namespace kgmill {
namespace {

bool is_vi_letter(char32_t c) {
    switch (c) {
        case 0x0102: case 0x0103:  // Ă ă
        case 0x00C2: case 0x00E2:  // Â â
        case 0x0110: case 0x0111:  // Đ đ
        case 0x00CA: case 0x00EA:  // Ê ê
        case 0x00D4: case 0x00F4:  // Ô ô
        case 0x01A0: case 0x01A1:  // Ơ ơ
        case 0x01AF: case 0x01B0:  // Ư ư
        case 0x0128: case 0x0129:  // Ĩ ĩ
        case 0x0168: case 0x0169:  // Ũ ũ
            return true;
        default:
            return c >= 0x1EA0 && c <= 0x1EF9;
    }
}

bool is_vi_mark(char32_t c) {
    return c == 0x0302 || c == 0x0303 || c == 0x0306 || c == 0x0309 || c == 0x031B || c == 0x0323;
}

// Letters of the scripts we care about, cheaply: ASCII letters, Latin-1..Latin Extended
// Additional letters, and anything above U+0370 that is not punctuation-ish (counted as a
// letter so that CJK text is neither "vi" nor skipped).
bool is_letter(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c < 0xC0) return false;
    if (c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x0300 && c <= 0x036F) return false;  // combining marks
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    return true;
}

}  // namespace

std::string detect_language(std::string_view s) {
    std::size_t letters = 0;
    std::size_t vi = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        char32_t cp;
        std::size_t len;
        if (b0 < 0x80) { cp = b0; len = 1; }
        else if ((b0 & 0xE0) == 0xC0) { cp = b0 & 0x1F; len = 2; }
        else if ((b0 & 0xF0) == 0xE0) { cp = b0 & 0x0F; len = 3; }
        else if ((b0 & 0xF8) == 0xF0) { cp = b0 & 0x07; len = 4; }
        else { ++i; continue; }
        if (i + len > s.size()) break;
        for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (is_vi_mark(cp)) { ++vi; continue; }  // NFD: the base letter was counted already
        if (!is_letter(cp)) continue;
        ++letters;
        if (is_vi_letter(cp)) ++vi;
    }
    if (letters == 0) return {};
    // 3 %: a threshold between English with Vietnamese names and Vietnamese running text.
    return vi * 100 >= letters * 3 ? "vi" : "en";
}

}  // namespace kgmill
