// GraphML 1.0 writer (http://graphml.graphdrawing.org/specification.html; XSD in
// ../shared/schemas/graphml/).
//
// Hand-written instead of boost::write_graphml: it streams through one buffer and formats
// numbers with std::to_chars, about 3x faster (../shared/notes/performance.md), and it can
// type every key and skip absent values, which Boost's dynamic_properties cannot.
//
// Node ids are "n<vertex index>" (xs:NMTOKEN, always valid); the entity id is in key `id`,
// which Gephi's GraphML importer also takes as its node id. Node `label` duplicates the
// name (Gephi and yEd show it). For Neo4j APOC's apoc.import.graphml({readLabels: true}),
// which looks at key *ids*: key "labels" holds ":University", and key "label", the first
// data of every edge, the relation type.
#include <cmath>
#include <optional>
#include <ostream>

#include "graph_writers.hpp"
#include "writer_util.hpp"

namespace kgmill::detail {
namespace {

struct Key {
    const char* id;
    const char* for_;
    std::string_view name;
    const char* type;
};

// ONTOLOGY.md's property names, typed.
const Key kNodeKeys[] = {
    {"v_id", "node", "id", "string"},         {"v_name", "node", "name", "string"},
    {"v_type", "node", "type", "string"},     {"v_aliases", "node", "aliases", "string"},
    {"v_country", "node", "country", "string"}, {"labels", "node", "labels", "string"},
    {"v_label", "node", "label", "string"},
};
const Key kEdgeKeys[] = {
    {"e_type", "edge", "type", "string"},          {"e_date", "edge", "date", "string"},
    {"e_role", "edge", "role", "string"},          {"e_field", "edge", "field", "string"},
    {"e_count", "edge", "count", "int"},           {"e_status", "edge", "status", "string"},
    {"e_weight", "edge", "weight", "int"},         {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_doc", "edge", "doc", "string"},            {"e_sentence", "edge", "sentence", "string"},
    {"e_start", "edge", "start", "int"},           {"e_end", "edge", "end", "int"},
    {"e_extractor", "edge", "extractor", "string"}, {"e_confidence", "edge", "confidence", "double"},
    {"label", "edge", "label", "string"},
};

class GraphmlWriter final : public GraphWriter {
public:
    GraphmlWriter(Sink& sink, std::string main) : sink_(sink), main_(std::move(main)) {}

    Status begin(const KnowledgeGraph& g) override {
        g_ = &g;
        std::ostream* os = sink_.open(main_);
        if (!os) return make_error(ErrorCode::kIo, "export", main_, "cannot open output");
        out_.emplace(*os);
        extras_ = extra_relation_properties(g);
        auto& o = *out_;
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
             "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
             "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
        o << "  <!-- kgmill knowledge graph: property names as in ONTOLOGY.md -->\n";
        for (const Key& k : kNodeKeys) key(k.id, k.for_, k.name, k.type);
        for (const Key& k : kEdgeKeys) key(k.id, k.for_, k.name, k.type);
        for (const std::string& x : extras_) key("e_x_" + identifier(x), "edge", x, "string");
        o << "  <graph id=\"kg\" edgedefault=\"directed\">\n";
        return {};
    }

    void node(VertexId v) override {
        const Entity& e = g_->entities()[v];
        auto& o = *out_;
        o << "    <node id=\"n";
        o.put_int(v);
        o << "\">";
        data("v_id", e.id);
        data("v_name", e.name);
        data("v_type", entity_type_name(e.type));
        if (!e.aliases.empty()) {
            o << "<data key=\"v_aliases\">";
            for (std::size_t i = 0; i < e.aliases.size(); ++i) {
                if (i) o << '|';
                put_xml(o, e.aliases[i], false);
            }
            o << "</data>";
        }
        data("v_country", e.country);
        o << "<data key=\"labels\">:" << entity_type_name(e.type) << "</data>";
        data("v_label", e.name);
        o << "</node>\n";
    }

    void edge(std::uint32_t ri) override {
        const Relation& r = g_->relations()[ri];
        auto& o = *out_;
        o << "    <edge id=\"e";
        o.put_int(ri);
        o << "\" source=\"n";
        o.put_int(r.source);
        o << "\" target=\"n";
        o.put_int(r.target);
        o << "\">";
        const std::string_view type = relation_type_name(r.type);
        data("label", type);  // first: APOC takes the relationship type from it
        data("e_type", type);
        data("e_date", property_of(r, "date"));
        data("e_role", property_of(r, "role"));
        data("e_field", property_of(r, "field"));
        if (auto n = parse_int(property_of(r, "count"))) {
            o << "<data key=\"e_count\">";
            o.put_int(*n);
            o << "</data>";
        }
        data("e_status", property_of(r, "status"));
        o << "<data key=\"e_weight\">";
        o.put_int(r.weight());
        o << "</data><data key=\"e_symmetric\">" << (r.symmetric() ? "true" : "false")
          << "</data>";
        if (!r.evidence.empty()) {
            const Provenance& p = r.evidence.front();
            data("e_doc", p.doc);
            data("e_sentence", p.sentence);
            o << "<data key=\"e_start\">";
            o.put_int(p.start);
            o << "</data><data key=\"e_end\">";
            o.put_int(p.end);
            o << "</data>";
            data("e_extractor", p.extractor);
            if (std::isfinite(p.confidence)) {
                o << "<data key=\"e_confidence\">";
                o.put_double(p.confidence);
                o << "</data>";
            }
        }
        for (const std::string& x : extras_) {
            const std::string& v = property_of(r, x);
            if (v.empty()) continue;
            o << "<data key=\"e_x_" << identifier(x) << "\">";
            put_xml(o, v, false);
            o << "</data>";
        }
        o << "</edge>\n";
    }

    Status finish() override {
        *out_ << "  </graph>\n</graphml>\n";
        out_->flush();
        return out_->stream() ? Status{} : make_error(ErrorCode::kIo, "export", main_, "write failed");
    }

private:
    void key(std::string_view id, std::string_view for_, std::string_view name,
             std::string_view type) {
        auto& o = *out_;
        o << "  <key id=\"" << id << "\" for=\"" << for_ << "\" attr.name=\"";
        put_xml(o, name, true);
        o << "\" attr.type=\"" << type << "\"/>\n";
    }
    void data(std::string_view key, std::string_view value) {
        if (value.empty()) return;
        auto& o = *out_;
        o << "<data key=\"" << key << "\">";
        put_xml(o, value, false);
        o << "</data>";
    }

    Sink& sink_;
    std::string main_;
    const KnowledgeGraph* g_ = nullptr;
    std::optional<OutBuffer> out_;
    std::vector<std::string> extras_;
};

}  // namespace

std::unique_ptr<GraphWriter> make_graphml_writer(Sink& sink, const std::string& main,
                                                 const ExportOptions&) {
    return std::make_unique<GraphmlWriter>(sink, main);
}

}  // namespace kgmill::detail
