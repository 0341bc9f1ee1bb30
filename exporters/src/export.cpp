// The format registry: name → default file → writer factory (STYLE.md §9).
#include "kgmill/exporters/export.hpp"

#include <filesystem>
#include <ostream>
#include <set>

#include "graph_writers.hpp"
#include "kgmill/exporters/render.hpp"

namespace kgmill {

namespace {

using Factory = std::unique_ptr<GraphWriter> (*)(Sink&, const std::string&, const ExportOptions&);

struct Entry {
    ExportFormat format;
    Factory make;
};

// In the order `build` writes them. The CLI writes "jsonl" (triples.jsonl) itself. To add a
// format: write a GraphWriter in exporters/src/<format>.cpp, declare its
// factory in graph_writers.hpp and add a row here; --formats, export_graph and the CLI's
// `export --format` pick it up from this table.
const std::vector<Entry>& registry() {
    static const std::vector<Entry> kEntries = {
        {{"graphml", "graph.graphml"}, &detail::make_graphml_writer},
        {{"gexf", "graph.gexf"}, &detail::make_gexf_writer},
        {{"ttl", "graph.ttl"},
         [](Sink& s, const std::string& m, const ExportOptions& o) {
             return detail::make_turtle_writer(s, m, o, /*vocabulary=*/true);
         }},
        {{"nt", "graph.nt"}, &detail::make_ntriples_writer},
        {{"jsonld", "graph.jsonld"},
         [](Sink& s, const std::string& m, const ExportOptions& o) {
             return detail::make_jsonld_writer(s, m, o, /*context_file=*/true);
         }},
        {{"neo4j", "neo4j"},
         [](Sink& s, const std::string&, const ExportOptions& o) {
             return detail::make_neo4j_writer(s, o);
         }},
        {{"dot", "graph.dot"}, &detail::make_dot_writer},
        // Diagrams of the whole graph with render's defaults (render.hpp): the writer keeps
        // the graph and draws it in finish().
        {{"svg", "graph.svg"},
         [](Sink& s, const std::string& m, const ExportOptions& o) {
             return make_render_writer("svg", s, m, {}, o.on_render_report);
         }},
        {{"html", "graph.html"},
         [](Sink& s, const std::string& m, const ExportOptions& o) {
             return make_render_writer("html", s, m, {}, o.on_render_report);
         }},
    };
    return kEntries;
}

const Entry* find_entry(std::string_view name) {
    for (const Entry& e : registry())
        if (e.format.name == name) return &e;
    return nullptr;
}

Error unknown_format(std::string_view format) {
    std::string known;
    for (const Entry& e : registry()) {
        if (!known.empty()) known += ", ";
        known += e.format.name;
    }
    return make_error(ErrorCode::kUsage, "export", "",
                      "unknown format '" + std::string(format) + "' (known: " + known + ")");
}

/// Removes neo4j import files of an earlier export that this one did not write (a label or
/// relation type that is gone), so `neo4j-admin … --nodes=neo4j/nodes_*.csv` sees only the
/// current graph.
void remove_stale_neo4j_files(const std::string& dir, const std::set<std::string>& written) {
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const auto& de : fs::directory_iterator(dir, ec)) {
        const std::string name = de.path().filename().string();
        const bool ours = (name.rfind("nodes_", 0) == 0 || name.rfind("rels_", 0) == 0) &&
                          name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0;
        if (ours && !written.count(name)) fs::remove(de.path(), ec);
    }
}

}  // namespace

const std::vector<ExportFormat>& export_formats() {
    static const std::vector<ExportFormat> kFormats = [] {
        std::vector<ExportFormat> v;
        for (const Entry& e : registry()) v.push_back(e.format);
        return v;
    }();
    return kFormats;
}

const ExportFormat* find_export_format(std::string_view name) {
    const Entry* e = find_entry(name);
    return e ? &e->format : nullptr;
}

std::unique_ptr<GraphWriter> make_writer(std::string_view format, Sink& sink,
                                         const std::string& main_name,
                                         const ExportOptions& opts) {
    const Entry* e = find_entry(format);
    return e ? e->make(sink, main_name, opts) : nullptr;
}

Status write_graph(const KnowledgeGraph& g, GraphWriter& w) {
    KGMILL_RETURN_IF_ERROR(w.begin(g));
    for (VertexId v = 0; v < g.vertex_count(); ++v) w.node(v);
    for (std::uint32_t r = 0; r < g.edge_count(); ++r) w.edge(r);
    return w.finish();
}

Status export_to_sink(const KnowledgeGraph& g, std::string_view format, Sink& sink,
                      const std::string& main_name, const ExportOptions& opts) {
    auto w = make_writer(format, sink, main_name, opts);
    if (!w) return unknown_format(format);
    return write_graph(g, *w);
}

Status export_graph(const KnowledgeGraph& g, std::string_view format, const std::string& path,
                    const ExportOptions& opts) {
    namespace fs = std::filesystem;
    if (!find_entry(format)) return unknown_format(format);
    if (path.empty()) return make_error(ErrorCode::kUsage, "export", "", "no output path");
    const bool folder = format == "neo4j";
    fs::path p(path);
    std::string dir = folder ? path : p.parent_path().string();
    std::string main = folder ? std::string() : p.filename().string();
    if (!folder && main.empty())
        return make_error(ErrorCode::kUsage, "export", path, "output path names a folder");
    DirectorySink sink(dir);
    Status st = export_to_sink(g, format, sink, main, opts);
    if (!st.ok()) return st;  // the sink's destructor removes the partial files
    std::vector<std::string> written = sink.written();
    if (Status closed = sink.close(); !closed.ok()) return closed;
    if (folder) remove_stale_neo4j_files(dir, {written.begin(), written.end()});
    return {};
}

// ---- single-stream helpers --------------------------------------------------------------

namespace {
void to_stream(const KnowledgeGraph& g, std::string_view format, std::ostream& out,
               const ExportOptions& opts, bool side_files_off) {
    StreamSink sink("main", out);
    std::unique_ptr<GraphWriter> w;
    if (side_files_off && format == "ttl")
        w = detail::make_turtle_writer(sink, "main", opts, false);
    else if (side_files_off && format == "jsonld")
        w = detail::make_jsonld_writer(sink, "main", opts, false);
    else
        w = make_writer(format, sink, "main", opts);
    (void)write_graph(g, *w);  // stream errors stay visible in out's state
    (void)sink.close();
}
}  // namespace

void write_graphml(const KnowledgeGraph& g, std::ostream& out) {
    to_stream(g, "graphml", out, {}, true);
}
void write_gexf(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts) {
    to_stream(g, "gexf", out, opts, true);
}
void write_turtle(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts) {
    to_stream(g, "ttl", out, opts, true);
}
void write_ntriples(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts) {
    to_stream(g, "nt", out, opts, true);
}
void write_jsonld(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts) {
    to_stream(g, "jsonld", out, opts, true);
}
void write_dot(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts) {
    to_stream(g, "dot", out, opts, true);
}
Status write_neo4j(const KnowledgeGraph& g, Sink& sink, const ExportOptions& opts) {
    auto w = detail::make_neo4j_writer(sink, opts);
    return write_graph(g, *w);
}

// ---- palette -----------------------------------------------------------------------------

Rgb entity_type_color(EntityType t) {
    // Organisations in blues/purples/orange/red, people green, geography browns, things
    // pink/olive/yellow: the kinds stay apart at a glance (after the Tableau 20 palette).
    static constexpr Rgb kColors[kEntityTypeCount] = {
        {31, 119, 180},   // University
        {174, 199, 232},  // Unit
        {23, 190, 207},   // ResearchInstitute
        {255, 127, 14},   // Company
        {214, 39, 40},    // GovernmentBody
        {148, 103, 189},  // Network
        {197, 176, 213},  // InternationalOrganization
        {127, 127, 127},  // Organization
        {44, 160, 44},    // Person
        {140, 86, 75},    // Country
        {196, 156, 148},  // Place
        {227, 119, 194},  // Agreement
        {188, 189, 34},   // Event
        {219, 219, 141},  // Program
        {152, 223, 138},  // Field
    };
    return kColors[static_cast<int>(t)];
}

}  // namespace kgmill
