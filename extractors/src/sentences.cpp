// extractors/src/sentences.cpp — hand-written sentence splitter (see sentences.hpp for why).
//
// A sentence ends at a blank line (block boundary), at a single line break unless the next
// line starts in lower case (a wrapped line), and at . ! ? … followed by white space and a
// word that is not lower case — except after an abbreviation ("Prof.", "PGS.", "e.g.") or an
// initial ("A. L. Vuving"). Works on NFC and NFD text alike: only the first code point of the
// next word is inspected, and combining marks never start a word.
#include "kgmill/extractors/sentences.hpp"

#include "abbrev.hpp"
#include "utf8.hpp"

namespace kgmill {
namespace {
using ex::decode_utf8;

bool is_terminal(char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
           c == 0xFF1F || c == 0xFF0E;
}
bool is_closer(char32_t c) {
    return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == ')' ||
           c == ']' || c == 0x300D || c == 0xFF09;
}

// True when the '.' at `dot` closes an abbreviation or an initial that does not end a sentence;
// `may_end` is set for abbreviations such as "etc." that end one before a capital.
bool abbreviation_before(std::string_view t, std::size_t dot, bool& may_end) {
    may_end = false;
    std::size_t b = dot;
    while (b > 0) {
        const auto c = static_cast<unsigned char>(t[b - 1]);
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') { --b; continue; }
        if (c == '.' && b >= 2) { --b; continue; }
        if (c >= 0x80) {  // a non-ASCII letter (e.g. "NGƯT"): step back over the whole code point
            std::size_t k = b - 1;
            while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
            int len = 1;
            char32_t cp = decode_utf8(t, k, len);
            if (ex::cp_is_alpha(cp) || ex::cp_is_mark(cp)) { b = k; continue; }
        }
        break;
    }
    while (b < dot && t[b] == '.') ++b;
    if (b == dot) return false;
    std::string_view word = t.substr(b, dot - b);
    // An initial: one upper-case letter standing alone ("A." in "A. L. Vuving").
    if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;
    auto kind = ex::abbrev_kind(word);
    if (kind == ex::AbbrevKind::kNone) {
        // "Assoc.Prof." / "PGS.TS.": judge the last segment
        auto p = word.rfind('.');
        if (p != std::string_view::npos) kind = ex::abbrev_kind(word.substr(p + 1));
    }
    if (kind == ex::AbbrevKind::kInner) return true;
    if (kind == ex::AbbrevKind::kMayEnd) { may_end = true; return true; }
    return false;
}

}  // namespace

std::vector<Span> split_sentences(std::string_view text) {
    std::vector<Span> out;
    const std::size_t n = text.size();
    constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::size_t start = npos, last_end = 0, i = 0;
    auto flush = [&](std::size_t end) {
        if (start != npos && end > start)
            out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
        start = npos;
    };
    // Next non-space code point at or after k (crossing line breaks); n when none.
    auto next_nonspace = [&](std::size_t k, char32_t& cp) {
        while (k < n) {
            int len = 1;
            cp = decode_utf8(text, k, len);
            if (!ex::cp_is_space(cp)) return k;
            k += len;
        }
        return n;
    };
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            std::size_t j = i + 1;
            while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\f' ||
                             text[j] == '\v'))
                ++j;
            if (j < n && text[j] == '\n') {  // blank line: block boundary
                flush(last_end);
                i = j + 1;
                continue;
            }
            if (start != npos) {
                char32_t nc = 0;
                std::size_t k = next_nonspace(j, nc);
                if (k < n && !ex::cp_is_lower(nc)) flush(last_end);
            }
            i = j;
            continue;
        }
        int len = 1;
        const char32_t cp = decode_utf8(text, i, len);
        if (ex::cp_is_space(cp)) { i += len; continue; }
        if (start == npos) start = i;
        last_end = i + len;
        if (!is_terminal(cp)) { i += len; continue; }
        // run of terminals and closing quotes/brackets
        std::size_t j = i + len;
        while (j < n) {
            int l2 = 1;
            char32_t c2 = decode_utf8(text, j, l2);
            if (is_terminal(c2) || is_closer(c2)) { j += l2; last_end = j; } else break;
        }
        if (j >= n) { i = j; continue; }
        int l3 = 1;
        if (!ex::cp_is_space(decode_utf8(text, j, l3))) { i = j; continue; }
        char32_t nc = 0;
        std::size_t k = next_nonspace(j, nc);
        if (k >= n) { i = j; continue; }
        bool split = !ex::cp_is_lower(nc);
        if (split && cp == '.' && (j == i + 1)) {
            bool may_end = false;
            if (abbreviation_before(text, i, may_end)) split = may_end && ex::cp_is_upper(nc);
        }
        if (split) flush(last_end);
        i = j;
    }
    flush(last_end);
    return out;
}

}  // namespace kgmill
