// extractors/src/tokenizer.cpp — the UTF-8 tokenizer (ASCII fast path, ICU properties beyond).
#include "tokenizer.hpp"

#include "abbrev.hpp"
#include "lexicon.hpp"
#include "utf8.hpp"

namespace kgmill::ex {
namespace {

inline bool alnum_or_mark(char32_t c) {
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    return cp_is_alpha(c) || cp_is_digit(c) || cp_is_mark(c);
}

bool is_open_quote(char32_t c) { return c == 0x201C || c == 0x2018 || c == 0x00AB || c == 0x300C; }
bool is_close_quote(char32_t c) { return c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x300D; }

}  // namespace

void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end, const Lexicon* lex,
              std::string& scratch, std::vector<Token>& out) {
    std::size_t i = begin;
    const std::size_t n = end;
    auto at = [&](std::size_t k, int& len) -> char32_t {
        if (k >= n) { len = 0; return 0; }
        return decode_utf8(text, k, len);
    };
    while (i < n) {
        int len = 1;
        char32_t c = at(i, len);
        if (cp_is_space(c)) { i += len; continue; }
        Token t;
        t.b = static_cast<std::uint32_t>(i);
        bool plain = true;  // no upper case and no non-ASCII byte: the text is its own lower case
        if (alnum_or_mark(c) && !cp_is_mark(c)) {
            std::size_t j = i;
            std::size_t seg_start = i;  // start of the current '.'-separated segment
            int letters = 0, uppers = 0, digits = 0;
            bool ascii = true;
            bool first_letter_seen = false, viet = false;
            while (j < n) {
                int l = 1;
                char32_t cj = at(j, l);
                if (alnum_or_mark(cj)) {
                    if (cj >= 0x80) ascii = false;
                    if (cp_is_alpha(cj)) {
                        ++letters;
                        const bool up = cp_is_upper(cj);
                        if (up) ++uppers;
                        if (!first_letter_seen) {
                            first_letter_seen = true;
                            t.flags |= up ? kCap : (cp_is_lower(cj) ? kLower : 0);
                        }
                        if (cp_is_vietnamese(cj)) viet = true;
                    } else if (cp_is_digit(cj)) {
                        ++digits;
                    }
                    j += l;
                    continue;
                }
                int l2 = 0;
                char32_t nx = at(j + l, l2);
                if (l2 == 0) break;
                int lp = 0;
                char32_t pv = j > i ? decode_utf8(text, j - 1, lp) : 0;  // ASCII-safe enough for digits
                const bool nx_alnum = alnum_or_mark(nx) && !cp_is_mark(nx);
                if ((cj == '-' || cj == 0x2010 || cj == '/' || cj == '&') && nx_alnum) {
                    // "Fukuoka-based": the place stays a token of its own
                    if (cj == '-' && (t.flags & kCap) && j + l + 5 <= n && text.compare(j + l, 5, "based") == 0 &&
                        (j + l + 5 == n || !alnum_or_mark(static_cast<unsigned char>(text[j + l + 5]))))
                        break;
                    j += l;
                    continue;
                }
                if ((cj == '.' || cj == ',' || cj == ':') && cp_is_digit(nx) && cp_is_digit(pv)) { j += l; continue; }
                if (cj == '.' && cp_is_alpha(nx) && j - seg_start == 1) {  // U.S, e.g
                    j += l;
                    seg_start = j;
                    continue;
                }
                if ((cj == '\'' || cj == 0x2019) && cp_is_alpha(nx)) {
                    int l3 = 0;
                    char32_t after = at(j + l + l2, l3);
                    if ((nx == 's' || nx == 'S') && !alnum_or_mark(after)) break;  // possessive
                    j += l;
                    continue;
                }
                break;
            }
            // abbreviation period
            if (j < n && text[j] == '.') {
                std::string_view w = text.substr(i, j - i);
                bool take = false;
                if (w.size() == 1 && (t.flags & kCap)) take = true;  // initial
                else if (abbrev_kind(w) != AbbrevKind::kNone) take = true;
                else if (w.find('.') != std::string_view::npos && letters > 0 && digits == 0) take = true;
                if (take) { ++j; t.flags |= kAbbrev; }
            }
            t.e = static_cast<std::uint32_t>(j);
            t.flags |= kWord;
            if (letters >= 2 && uppers == letters) t.flags |= kAllCaps;
            if (digits > 0) t.flags |= kHasDigit;
            if (letters == 0 && digits > 0) t.flags |= kNum;
            if (viet) t.flags |= kViet;
            plain = ascii && uppers == 0;
            i = j;
        } else if ((c == '\'' || c == 0x2019) && i + len < n &&
                   (text[i + len] == 's' || text[i + len] == 'S') &&
                   !(i + len + 1 < n && alnum_or_mark(static_cast<unsigned char>(text[i + len + 1])))) {
            t.e = static_cast<std::uint32_t>(i + len + 1);
            t.flags |= kPossessive | kWord;
            i = t.e;
        } else {
            std::size_t j = i + len;
            plain = c < 0x80;
            if (c == '.' ) { while (j < n && text[j] == '.') ++j; }
            t.e = static_cast<std::uint32_t>(j);
            t.flags |= kPunct;
            if (is_open_quote(c)) t.flags |= kOpenQuote;
            else if (is_close_quote(c)) t.flags |= kCloseQuote;
            else if (c == '"') {
                const bool after_space = i == begin || cp_is_space(static_cast<unsigned char>(text[i - 1])) ||
                                         text[i - 1] == '(';
                t.flags |= after_space ? kOpenQuote : kCloseQuote;
            }
            i = j;
        }
        if (lex != nullptr && !(t.flags & kNum)) {
            if (t.flags & kPossessive) {
                t.lex = lex->find("'s");
            } else if (plain && t.e - t.b <= 64) {
                t.lex = lex->find(text.substr(t.b, t.e - t.b));
            } else {
                scratch.clear();
                append_lower(scratch, text.substr(t.b, t.e - t.b));
                t.lex = lex->find(scratch);
            }
        }
        out.push_back(t);
    }
}

}  // namespace kgmill::ex
