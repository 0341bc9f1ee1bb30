// writer_util.hpp — private helpers shared by the exporters: a buffered appender with
// std::to_chars numbers, escaping for each syntax (XML, JSON, Turtle/N-Triples, Cypher, CSV,
// DOT), UTF-8 repair, date classification and the list of relation property columns.
//
// Every escaper repairs its input on the way: an invalid UTF-8 byte becomes U+FFFD, so no
// export can carry bytes its parser rejects. Strings in a KnowledgeGraph are NFC UTF-8, so
// the repair only matters for corrupted stores.
#pragma once
#include <charconv>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/core/ontology.hpp"
#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill::detail {

/// Appends to an ostream through a fixed buffer; numbers with std::to_chars (locale-free).
/// Flushes on destruction. Not copyable: it owns the pending bytes.
class OutBuffer {
public:
    explicit OutBuffer(std::ostream& os, std::size_t capacity = 1 << 16)
        : os_(&os), buf_(capacity) {}
    ~OutBuffer() { flush(); }
    OutBuffer(const OutBuffer&) = delete;
    OutBuffer& operator=(const OutBuffer&) = delete;

    void put(char c) {
        if (n_ == buf_.size()) flush();
        buf_[n_++] = c;
    }
    void put(std::string_view s) {
        if (s.size() > buf_.size() - n_) {
            flush();
            if (s.size() > buf_.size()) {
                os_->write(s.data(), static_cast<std::streamsize>(s.size()));
                return;
            }
        }
        std::copy(s.begin(), s.end(), buf_.begin() + static_cast<std::ptrdiff_t>(n_));
        n_ += s.size();
    }
    OutBuffer& operator<<(std::string_view s) { put(s); return *this; }
    OutBuffer& operator<<(char c) { put(c); return *this; }
    /// Integers in decimal.
    template <class I>
    void put_int(I v) {
        char tmp[24];
        auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
        put(std::string_view(tmp, static_cast<std::size_t>(res.ptr - tmp)));
    }
    /// Shortest decimal that reads back as `v` ("0.9", "1e-05"); callers skip non-finite values.
    void put_double(double v);
    /// Fixed notation with `digits` decimals, trailing zeros trimmed ("12.5", "3").
    void put_fixed(double v, int digits);
    void flush() {
        if (n_) os_->write(buf_.data(), static_cast<std::streamsize>(n_));
        n_ = 0;
    }
    std::ostream& stream() { return *os_; }

private:
    std::ostream* os_;
    std::vector<char> buf_;
    std::size_t n_ = 0;
};

// ---- escaping (each appends the escaped form of `s`, without surrounding quotes) -----------

/// XML character data (`attribute`: also '"' and tab/newline/CR as character references, so
/// attribute-value normalisation keeps them). Characters XML 1.0 forbids (C0 controls other
/// than tab/LF/CR, U+FFFE, U+FFFF) are dropped.
void put_xml(OutBuffer& out, std::string_view s, bool attribute);
/// Like put_xml(attribute) but whitespace runs collapse to one space and the ends are
/// trimmed (values of xsd:token attributes such as GEXF labels).
void put_xml_token(OutBuffer& out, std::string_view s);
/// JSON string content (RFC 8259).
void put_json(OutBuffer& out, std::string_view s);
/// Turtle / N-Triples STRING_LITERAL_QUOTE content (ECHAR and \uXXXX for other controls).
void put_rdf_string(OutBuffer& out, std::string_view s);
/// Cypher single-quoted string content.
void put_cypher(OutBuffer& out, std::string_view s);
/// One RFC 4180 CSV field: quoted when it holds ',', '"', leading/trailing spaces or a line
/// break; line breaks and tabs become spaces (neo4j-admin rejects multi-line fields unless
/// told otherwise, so the evidence sentence is kept on one line).
void put_csv(OutBuffer& out, std::string_view s);
/// DOT double-quoted string content: '"' and '\' escaped, line breaks as spaces.
void put_dot(OutBuffer& out, std::string_view s);
/// Percent-encodes every byte outside [A-Za-z0-9-._~/] (IRI path segments from ids).
void put_iri_path(OutBuffer& out, std::string_view s);
std::string iri_path(std::string_view s);

// ---- values ---------------------------------------------------------------------------------

enum class DateKind { kYear, kYearMonth, kDate, kRange, kOther };
/// "2025" → kYear, "2025-04" → kYearMonth, "2025-04-21" → kDate, "2024-08-18/2024-08-20" →
/// kRange (both ends valid dates of any of the three precisions), else kOther.
DateKind classify_date(std::string_view s);
/// The first day a date or range covers as YYYY-MM-DD ("2025" → "2025-01-01"); "" for kOther.
std::string first_day(std::string_view s);
/// The ends of a kRange value.
std::pair<std::string_view, std::string_view> split_range(std::string_view s);

/// An optionally signed decimal integer that fits int64 ("12", "-3"); nullopt otherwise.
std::optional<std::int64_t> parse_int(std::string_view s);

/// BCP 47 tag for a name: "vi" when it has a letter only Vietnamese uses (ă đ ĩ ũ ơ ư, the
/// tone-marked vowels U+1EA0–U+1EF9), or only accents Vietnamese shares with other languages
/// (à á â ã è é ê ì í ò ó ô õ ù ú ý) on words of at most 7 letters ("Lê Quân"); "en" for
/// plain ASCII (punctuation such as '–' does not count); "" otherwise, no tag rather than a
/// wrong one ("Université de Liège", "München", "北京大学").
std::string_view name_language(std::string_view name);

// ---- relation property columns -------------------------------------------------------------

/// The relation properties ONTOLOGY.md names, in column order.
inline constexpr std::string_view kRelationProperties[] = {"date", "role", "field", "count",
                                                          "status"};
/// Names a relation property may not take because an export already uses them.
bool is_reserved_property(std::string_view key);
/// Property keys used by some relation of `g` beyond kRelationProperties (sorted, distinct,
/// reserved names left out): exporters declare them as extra string columns.
std::vector<std::string> extra_relation_properties(const KnowledgeGraph& g);
/// `key` reduced to [a-z0-9_] (lower case; other characters become '_'), for formats whose
/// names are identifiers (Neo4j headers, Cypher keys, RDF local names).
std::string identifier(std::string_view key);

/// The relation's value of `key` or "" (properties are a short sorted vector).
const std::string& property_of(const Relation& r, std::string_view key);

}  // namespace kgmill::detail
