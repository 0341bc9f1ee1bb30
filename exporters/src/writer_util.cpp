#include "writer_util.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace kgmill::detail {

void OutBuffer::put_double(double v) {
    char tmp[32];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
    put(std::string_view(tmp, static_cast<std::size_t>(res.ptr - tmp)));
}

void OutBuffer::put_fixed(double v, int digits) {
    char tmp[64];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::fixed, digits);
    std::string_view s(tmp, static_cast<std::size_t>(res.ptr - tmp));
    if (s.find('.') != std::string_view::npos) {
        while (s.back() == '0') s.remove_suffix(1);
        if (s.back() == '.') s.remove_suffix(1);
    }
    if (s == "-0") s = "0";
    put(s);
}

namespace {

/// Length of the well-formed UTF-8 sequence at s[i] (2..4), or 0 when it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    const std::size_t left = s.size() - i;
    auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        return b(k) >= lo && b(k) <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3) return 0;
        unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4) return 0;
        unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

/// Copies `s` to `out`, calling `special(c)` for every ASCII byte with table[c] set and
/// repairing invalid UTF-8. `xml` drops U+FFFE and U+FFFF (not XML characters).
template <class Special>
void escape_utf8(OutBuffer& out, std::string_view s, const bool (&table)[128], bool xml,
                 Special&& special) {
    std::size_t run = 0, i = 0;
    auto flush_run = [&](std::size_t end) {
        if (end > run) out.put(s.substr(run, end - run));
    };
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (table[c]) {
                flush_run(i);
                special(static_cast<char>(c));
                run = ++i;
            } else {
                ++i;
            }
            continue;
        }
        std::size_t len = utf8_sequence(s, i);
        if (len == 0) {
            flush_run(i);
            out.put(kReplacement);
            run = ++i;
            continue;
        }
        if (xml && len == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
            flush_run(i);
            i += 3;
            run = i;
            continue;
        }
        i += len;
    }
    flush_run(i);
}

struct Table {
    bool t[128] = {};
};
constexpr Table make_table(std::string_view chars, bool controls) {
    Table tb;
    if (controls)
        for (int c = 0; c < 0x20; ++c) tb.t[c] = true;
    if (controls) tb.t[0x7F] = false;
    for (char c : chars) tb.t[static_cast<unsigned char>(c)] = true;
    return tb;
}

constexpr Table kXmlText = make_table("<>&", true);
constexpr Table kXmlAttr = make_table("<>&\"", true);
constexpr Table kJson = make_table("\"\\", true);
constexpr Table kRdf = make_table("\"\\", true);
constexpr Table kCypher = make_table("'\\", true);
constexpr Table kDot = make_table("\"\\", true);

const char kHex[] = "0123456789ABCDEF";

void put_u4(OutBuffer& out, char c) {
    const unsigned v = static_cast<unsigned char>(c);
    out.put("\\u00");
    out.put(kHex[v >> 4]);
    out.put(kHex[v & 15]);
}

}  // namespace

void put_xml(OutBuffer& out, std::string_view s, bool attribute) {
    escape_utf8(out, s, attribute ? kXmlAttr.t : kXmlText.t, true, [&](char c) {
        switch (c) {
            case '<': out.put("&lt;"); break;
            case '>': out.put("&gt;"); break;
            case '&': out.put("&amp;"); break;
            case '"': out.put("&quot;"); break;
            case '\t': out.put(attribute ? "&#9;" : "\t"); break;
            case '\n': out.put(attribute ? "&#10;" : "\n"); break;
            case '\r': out.put("&#13;"); break;
            default: break;  // other C0 controls are not XML characters: dropped
        }
    });
}

void put_xml_token(OutBuffer& out, std::string_view s) {
    auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::string collapsed;
    collapsed.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_ws(c)) {
            pending_space = !collapsed.empty();
            continue;
        }
        if (pending_space) collapsed.push_back(' ');
        pending_space = false;
        collapsed.push_back(c);
    }
    put_xml(out, collapsed, true);
}

namespace {
/// The backslash escapes that JSON strings, RDF string literals and Cypher string literals
/// share; `quote` is the delimiter escaped with a backslash, other controls become \uXXXX.
template <typename Table>
void put_backslash_escaped(OutBuffer& out, std::string_view s, const Table& table, char quote) {
    escape_utf8(out, s, table, false, [&](char c) {
        switch (c) {
            case '\\': out.put("\\\\"); break;
            case '\n': out.put("\\n"); break;
            case '\r': out.put("\\r"); break;
            case '\t': out.put("\\t"); break;
            case '\b': out.put("\\b"); break;
            case '\f': out.put("\\f"); break;
            default:
                if (c == quote) {
                    out.put('\\');
                    out.put(c);
                } else {
                    put_u4(out, c);
                }
                break;
        }
    });
}
}  // namespace

void put_json(OutBuffer& out, std::string_view s) { put_backslash_escaped(out, s, kJson.t, '"'); }

void put_rdf_string(OutBuffer& out, std::string_view s) { put_backslash_escaped(out, s, kRdf.t, '"'); }

void put_cypher(OutBuffer& out, std::string_view s) { put_backslash_escaped(out, s, kCypher.t, '\''); }

void put_csv(OutBuffer& out, std::string_view s) {
    bool quote = !s.empty() && (s.front() == ' ' || s.back() == ' ');
    for (char c : s)
        if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\t') {
            quote = true;
            break;
        }
    static constexpr Table kCsv = make_table("\"", true);
    if (quote) out.put('"');
    escape_utf8(out, s, kCsv.t, false, [&](char c) {
        if (c == '"')
            out.put("\"\"");
        else if (c == '\n' || c == '\r' || c == '\t')
            out.put(' ');
        // other C0 controls dropped: neo4j-admin and Kuzu read them as data, users never mean them
    });
    if (quote) out.put('"');
}

void put_dot(OutBuffer& out, std::string_view s) {
    escape_utf8(out, s, kDot.t, false, [&](char c) {
        if (c == '"')
            out.put("\\\"");
        else if (c == '\\')
            out.put("\\\\");
        else if (c == '\n' || c == '\r' || c == '\t')
            out.put(' ');
    });
}

void put_iri_path(OutBuffer& out, std::string_view s) { out.put(iri_path(s)); }

std::string iri_path(std::string_view s) {
    std::string r;
    r.reserve(s.size());
    // A segment of only dots ("." or "..") would be removed by IRI resolution: encode it.
    auto dot_segment_at = [&](std::size_t i) {
        if (i > 0 && s[i - 1] != '/') return false;
        std::size_t j = i;
        while (j < s.size() && s[j] == '.') ++j;
        return j > i && (j == s.size() || s[j] == '/');
    };
    bool in_dots = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '.' && !in_dots) in_dots = dot_segment_at(i);
        if (c != '.') in_dots = false;
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || (c == '.' && !in_dots) ||
                          c == '_' || c == '~' || c == '/';
        if (keep) {
            r.push_back(ch);
        } else {
            r.push_back('%');
            r.push_back(kHex[c >> 4]);
            r.push_back(kHex[c & 15]);
        }
    }
    return r;
}

namespace {
bool digits(std::string_view s, std::size_t n) {
    if (s.size() != n) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int num(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
DateKind classify_single(std::string_view s) {
    if (digits(s, 4)) return DateKind::kYear;
    if (s.size() == 7 && digits(s.substr(0, 4), 4) && s[4] == '-' && digits(s.substr(5), 2)) {
        int m = num(s.substr(5));
        return m >= 1 && m <= 12 ? DateKind::kYearMonth : DateKind::kOther;
    }
    if (s.size() == 10 && digits(s.substr(0, 4), 4) && s[4] == '-' &&
        digits(s.substr(5, 2), 2) && s[7] == '-' && digits(s.substr(8), 2)) {
        int y = num(s.substr(0, 4)), m = num(s.substr(5, 2)), d = num(s.substr(8));
        static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return DateKind::kOther;
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (m == 2 && d == 29 && !leap) return DateKind::kOther;
        return DateKind::kDate;
    }
    return DateKind::kOther;
}
}  // namespace

DateKind classify_date(std::string_view s) {
    auto slash = s.find('/');
    if (slash == std::string_view::npos) return classify_single(s);
    auto a = s.substr(0, slash), b = s.substr(slash + 1);
    if (classify_single(a) != DateKind::kOther && classify_single(b) != DateKind::kOther)
        return DateKind::kRange;
    return DateKind::kOther;
}

std::pair<std::string_view, std::string_view> split_range(std::string_view s) {
    auto slash = s.find('/');
    if (slash == std::string_view::npos) return {s, s};
    return {s.substr(0, slash), s.substr(slash + 1)};
}

std::string first_day(std::string_view s) {
    switch (classify_date(s)) {
        case DateKind::kYear: return std::string(s) + "-01-01";
        case DateKind::kYearMonth: return std::string(s) + "-01";
        case DateKind::kDate: return std::string(s);
        case DateKind::kRange: return first_day(split_range(s).first);
        case DateKind::kOther: return {};
    }
    return {};
}

std::optional<std::int64_t> parse_int(std::string_view s) {
    if (s.empty()) return std::nullopt;
    const char* b = s.data();
    const char* e = s.data() + s.size();
    if (*b == '+') ++b;
    std::int64_t v = 0;
    auto res = std::from_chars(b, e, v);
    if (res.ec != std::errc() || res.ptr != e || b == e) return std::nullopt;
    return v;
}

namespace {
/// Latin-1 letters Vietnamese also writes (vowels with a grave, acute, tilde or circumflex).
bool vietnamese_compatible(char32_t cp) {
    switch (cp | 0x20) {  // lower case (Latin-1 upper and lower differ in bit 0x20)
        case 0xE0: case 0xE1: case 0xE2: case 0xE3:  // à á â ã
        case 0xE8: case 0xE9: case 0xEA:             // è é ê
        case 0xEC: case 0xED:                        // ì í
        case 0xF2: case 0xF3: case 0xF4: case 0xF5:  // ò ó ô õ
        case 0xF9: case 0xFA: case 0xFD:             // ù ú ý
            return cp >= 0xC0 && cp <= 0xFF;
        default:
            return false;
    }
}
bool vietnamese_only(char32_t cp) {
    switch (cp) {
        case 0x0102: case 0x0103:  // Ă ă
        case 0x0110: case 0x0111:  // Đ đ
        case 0x0128: case 0x0129:  // Ĩ ĩ
        case 0x0168: case 0x0169:  // Ũ ũ
        case 0x01A0: case 0x01A1:  // Ơ ơ
        case 0x01AF: case 0x01B0:  // Ư ư
            return true;
        default:
            return cp >= 0x1EA0 && cp <= 0x1EF9;  // ạ ả ấ … ỹ
    }
}
/// Punctuation and symbols that say nothing about the language (– “ ” « » · × …).
bool neutral(char32_t cp) {
    return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
           (cp >= 0x2000 && cp <= 0x206F);
}
}  // namespace

std::string_view name_language(std::string_view name) {
    bool ambiguous = false, foreign = false;
    std::size_t word_letters = 0;  // letters in the current word
    bool word_accented = false, long_accented_word = false;
    auto end_word = [&] {
        if (word_accented && word_letters > 7) long_accented_word = true;
        word_letters = 0;
        word_accented = false;
    };
    for (std::size_t i = 0; i < name.size();) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            if (std::isalnum(c))
                ++word_letters;
            else
                end_word();
            ++i;
            continue;
        }
        std::size_t len = utf8_sequence(name, i);
        if (len == 0) {
            foreign = true;
            ++i;
            continue;
        }
        char32_t cp = 0;
        if (len == 2)
            cp = static_cast<char32_t>(((c & 0x1F) << 6) | (name[i + 1] & 0x3F));
        else if (len == 3)
            cp = static_cast<char32_t>(((c & 0x0F) << 12) | ((name[i + 1] & 0x3F) << 6) |
                                       (name[i + 2] & 0x3F));
        else
            cp = 0x10000;  // astral: not Latin
        i += len;
        if (vietnamese_only(cp)) return "vi";
        if (vietnamese_compatible(cp)) {
            ambiguous = true;
            word_accented = true;
            ++word_letters;
        } else if (neutral(cp)) {
            end_word();
        } else {
            foreign = true;  // ç ü ñ ß …, or another script
            ++word_letters;
        }
    }
    end_word();
    if (foreign) return "";
    if (!ambiguous) return "en";
    // Only accents Vietnamese shares with French, Spanish or Portuguese: Vietnamese words are
    // single syllables (at most 7 letters: "nghiêng"), "Université" is not.
    return long_accented_word ? "" : "vi";
}

bool is_reserved_property(std::string_view key) {
    static const std::set<std::string_view> kReserved = {
        "id", "name", "type", "aliases", "country", "labels", "weight", "symmetric", "doc",
        "sentence", "start", "end", "extractor", "confidence", "label", "source", "target"};
    if (kReserved.count(key)) return true;
    for (auto p : kRelationProperties)
        if (p == key) return true;
    return false;
}

std::vector<std::string> extra_relation_properties(const KnowledgeGraph& g) {
    std::set<std::string> keys;
    for (const Relation& r : g.relations())
        for (const auto& kv : r.properties)
            if (!is_reserved_property(kv.first)) keys.insert(kv.first);
    // Two keys that reduce to one identifier ("Fee", "fee") would give one column twice:
    // the first (in byte order) wins.
    std::vector<std::string> out;
    std::set<std::string> ids;
    for (const std::string& k : keys) {
        std::string id = identifier(k);
        if (id.empty() || is_reserved_property(id) || !ids.insert(id).second) continue;
        out.push_back(k);
    }
    return out;
}

std::string identifier(std::string_view key) {
    std::string r;
    for (char ch : key) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
            r.push_back(ch);
        else if (c >= 'A' && c <= 'Z')
            r.push_back(static_cast<char>(c - 'A' + 'a'));
        else if (c < 0x80 || (c & 0xC0) != 0x80)
            r.push_back('_');
    }
    if (!r.empty() && r[0] >= '0' && r[0] <= '9') r.insert(r.begin(), '_');
    if (std::all_of(r.begin(), r.end(), [](char c) { return c == '_'; })) r.clear();
    return r;
}

const std::string& property_of(const Relation& r, std::string_view key) {
    static const std::string kEmpty;
    for (const auto& [k, v] : r.properties)
        if (k == key) return v;
    return kEmpty;
}

}  // namespace kgmill::detail
