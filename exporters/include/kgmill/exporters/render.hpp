// kgmill/exporters/render.hpp — network diagrams people can read: SVG / PNG / PDF drawn with
// Graphviz (libgvc + libcgraph), and one self-contained interactive HTML page.
//
//   RenderOptions o;  o.focus = "VNU";  o.hops = 1;  o.group_by = GroupBy::kCountry;
//   RenderReport rep;
//   Status s = render_graph(g, o, "vnu.svg", &rep);      // format from the extension
//   if (!rep.note.empty()) std::cerr << rep.note << '\n';  // "showing 150 of 2,340 nodes: ..."
//
// What is drawn (images and HTML alike):
//   - the whole graph, or with `focus` the entities within `hops` relations of it (either
//     direction), restricted to `types` / `relations` when given (the focus itself is always
//     kept). With a relation filter and no focus, entities that no kept relation touches are
//     left out too (they would float alone in a picture of, say, the signing network);
//   - at most `max_nodes` entities: the nearest to the focus (then by degree), or without a
//     focus those with the most relations; the report's note says what was left out, and the
//     picture's title repeats it;
//   - nodes coloured by type (entity_type_color, the GEXF/DOT colours) and shaped by type, sized
//     by degree; edges coloured and dashed per relation type, labelled with the year of their
//     `date` where known; a legend of the types and relation types present.
// Images: the layout runs once with the chosen engine (overlap removal: prism, with a margin
// around every label, so node labels never overlap), grouped layouts run per group and the
// group boxes are then packed (Graphviz's rectangle packing); a final Graphviz pass pins every
// node, routes the edges as splines, places the year labels (xlabel), draws the group clusters
// and a legend cluster beside the drawing. Layouts are seeded (start=42): the same graph and
// options give byte-identical files.
// HTML: node positions are computed here (same engines; above 2,000 nodes a quicker, inexact
// overlap removal) so the browser only draws (preset layout; `make bench` reports the time to
// the first frame of a 10,000-node page); the page inlines Cytoscape.js (the pinned npm package
// of web/package.json, copied into the build tree at build time), the viewer script and the
// graph as JSON, and makes no network request. See web/viewer.js for what the page offers.
#pragma once
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/core/ontology.hpp"
#include "kgmill/core/status.hpp"
#include "kgmill/exporters/export.hpp"
#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill {

enum class GroupBy { kNone, kCountry, kType, kCommunity };

/// "country" / "type" / "community" / "" (none) → GroupBy; nullopt when unknown.
std::optional<GroupBy> parse_group_by(std::string_view s);

struct RenderOptions {
    /// Name, alias or id of the entity to centre on (matched like KnowledgeGraph::find_by_name:
    /// "ĐHQGHN" finds VNU); empty: the whole graph.
    std::string focus;
    /// Relations to follow from the focus (ignored without one).
    int hops = 1;
    /// Entity types to show; empty: all.
    std::vector<EntityType> types;
    /// Relation types to show; empty: all.
    std::vector<RelationType> relations;
    /// Graphviz layout engine: sfdp, neato, fdp, dot or circo.
    std::string layout = "sfdp";
    GroupBy group_by = GroupBy::kNone;
    /// Most entities to draw; 0: the format's default (150 for images, 20,000 for HTML).
    std::size_t max_nodes = 0;
    /// Title of the picture / page; empty: made from the focus ("Vietnam National University,
    /// Hanoi and its partners (1 hop)") or "Knowledge graph".
    std::string title;
    /// Folder holding the HTML viewer's assets (cytoscape.min.js, viewer.js, viewer.css);
    /// empty: $KGMILL_WEB_DIR when set (and then only there), else web/ beside the executable, then
    /// ../share/kgmill/web beside it, then the build tree's web/ (compile-time path).
    std::string web_dir;
};

/// What a render drew.
struct RenderReport {
    std::size_t shown_nodes = 0, total_nodes = 0;  ///< drawn / candidates after the filters
    std::size_t shown_edges = 0;
    /// "showing 150 of 2,340 nodes: the 150 nearest to VNU"; empty when nothing was left out.
    std::string note;
};

/// The formats render_graph writes: "svg", "png", "pdf", "html".
const std::vector<std::string>& render_formats();
/// The format of an output path from its extension (case-insensitive; .htm → html); nullopt
/// for any other extension.
std::optional<std::string> render_format_for_path(std::string_view path);

/// Draws `g` into `path` (format from the extension). The file appears complete or not at all.
/// Errors: kUsage (unknown extension, layout engine, or an option that does not fit), kNotFound
/// (no entity matches the focus; the message suggests close names), kIo (cannot write), kInternal
/// (Graphviz failed; its messages are included), kNotFound also when the HTML assets are missing.
Status render_graph(const KnowledgeGraph& g, const RenderOptions& opts, const std::string& path,
                    RenderReport* report = nullptr);

/// The same into a stream, format given by name.
Status render_to_stream(const KnowledgeGraph& g, const RenderOptions& opts, std::string_view format,
                        std::ostream& out, RenderReport* report = nullptr);

/// The folder holding the HTML viewer's assets (cytoscape.min.js, viewer.js, viewer.css), looked
/// for as RenderOptions::web_dir says (`web_dir` empty: $KGMILL_WEB_DIR, then beside the
/// executable, then the build tree). kNotFound naming where it looked and what to do when they
/// are missing: `build` checks this first and skips graph.html with a warning.
Result<std::string> find_html_assets(const std::string& web_dir = {});

/// A GraphWriter for the export registry (export.cpp): "svg", "png", "pdf" or "html" of the
/// whole graph with `opts`, written into `sink` as `main_name` when finish() is called; nullptr
/// for another format. `on_report`, when set, receives what was drawn (and what the cap left
/// out) after a successful render. The registry's rows for `build`'s graph.svg and graph.html:
///   {{"svg", "graph.svg"}, [](Sink& s, const std::string& m, const ExportOptions& o) {
///        return make_render_writer("svg", s, m, {}, o.on_render_report); }},
std::unique_ptr<GraphWriter> make_render_writer(
    std::string_view format, Sink& sink, const std::string& main_name, const RenderOptions& opts = {},
    std::function<void(std::string_view format, const RenderReport&)> on_report = {});

}  // namespace kgmill
