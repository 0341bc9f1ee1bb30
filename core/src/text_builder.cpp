// text_builder.cpp — the normalisation contract of Document::text (see loader_internal.hpp).
//
// Whitespace folding is a hand-written byte loop rather than an ICU pass: it runs over every
// byte of every document, needs no UTF-16 round trip, and its character set is small and
// fixed (Unicode White_Space plus a few invisible format characters).
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "kgmill/core/unicode.hpp"
#include "loader_internal.hpp"

namespace kgmill::loader_detail {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length (0 when malformed) and sets cp.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len;
    char32_t min;
    if (b0 < 0x80) { cp = b0; return 1; }
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Unicode White_Space (plus the line/paragraph separators): folded to one ASCII space.
bool is_space(char32_t c) {
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Invisible characters that only get in the way of matching: C1 controls, soft hyphen,
// zero-width space, word joiner, BOM / zero-width no-break space. ZWJ/ZWNJ are kept (they
// change meaning in some scripts and emoji).
bool is_dropped(char32_t c) {
    return (c >= 0x80 && c <= 0x9F) || c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

}  // namespace

void fold_whitespace(std::string_view s, std::string& out) {
    const std::size_t start = out.size();
    bool pending_space = false;
    auto emit_space = [&] {
        if (pending_space && out.size() > start) out.push_back(' ');
        pending_space = false;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                pending_space = true;
            } else if (c >= 0x20 && c != 0x7F) {
                emit_space();
                out.push_back(static_cast<char>(c));
            }  // other C0 controls and DEL are dropped
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = decode_utf8(s, i, cp);
        if (len == 0) {  // malformed: U+FFFD, so Document::text is always valid UTF-8
            emit_space();
            out.append("\xEF\xBF\xBD");
            ++i;
            continue;
        }
        if (is_space(cp)) {
            pending_space = true;
        } else if (!is_dropped(cp)) {
            emit_space();
            out.append(s.substr(i, len));
        }
        i += len;
    }
}

bool TextBuilder::add(Block::Kind kind, std::string_view raw, std::uint32_t page,
                      bool already_nfc) {
    scratch_.clear();
    fold_whitespace(raw, scratch_);
    if (scratch_.empty()) return false;
    // NFC never creates or removes spaces, so folding first and composing after is exact.
    std::string nfc;
    std::string_view piece = scratch_;
    if (!already_nfc) {
        nfc = to_nfc(scratch_);
        piece = nfc;
    }
    std::string& text = doc_.text;
    const std::size_t sep = text.empty() ? 0 : 2;
    if (text.size() + sep + piece.size() > std::numeric_limits<std::uint32_t>::max()) {
        overflow_ = true;  // offsets are 32-bit: stop adding rather than wrap
        return false;
    }
    if (sep) text.append("\n\n");
    Block b;
    b.kind = kind;
    b.begin = static_cast<std::uint32_t>(text.size());
    text.append(piece);
    b.end = static_cast<std::uint32_t>(text.size());
    b.page = page;
    doc_.blocks.push_back(b);
    return true;
}

void mark_leading_title(Document& doc) {
    if (doc.blocks.size() < 2) return;
    Block& first = doc.blocks.front();
    if (first.kind != Block::Kind::kParagraph) return;
    const std::string_view t(doc.text.data() + first.begin, first.end - first.begin);
    if (t.size() > 250) return;
    const char last = t.back();
    if (last == '.' || last == '!' || last == '?' || last == ';' || last == ',' || last == ':')
        return;
    if (!find_numeric_date(t).empty() && t.size() < 40) return;  // a date line, not a title
    first.kind = Block::Kind::kTitle;
    if (doc.title.empty()) doc.title = std::string(t);
}

}  // namespace kgmill::loader_detail
