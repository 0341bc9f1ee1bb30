// Neo4j writer: the CSV files `neo4j-admin database import full` reads, and load.cypher for
// users without admin rights (Neo4j Operations Manual, "Import" → "CSV header format";
// openCypher 9 for the script).
//
// nodes_<Label>.csv   id:ID, :LABEL ("Entity;University"), name, type, aliases:string[]
//                     (';'-separated), country
// rels_<TYPE>.csv     :START_ID, :END_ID, :TYPE, date, role, field, count:int, status,
//                     weight:int, symmetric:boolean, doc, sentence, start:int, end:int,
//                     extractor, confidence:double, then extra properties (strings)
// load.cypher         a constraint on (:Entity {id}), then `UNWIND [rows] AS row MERGE …`
//                     batches: nodes MERGEd on id, relationships on (start, type, end), every
//                     property SET from the row, so running it twice changes nothing.
//
// All nodes share one id space (the entity ids), every node also has the label Entity. Empty
// CSV fields are absent properties (neo4j-admin reads an unquoted empty field as null). In
// CSV, line breaks in values become spaces (neo4j-admin needs --multiline-fields otherwise)
// and ';' inside an alias becomes ',' (';' separates array items and has no escape).
// A `count` that is not an integer is left out of the typed CSV column and the script; the
// RDF exports keep it as a string.
#include <array>
#include <cmath>
#include <optional>
#include <ostream>
#include <sstream>

#include "graph_writers.hpp"
#include "writer_util.hpp"

namespace kgmill::detail {
namespace {

constexpr std::string_view kNodeHeader = "id:ID,:LABEL,name,type,aliases:string[],country\n";
constexpr std::string_view kRelHeader =
    ":START_ID,:END_ID,:TYPE,date,role,field,count:int,status,weight:int,symmetric:boolean,"
    "doc,sentence,start:int,end:int,extractor,confidence:double";

void put_cypher_string(OutBuffer& o, std::string_view s) {
    o << '\'';
    put_cypher(o, s);
    o << '\'';
}
void put_cypher_string_or_null(OutBuffer& o, std::string_view s) {
    if (s.empty())
        o << "null";
    else
        put_cypher_string(o, s);
}
/// A float literal: always with '.' or an exponent, so Neo4j stores a float, not an integer.
void put_float(OutBuffer& o, double v) {
    char tmp[32];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
    std::string_view s(tmp, static_cast<std::size_t>(res.ptr - tmp));
    o << s;
    if (s.find_first_of(".e") == std::string_view::npos) o << ".0";
}

class Neo4jWriter final : public GraphWriter {
public:
    Neo4jWriter(Sink& sink, ExportOptions opts) : sink_(sink), opts_(std::move(opts)) {
        if (opts_.cypher_batch_size == 0) opts_.cypher_batch_size = 1;
    }

    Status begin(const KnowledgeGraph& g) override {
        g_ = &g;
        extras_ = extra_relation_properties(g);
        std::ostream* os = sink_.open("load.cypher");
        if (!os) return make_error(ErrorCode::kIo, "export", "load.cypher", "cannot open output");
        cypher_.emplace(*os);
        auto& c = *cypher_;
        c << "// kgmill knowledge graph for Neo4j 5. Run with\n"
             "//   cypher-shell -u neo4j -p PASSWORD -f load.cypher\n"
             "// (or paste into Neo4j Browser). Safe to run again: nodes are MERGEd on id and\n"
             "// relationships on (start, type, end), and every property is SET from the data.\n"
             "// Bulk alternative into an empty database (admin rights, server stopped):\n"
             "//   neo4j-admin database import full neo4j --nodes=nodes_<Label>.csv ... \\\n"
             "//     --relationships=rels_<TYPE>.csv ...   (every CSV file of this folder)\n"
             "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
             "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);\n";
        return {};
    }

    void node(VertexId v) override {
        const Entity& e = g_->entities()[v];
        const auto t = static_cast<std::size_t>(e.type);
        if (!node_files_[t] && !open_file(node_files_[t], file_name("nodes_", entity_type_name(e.type)), kNodeHeader))
            return;
        // CSV row
        auto& o = *node_files_[t];
        put_csv(o, e.id);
        o << ",Entity;" << entity_type_name(e.type) << ',';
        put_csv(o, e.name);
        o << ',' << entity_type_name(e.type) << ',';
        std::string aliases;
        for (const std::string& a : e.aliases) {
            if (!aliases.empty()) aliases += ';';
            for (char ch : a) aliases += ch == ';' ? ',' : ch;
        }
        put_csv(o, aliases);
        o << ',';
        put_csv(o, e.country);
        o << '\n';
        // Cypher row
        RowBuf& rb = rows(node_rows_, t);
        auto& c = rb.o;
        c << (rb.count ? ",\n  " : "  ") << "{id: ";
        put_cypher_string(c, e.id);
        c << ", name: ";
        put_cypher_string(c, e.name);
        c << ", aliases: ";
        if (e.aliases.empty()) {
            c << "null";
        } else {
            c << '[';
            for (std::size_t i = 0; i < e.aliases.size(); ++i) {
                if (i) c << ", ";
                put_cypher_string(c, e.aliases[i]);
            }
            c << ']';
        }
        c << ", country: ";
        put_cypher_string_or_null(c, e.country);
        c << '}';
        if (++rb.count == opts_.cypher_batch_size) flush_nodes(t);
    }

    void edge(std::uint32_t ri) override {
        if (!nodes_done_) finish_nodes();
        const Relation& r = g_->relations()[ri];
        const auto t = static_cast<std::size_t>(r.type);
        if (!rel_files_[t]) {
            std::string header(kRelHeader);
            for (const std::string& x : extras_) {
                header += ',';
                header += identifier(x);
            }
            header += '\n';
            if (!open_file(rel_files_[t], file_name("rels_", relation_type_name(r.type)), header))
                return;
        }
        const Entity& s = g_->entities()[r.source];
        const Entity& d = g_->entities()[r.target];
        const Provenance* p = r.evidence.empty() ? nullptr : &r.evidence.front();
        const auto count = parse_int(property_of(r, "count"));
        const bool conf = p && std::isfinite(p->confidence);

        auto& o = *rel_files_[t];
        put_csv(o, s.id);
        o << ',';
        put_csv(o, d.id);
        o << ',' << relation_type_name(r.type) << ',';
        put_csv(o, property_of(r, "date"));
        o << ',';
        put_csv(o, property_of(r, "role"));
        o << ',';
        put_csv(o, property_of(r, "field"));
        o << ',';
        if (count) o.put_int(*count);
        o << ',';
        put_csv(o, property_of(r, "status"));
        o << ',';
        o.put_int(r.weight());
        o << ',' << (r.symmetric() ? "true" : "false") << ',';
        if (p) {
            put_csv(o, p->doc);
            o << ',';
            put_csv(o, p->sentence);
            o << ',';
            o.put_int(p->start);
            o << ',';
            o.put_int(p->end);
            o << ',';
            put_csv(o, p->extractor);
            o << ',';
            if (conf) o.put_double(p->confidence);
        } else {
            o << ",,,,,";
        }
        for (const std::string& x : extras_) {
            o << ',';
            put_csv(o, property_of(r, x));
        }
        o << '\n';

        RowBuf& rb = rows(rel_rows_, t);
        auto& c = rb.o;
        c << (rb.count ? ",\n  " : "  ") << "{s: ";
        put_cypher_string(c, s.id);
        c << ", t: ";
        put_cypher_string(c, d.id);
        c << ", p: {date: ";
        put_cypher_string_or_null(c, property_of(r, "date"));
        c << ", role: ";
        put_cypher_string_or_null(c, property_of(r, "role"));
        c << ", field: ";
        put_cypher_string_or_null(c, property_of(r, "field"));
        c << ", count: ";
        if (count)
            c.put_int(*count);
        else
            c << "null";
        c << ", status: ";
        put_cypher_string_or_null(c, property_of(r, "status"));
        c << ", weight: ";
        c.put_int(r.weight());
        c << ", symmetric: " << (r.symmetric() ? "true" : "false") << ", doc: ";
        put_cypher_string_or_null(c, p ? std::string_view(p->doc) : std::string_view());
        c << ", sentence: ";
        put_cypher_string_or_null(c, p ? std::string_view(p->sentence) : std::string_view());
        c << ", start: ";
        if (p) c.put_int(p->start); else c << "null";
        c << ", end: ";
        if (p) c.put_int(p->end); else c << "null";
        c << ", extractor: ";
        put_cypher_string_or_null(c, p ? std::string_view(p->extractor) : std::string_view());
        c << ", confidence: ";
        if (conf) put_float(c, p->confidence); else c << "null";
        for (const std::string& x : extras_) {
            c << ", " << identifier(x) << ": ";
            put_cypher_string_or_null(c, property_of(r, x));
        }
        c << "}}";
        if (++rb.count == opts_.cypher_batch_size) flush_rels(t);
    }

    Status finish() override {
        if (!nodes_done_) finish_nodes();
        for (std::size_t t = 0; t < rel_rows_.size(); ++t) flush_rels(t);
        for (auto& f : node_files_) if (f) f->flush();
        for (auto& f : rel_files_) if (f) f->flush();
        cypher_->flush();
        if (!error_.ok()) return error_;
        bool ok = static_cast<bool>(cypher_->stream());
        for (auto& f : node_files_) ok = ok && (!f || f->stream());
        for (auto& f : rel_files_) ok = ok && (!f || f->stream());
        return ok ? Status{} : make_error(ErrorCode::kIo, "export", "neo4j", "write failed");
    }

private:
    /// Pending Cypher rows of one label or type (at most cypher_batch_size of them).
    struct RowBuf {
        std::ostringstream ss;
        OutBuffer o{ss, 1 << 12};
        std::size_t count = 0;
    };
    RowBuf& rows(std::array<std::unique_ptr<RowBuf>, kEntityTypeCount>& a, std::size_t t) {
        if (!a[t]) a[t] = std::make_unique<RowBuf>();
        return *a[t];
    }
    RowBuf& rows(std::array<std::unique_ptr<RowBuf>, kRelationTypeCount>& a, std::size_t t) {
        if (!a[t]) a[t] = std::make_unique<RowBuf>();
        return *a[t];
    }
    /// Moves the pending rows of `rb` into load.cypher.
    void put_rows(RowBuf& rb) {
        rb.o.flush();
        *cypher_ << rb.ss.str();
        rb.ss.str("");
        rb.count = 0;
    }

    static std::string file_name(std::string_view prefix, std::string_view label) {
        std::string name(prefix);
        name += label;
        name += ".csv";
        return name;
    }

    bool open_file(std::unique_ptr<OutBuffer>& slot, const std::string& name,
                   std::string_view header) {
        std::ostream* os = sink_.open(name);
        if (!os) {
            if (error_.ok()) error_ = make_error(ErrorCode::kIo, "export", name, "cannot open output");
            return false;
        }
        slot = std::make_unique<OutBuffer>(*os);
        *slot << header;
        return true;
    }

    void finish_nodes() {
        nodes_done_ = true;
        for (std::size_t t = 0; t < node_rows_.size(); ++t) flush_nodes(t);
    }

    void flush_nodes(std::size_t t) {
        if (!node_rows_[t] || node_rows_[t]->count == 0) return;
        const auto type = static_cast<EntityType>(t);
        auto& c = *cypher_;
        c << "UNWIND [\n";
        put_rows(*node_rows_[t]);
        c << "\n] AS row\nMERGE (n:Entity {id: row.id})\nSET n:"
          << entity_type_name(type) << ", n.name = row.name, n.type = '" << entity_type_name(type)
          << "', n.aliases = row.aliases, n.country = row.country";
        // An organisation's kind may change as documents are added: drop its old label.
        bool first = true;
        for (int i = 0; i < kEntityTypeCount; ++i) {
            if (i == static_cast<int>(t)) continue;
            c << (first ? "\nREMOVE n:" : ":") << entity_type_name(static_cast<EntityType>(i));
            first = false;
        }
        c << ";\n";
    }

    void flush_rels(std::size_t t) {
        if (!rel_rows_[t] || rel_rows_[t]->count == 0) return;
        auto& c = *cypher_;
        c << "UNWIND [\n";
        put_rows(*rel_rows_[t]);
        c << "\n] AS row\nMATCH (a:Entity {id: row.s})\nMATCH (b:Entity {id: row.t})\nMERGE (a)-[r:"
          << relation_type_name(static_cast<RelationType>(t)) << "]->(b)\nSET r = row.p;\n";
    }

    Sink& sink_;
    ExportOptions opts_;
    const KnowledgeGraph* g_ = nullptr;
    std::vector<std::string> extras_;
    std::optional<OutBuffer> cypher_;
    std::array<std::unique_ptr<OutBuffer>, kEntityTypeCount> node_files_;
    std::array<std::unique_ptr<OutBuffer>, kRelationTypeCount> rel_files_;
    std::array<std::unique_ptr<RowBuf>, kEntityTypeCount> node_rows_;
    std::array<std::unique_ptr<RowBuf>, kRelationTypeCount> rel_rows_;
    bool nodes_done_ = false;
    Status error_;
};

}  // namespace

std::unique_ptr<GraphWriter> make_neo4j_writer(Sink& sink, const ExportOptions& opts) {
    return std::make_unique<Neo4jWriter>(sink, opts);
}

}  // namespace kgmill::detail
