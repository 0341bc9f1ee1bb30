// extractors/src/utf8.cpp — character classes (ICU property lookups behind an ASCII table).
#include "utf8.hpp"

#include <unicode/uchar.h>

namespace kgmill::ex {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool cp_is_upper_icu(char32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
bool cp_is_lower_icu(char32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return u_islower(static_cast<UChar32>(c));
}
bool cp_is_alpha_icu(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return u_isalpha(static_cast<UChar32>(c));
}
bool cp_is_digit_icu(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return u_isdigit(static_cast<UChar32>(c));
}
bool cp_is_mark_icu(char32_t c) {
    if (c < 0x300) return false;
    const auto t = u_charType(static_cast<UChar32>(c));
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}
bool cp_is_space_icu(char32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
    return c == 0xA0 || c == 0x3000 || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
           u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}
char32_t cp_to_lower_icu(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}
bool cp_is_vietnamese(char32_t c) {
    if (c < 0xC0) return false;
    switch (c) {
        case 0x0103: case 0x0102: case 0x0111: case 0x0110: case 0x01A1: case 0x01A0:
        case 0x01B0: case 0x01AF:
            return true;
        default:
            break;
    }
    return c >= 0x1EA0 && c <= 0x1EF9;  // Latin Extended Additional: Vietnamese tone letters
}

namespace {
struct CpTables {
    std::uint8_t bits[kCpTableSize];
    char16_t lower[kCpTableSize];
    CpTables() {
        for (char32_t c = 0; c < kCpTableSize; ++c) {
            std::uint8_t b = 0;
            if (cp_is_upper_icu(c)) b |= kCpUpper;
            if (cp_is_lower_icu(c)) b |= kCpLower;
            if (cp_is_alpha_icu(c)) b |= kCpAlpha;
            if (cp_is_digit_icu(c)) b |= kCpDigit;
            if (cp_is_mark_icu(c)) b |= kCpMark;
            if (cp_is_space_icu(c)) b |= kCpSpace;
            bits[c] = b;
            const char32_t l = cp_to_lower_icu(c);
            lower[c] = l < 0x10000 ? static_cast<char16_t>(l) : static_cast<char16_t>(c);
        }
    }
};
const CpTables& cp_tables() {
    static const CpTables t;
    return t;
}
}  // namespace

const std::uint8_t* const kCpBits = cp_tables().bits;
const char16_t* const kCpLowerOf = cp_tables().lower;

void append_lower(std::string& out, std::string_view s) {
    // ASCII runs are written in place; other code points go through the table
    std::size_t i = 0;
    {
        const std::size_t old = out.size();
        out.resize(old + s.size());
        char* p = out.data() + old;
        while (i < s.size()) {
            const auto b = static_cast<unsigned char>(s[i]);
            if (b >= 0x80) break;
            p[i] = static_cast<char>((b >= 'A' && b <= 'Z') ? b + 32 : b);
            ++i;
        }
        out.resize(old + i);
    }
    for (; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            out.push_back(static_cast<char>((b >= 'A' && b <= 'Z') ? b + 32 : b));
            ++i;
            continue;
        }
        int len = 1;
        char32_t cp = decode_utf8(s, i, len);
        if (cp == 0xFFFD) {
            out.append(s.substr(i, len));
        } else {
            append_utf8(out, cp_to_lower(cp));
        }
        i += len;
    }
}

}  // namespace kgmill::ex
