#include "kgmill/core/unicode.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace kgmill {
namespace {

const icu::Normalizer2& nfc() {
    UErrorCode st = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(st);
    return *n;
}
const icu::Normalizer2& nfd() {
    UErrorCode st = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(st);
    return *n;
}
const icu::Normalizer2& nfkd() {
    UErrorCode st = U_ZERO_ERROR;
    static const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(st);
    return *n;
}

// Decodes UTF-8 (invalid bytes become U+FFFD) and calls f(codepoint).
template <class F>
void for_each_cp(std::string_view s, F&& f) {
    int32_t i = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT_OR_FFFD(p, i, n, c);
        f(c);
    }
}

void append_cp(std::string& out, UChar32 c) {
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, err);
    if (!err) out.append(buf, static_cast<std::size_t>(len));
}

}  // namespace

std::string to_nfc(std::string_view utf8) {
    UErrorCode st = U_ZERO_ERROR;
    const auto& n = nfc();
    if (n.isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), st) &&
        U_SUCCESS(st))
        return std::string(utf8);
    st = U_ZERO_ERROR;
    std::string out;
    out.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&out);
    n.normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink,
                    nullptr, st);
    if (U_FAILURE(st)) return std::string(utf8);
    return out;
}

bool is_valid_utf8(std::string_view s, std::size_t* bad_offset) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        if (i + len > n) {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) {
                if (bad_offset) *bad_offset = i;
                return false;
            }
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        i += len;
    }
    return true;
}

std::string strip_diacritics(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return std::string(utf8);
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString d = nfd().normalize(u, st);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c == 0x0111) c = 'd';
        if (c == 0x0110) c = 'D';
        kept.append(c);
    }
    icu::UnicodeString back = nfc().normalize(kept, st);
    std::string out;
    back.toUTF8String(out);
    return out;
}

std::string fold_case(std::string_view utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

// Mirrors corpus/score.py norm(): đ→d, NFKD, drop combining marks, casefold, strip, drop a
// leading "the" + whitespace, then keep only letters and digits.
std::string match_key(std::string_view name) {
    // Fast path: pure ASCII needs no ICU.
    bool ascii = true;
    for (char c : name)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    std::u32string cps;
    cps.reserve(name.size());
    if (ascii) {
        for (char c : name) {
            char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            cps.push_back(static_cast<unsigned char>(l));
        }
    } else {
        std::string replaced;
        replaced.reserve(name.size());
        for_each_cp(name, [&](UChar32 c) {
            if (c == 0x0111) c = 'd';
            if (c == 0x0110) c = 'D';
            append_cp(replaced, c);
        });
        UErrorCode st = U_ZERO_ERROR;
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(replaced);
        icu::UnicodeString d = nfkd().normalize(u, st);
        icu::UnicodeString kept;
        for (int32_t i = 0; i < d.length();) {
            UChar32 c = d.char32At(i);
            i += U16_LENGTH(c);
            if (u_getCombiningClass(c) != 0) continue;
            kept.append(c);
        }
        kept.foldCase();
        for (int32_t i = 0; i < kept.length();) {
            UChar32 c = kept.char32At(i);
            i += U16_LENGTH(c);
            cps.push_back(static_cast<char32_t>(c));
        }
    }
    auto is_space = [](char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x1F; };
    std::size_t b = 0, e = cps.size();
    while (b < e && is_space(cps[b])) ++b;
    while (e > b && is_space(cps[e - 1])) --e;
    if (e - b >= 4 && cps[b] == 't' && cps[b + 1] == 'h' && cps[b + 2] == 'e' && is_space(cps[b + 3])) {
        b += 3;
        while (b < e && is_space(cps[b])) ++b;
    }
    std::string out;
    out.reserve(e - b);
    for (std::size_t i = b; i < e; ++i) {
        char32_t c = cps[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
                out.push_back(static_cast<char>(c));
            continue;
        }
        if (u_isalnum(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_OTHER_NUMBER ||
            u_charType(static_cast<UChar32>(c)) == U_LETTER_NUMBER)
            append_cp(out, static_cast<UChar32>(c));
    }
    return out;
}

}  // namespace kgmill
