// render_internal.hpp — private: what the SVG/PNG/PDF and HTML renderers share. Selection of
// the drawn subgraph (render_select.cpp), the per-type and per-relation styles, the Graphviz
// layout pass (render_layout.cpp) and small text helpers.
#pragma once
#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/exporters/render.hpp"

struct Agnode_s;

namespace kgmill::render {

// ---- what is drawn -------------------------------------------------------------------------

struct View {
    std::vector<VertexId> nodes;       ///< drawn entities: focus first, then nearest / busiest
    std::vector<std::uint32_t> rels;   ///< drawn relations (indices into g.relations()), ascending
    std::vector<int> hops;             ///< per drawn node: relations from the focus; -1 without one
    std::vector<std::uint32_t> local;  ///< per vertex of g: index into `nodes`, or kNone
    std::optional<VertexId> focus;
    std::size_t candidates = 0;        ///< entities that passed the filters (before the cap)
    std::string title;                 ///< first line of the picture's title
    std::string note;                  ///< what was left out ("showing 150 of 2,340 nodes: ...")
    /// Groups (GroupBy other than kNone): per drawn node its group, per group its label ("" for
    /// the entities that have no group, e.g. no country: drawn without a cluster box).
    std::vector<std::uint32_t> group;
    std::vector<std::string> group_labels;
    static constexpr std::uint32_t kNone = 0xffffffffu;
};

/// Applies focus / hops / type and relation filters / cap / grouping. `default_cap` is used
/// when opts.max_nodes is 0.
Result<View> select_view(const KnowledgeGraph& g, const RenderOptions& opts, std::size_t default_cap);

// ---- styles --------------------------------------------------------------------------------

struct NodeStyle {
    const char* gv_shape;  ///< Graphviz shape
    const char* gv_style;  ///< Graphviz style ("filled" plus extras)
    const char* cy_shape;  ///< Cytoscape.js shape
    const char* border;    ///< "solid" / "dashed" / "double" (Cytoscape border-style)
};
const NodeStyle& node_style(EntityType t);

struct EdgeStyle {
    const char* color;   ///< "#rrggbb"
    const char* dash;    ///< "solid" / "dashed" / "dotted" (Graphviz style and Cytoscape line-style)
    double width;        ///< points
};
const EdgeStyle& edge_style(RelationType t);

std::string hex_color(Rgb c);
/// Black or white, whichever reads better on `fill`.
const char* text_color_on(Rgb fill);
/// Node font size in points from the entity's degree (9 … 20).
double font_size_for_degree(std::size_t degree);
/// The year of a `date` value ("2024-08-28" → "2024", "2024-08-18/2024-08-20" → "2024"); ""
/// when it does not start with four digits.
std::string year_of(std::string_view date);

// ---- text ----------------------------------------------------------------------------------

/// `s` with invalid UTF-8 bytes replaced by U+FFFD and C0 controls (other than tab and line
/// breaks, which become spaces) dropped.
std::string clean_utf8(std::string_view s);
/// Words of `s` on lines of at most about `width` characters (a longer word keeps its line).
std::vector<std::string> wrap_words(std::string_view s, std::size_t width);
/// 2340 → "2,340".
std::string with_commas(std::size_t n);
/// clean_utf8(s) with '&', '<', '>' and '"' as entities: text in HTML and in Graphviz's HTML-like
/// labels.
std::string html_escape(std::string_view s);
/// Graphviz escString: '\' doubled (so \N, \G, \n in names stay literal) and '&' as "&amp;"
/// (Graphviz decodes entities in labels).
std::string gv_escape(std::string_view s);

// ---- layout --------------------------------------------------------------------------------

/// Sets the attributes of one node of the layout graph (label, shape, size...). Called with the
/// Graphviz node and the index into View::nodes.
using NodeAttrs = void (*)(Agnode_s* n, std::size_t i, const void* ctx);

struct Layout {
    std::vector<std::array<double, 2>> pos;   ///< per drawn node: centre, points, y up
    std::vector<std::array<double, 2>> size;  ///< per drawn node: width, height in points
    /// Per group: its box (x0, y0, x1, y1) around its nodes, with room for the label on top.
    std::vector<std::array<double, 4>> group_box;
    std::array<double, 4> bbox{0, 0, 0, 0};   ///< everything drawn (x0, y0, x1, y1)
};

/// Lays the view out with opts.layout: per group when grouped (then the group boxes are packed
/// by Graphviz's rectangle packing, and their drawings moved into them). Node boxes come from
/// `attrs` (Graphviz measures the labels). For parts of up to `exact_limit` nodes, afterwards no
/// two node boxes overlap, nor lie closer than `gap` points (prism, then checked, and the
/// drawing spread if an engine left an overlap); larger parts get the quicker, inexact
/// overlap removal (prism0). Call inside a GraphvizSession.
Result<Layout> layout_view(const KnowledgeGraph& g, const View& view, const RenderOptions& opts,
                           NodeAttrs attrs, const void* ctx, double gap,
                           std::size_t exact_limit = static_cast<std::size_t>(-1));

/// Runs `fn` with the process-wide Graphviz context under a lock (Graphviz 2.42 is neither
/// re-entrant nor safe with a second GVC_t: notes/deps.md). Messages Graphviz reports while
/// `fn` runs are collected into `messages`.
struct GraphvizSession {
    GraphvizSession();
    ~GraphvizSession();
    GraphvizSession(const GraphvizSession&) = delete;
    GraphvizSession& operator=(const GraphvizSession&) = delete;
    void* gvc() const;               ///< GVC_t*
    std::string messages() const;    ///< errors and warnings so far in this session
};

/// Sets a string attribute (declaring it with default "" if needed).
void gv_set(void* obj, const char* name, const std::string& value);

/// True for the engines render accepts.
bool known_engine(std::string_view e);

// ---- the writers -----------------------------------------------------------------------------

/// svg / png / pdf through Graphviz (render_image.cpp).
Status render_image(const KnowledgeGraph& g, const View& view, const RenderOptions& opts,
                    const std::string& format, std::ostream& out);
/// The self-contained HTML page (render_html.cpp).
Status render_html(const KnowledgeGraph& g, const View& view, const RenderOptions& opts,
                   std::ostream& out);

}  // namespace kgmill::render
