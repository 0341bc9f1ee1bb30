// Graphviz DOT writer (https://graphviz.org/doc/info/lang.html).
//
// A digraph: node ids are the entity ids (quoted), labels the names, filled with the entity
// type's colour (entity_type_color); edges labelled with the relation type, drawn without
// arrowheads (dir=none) when symmetric, thicker with more supporting statements; tooltips
// carry the type and the first evidence sentence for SVG output. With
// ExportOptions::positions, nodes get pos="x,y!" (points) for `neato -n`.
#include <cmath>
#include <optional>
#include <ostream>

#include "graph_writers.hpp"
#include "writer_util.hpp"

namespace kgmill::detail {
namespace {

void put_hex_color(OutBuffer& o, Rgb c) {
    static const char kHex[] = "0123456789abcdef";
    o << '#';
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        o << kHex[v >> 4];
        o << kHex[v & 15];
    }
}

class DotWriter final : public GraphWriter {
public:
    DotWriter(Sink& sink, std::string main, ExportOptions opts)
        : sink_(sink), main_(std::move(main)), opts_(std::move(opts)) {}

    Status begin(const KnowledgeGraph& g) override {
        g_ = &g;
        std::ostream* os = sink_.open(main_);
        if (!os) return make_error(ErrorCode::kIo, "export", main_, "cannot open output");
        out_.emplace(*os);
        positions_ = opts_.positions.size() == g.vertex_count() && g.vertex_count() > 0;
        *out_ << "// kgmill knowledge graph: node colour = entity type, edge label = relation "
                 "type\n"
                 "digraph kg {\n"
                 "  graph [charset=\"UTF-8\", overlap=false, splines=true, "
                 "outputorder=edgesfirst];\n"
                 "  node [shape=box, style=\"rounded,filled\", fontsize=10];\n"
                 "  edge [fontsize=8, color=\"#777777\", fontcolor=\"#555555\"];\n";
        return {};
    }

    void node(VertexId v) override {
        const Entity& e = g_->entities()[v];
        auto& o = *out_;
        o << "  \"";
        put_dot(o, e.id);
        o << "\" [label=\"";
        put_dot(o, e.name);
        o << "\", tooltip=\"" << entity_type_name(e.type) << ": ";
        put_dot(o, e.name);
        for (const std::string& a : e.aliases) {
            o << " | ";
            put_dot(o, a);
        }
        const Rgb c = entity_type_color(e.type);
        o << "\", fillcolor=\"";
        put_hex_color(o, c);
        o << '"';
        // Dark fills get white text (perceived luminance below the middle).
        if (0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140) o << ", fontcolor=\"white\"";
        if (positions_) {
            const auto& p = opts_.positions[v];
            o << ", pos=\"";
            o.put_fixed(std::isfinite(p[0]) ? p[0] : 0.0, 2);
            o << ',';
            o.put_fixed(std::isfinite(p[1]) ? p[1] : 0.0, 2);
            o << "!\"";
        }
        o << "];\n";
    }

    void edge(std::uint32_t ri) override {
        const Relation& r = g_->relations()[ri];
        auto& o = *out_;
        o << "  \"";
        put_dot(o, g_->entities()[r.source].id);
        o << "\" -> \"";
        put_dot(o, g_->entities()[r.target].id);
        o << "\" [label=\"" << relation_type_name(r.type);
        const std::string& date = property_of(r, "date");
        if (!date.empty()) {
            o << " (";
            put_dot(o, date);
            o << ')';
        }
        o << '"';
        if (r.symmetric()) o << ", dir=none";
        if (r.weight() > 1) {
            o << ", penwidth=";
            o.put_fixed(1.0 + std::log2(static_cast<double>(r.weight())), 2);
            o << ", weight=";
            o.put_int(r.weight());
        }
        if (!r.evidence.empty()) {
            o << ", tooltip=\"";
            put_dot(o, r.evidence.front().sentence);
            o << '"';
        }
        o << "];\n";
    }

    Status finish() override {
        *out_ << "}\n";
        out_->flush();
        return out_->stream() ? Status{}
                              : make_error(ErrorCode::kIo, "export", main_, "write failed");
    }

private:
    Sink& sink_;
    std::string main_;
    ExportOptions opts_;
    const KnowledgeGraph* g_ = nullptr;
    std::optional<OutBuffer> out_;
    bool positions_ = false;
};

}  // namespace

std::unique_ptr<GraphWriter> make_dot_writer(Sink& sink, const std::string& main,
                                             const ExportOptions& opts) {
    return std::make_unique<DotWriter>(sink, main, opts);
}

}  // namespace kgmill::detail
