// GEXF 1.3 writer for Gephi (https://gexf.net/; Relax NG grammar in ../shared/schemas/gexf/1.3).
//
// - Node ids are the entity ids (GEXF ids are free strings), labels the names.
// - Attributes carry ONTOLOGY.md's names as `title`; their ids are numbers, as Gephi writes
//   them, so no title clashes with Gephi's own columns (Id, Label, Weight, Interval).
// - viz:color per entity type (entity_type_color, the palette every view shares), viz:size
//   10 + 5·sqrt(degree), viz:position when ExportOptions::positions has a layout.
// - Symmetric relations are written once with type="undirected" (the graph is mixed:
//   defaultedgetype="directed"). The spec's "mutual" is not used: graphology-gexf builds
//   `new Graph({type: 'mutual'})` and fails when the first edge is mutual, and a symmetric
//   relation is one undirected edge, not two directed ones.
// - Relation weight (supporting statements) is the edge's `weight`; the relation type is its
//   `label` and `kind` (GEXF 1.3 edge kinds) and attribute `type`.
// - Timeline: a dated relation gets start = the first day its date covers ("2025" →
//   2025-01-01; a range → its first day). A relation exists from its first known date on: a
//   signed agreement or a membership does not vanish the day after. A node whose relations
//   are all dated starts with its earliest one; other nodes are always there. The graph is
//   then mode="dynamic" timeformat="date", so Gephi's timeline plays the network over the
//   years; without any date it is mode="static".
#include <cmath>
#include <optional>
#include <ostream>

#include "graph_writers.hpp"
#include "writer_util.hpp"

namespace kgmill::detail {
namespace {

struct Attr {
    std::string_view title;
    const char* type;
};
const Attr kNodeAttrs[] = {
    {"name", "string"}, {"type", "string"}, {"aliases", "string"}, {"country", "string"}};
enum NodeAttr { kName, kType, kAliases, kCountry };
const Attr kEdgeAttrs[] = {
    {"type", "string"},    {"date", "string"},     {"role", "string"},   {"field", "string"},
    {"count", "integer"},  {"status", "string"},   {"symmetric", "boolean"},
    {"doc", "string"},     {"sentence", "string"}, {"start", "integer"}, {"end", "integer"},
    {"extractor", "string"}, {"confidence", "double"}};
enum EdgeAttr {
    eType, eDate, eRole, eField, eCount, eStatus, eSymmetric, eDoc, eSentence, eStart, eEnd,
    eExtractor, eConfidence, eFirstExtra
};

class GexfWriter final : public GraphWriter {
public:
    GexfWriter(Sink& sink, std::string main, const ExportOptions& opts)
        : sink_(sink), main_(std::move(main)), opts_(opts) {}

    Status begin(const KnowledgeGraph& g) override {
        g_ = &g;
        std::ostream* os = sink_.open(main_);
        if (!os) return make_error(ErrorCode::kIo, "export", main_, "cannot open output");
        out_.emplace(*os);
        extras_ = extra_relation_properties(g);
        positions_ = opts_.positions.size() == g.vertex_count() && g.vertex_count() > 0;
        bool dynamic = false;
        for (const Relation& r : g.relations())
            if (!first_day(property_of(r, "date")).empty()) {
                dynamic = true;
                break;
            }
        auto& o = *out_;
        o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
             "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
             "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
             "version=\"1.3\">\n"
             "  <meta><creator>kgmill</creator><description>knowledge graph of institutional "
             "cooperation; node colour = entity type, size = degree, edge start = relation "
             "date</description></meta>\n";
        o << "  <graph defaultedgetype=\"directed\""
          << (dynamic ? " mode=\"dynamic\" timeformat=\"date\"" : " mode=\"static\"") << ">\n";
        o << "    <attributes class=\"node\">\n";
        int id = 0;
        for (const Attr& a : kNodeAttrs) attribute(id++, a.title, a.type);
        o << "    </attributes>\n    <attributes class=\"edge\">\n";
        id = 0;
        for (const Attr& a : kEdgeAttrs) attribute(id++, a.title, a.type);
        for (const std::string& x : extras_) attribute(id++, x, "string");
        o << "    </attributes>\n    <nodes count=\"";
        o.put_int(g.vertex_count());
        o << "\">\n";
        return {};
    }

    void node(VertexId v) override {
        const Entity& e = g_->entities()[v];
        auto& o = *out_;
        o << "      <node id=\"";
        put_xml(o, e.id, true);
        o << "\" label=\"";
        put_xml_token(o, e.name);
        o << '"';
        const std::string start = node_start(v);
        if (!start.empty()) o << " start=\"" << start << '"';
        o << "><attvalues>";
        attvalue(kName, e.name);
        attvalue(kType, entity_type_name(e.type));
        if (!e.aliases.empty()) {
            open_attvalue(kAliases);
            for (std::size_t i = 0; i < e.aliases.size(); ++i) {
                if (i) o << '|';
                put_xml(o, e.aliases[i], true);
            }
            o << "\"/>";
        }
        attvalue(kCountry, e.country);
        o << "</attvalues>";
        const Rgb c = entity_type_color(e.type);
        o << "<viz:color r=\"";
        o.put_int(c.r);
        o << "\" g=\"";
        o.put_int(c.g);
        o << "\" b=\"";
        o.put_int(c.b);
        o << "\"/><viz:size value=\"";
        o.put_fixed(10.0 + 5.0 * std::sqrt(static_cast<double>(g_->degree(v))), 2);
        o << "\"/>";
        if (positions_) {
            const auto& p = opts_.positions[v];
            o << "<viz:position x=\"";
            o.put_fixed(std::isfinite(p[0]) ? p[0] : 0.0, 3);
            o << "\" y=\"";
            o.put_fixed(std::isfinite(p[1]) ? p[1] : 0.0, 3);
            o << "\" z=\"0\"/>";
        }
        o << "</node>\n";
    }

    void edge(std::uint32_t ri) override {
        auto& o = *out_;
        if (!edges_open_) {
            o << "    </nodes>\n    <edges count=\"";
            o.put_int(g_->edge_count());
            o << "\">\n";
            edges_open_ = true;
        }
        const Relation& r = g_->relations()[ri];
        const Entity& s = g_->entities()[r.source];
        const Entity& t = g_->entities()[r.target];
        const std::string_view type = relation_type_name(r.type);
        o << "      <edge id=\"e";
        o.put_int(ri);
        o << "\" source=\"";
        put_xml(o, s.id, true);
        o << "\" target=\"";
        put_xml(o, t.id, true);
        o << '"';
        if (r.symmetric()) o << " type=\"undirected\"";
        o << " label=\"" << type << "\" kind=\"" << type << "\" weight=\"";
        o.put_int(r.weight());
        o << '"';
        const std::string& date = property_of(r, "date");
        const std::string start = first_day(date);
        if (!start.empty()) o << " start=\"" << start << '"';
        o << "><attvalues>";
        attvalue(eType, type);
        attvalue(eDate, date);
        attvalue(eRole, property_of(r, "role"));
        attvalue(eField, property_of(r, "field"));
        if (auto n = parse_int(property_of(r, "count"))) {
            open_attvalue(eCount);
            o.put_int(*n);
            o << "\"/>";
        }
        attvalue(eStatus, property_of(r, "status"));
        attvalue(eSymmetric, r.symmetric() ? "true" : "false");
        if (!r.evidence.empty()) {
            const Provenance& p = r.evidence.front();
            attvalue(eDoc, p.doc);
            attvalue(eSentence, p.sentence);
            open_attvalue(eStart);
            o.put_int(p.start);
            o << "\"/>";
            open_attvalue(eEnd);
            o.put_int(p.end);
            o << "\"/>";
            attvalue(eExtractor, p.extractor);
            if (std::isfinite(p.confidence)) {
                open_attvalue(eConfidence);
                o.put_double(p.confidence);
                o << "\"/>";
            }
        }
        for (std::size_t i = 0; i < extras_.size(); ++i)
            attvalue(static_cast<int>(eFirstExtra + i), property_of(r, extras_[i]));
        o << "</attvalues></edge>\n";
    }

    Status finish() override {
        auto& o = *out_;
        if (!edges_open_) o << "    </nodes>\n    <edges count=\"0\">\n";
        o << "    </edges>\n  </graph>\n</gexf>\n";
        o.flush();
        return o.stream() ? Status{} : make_error(ErrorCode::kIo, "export", main_, "write failed");
    }

private:
    /// The earliest start of a node's relations when all of them are dated, else "".
    std::string node_start(VertexId v) const {
        std::string best;
        bool any = false;
        for (const auto list : {g_->out_relations(v), g_->in_relations(v)})
            for (std::uint32_t ri : list) {
                std::string d = first_day(property_of(g_->relations()[ri], "date"));
                if (d.empty()) return {};
                if (!any || d < best) best = std::move(d);
                any = true;
            }
        return best;
    }
    void attribute(int id, std::string_view title, std::string_view type) {
        auto& o = *out_;
        o << "      <attribute id=\"";
        o.put_int(id);
        o << "\" title=\"";
        put_xml(o, title, true);
        o << "\" type=\"" << type << "\"/>\n";
    }
    void open_attvalue(int id) {
        auto& o = *out_;
        o << "<attvalue for=\"";
        o.put_int(id);
        o << "\" value=\"";
    }
    void attvalue(int id, std::string_view value) {
        if (value.empty()) return;
        open_attvalue(id);
        put_xml(*out_, value, true);
        *out_ << "\"/>";
    }

    Sink& sink_;
    std::string main_;
    ExportOptions opts_;
    const KnowledgeGraph* g_ = nullptr;
    std::optional<OutBuffer> out_;
    std::vector<std::string> extras_;
    bool positions_ = false;
    bool edges_open_ = false;
};

}  // namespace

std::unique_ptr<GraphWriter> make_gexf_writer(Sink& sink, const std::string& main,
                                              const ExportOptions& opts) {
    return std::make_unique<GexfWriter>(sink, main, opts);
}

}  // namespace kgmill::detail
