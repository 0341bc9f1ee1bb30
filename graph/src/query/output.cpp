// Result writers: aligned table, CSV (RFC 4180), TSV, JSON Lines. Deterministic: the same
// result gives the same bytes.
#include <algorithm>
#include <cmath>
#include <ostream>

#include "kgmill/graph/query.hpp"
#include "query/exec/context.hpp"

namespace kgmill::query {

namespace {

using K = Value::Kind;

void json_string(std::string& out, std::string_view s) {
    out += '"';
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

void json_value(std::string& out, const KnowledgeGraph& g, const Value& v);

void json_node(std::string& out, const KnowledgeGraph& g, VertexId n) {
    json_value(out, g, node_properties(g, n));
}

void json_rel(std::string& out, const KnowledgeGraph& g, std::uint32_t ri) {
    Value props = rel_properties(g, ri);
    out += "{\"type\":";
    json_string(out, relation_type_name(g.relation_type(ri)));
    out += ",\"_start\":";
    json_string(out, g.entity_id(g.relation_source(ri)));
    out += ",\"_end\":";
    json_string(out, g.entity_id(g.relation_target(ri)));
    for (const auto& [k, x] : props.as_map()) {
        if (k == "type") continue;
        out += ',';
        json_string(out, k);
        out += ':';
        json_value(out, g, x);
    }
    out += '}';
}

void json_value(std::string& out, const KnowledgeGraph& g, const Value& v) {
    switch (v.kind()) {
        case K::kNull: out += "null"; return;
        case K::kBool: out += v.as_bool() ? "true" : "false"; return;
        case K::kInt: out += std::to_string(v.as_int()); return;
        case K::kDouble:
            if (std::isfinite(v.as_double())) out += format_double(v.as_double());
            else out += "null";  // JSON has no NaN / Infinity
            return;
        case K::kString: json_string(out, v.as_string()); return;
        case K::kList: {
            out += '[';
            bool first = true;
            for (const Value& x : v.as_list()) {
                if (!first) out += ',';
                first = false;
                json_value(out, g, x);
            }
            out += ']';
            return;
        }
        case K::kMap: {
            out += '{';
            bool first = true;
            for (const auto& [k, x] : v.as_map()) {
                if (!first) out += ',';
                first = false;
                json_string(out, k);
                out += ':';
                json_value(out, g, x);
            }
            out += '}';
            return;
        }
        case K::kNode: json_node(out, g, v.as_node()); return;
        case K::kRelationship: json_rel(out, g, v.as_relationship()); return;
        case K::kPath: {
            const Path& p = v.as_path();
            out += "{\"nodes\":[";
            for (std::size_t i = 0; i < p.nodes.size(); ++i) {
                if (i) out += ',';
                json_node(out, g, p.nodes[i]);
            }
            out += "],\"relationships\":[";
            for (std::size_t i = 0; i < p.rels.size(); ++i) {
                if (i) out += ',';
                json_rel(out, g, p.rels[i]);
            }
            out += "]}";
            return;
        }
    }
}

// Cypher-literal style for values inside lists / maps / entities in the table.
void display(std::string& out, const KnowledgeGraph& g, const Value& v, bool top);

void display_props(std::string& out, const KnowledgeGraph& g, const Value& m, std::initializer_list<const char*> keys) {
    bool first = true;
    out += " {";
    for (const char* key : keys)
        for (const auto& [k, x] : m.as_map())
            if (k == key) {
                if (!first) out += ", ";
                first = false;
                out += k + ": ";
                display(out, g, x, false);
            }
    out += '}';
}

void display(std::string& out, const KnowledgeGraph& g, const Value& v, bool top) {
    switch (v.kind()) {
        case K::kNull: out += "null"; return;
        case K::kString:
            if (top) out += v.as_string();
            else json_string(out, v.as_string());
            return;
        case K::kList: {
            out += '[';
            bool first = true;
            for (const Value& x : v.as_list()) {
                if (!first) out += ", ";
                first = false;
                display(out, g, x, false);
            }
            out += ']';
            return;
        }
        case K::kMap: {
            out += '{';
            bool first = true;
            for (const auto& [k, x] : v.as_map()) {
                if (!first) out += ", ";
                first = false;
                out += k + ": ";
                display(out, g, x, false);
            }
            out += '}';
            return;
        }
        case K::kNode: {
            out += "(:" + std::string(entity_type_name(g.entity_type(v.as_node())));
            display_props(out, g, node_properties(g, v.as_node()), {"id", "name"});
            out += ')';
            return;
        }
        case K::kRelationship: {
            out += "[:" + std::string(relation_type_name(g.relation_type(v.as_relationship())));
            display_props(out, g, rel_properties(g, v.as_relationship()), {"date", "role", "field", "count", "status", "weight"});
            out += ']';
            return;
        }
        case K::kPath: {
            const Path& p = v.as_path();
            for (std::size_t i = 0; i < p.nodes.size(); ++i) {
                out += "(";
                out += g.entity_name(p.nodes[i]);
                out += ")";
                if (i < p.rels.size()) {
                    bool forward = g.relation_source(p.rels[i]) == p.nodes[i];
                    out += forward ? "-[:" : "<-[:";
                    out += relation_type_name(g.relation_type(p.rels[i]));
                    out += forward ? "]->" : "]-";
                }
            }
            return;
        }
        default: json_value(out, g, v); return;
    }
}

std::string csv_field(const KnowledgeGraph& g, const Value& v) {
    std::string s;
    switch (v.kind()) {
        case K::kNull: return "";
        case K::kString: s = std::string(v.as_string()); break;
        case K::kBool:
        case K::kInt:
        case K::kDouble: json_value(s, g, v); break;
        default: json_value(s, g, v); break;
    }
    return s;
}

std::string csv_quote(const std::string& s) {
    bool quote = s.find_first_of(",\"\r\n") != std::string::npos ||
                 (!s.empty() && (s.front() == ' ' || s.back() == ' '));
    if (!quote) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string tsv_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\\': out += "\\\\"; break;
            default: out += c;
        }
    }
    return out;
}

/// Terminal columns of a UTF-8 string (East Asian wide and full-width characters count 2,
/// combining marks 0).
std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp;
        std::size_t len;
        if (c < 0x80) { cp = c; len = 1; }
        else if (c < 0xE0) { cp = c & 0x1F; len = 2; }
        else if (c < 0xF0) { cp = c & 0x0F; len = 3; }
        else { cp = c & 0x07; len = 4; }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (cp >= 0x300 && cp < 0x370) continue;  // combining diacritics
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
                    (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
    }
    return w;
}

std::string cut(const std::string& s, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (chars == max_chars - 1) {
                // keep it only if it is the last character
                std::size_t rest = 0;
                for (std::size_t j = i; j < s.size(); ++j)
                    if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) ++rest;
                if (rest <= 1) return s;
                return s.substr(0, i) + "…";
            }
            ++chars;
        }
    }
    return s;
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

}  // namespace

std::string to_json(const KnowledgeGraph& g, const Value& v) {
    std::string out;
    json_value(out, g, v);
    return out;
}

std::string to_display(const KnowledgeGraph& g, const Value& v) {
    std::string out;
    display(out, g, v, true);
    return out;
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "table") return OutputFormat::kTable;
    if (name == "csv") return OutputFormat::kCsv;
    if (name == "tsv") return OutputFormat::kTsv;
    if (name == "jsonl" || name == "json") return OutputFormat::kJsonl;
    return std::nullopt;
}

void write_result(std::ostream& out, const KnowledgeGraph& g, const QueryResult& r, OutputFormat f) {
    if (!r.ok()) return;
    switch (f) {
        case OutputFormat::kCsv: {
            for (std::size_t i = 0; i < r.columns.size(); ++i) out << (i ? "," : "") << csv_quote(r.columns[i]);
            out << "\r\n";
            for (const auto& row : r.rows) {
                for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_quote(csv_field(g, row[i]));
                out << "\r\n";
            }
            return;
        }
        case OutputFormat::kTsv: {
            for (std::size_t i = 0; i < r.columns.size(); ++i) out << (i ? "\t" : "") << tsv_escape(r.columns[i]);
            out << '\n';
            for (const auto& row : r.rows) {
                for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "\t" : "") << tsv_escape(csv_field(g, row[i]));
                out << '\n';
            }
            return;
        }
        case OutputFormat::kJsonl: {
            for (const auto& row : r.rows) {
                std::string line = "{";
                for (std::size_t i = 0; i < row.size(); ++i) {
                    if (i) line += ',';
                    json_string(line, r.columns[i]);
                    line += ':';
                    json_value(line, g, row[i]);
                }
                line += "}\n";
                out << line;
            }
            return;
        }
        case OutputFormat::kTable: {
            const std::size_t n = r.columns.size();
            std::vector<std::vector<std::string>> cells;
            std::vector<std::size_t> width(n);
            std::vector<bool> numeric(n, true);
            for (std::size_t i = 0; i < n; ++i) width[i] = display_width(r.columns[i]);
            for (const auto& row : r.rows) {
                std::vector<std::string> line;
                for (std::size_t i = 0; i < n; ++i) {
                    line.push_back(cut(one_line(to_display(g, row[i])), 80));
                    width[i] = std::max(width[i], display_width(line.back()));
                    if (!row[i].is_number() && !row[i].is_null()) numeric[i] = false;
                }
                cells.push_back(std::move(line));
            }
            auto rule = [&] {
                out << '+';
                for (std::size_t i = 0; i < n; ++i) out << std::string(width[i] + 2, '-') << '+';
                out << '\n';
            };
            auto line = [&](const std::vector<std::string>& vals, bool header) {
                out << '|';
                for (std::size_t i = 0; i < n; ++i) {
                    std::size_t pad = width[i] - display_width(vals[i]);
                    if (numeric[i] && !header) out << ' ' << std::string(pad, ' ') << vals[i] << " |";
                    else out << ' ' << vals[i] << std::string(pad, ' ') << " |";
                }
                out << '\n';
            };
            rule();
            line(r.columns, true);
            rule();
            for (const auto& c : cells) line(c, false);
            if (!cells.empty()) rule();
            out << r.rows.size() << (r.rows.size() == 1 ? " row" : " rows") << '\n';
            return;
        }
    }
}

}  // namespace kgmill::query
