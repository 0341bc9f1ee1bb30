// extractors/src/utf8.hpp — internal: UTF-8 decoding and character classes for the hot path.
//
// ASCII is answered from a table; other code points ask ICU's property tries (u_isupper …),
// which are O(1) lookups. No allocation anywhere here except append_lower's output.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kgmill::ex {

/// Decodes the code point at s[i]; `len` receives its byte length (1 for a bad byte, which
/// is returned as U+FFFD so callers never loop forever).
inline char32_t decode_utf8(std::string_view s, std::size_t i, int& len) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { len = 1; return c; }
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if ((c & 0xE0) == 0xC0) {
        int b1 = cont(1);
        if (b1 < 0) { len = 1; return 0xFFFD; }
        len = 2; return static_cast<char32_t>(((c & 0x1F) << 6) | b1);
    }
    if ((c & 0xF0) == 0xE0) {
        int b1 = cont(1), b2 = cont(2);
        if (b1 < 0 || b2 < 0) { len = 1; return 0xFFFD; }
        len = 3; return static_cast<char32_t>(((c & 0x0F) << 12) | (b1 << 6) | b2);
    }
    if ((c & 0xF8) == 0xF0) {
        int b1 = cont(1), b2 = cont(2), b3 = cont(3);
        if (b1 < 0 || b2 < 0 || b3 < 0) { len = 1; return 0xFFFD; }
        len = 4; return static_cast<char32_t>(((c & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3);
    }
    len = 1;
    return 0xFFFD;
}

void append_utf8(std::string& out, char32_t cp);

// Out-of-line ICU lookups for code points >= 0x80.
bool cp_is_upper_icu(char32_t c);
bool cp_is_lower_icu(char32_t c);
bool cp_is_alpha_icu(char32_t c);
bool cp_is_digit_icu(char32_t c);
bool cp_is_mark_icu(char32_t c);
bool cp_is_space_icu(char32_t c);
char32_t cp_to_lower_icu(char32_t c);

// Below U+2000 (Latin, Vietnamese, combining marks, general punctuation) the properties come from
// a table filled once from ICU; beyond, ICU is asked each time.
constexpr char32_t kCpTableSize = 0x2000;
enum CpBits : std::uint8_t { kCpUpper = 1, kCpLower = 2, kCpAlpha = 4, kCpDigit = 8, kCpMark = 16, kCpSpace = 32, kCpViet = 64 };
extern const std::uint8_t* const kCpBits;    // kCpTableSize entries
extern const char16_t* const kCpLowerOf;     // kCpTableSize entries

inline bool cp_is_upper(char32_t c) { return c < kCpTableSize ? (kCpBits[c] & kCpUpper) != 0 : cp_is_upper_icu(c); }
inline bool cp_is_lower(char32_t c) { return c < kCpTableSize ? (kCpBits[c] & kCpLower) != 0 : cp_is_lower_icu(c); }
/// Letters.
inline bool cp_is_alpha(char32_t c) { return c < kCpTableSize ? (kCpBits[c] & kCpAlpha) != 0 : cp_is_alpha_icu(c); }
inline bool cp_is_digit(char32_t c) { return c < kCpTableSize ? (kCpBits[c] & kCpDigit) != 0 : cp_is_digit_icu(c); }
/// Combining marks (NFD text).
inline bool cp_is_mark(char32_t c) { return c >= 0x300 && (c < kCpTableSize ? (kCpBits[c] & kCpMark) != 0 : cp_is_mark_icu(c)); }
/// ASCII space/control whitespace, NBSP, Zs, U+3000.
inline bool cp_is_space(char32_t c) { return c < kCpTableSize ? (kCpBits[c] & kCpSpace) != 0 : cp_is_space_icu(c); }
inline char32_t cp_to_lower(char32_t c) { return c < kCpTableSize ? static_cast<char32_t>(kCpLowerOf[c]) : cp_to_lower_icu(c); }
/// True for letters that only Vietnamese uses among Latin scripts (ơ ư ă đ and tone-marked vowels).
bool cp_is_vietnamese(char32_t c);

/// Appends the lower-cased form of `s` (per code point; ASCII fast path).
void append_lower(std::string& out, std::string_view s);
inline std::string to_lower(std::string_view s) { std::string o; append_lower(o, s); return o; }

}  // namespace kgmill::ex
