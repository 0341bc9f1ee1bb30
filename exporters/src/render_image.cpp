// SVG / PNG / PDF diagrams through libgvc + libcgraph.
//
// Two Graphviz passes:
//   1. layout (render_layout.cpp): nodes with their real labels, so Graphviz measures the text
//      with the same font the picture uses (DejaVu Sans through pango); overlap removal
//      (prism) with a margin around every node box. A node's label sits inside its box, so no
//      two node labels can overlap.
//   2. drawing: every node pinned where pass 1 put it (neato with pos="x,y!"), edges routed
//      as splines around the nodes, the years as external edge labels (xlabel, which Graphviz
//      places away from nodes and other labels), the group clusters, and a legend cluster
//      pinned to the right of the drawing. The title says what is shown and what was left out.
// In the SVG, entity nodes are <g id="kg-ENTITY_ID" class="node entity TYPE">, relations
// <g class="edge relation TYPE">, the legend <g id="legend" class="cluster">.
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <set>

#include "render_internal.hpp"

namespace kgmill::render {

namespace {

constexpr const char* kFont = "DejaVu Sans";
constexpr double kGap = 14.0;  // points between node boxes

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::isfinite(v) ? v : 0.0);
    return buf;
}

struct Ctx {
    const KnowledgeGraph* g;
    const View* view;
};

std::string node_label(const Entity& e) {
    std::string label;
    for (const std::string& line : wrap_words(clean_utf8(e.name), 22)) {
        if (!label.empty()) label += "\\n";
        label += gv_escape(line);
    }
    return label;
}

/// The attributes that decide a node's size: the same in both passes.
void set_node_shape(Agnode_t* n, const KnowledgeGraph& g, VertexId v, bool focus) {
    const Entity& e = g.entities()[v];
    const NodeStyle& st = node_style(e.type);
    gv_set(n, "label", node_label(e));
    gv_set(n, "fontname", kFont);
    gv_set(n, "fontsize", fmt(font_size_for_degree(g.degree(v)) + (focus ? 2 : 0)));
    gv_set(n, "shape", st.gv_shape);
    gv_set(n, "margin", "0.08,0.04");
    gv_set(n, "penwidth", focus ? "3" : "1");
}

void layout_attrs(Agnode_s* n, std::size_t i, const void* p) {
    const auto* c = static_cast<const Ctx*>(p);
    set_node_shape(n, *c->g, c->view->nodes[i], c->view->hops[i] == 0);
}

void set_html(void* obj, int kind, Agraph_t* root, const char* name, const std::string& html) {
    Agsym_t* sym = agattr(root, kind, const_cast<char*>(name), const_cast<char*>(""));
    char* h = agstrdup_html(root, const_cast<char*>(html.c_str()));
    agxset(obj, sym, h);
    agstrfree(root, h);
}

std::string tooltip_of(const Entity& e, std::size_t degree) {
    std::string t = clean_utf8(e.name) + " (" + std::string(entity_type_name(e.type));
    if (!e.country.empty()) t += ", " + e.country;
    t += ")";
    if (!e.aliases.empty()) {
        t += " also: ";
        for (std::size_t i = 0; i < e.aliases.size(); ++i) {
            if (i) t += "; ";
            t += clean_utf8(e.aliases[i]);
        }
    }
    t += std::string(" - ") + std::to_string(degree) + (degree == 1 ? " relation" : " relations");
    return gv_escape(t);
}

std::string edge_tooltip(const KnowledgeGraph& g, const Relation& r) {
    std::string t = clean_utf8(g.entities()[r.source].name) + " " +
                    std::string(relation_type_name(r.type)) + " " +
                    clean_utf8(g.entities()[r.target].name);
    if (const std::string& d = r.property("date"); !d.empty()) t += " (" + clean_utf8(d) + ")";
    if (!r.evidence.empty()) {
        std::string s = clean_utf8(r.evidence[0].sentence);
        if (s.size() > 300) {
            std::size_t cut = 300;
            while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80) --cut;
            s = s.substr(0, cut) + "…";
        }
        t += ": \"" + s + "\" [" + clean_utf8(r.evidence[0].doc) + "]";
    }
    return gv_escape(t);
}

double text_width(std::string_view s, double font) {
    std::size_t chars = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++chars;
    return static_cast<double>(chars) * font * 0.68 + 6.0;
}

/// A pinned invisible node: it stretches the cluster it belongs to.
Agnode_t* invisible_point(Agraph_t* parent, const std::string& name, double x, double y) {
    Agnode_t* n = agnode(parent, const_cast<char*>(name.c_str()), 1);
    gv_set(n, "shape", "point");
    gv_set(n, "style", "invis");
    gv_set(n, "width", "0.01");
    gv_set(n, "label", "");
    gv_set(n, "pos", fmt(x) + std::string(",") + fmt(y) + "!");
    return n;
}

/// The legend cluster, pinned with its top-left corner at (x0, y0).
void add_legend(Agraph_t* rg, const KnowledgeGraph& g, const View& view, double x0, double y0) {
    Agraph_t* lg = agsubg(rg, const_cast<char*>("cluster_legend"), 1);
    gv_set(lg, "id", "legend");
    gv_set(lg, "class", "legend");
    gv_set(lg, "label", "Legend");
    gv_set(lg, "labeljust", "l");
    gv_set(lg, "fontname", kFont);
    gv_set(lg, "fontsize", "12");
    gv_set(lg, "style", "rounded");
    gv_set(lg, "color", "#999999");
    gv_set(lg, "margin", "10");

    std::set<EntityType> types;
    for (VertexId v : view.nodes) types.insert(g.entities()[v].type);
    std::set<RelationType> rels;
    for (std::uint32_t ri : view.rels) rels.insert(g.relations()[ri].type);

    const double row = 24.0, font = 10.0;
    double y = y0 - 30.0;
    int k = 0;
    invisible_point(lg, "legend_top", x0, y0);  // room for the cluster's label above the rows
    auto text_node = [&](const std::string& text, double x, double yy, double fs) {
        std::string name = std::string("legend_t") + std::to_string(k++);
        Agnode_t* t = agnode(lg, name.data(), 1);
        const double w = text_width(text, fs);
        gv_set(t, "shape", "plaintext");
        gv_set(t, "class", "legend");
        gv_set(t, "label", gv_escape(text) + "\\l");
        gv_set(t, "fontname", kFont);
        gv_set(t, "fontsize", fmt(fs));
        gv_set(t, "fixedsize", "true");
        gv_set(t, "width", fmt(w / 72.0));
        gv_set(t, "height", fmt((fs + 6) / 72.0));
        gv_set(t, "margin", "0");
        gv_set(t, "pos", fmt(x + w / 2) + std::string(",") + fmt(yy) + "!");
    };
    for (EntityType t : types) {
        std::string name = "legend_" + std::string(entity_type_name(t));
        Agnode_t* n = agnode(lg, name.data(), 1);
        const NodeStyle& st = node_style(t);
        gv_set(n, "shape", st.gv_shape);
        gv_set(n, "style", st.gv_style);
        gv_set(n, "fillcolor", hex_color(entity_type_color(t)));
        gv_set(n, "color", "#333333");
        gv_set(n, "label", "");
        gv_set(n, "class", "legend");
        gv_set(n, "fixedsize", "true");
        gv_set(n, "width", "0.42");
        gv_set(n, "height", "0.24");
        gv_set(n, "pos", fmt(x0 + 16) + std::string(",") + fmt(y) + "!");
        gv_set(n, "tooltip", std::string(entity_type_name(t)));
        text_node(std::string(entity_type_name(t)), x0 + 40, y, font);
        y -= row;
    }
    if (!rels.empty()) y -= 6;
    for (RelationType t : rels) {
        const EdgeStyle& es = edge_style(t);
        std::string a = std::string("legend_a") + std::to_string(k), b = std::string("legend_b") + std::to_string(k);
        ++k;
        Agnode_t* na = invisible_point(lg, a, x0 + 1, y);
        Agnode_t* nb = invisible_point(lg, b, x0 + 31, y);
        Agedge_t* e = agedge(rg, na, nb, nullptr, 1);
        gv_set(e, "color", es.color);
        gv_set(e, "style", es.dash);
        gv_set(e, "penwidth", fmt(es.width));
        gv_set(e, "class", "legend");
        gv_set(e, "arrowsize", "0.6");
        gv_set(e, "dir", is_symmetric(t) ? "none" : "forward");
        text_node(std::string(relation_type_name(t)), x0 + 40, y, 9.0);
        y -= row * 0.85;
    }
    y -= 4;
    text_node("size: number of relations", x0, y, 9.0);
    y -= row * 0.7;
    text_node("edge label: year", x0, y, 9.0);
}

struct Box {
    double x0, y0, x1, y1;
    bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

Box label_box(const textlabel_t* l) {
    return {l->pos.x - l->dimen.x / 2, l->pos.y - l->dimen.y / 2, l->pos.x + l->dimen.x / 2,
            l->pos.y + l->dimen.y / 2};
}

/// Moves each year label to the first place along its edge (middle first, then outwards, on
/// either side of the line) where it covers no node, no title or cluster label and no other year.
/// Graphviz 2.42 places external labels with forcelabels=true even over nodes. When no place is
/// free (an edge between two close nodes) the year is left out; the edge's tooltip has the date.
void place_year_labels(Agraph_t* rg, const std::vector<Agedge_t*>& labelled) {
    std::vector<Box> taken;
    for (Agnode_t* n = agfstnode(rg); n; n = agnxtnode(rg, n)) {
        const double w = ND_width(n) * 36.0 + 1, h = ND_height(n) * 36.0 + 1;
        taken.push_back({ND_coord(n).x - w, ND_coord(n).y - h, ND_coord(n).x + w, ND_coord(n).y + h});
    }
    if (GD_label(rg)) taken.push_back(label_box(GD_label(rg)));
    for (int c = 1; c <= GD_n_cluster(rg); ++c) {
        Agraph_t* cl = GD_clust(rg)[c];
        if (GD_label(cl)) taken.push_back(label_box(GD_label(cl)));
        if (std::string(agnameof(cl)) == "cluster_legend")
            taken.push_back({GD_bb(cl).LL.x, GD_bb(cl).LL.y, GD_bb(cl).UR.x, GD_bb(cl).UR.y});
    }
    auto is_free = [&](const Box& b) {
        for (const Box& t : taken)
            if (b.overlaps(t)) return false;
        return true;
    };
    for (Agedge_t* e : labelled) {
        textlabel_t* xl = ED_xlabel(e);
        const splines* spl = ED_spl(e);
        if (!xl || !spl || spl->size == 0 || spl->list[0].size < 2) continue;
        const bezier& bz = spl->list[0];
        // The control polygon, by length (close enough to the curve for placing a label).
        std::vector<double> acc{0.0};
        for (int k = 1; k < bz.size; ++k)
            acc.push_back(acc.back() + std::hypot(bz.list[k].x - bz.list[k - 1].x, bz.list[k].y - bz.list[k - 1].y));
        const double len = acc.back();
        if (len <= 0) continue;
        const double w = xl->dimen.x + 2, h = xl->dimen.y + 1;
        bool placed = false;
        static const double kAlong[] = {0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25,
                                        0.75, 0.2, 0.8, 0.15, 0.85, 0.1, 0.9};
        for (double t : kAlong) {
            const double at = t * len;
            int k = 1;
            while (k < bz.size - 1 && acc[k] < at) ++k;
            const pointf a = bz.list[k - 1], b = bz.list[k];
            const double seg = std::max(1e-9, acc[k] - acc[k - 1]), f = (at - acc[k - 1]) / seg;
            const double px = a.x + (b.x - a.x) * f, py = a.y + (b.y - a.y) * f;
            const double tx = (b.x - a.x) / seg, ty = (b.y - a.y) / seg;  // unit tangent
            const double nx = -ty, ny = tx;                                // unit normal
            const double off = 0.5 * std::abs(nx) * w + 0.5 * std::abs(ny) * h + 1.5;
            for (double side : {1.0, -1.0, 2.2, -2.2}) {
                const double cx = px + side * nx * off, cy = py + side * ny * off;
                const Box box{cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
                if (!is_free(box)) continue;
                xl->pos = {cx, cy};
                xl->set = TRUE;
                taken.push_back(box);
                placed = true;
                break;
            }
            if (placed) break;
        }
        if (!placed) xl->set = FALSE;  // no room (an edge shorter than its label): not drawn
    }
}

}  // namespace

/// Draws the view with Graphviz into `out` as svg, png or pdf.
Status render_image(const KnowledgeGraph& g, const View& view, const RenderOptions& opts,
                    const std::string& format, std::ostream& os) {
    GraphvizSession session;
    Ctx ctx{&g, &view};
    auto laid = layout_view(g, view, opts, &layout_attrs, &ctx, kGap);
    if (!laid) return laid.error();
    const Layout& L = laid.value();

    auto* gvc = static_cast<GVC_t*>(session.gvc());
    struct Closer {
        GVC_t* gvc;
        Agraph_t* g;
        bool laid_out = false;
        ~Closer() {
            if (laid_out) gvFreeLayout(gvc, g);
            agclose(g);
        }
    } rc{gvc, agopen(const_cast<char*>("kgmill"), Agdirected, nullptr)};
    Agraph_t* rg = rc.g;
    gv_set(rg, "inputscale", "72");
    gv_set(rg, "overlap", "true");
    gv_set(rg, "splines", view.rels.size() > 3000 ? "line" : "true");
    gv_set(rg, "outputorder", "edgesfirst");
    gv_set(rg, "forcelabels", "true");
    gv_set(rg, "fontname", kFont);
    gv_set(rg, "labelloc", "t");
    gv_set(rg, "labeljust", "l");
    gv_set(rg, "pad", "0.3");
    gv_set(rg, "bgcolor", "white");
    gv_set(rg, "esep", "+3");
    gv_set(rg, "id", "kgmill");
    gv_set(rg, "class", "kgmill");
    {
        std::string title = "<FONT POINT-SIZE=\"18\">" + html_escape(view.title) + "</FONT>";
        if (!view.note.empty())
            title += "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"12\" COLOR=\"#555555\">" + html_escape(view.note) +
                     "</FONT>";
        title += "<BR ALIGN=\"LEFT\"/>";
        set_html(rg, AGRAPH, rg, "label", title);
    }

    // Group clusters.
    std::vector<Agraph_t*> clusters(view.group_labels.size(), nullptr);
    for (std::size_t gi = 0; gi < view.group_labels.size(); ++gi) {
        if (view.group_labels[gi].empty()) continue;
        std::string name = std::string("cluster_g") + std::to_string(gi);
        Agraph_t* c = agsubg(rg, name.data(), 1);
        gv_set(c, "label", gv_escape(clean_utf8(view.group_labels[gi])));
        gv_set(c, "class", "group");
        gv_set(c, "fontname", kFont);
        gv_set(c, "fontsize", "13");
        gv_set(c, "style", "rounded,filled");
        gv_set(c, "fillcolor", "#f4f4f4");
        gv_set(c, "color", "#bbbbbb");
        gv_set(c, "margin", "10");
        // Corners of the group's box (with the label band on top), inset by the margin.
        const auto& b = L.group_box[gi];
        invisible_point(c, std::string("group_") + std::to_string(gi) + "_ll", b[0] + 10, b[1] + 10);
        invisible_point(c, std::string("group_") + std::to_string(gi) + "_ur", b[2] - 10, b[3] - 10);
        clusters[gi] = c;
    }

    std::vector<Agnode_t*> nodes(view.nodes.size());
    for (std::size_t i = 0; i < view.nodes.size(); ++i) {
        const VertexId v = view.nodes[i];
        const Entity& e = g.entities()[v];
        Agraph_t* parent = rg;
        if (!view.group.empty() && clusters[view.group[i]]) parent = clusters[view.group[i]];
        std::string name = clean_utf8(e.id);
        Agnode_t* n = agnode(parent, name.data(), 1);
        if (parent != rg) agsubnode(rg, n, 1);
        const bool focus = view.hops[i] == 0;
        set_node_shape(n, g, v, focus);
        const Rgb fill = entity_type_color(e.type);
        gv_set(n, "style", node_style(e.type).gv_style);
        gv_set(n, "fillcolor", hex_color(fill));
        gv_set(n, "fontcolor", text_color_on(fill));
        gv_set(n, "color", focus ? "#000000" : "#333333");
        gv_set(n, "id", "kg-" + name);
        gv_set(n, "class", "entity " + std::string(entity_type_name(e.type)) + (focus ? " focus" : ""));
        gv_set(n, "tooltip", tooltip_of(e, g.degree(v)));
        gv_set(n, "pos", fmt(L.pos[i][0]) + std::string(",") + fmt(L.pos[i][1]) + "!");
        nodes[i] = n;
    }
    std::vector<Agedge_t*> with_year;
    for (std::uint32_t ri : view.rels) {
        const Relation& r = g.relations()[ri];
        Agnode_t* t = nodes[view.local[r.source]];
        Agnode_t* h = nodes[view.local[r.target]];
        Agedge_t* e = agedge(rg, t, h, nullptr, 1);
        const EdgeStyle& es = edge_style(r.type);
        const double w = es.width * (1.0 + 0.35 * std::log2(static_cast<double>(std::max<std::size_t>(1, r.weight()))));
        gv_set(e, "color", es.color);
        gv_set(e, "style", es.dash);
        gv_set(e, "penwidth", fmt(std::min(w, 6.0)));
        gv_set(e, "arrowsize", "0.6");
        gv_set(e, "dir", r.symmetric() ? "none" : "forward");
        gv_set(e, "class", "relation " + std::string(relation_type_name(r.type)));
        gv_set(e, "id", std::string("kg-r") + std::to_string(ri));
        gv_set(e, "tooltip", edge_tooltip(g, r));
        if (std::string y = year_of(r.property("date")); !y.empty()) {
            gv_set(e, "xlabel", y);
            gv_set(e, "fontname", kFont);
            gv_set(e, "fontsize", "8");
            gv_set(e, "fontcolor", "#444444");
            with_year.push_back(e);
        }
    }
    add_legend(rg, g, view, L.bbox[2] + 50.0, L.bbox[3]);

    if (gvLayout(gvc, rg, "neato") != 0)
        return make_error(ErrorCode::kInternal, "render", "", "Graphviz drawing failed: " + session.messages());
    rc.laid_out = true;
    place_year_labels(rg, with_year);
    char* data = nullptr;
    unsigned int len = 0;
    if (gvRenderData(gvc, rg, format.c_str(), &data, &len) != 0 || !data)
        return make_error(ErrorCode::kInternal, "render", "",
                          "Graphviz could not write " + format + ": " + session.messages());
    os.write(data, len);
    gvFreeRenderData(data);
    if (!os) return make_error(ErrorCode::kIo, "render", "", "write failed");
    return {};
}

}  // namespace kgmill::render
