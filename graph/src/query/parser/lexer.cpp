// Tokens of the Cypher subset: identifiers (Unicode letters allowed, `back-quoted` too),
// numbers, strings with Cypher escapes, $parameters and symbols. Pattern arrows are not
// tokens of their own ('<', '-', '>' are), so `a<-1` and `(a)<-[r]-(b)` both lex.
#include <cctype>
#include <charconv>
#include <cstring>

#include "query/errors.hpp"
#include "query/parser/parser.hpp"

namespace kgmill::query {
namespace {

bool is_ident_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 32);
        if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 32);
        if (x != y) return false;
    }
    return true;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (true) {
        // whitespace and comments
        while (i < n) {
            char c = s[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                ++i;
            } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
                while (i < n && s[i] != '\n') ++i;
            } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
                std::size_t start = i;
                std::size_t close = s.find("*/", i + 2);
                if (close == std::string_view::npos) throw ParseError("unterminated comment", start, 2);
                i = close + 2;
            } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
                i += 2;  // no-break space pasted from documents
            } else {
                break;
            }
        }
        Token t;
        t.offset = i;
        if (i >= n) {
            t.kind = TokenKind::kEnd;
            t.text = s.substr(n, 0);
            out.push_back(std::move(t));
            return out;
        }
        const char c = s[i];
        const std::size_t start = i;
        if (is_ident_start(static_cast<unsigned char>(c))) {
            while (i < n && is_ident_char(static_cast<unsigned char>(s[i]))) ++i;
            t.kind = TokenKind::kIdent;
            t.text = s.substr(start, i - start);
            t.value = std::string(t.text);
        } else if (c == '`') {
            ++i;
            std::string v;
            while (true) {
                if (i >= n) throw ParseError("unterminated `quoted name`", start, 1);
                if (s[i] == '`') {
                    if (i + 1 < n && s[i + 1] == '`') {
                        v += '`';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                v += s[i++];
            }
            if (v.empty()) throw ParseError("empty `quoted name`", start, i - start);
            t.kind = TokenKind::kQuotedIdent;
            t.text = s.substr(start, i - start);
            t.value = std::move(v);
        } else if (is_digit(c)) {
            bool is_float = false;
            if (c == '0' && i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
                i += 2;
                std::size_t ds = i;
                while (i < n && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
                if (i == ds) throw ParseError("expected hexadecimal digits", start, i - start);
                auto [p, ec] = std::from_chars(s.data() + ds, s.data() + i, t.int_value, 16);
                (void)p;
                if (ec != std::errc()) throw ParseError("integer literal out of range", start, i - start);
                t.kind = TokenKind::kInteger;
                t.text = s.substr(start, i - start);
            } else {
                while (i < n && is_digit(s[i])) ++i;
                if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
                    is_float = true;
                    ++i;
                    while (i < n && is_digit(s[i])) ++i;
                }
                if (i < n && (s[i] == 'e' || s[i] == 'E')) {
                    std::size_t j = i + 1;
                    if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
                    if (j < n && is_digit(s[j])) {
                        is_float = true;
                        i = j;
                        while (i < n && is_digit(s[i])) ++i;
                    }
                }
                if (i < n && is_ident_start(static_cast<unsigned char>(s[i])))
                    throw ParseError("invalid number", start, i - start + 1);
                t.text = s.substr(start, i - start);
                if (is_float) {
                    t.kind = TokenKind::kFloat;
                    t.float_value = std::strtod(std::string(t.text).c_str(), nullptr);
                } else {
                    t.kind = TokenKind::kInteger;
                    auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), t.int_value);
                    (void)p;
                    if (ec != std::errc()) throw ParseError("integer literal out of range", start, i - start);
                }
            }
        } else if (c == '\'' || c == '"') {
            const char quote = c;
            ++i;
            std::string v;
            while (true) {
                if (i >= n) throw ParseError("unterminated string", start, 1);
                char d = s[i];
                if (d == quote) {
                    ++i;
                    break;
                }
                if (d == '\\') {
                    if (i + 1 >= n) throw ParseError("unterminated string", start, 1);
                    char e = s[i + 1];
                    i += 2;
                    switch (e) {
                        case 'n': v += '\n'; break;
                        case 't': v += '\t'; break;
                        case 'r': v += '\r'; break;
                        case 'b': v += '\b'; break;
                        case 'f': v += '\f'; break;
                        case '\\': v += '\\'; break;
                        case '\'': v += '\''; break;
                        case '"': v += '"'; break;
                        case 'u':
                        case 'U': {
                            std::size_t len = e == 'u' ? 4 : 8;
                            if (i + len > n) throw ParseError("bad \\u escape", i - 2, 2);
                            std::uint32_t cp = 0;
                            auto [p, ec] = std::from_chars(s.data() + i, s.data() + i + len, cp, 16);
                            if (ec != std::errc() || p != s.data() + i + len || cp > 0x10FFFF)
                                throw ParseError("bad \\u escape", i - 2, len + 2);
                            append_utf8(v, cp);
                            i += len;
                            break;
                        }
                        default: throw ParseError(std::string("unknown escape \\") + e, i - 2, 2);
                    }
                    continue;
                }
                v += d;
                ++i;
            }
            t.kind = TokenKind::kString;
            t.text = s.substr(start, i - start);
            t.value = std::move(v);
        } else if (c == '$') {
            ++i;
            std::size_t ns = i;
            if (i < n && s[i] == '`') {
                std::size_t close = s.find('`', i + 1);
                if (close == std::string_view::npos) throw ParseError("unterminated `quoted name`", i, 1);
                t.value = std::string(s.substr(i + 1, close - i - 1));
                i = close + 1;
            } else {
                while (i < n && is_ident_char(static_cast<unsigned char>(s[i]))) ++i;
                if (i == ns) throw ParseError("expected a parameter name after '$'", start, 1);
                t.value = std::string(s.substr(ns, i - ns));
            }
            t.kind = TokenKind::kParam;
            t.text = s.substr(start, i - start);
        } else {
            static const char* const kTwo[] = {"<>", "<=", ">=", "=~", "!=", ".."};
            t.kind = TokenKind::kSymbol;
            std::size_t len = 0;
            for (const char* two : kTwo)
                if (i + 1 < n && s[i] == two[0] && s[i + 1] == two[1]) len = 2;
            if (len == 0) {
                if (std::strchr("()[]{},.:|;+-*/%^=<>", c) == nullptr || c == '\0') {
                    std::size_t len8 = 1;
                    unsigned char u = static_cast<unsigned char>(c);
                    if (u >= 0xC0) len8 = u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : 2;
                    throw ParseError("unexpected character '" + std::string(s.substr(i, len8)) + "'", i, len8);
                }
                len = 1;
            }
            i += len;
            t.text = s.substr(start, len);
        }
        out.push_back(std::move(t));
    }
}

}  // namespace kgmill::query
