// kgmill/exporters/export.hpp — one streaming writer per format, chosen by name.
//
//   ExportOptions o;  o.base_iri = "https://example.org/kgmill/";
//   Status s = export_graph(g, "graphml", "out/graph.graphml", o);
//   write_gexf(g, std::cout, o);                      // or one format to any stream
//
// Every writer walks the graph once (entities sorted by id, relations in the graph's order),
// appends to a 64 KiB buffer with std::to_chars for numbers, and keeps no per-edge state, so
// memory does not grow with the output. The same graph gives the same bytes: nothing depends
// on hash-map order, the clock or the locale. Property names are those of ONTOLOGY.md's table
// ("Property names, the same in every export and in queries").
//
// Formats (name → file in a build's OUT folder):
//   graphml → graph.graphml   GraphML 1.0 (http://graphml.graphdrawing.org/specification.html)
//   gexf    → graph.gexf      GEXF 1.3 (https://gexf.net/) with viz colours, sizes and dates
//   ttl     → graph.ttl       RDF 1.1 Turtle, plus vocabulary.ttl (RDFS/OWL of kg: terms)
//   nt      → graph.nt        RDF 1.1 N-Triples (the same triples as graph.ttl)
//   jsonld  → graph.jsonld    JSON-LD 1.1, @context inline, plus context.jsonld
//   neo4j   → neo4j/          neo4j-admin import CSVs + load.cypher (MERGE, runs twice safely)
//   dot     → graph.dot       Graphviz DOT
//   svg     → graph.svg       the whole graph drawn by render.hpp (Graphviz; at most 150 nodes,
//                             the busiest, and the title says what was left out), with a legend
//   html    → graph.html      render.hpp's self-contained interactive page (Cytoscape.js inline;
//                             kNotFound when the viewer's assets are missing: find_html_assets)
// The CLI writes triples.jsonl itself.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/core/status.hpp"
#include "kgmill/exporters/sink.hpp"
#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill {

struct RenderReport;  // kgmill/exporters/render.hpp

/// Options of every exporter (defaults in brackets).
struct ExportOptions {
    /// RDF base for IRIs ["https://example.org/kgmill/"]: entity IRI = base_iri + type path +
    /// "/" + id ("…/organization/vietnam-national-university-hanoi"), vocabulary
    /// base_iri + "vocab#", documents base_iri + "doc/…". An absolute IRI without '#' or '?';
    /// a final '/' is added when missing.
    std::string base_iri = "https://example.org/kgmill/";
    /// Layout positions per vertex [empty: none]. When given (size == vertex_count()), GEXF
    /// writes viz:position and DOT writes pos="x,y" (points).
    std::vector<std::array<double, 2>> positions;
    /// Rows per UNWIND statement in neo4j/load.cypher [500].
    std::size_t cypher_batch_size = 500;
    /// Called by the diagram formats (svg, html) after drawing, with the format and what was
    /// drawn; RenderReport::note says what the node cap left out ("showing 150 of 2,340 nodes:
    /// …"), which the picture's title repeats [unset: not reported].
    std::function<void(std::string_view format, const RenderReport& report)> on_render_report;
};

/// A format known to export_graph: its name (for --formats / --format) and default file name
/// in a build's OUT folder ("graph.graphml"; "neo4j" is a folder).
struct ExportFormat {
    std::string name;
    std::string default_file;
};
/// Every format, in the order `build` writes them.
const std::vector<ExportFormat>& export_formats();
/// The format called `name`, or nullptr.
const ExportFormat* find_export_format(std::string_view name);

/// Writes `g` as `format` to `path` (a folder for "neo4j"; JSON-LD also writes context.jsonld
/// beside it; "ttl" also writes vocabulary.ttl). Folders are created as needed; files appear
/// complete or not at all (written to NAME.tmp, then renamed). Unknown format → kUsage error
/// listing the known ones; a file that cannot be written → kIo.
Status export_graph(const KnowledgeGraph& g, std::string_view format, const std::string& path,
                    const ExportOptions& opts = {});

/// Writes `format` into `sink`: the main file is called `main_name` (ignored by "neo4j",
/// whose files have fixed names); side files (context.jsonld, vocabulary.ttl) keep theirs.
Status export_to_sink(const KnowledgeGraph& g, std::string_view format, Sink& sink,
                      const std::string& main_name, const ExportOptions& opts = {});

// ---- one format to one stream (no side files) ---------------------------------------------

/// GraphML (GraphML 1.0 schema; typed keys with ONTOLOGY.md's property names; node ids
/// "n<index>" with the entity id in key `id`; symmetric relations once, symmetric=true).
void write_graphml(const KnowledgeGraph& g, std::ostream& out);
/// GEXF 1.3: attributes titled with ONTOLOGY.md's names, viz:color per entity type,
/// viz:size by degree, type="mutual" for symmetric relations, relation dates as edge `start`.
void write_gexf(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts = {});
/// RDF Turtle, grouped by subject (entities, then statements with their evidence, posts,
/// documents).
void write_turtle(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts = {});
/// RDF N-Triples: the same triples as write_turtle, one per line.
void write_ntriples(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts = {});
/// JSON-LD document {"@context": {…}, "@graph": […]}: the same triples as write_turtle.
void write_jsonld(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts = {});
/// The JSON-LD context alone ({"@context": {…}}), as context.jsonld.
void write_jsonld_context(std::ostream& out, const ExportOptions& opts = {});
/// RDFS/OWL description of the kg: classes and properties (vocabulary.ttl).
void write_rdf_vocabulary(std::ostream& out, const ExportOptions& opts = {});
/// Graphviz DOT: a digraph, nodes coloured by type, symmetric relations with dir=none.
void write_dot(const KnowledgeGraph& g, std::ostream& out, const ExportOptions& opts = {});
/// neo4j-admin import files (nodes_<Label>.csv, rels_<TYPE>.csv) and load.cypher into `sink`.
Status write_neo4j(const KnowledgeGraph& g, Sink& sink, const ExportOptions& opts = {});

// ---- the writer interface (STYLE.md §9) ---------------------------------------------------

/// A streaming writer: begin() once, node() for every vertex in order, edge() for every
/// relation in order, then finish(). write_graph() drives it.
class GraphWriter {
public:
    virtual ~GraphWriter() = default;
    /// Opens its streams in the sink and writes headers. `g` must outlive the writer.
    virtual Status begin(const KnowledgeGraph& g) = 0;
    virtual void node(VertexId v) = 0;
    virtual void edge(std::uint32_t relation_index) = 0;
    /// Writes trailers and flushes. The sink is closed by the caller.
    virtual Status finish() = 0;
};

/// The writer for `format` writing into `sink` (main file `main_name`); nullptr when unknown.
std::unique_ptr<GraphWriter> make_writer(std::string_view format, Sink& sink,
                                         const std::string& main_name,
                                         const ExportOptions& opts = {});
/// Calls begin, node for every vertex, edge for every relation, finish.
Status write_graph(const KnowledgeGraph& g, GraphWriter& w);

// ---- shared presentation ------------------------------------------------------------------

struct Rgb {
    std::uint8_t r, g, b;
};
/// Fixed colour of an entity type (GEXF viz:color, DOT fillcolor; renderers should use it
/// too so every view of the graph agrees).
Rgb entity_type_color(EntityType t);

}  // namespace kgmill
