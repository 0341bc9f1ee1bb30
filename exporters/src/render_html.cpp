// The interactive HTML page: one self-contained file that works offline.
//
//   <style> viewer.css </style>
//   <script type="application/json" id="kg-data"> the drawn graph </script>
//   <script> cytoscape.min.js </script>   (the pinned npm package, web/package.json)
//   <script> viewer.js </script>          (search, filters, legend, details: web/viewer.js)
//
// Positions are computed here with Graphviz (the chosen engine, overlap removal around each
// node and its label) and drawn by Cytoscape.js with the preset layout, so the browser does no
// layout work: a 10,000-node graph opens in about a second. The JSON escapes '<', '>' and '&'
// as \u003c etc., so no string in the data can end the <script> element; the page's CSP
// forbids every network request.
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <unordered_map>

#include "kgmill/core/unicode.hpp"
#include "render_internal.hpp"

#ifndef KGMILL_WEB_DIR
#define KGMILL_WEB_DIR ""
#endif

namespace kgmill {

namespace render {
constexpr const char* kAssets[] = {"cytoscape.min.js", "viewer.js", "viewer.css"};
}

Result<std::string> find_html_assets(const std::string& explicit_dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> cands;
    const char* env = std::getenv("KGMILL_WEB_DIR");
    if (!explicit_dir.empty()) {
        cands.emplace_back(explicit_dir);
    } else if (env && *env) {
        cands.emplace_back(env);
    } else {
        std::error_code ec;
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        if (!ec) {
            cands.push_back(exe.parent_path() / "web");
            cands.push_back(exe.parent_path() / ".." / "share" / "kgmill" / "web");
        }
        if (*KGMILL_WEB_DIR) cands.emplace_back(KGMILL_WEB_DIR);
    }
    std::string looked;
    for (const fs::path& d : cands) {
        std::error_code ec;
        bool all = true;
        for (const char* a : render::kAssets) all = all && fs::is_regular_file(d / a, ec);
        if (all) return d.lexically_normal().string();
        if (!looked.empty()) looked += ", ";
        looked += d.lexically_normal().string();
    }
    return make_error(ErrorCode::kNotFound, "render", "",
                      "the HTML viewer's files (cytoscape.min.js, viewer.js, viewer.css) are missing; "
                      "looked in: " + (looked.empty() ? std::string("(nowhere)") : looked) +
                      ". Run scripts/setup.sh (npm ci in web/) and rebuild, or set KGMILL_WEB_DIR");
}

}  // namespace kgmill

namespace kgmill::render {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxEvidence = 20;  // evidence items per relation in the page
/// Up to this many nodes the page's layout has no overlapping node boxes (prism); beyond, a
/// quicker overlap removal leaves a few (render_layout.cpp).
constexpr std::size_t kExactOverlapLimit = 2000;

Result<std::string> slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return make_error(ErrorCode::kIo, "render", p.string(), "cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Text inside a <script> or <style> element: "</script" / "</style" (any case) cannot end it
/// early ("<\/" means the same inside JS strings and regular expressions).
std::string raw_text_safe(std::string s) {
    for (std::size_t pos = 0; (pos = s.find("</", pos)) != std::string::npos; pos += 2) {
        std::string next = s.substr(pos + 2, 6);
        for (char& c : next) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (next == "script" || next.rfind("style", 0) == 0) s.replace(pos, 2, "<\\/");
    }
    return s;
}

/// JSON writer for the page's data.
class Json {
public:
    explicit Json(std::string& out) : o_(out) {}
    void str(std::string_view s) {
        const std::string c = clean_utf8(s);
        o_ += '"';
        for (std::size_t i = 0; i < c.size(); ++i) {
            const char ch = c[i];
            switch (ch) {
                case '"': o_ += "\\\""; break;
                case '\\': o_ += "\\\\"; break;
                case '<': o_ += "\\u003c"; break;
                case '>': o_ += "\\u003e"; break;
                case '&': o_ += "\\u0026"; break;
                default:
                    // U+2028 / U+2029 (E2 80 A8/A9): line terminators in older JS.
                    if (static_cast<unsigned char>(ch) == 0xe2 && i + 2 < c.size() &&
                        static_cast<unsigned char>(c[i + 1]) == 0x80 &&
                        (static_cast<unsigned char>(c[i + 2]) & 0xfe) == 0xa8) {
                        o_ += c[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
                        i += 2;
                    } else {
                        o_ += ch;
                    }
            }
        }
        o_ += '"';
    }
    void num(double v, int digits = 1) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.*f", digits, std::isfinite(v) ? v : 0.0);
        std::string s = buf;
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
        }
        if (s == "-0") s = "0";
        o_ += s;
    }
    void integer(std::size_t v) { o_ += std::to_string(v); }
    void key(std::string_view k) {
        str(k);
        o_ += ':';
    }
    void raw(std::string_view s) { o_ += s; }

private:
    std::string& o_;
};

struct HtmlCtx {
    const KnowledgeGraph* g;
    const View* view;
    std::vector<double> diameter;  // per drawn node, px
};

std::size_t char_count(std::string_view s) {
    std::size_t k = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++k;
    return k;
}

/// Size class of a node from its degree, 0..8 (log2 of 1 + degree). The page styles nodes by
/// class rather than per node: Cytoscape then shares one computed style among all the nodes of
/// a type and size, which makes a 10,000-node page draw several times faster.
int size_class(std::size_t degree) {
    return static_cast<int>(std::min(8.0, std::round(std::log2(1.0 + static_cast<double>(degree)))));
}
/// Circle diameter and label font size (px) of a size class: larger for busier nodes, as in the
/// SVG, so the hubs stay legible when the whole graph is in view. viewer.js uses the same.
double diameter_px(int size) { return 12.0 + 6.0 * size; }
double label_px(int size) { return 10.0 + 1.25 * size; }

/// Layout box of a node: the circle plus its label underneath (wrapped at about 16 characters,
/// at most 3 lines).
void html_layout_attrs(Agnode_s* n, std::size_t i, const void* p) {
    const auto* c = static_cast<const HtmlCtx*>(p);
    const VertexId v = c->view->nodes[i];
    const Entity& e = c->g->entities()[v];
    const double d = c->diameter[i];
    const double fs = label_px(size_class(c->g->degree(v)));
    const double text = static_cast<double>(char_count(e.name)) * fs * 0.6;
    const double wrap = fs * 10;
    const double lines = std::min(3.0, std::max(1.0, std::ceil(text / wrap)));
    const double w = std::max(d, std::min(text, wrap));
    const double h = d + 3 + fs * 1.25 * lines;
    char buf[32];
    gv_set(n, "shape", "box");
    gv_set(n, "fixedsize", "true");
    gv_set(n, "label", "");
    std::snprintf(buf, sizeof buf, "%.3f", w / 72.0);
    gv_set(n, "width", buf);
    std::snprintf(buf, sizeof buf, "%.3f", h / 72.0);
    gv_set(n, "height", buf);
}

}  // namespace

Status render_html(const KnowledgeGraph& g, const View& view, const RenderOptions& opts,
                   std::ostream& out) {
    auto dir = find_html_assets(opts.web_dir);
    if (!dir) return dir.error();
    std::string assets[3];
    for (int i = 0; i < 3; ++i) {
        auto text = slurp(fs::path(dir.value()) / kAssets[i]);
        if (!text) return text.error();
        assets[i] = raw_text_safe(std::move(text.value()));
    }

    const std::size_t n = view.nodes.size();
    HtmlCtx ctx{&g, &view, {}};
    for (VertexId v : view.nodes)
        ctx.diameter.push_back(diameter_px(size_class(g.degree(v))));
    Layout L;
    {
        GraphvizSession session;
        auto laid = layout_view(g, view, opts, &html_layout_attrs, &ctx, 6.0, kExactOverlapLimit);
        if (!laid) return laid.error();
        L = std::move(laid.value());
    }
    // The box centre is below the circle's centre by half the label height.
    auto circle_y = [&](std::size_t i) { return -(L.pos[i][1] + L.size[i][1] / 2 - ctx.diameter[i] / 2); };

    // Types and relation types present, in the ontology's order.
    std::vector<int> type_index(kEntityTypeCount, -1), rel_index(kRelationTypeCount, -1);
    std::vector<std::size_t> type_count(kEntityTypeCount, 0), rel_count(kRelationTypeCount, 0);
    for (VertexId v : view.nodes) ++type_count[static_cast<int>(g.entities()[v].type)];
    for (std::uint32_t ri : view.rels) ++rel_count[static_cast<int>(g.relations()[ri].type)];

    std::string data;
    data.reserve(256 + n * 200 + view.rels.size() * 300);
    Json j(data);
    j.raw("{");
    j.key("version"); j.integer(1);
    j.raw(","); j.key("title"); j.str(view.title);
    j.raw(","); j.key("note"); j.str(view.note);
    j.raw(","); j.key("graph");
    j.raw("{"); j.key("nodes"); j.integer(g.vertex_count());
    j.raw(","); j.key("edges"); j.integer(g.edge_count()); j.raw("}");
    if (view.focus) {
        j.raw(","); j.key("focus"); j.integer(view.local[*view.focus]);
    }
    j.raw(","); j.key("types"); j.raw("[");
    int k = 0;
    for (int t = 0; t < kEntityTypeCount; ++t) {
        if (!type_count[t]) continue;
        const auto et = static_cast<EntityType>(t);
        const NodeStyle& st = node_style(et);
        const Rgb c = entity_type_color(et);
        if (k) j.raw(",");
        type_index[t] = k++;
        j.raw("{"); j.key("name"); j.str(entity_type_name(et));
        j.raw(","); j.key("color"); j.str(hex_color(c));
        j.raw(","); j.key("shape"); j.str(st.cy_shape);
        j.raw(","); j.key("border"); j.str(st.border);
        j.raw(","); j.key("count"); j.integer(type_count[t]);
        j.raw("}");
    }
    j.raw("],"); j.key("relations"); j.raw("[");
    k = 0;
    for (int t = 0; t < kRelationTypeCount; ++t) {
        if (!rel_count[t]) continue;
        const auto rt = static_cast<RelationType>(t);
        const EdgeStyle& es = edge_style(rt);
        if (k) j.raw(",");
        rel_index[t] = k++;
        j.raw("{"); j.key("name"); j.str(relation_type_name(rt));
        j.raw(","); j.key("color"); j.str(es.color);
        j.raw(","); j.key("dash"); j.str(es.dash);
        j.raw(","); j.key("width"); j.num(es.width);
        j.raw(","); j.key("count"); j.integer(rel_count[t]);
        j.raw("}");
    }
    j.raw("],"); j.key("groups"); j.raw("[");
    for (std::size_t gi = 0; gi < view.group_labels.size(); ++gi) {
        if (gi) j.raw(",");
        j.str(view.group_labels[gi]);
    }
    j.raw("],"); j.key("nodes"); j.raw("[");
    for (std::size_t i = 0; i < n; ++i) {
        const VertexId v = view.nodes[i];
        const Entity& e = g.entities()[v];
        if (i) j.raw(",");
        j.raw("{"); j.key("id"); j.str(e.id);
        j.raw(","); j.key("name"); j.str(e.name);
        j.raw(","); j.key("t"); j.integer(static_cast<std::size_t>(type_index[static_cast<int>(e.type)]));
        if (!e.aliases.empty()) {
            j.raw(","); j.key("a"); j.raw("[");
            for (std::size_t a = 0; a < e.aliases.size(); ++a) {
                if (a) j.raw(",");
                j.str(e.aliases[a]);
            }
            j.raw("]");
        }
        if (!e.country.empty()) {
            j.raw(","); j.key("c"); j.str(e.country);
        }
        // Search keys (ONTOLOGY.md's matching: case, diacritics and punctuation ignored).
        j.raw(","); j.key("k"); j.raw("[");
        j.str(match_key(e.name));
        for (const std::string& a : e.aliases) {
            j.raw(",");
            j.str(match_key(a));
        }
        j.raw("]");
        j.raw(","); j.key("x"); j.num(L.pos[i][0]);
        j.raw(","); j.key("y"); j.num(circle_y(i));
        j.raw(","); j.key("b"); j.integer(static_cast<std::size_t>(size_class(g.degree(v))));
        j.raw(","); j.key("d"); j.integer(g.degree(v));
        if (!view.group.empty()) {
            j.raw(","); j.key("g"); j.integer(view.group[i]);
        }
        j.raw("}");
    }
    // Documents and sentences once each; evidence refers to them by index.
    std::unordered_map<std::string, std::size_t> doc_ix, sent_ix;
    std::vector<const std::string*> docs, sents;
    auto intern = [](std::unordered_map<std::string, std::size_t>& ix, std::vector<const std::string*>& list,
                     const std::string& s) {
        auto [it, fresh] = ix.emplace(s, list.size());
        if (fresh) list.push_back(&it->first);
        return it->second;
    };
    j.raw("],"); j.key("edges"); j.raw("[");
    bool first = true;
    for (std::uint32_t ri : view.rels) {
        const Relation& r = g.relations()[ri];
        if (!first) j.raw(",");
        first = false;
        j.raw("{"); j.key("s"); j.integer(view.local[r.source]);
        j.raw(","); j.key("t"); j.integer(view.local[r.target]);
        j.raw(","); j.key("r"); j.integer(static_cast<std::size_t>(rel_index[static_cast<int>(r.type)]));
        if (r.symmetric()) { j.raw(","); j.key("sym"); j.integer(1); }
        j.raw(","); j.key("w"); j.integer(r.weight());
        if (std::string y = year_of(r.property("date")); !y.empty()) {
            j.raw(","); j.key("y"); j.str(y);
        }
        if (!r.properties.empty()) {
            j.raw(","); j.key("p"); j.raw("{");
            for (std::size_t p = 0; p < r.properties.size(); ++p) {
                if (p) j.raw(",");
                j.key(clean_utf8(r.properties[p].first));
                j.str(r.properties[p].second);
            }
            j.raw("}");
        }
        j.raw(","); j.key("ev"); j.raw("[");
        for (std::size_t ei = 0; ei < r.evidence.size() && ei < kMaxEvidence; ++ei) {
            const Provenance& pv = r.evidence[ei];
            if (ei) j.raw(",");
            j.raw("[");
            j.integer(intern(doc_ix, docs, pv.doc));
            j.raw(",");
            j.integer(intern(sent_ix, sents, pv.sentence));
            j.raw(",");
            j.num(pv.confidence, 2);
            j.raw(",");
            j.str(pv.extractor);
            j.raw("]");
        }
        j.raw("]");
        if (r.evidence.size() > kMaxEvidence) {
            j.raw(","); j.key("more"); j.integer(r.evidence.size() - kMaxEvidence);
        }
        j.raw("}");
    }
    j.raw("],"); j.key("docs"); j.raw("[");
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (i) j.raw(",");
        j.str(*docs[i]);
    }
    j.raw("],"); j.key("sentences"); j.raw("[");
    for (std::size_t i = 0; i < sents.size(); ++i) {
        if (i) j.raw(",");
        j.str(*sents[i]);
    }
    j.raw("]}");

    std::string title = view.title;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:\">\n"
           "<meta name=\"generator\" content=\"kgmill render\">\n"
           "<title>" << html_escape(title) << "</title>\n<style>\n" << assets[2]
        << "</style>\n</head>\n<body>\n"
           "<div id=\"app\">\n"
           "<aside id=\"side\">\n"
           "<header><h1 id=\"title\"></h1><p id=\"note\"></p><p id=\"count\"></p></header>\n"
           "<div id=\"searchbox\"><input id=\"search\" type=\"search\" placeholder=\"Search names and "
           "aliases (Enter selects)\" autocomplete=\"off\" spellcheck=\"false\" aria-label=\"Search\">"
           "<ul id=\"results\" role=\"listbox\"></ul></div>\n"
           "<section id=\"info\" hidden></section>\n"
           "<section id=\"legend\"><h2>Entity types</h2><div id=\"types\"></div>"
           "<h2>Relations</h2><div id=\"relations\"></div>"
           "<p class=\"hint\">Size: number of relations. Edge label: year. Untick to hide.</p></section>\n"
           "</aside>\n<main id=\"cy\" aria-label=\"graph\"></main>\n</div>\n"
           "<script type=\"application/json\" id=\"kg-data\">"
        << data << "</script>\n<script>\n" << assets[0] << "\n</script>\n<script>\n" << assets[1]
        << "\n</script>\n</body>\n</html>\n";
    if (!out) return make_error(ErrorCode::kIo, "render", "", "write failed");
    return {};
}

}  // namespace kgmill::render
