#include "kgmill/core/unicode.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <vector>

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

namespace {

// How one code point contributes to match_key(): its folded letters and digits (after đ→d,
// NFKD, dropping combining marks and case folding), or a space, or nothing.
struct KeyPiece {
    std::string text;  // folded letters/digits (UTF-8); empty for marks and punctuation
    bool space = false;
    bool other = false;  // punctuation or symbol: not a letter, digit or space
};

KeyPiece compute_piece(UChar32 c) {
    KeyPiece p;
    if (u_isUWhiteSpace(c) || (c >= 0x1C && c <= 0x1F)) {
        p.space = true;
        return p;
    }
    if (c == 0x0111 || c == 0x0110) {
        p.text = "d";
        return p;
    }
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString u(c);
    icu::UnicodeString d = nfkd().normalize(u, st);
    icu::UnicodeString kept;
    for (int32_t i = 0; i < d.length();) {
        UChar32 x = d.char32At(i);
        i += U16_LENGTH(x);
        if (u_getCombiningClass(x) != 0) continue;
        kept.append(x);
    }
    kept.foldCase();
    bool any = false;
    for (int32_t i = 0; i < kept.length();) {
        UChar32 x = kept.char32At(i);
        i += U16_LENGTH(x);
        int8_t t = u_charType(x);
        if (u_isalnum(x) || t == U_OTHER_NUMBER || t == U_LETTER_NUMBER) {
            append_cp(p.text, x);
            any = true;
        }
    }
    // A combining mark (dropped by NFKD filtering) is neither text nor punctuation.
    if (!any && u_getCombiningClass(c) == 0 && d.length() > 0) p.other = true;
    return p;
}

// Pieces for the code points Latin-script text uses (Vietnamese included), built once.
constexpr UChar32 kPieceTableSize = 0x2000;
const std::vector<KeyPiece>& piece_table() {
    static const std::vector<KeyPiece> table = [] {
        std::vector<KeyPiece> t(kPieceTableSize);
        for (UChar32 c = 0; c < kPieceTableSize; ++c) t[static_cast<std::size_t>(c)] = compute_piece(c);
        return t;
    }();
    return table;
}

}  // namespace

// Mirrors corpus/score.py norm(): đ→d, NFKD, drop combining marks, casefold, strip, drop a
// leading "the" + whitespace, then keep only letters and digits. Done per code point with a
// lookup table (ICU only for code points above U+2000): entity resolution calls this for
// every mention, and the whole-string ICU route cost a fifth of `kgmill extract`.
std::string match_key(std::string_view name) {
    const auto& table = piece_table();
    // Pass 1: folded stream with ' ' for spaces and '\x01' for punctuation.
    std::string folded;
    folded.reserve(name.size());
    const auto* p = reinterpret_cast<const uint8_t*>(name.data());
    const auto n = static_cast<int32_t>(name.size());
    int32_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            char c = static_cast<char>(p[i++]);
            if (c >= 'A' && c <= 'Z') folded.push_back(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) folded.push_back(c);
            else if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) folded.push_back(' ');
            else folded.push_back('\x01');
            continue;
        }
        UChar32 c;
        U8_NEXT_OR_FFFD(p, i, n, c);
        KeyPiece computed;
        const KeyPiece* piece;
        if (c < kPieceTableSize) {
            piece = &table[static_cast<std::size_t>(c)];
        } else {
            computed = compute_piece(c);
            piece = &computed;
        }
        if (piece->space) folded.push_back(' ');
        else if (!piece->text.empty()) folded += piece->text;
        else if (piece->other) folded.push_back('\x01');
    }
    // Pass 2: strip, drop a leading "the" + whitespace, keep letters and digits.
    std::size_t b = 0, e = folded.size();
    while (b < e && folded[b] == ' ') ++b;
    while (e > b && folded[e - 1] == ' ') --e;
    if (e - b >= 4 && folded.compare(b, 3, "the") == 0 && folded[b + 3] == ' ') {
        b += 3;
        while (b < e && folded[b] == ' ') ++b;
    }
    std::string out;
    out.reserve(e - b);
    for (std::size_t k = b; k < e; ++k)
        if (folded[k] != ' ' && folded[k] != '\x01') out.push_back(folded[k]);
    return out;
}

}  // namespace kgmill
