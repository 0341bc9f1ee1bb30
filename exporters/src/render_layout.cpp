// The Graphviz side shared by the image and HTML renderers: the one process-wide context,
// message capture, and the layout pass (per group, then the groups placed).
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/pack.h>

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <map>
#include <mutex>

#include "render_internal.hpp"

namespace kgmill::render {

namespace {

std::recursive_mutex& gv_mutex() {
    static std::recursive_mutex m;
    return m;
}

// Graphviz 2.42 allows one GVC_t per process: created once, never freed (notes/deps.md).
GVC_t* context() {
    static GVC_t* gvc = gvContext();
    return gvc;
}

std::string& message_buffer() {
    static std::string buf;
    return buf;
}

int collect_message(char* msg) {
    if (msg) message_buffer() += msg;
    return 0;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::isfinite(v) ? v : 0.0);
    return buf;
}

/// Puts the C library's random generators back where a fresh process starts them. start=42
/// seeds the spring model, but other parts of Graphviz 2.42's layout draw from rand()/drand48()
/// without seeding them: without this, a layout depended on the layouts run before it in the
/// same process (`build` draws graph.svg, then graph.html, whose positions then differed from
/// those of `kgmill export --format html` or `kgmill render`, which draw only the page).
void reset_random_state() {
    std::srand(1);             // C: "as if srand(1)" before the first call
    srand48(0x1234ABCDL);      // POSIX: the initial state 0x1234ABCD330E of the 48-bit generator
}

struct GraphCloser {
    Agraph_t* g;
    bool laid_out = false;
    ~GraphCloser() {
        if (!g) return;
        if (laid_out) gvFreeLayout(context(), g);
        agclose(g);
    }
};

/// Lays out one set of drawn nodes (indices into view.nodes) with `engine`; fills pos (centred
/// on the origin) and size for those nodes.
Status layout_part(const KnowledgeGraph& g, const View& view, const std::vector<std::size_t>& part,
                   const std::string& engine, NodeAttrs attrs, const void* ctx, double gap,
                   std::size_t exact_limit, Layout& out) {
    // Exact overlap removal (prism) of 10,000 nodes takes about 18 s here, prism0 about 3 s on
    // top of sfdp's 4 s. Above `exact_limit` nodes (HTML only) a few boxes may still overlap.
    const bool exact = part.size() <= exact_limit;
    GraphCloser gc{agopen(const_cast<char*>("layout"), Agdirected, nullptr)};
    Agraph_t* lg = gc.g;
    gv_set(lg, "start", "42");  // seeded: the same input gives the same drawing
    if (engine == "dot") {
        gv_set(lg, "rankdir", "LR");
        gv_set(lg, "nodesep", fmt(gap / 72.0));
        gv_set(lg, "ranksep", "0.6");
    } else if (engine == "circo") {
        gv_set(lg, "mindist", fmt(std::max(0.3, gap / 72.0)));
    } else if (exact) {
        gv_set(lg, "overlap", "prism");
        gv_set(lg, "sep", std::string("+") + fmt(gap / 2.0 + 2.0));
    } else {
        // prism0: the same overlap removal without its refinement rounds; a third of the time,
        // and most boxes stand apart (without any, sfdp crowds the leaves of a hub together).
        gv_set(lg, "overlap", "prism0");
        gv_set(lg, "sep", std::string("+") + fmt(gap / 2.0 + 2.0));
    }
    if (engine == "neato") gv_set(lg, "mode", "major");
    std::map<std::size_t, Agnode_t*> nodes;
    for (std::size_t i : part) {
        std::string name = "n";
        name += std::to_string(i);
        Agnode_t* n = agnode(lg, name.data(), 1);
        attrs(n, i, ctx);
        nodes[i] = n;
    }
    // One layout edge per pair (parallel relations and directions merged), in relation order.
    std::map<std::pair<std::size_t, std::size_t>, bool> seen;
    for (std::uint32_t ri : view.rels) {
        const Relation& r = g.relations()[ri];
        std::size_t a = view.local[r.source], b = view.local[r.target];
        auto ia = nodes.find(a), ib = nodes.find(b);
        if (ia == nodes.end() || ib == nodes.end() || a == b) continue;
        if (!seen.emplace(std::minmax(a, b), true).second) continue;
        agedge(lg, ia->second, ib->second, nullptr, 1);
    }
    reset_random_state();
    if (gvLayout(context(), lg, engine.c_str()) != 0)
        return make_error(ErrorCode::kInternal, "render", "",
                          "Graphviz layout (" + engine + ") failed: " + message_buffer());
    gc.laid_out = true;
    const boxf bb = GD_bb(lg);
    const double cx = (bb.LL.x + bb.UR.x) / 2, cy = (bb.LL.y + bb.UR.y) / 2;
    for (auto [i, n] : nodes) {
        out.pos[i] = {ND_coord(n).x - cx, ND_coord(n).y - cy};
        out.size[i] = {ND_width(n) * 72.0, ND_height(n) * 72.0};
    }
    return {};
}

std::array<double, 4> bounds(const Layout& l, const std::vector<std::size_t>& part) {
    std::array<double, 4> b{0, 0, 0, 0};
    bool first = true;
    for (std::size_t i : part) {
        const double x0 = l.pos[i][0] - l.size[i][0] / 2, x1 = l.pos[i][0] + l.size[i][0] / 2;
        const double y0 = l.pos[i][1] - l.size[i][1] / 2, y1 = l.pos[i][1] + l.size[i][1] / 2;
        if (first) b = {x0, y0, x1, y1};
        else b = {std::min(b[0], x0), std::min(b[1], y0), std::max(b[2], x1), std::max(b[3], y1)};
        first = false;
    }
    return b;
}

/// Spreads the drawing uniformly until no two node boxes overlap or come within `gap` (the
/// engines leave none with overlap=prism; this is the guarantee, O(n²), for small drawings).
void ensure_no_overlap(Layout& l, double gap) {
    const std::size_t n = l.pos.size();
    if (n < 2 || n > 3000) return;
    for (int round = 0; round < 4; ++round) {
        double scale = 1.0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                const double dx = std::abs(l.pos[i][0] - l.pos[j][0]);
                const double dy = std::abs(l.pos[i][1] - l.pos[j][1]);
                const double needx = (l.size[i][0] + l.size[j][0]) / 2 + gap;
                const double needy = (l.size[i][1] + l.size[j][1]) / 2 + gap;
                if (dx >= needx || dy >= needy) continue;
                if (dx < 1e-6 && dy < 1e-6) {  // the same point: nudge the later one
                    l.pos[j][0] += needx;
                    continue;
                }
                const double s = std::min(dx > 1e-6 ? needx / dx : 1e300, dy > 1e-6 ? needy / dy : 1e300);
                scale = std::max(scale, s);
            }
        if (scale <= 1.0) return;
        for (auto& p : l.pos) {
            p[0] *= scale;
            p[1] *= scale;
        }
    }
}

}  // namespace

GraphvizSession::GraphvizSession() {
    gv_mutex().lock();
    (void)context();
    message_buffer().clear();
    agseterrf(&collect_message);
    agseterr(AGWARN);
    agreseterrors();
}

GraphvizSession::~GraphvizSession() {
    agseterrf(nullptr);
    gv_mutex().unlock();
}

void* GraphvizSession::gvc() const { return context(); }
std::string GraphvizSession::messages() const { return message_buffer(); }

void gv_set(void* obj, const char* name, const std::string& value) {
    agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

bool known_engine(std::string_view e) {
    return e == "sfdp" || e == "neato" || e == "fdp" || e == "dot" || e == "circo";
}

Result<Layout> layout_view(const KnowledgeGraph& g, const View& view, const RenderOptions& opts,
                           NodeAttrs attrs, const void* ctx, double gap, std::size_t exact_limit) {
    Layout out;
    const std::size_t n = view.nodes.size();
    out.pos.assign(n, {0, 0});
    out.size.assign(n, {0, 0});
    if (n == 0) return out;
    const std::string& engine = opts.layout;

    if (view.group_labels.empty()) {
        std::vector<std::size_t> all(n);
        for (std::size_t i = 0; i < n; ++i) all[i] = i;
        KGMILL_RETURN_IF_ERROR(layout_part(g, view, all, engine, attrs, ctx, gap, exact_limit, out));
        if (n <= exact_limit) ensure_no_overlap(out, gap);
        out.bbox = bounds(out, all);
        return out;
    }

    // Per group: its own layout, centred on the origin.
    const std::size_t k = view.group_labels.size();
    std::vector<std::vector<std::size_t>> parts(k);
    for (std::size_t i = 0; i < n; ++i) parts[view.group[i]].push_back(i);
    std::vector<std::array<double, 4>> boxes(k);
    const double pad = 12.0, label_h = 22.0;
    for (std::size_t gi = 0; gi < k; ++gi) {
        KGMILL_RETURN_IF_ERROR(layout_part(g, view, parts[gi], engine, attrs, ctx, gap, exact_limit, out));
        Layout sub;  // overlap check within the group
        for (std::size_t i : parts[gi]) {
            sub.pos.push_back(out.pos[i]);
            sub.size.push_back(out.size[i]);
        }
        if (parts[gi].size() <= exact_limit) ensure_no_overlap(sub, gap);
        for (std::size_t j = 0; j < parts[gi].size(); ++j) out.pos[parts[gi][j]] = sub.pos[j];
        boxes[gi] = bounds(out, parts[gi]);
    }

    // The group boxes packed tightly (Graphviz's polyomino packing of rectangles, the one
    // neato uses for components), larger groups first. A force layout of the group boxes
    // spreads them far apart once they are big; packing keeps the picture compact.
    std::vector<boxf> bbs(k);
    for (std::size_t gi = 0; gi < k; ++gi) {
        bbs[gi].LL.x = boxes[gi][0] - pad;
        bbs[gi].LL.y = boxes[gi][1] - pad;
        bbs[gi].UR.x = boxes[gi][2] + pad;
        bbs[gi].UR.y = boxes[gi][3] + pad + label_h;
    }
    pack_info pinfo{};
    pinfo.mode = l_graph;
    pinfo.margin = static_cast<unsigned int>(gap + 8.0);
    point* shift = putRects(static_cast<int>(k), bbs.data(), &pinfo);
    if (!shift)
        return make_error(ErrorCode::kInternal, "render", "",
                          "Graphviz could not pack the groups: " + message_buffer());
    out.group_box.resize(k);
    for (std::size_t gi = 0; gi < k; ++gi) {
        const double dx = shift[gi].x, dy = shift[gi].y;
        for (std::size_t i : parts[gi]) {
            out.pos[i][0] += dx;
            out.pos[i][1] += dy;
        }
        out.group_box[gi] = {bbs[gi].LL.x + dx, bbs[gi].LL.y + dy, bbs[gi].UR.x + dx, bbs[gi].UR.y + dy};
    }
    std::free(shift);
    std::vector<std::size_t> all(n);
    for (std::size_t i = 0; i < n; ++i) all[i] = i;
    out.bbox = bounds(out, all);
    for (const auto& b : out.group_box)
        out.bbox = {std::min(out.bbox[0], b[0]), std::min(out.bbox[1], b[1]),
                    std::max(out.bbox[2], b[2]), std::max(out.bbox[3], b[3])};
    return out;
}

}  // namespace kgmill::render
