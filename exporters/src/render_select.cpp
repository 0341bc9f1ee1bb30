// What a diagram shows: focus and hops, type and relation filters, the node cap, groups.
// Also the styles and text helpers both renderers use.
#include <algorithm>
#include <cmath>
#include <deque>
#include <map>

#include "kgmill/core/unicode.hpp"
#include "kgmill/graph/algorithms.hpp"
#include "kgmill/graph/countries.hpp"
#include "render_internal.hpp"

namespace kgmill::render {

namespace {

bool contains_type(const std::vector<EntityType>& v, EntityType t) {
    return v.empty() || std::find(v.begin(), v.end(), t) != v.end();
}
bool contains_rel(const std::vector<RelationType>& v, RelationType t) {
    return v.empty() || std::find(v.begin(), v.end(), t) != v.end();
}

/// "no entity named 'X'" with up to five names that contain the query's key.
Error not_found(const KnowledgeGraph& g, const std::string& focus) {
    const std::string key = match_key(focus);
    std::vector<std::pair<std::size_t, VertexId>> close;  // (-degree order), vertex
    if (!key.empty()) {
        for (VertexId v = 0; v < g.vertex_count(); ++v) {
            const Entity& e = g.entities()[v];
            bool hit = match_key(e.name).find(key) != std::string::npos;
            for (const auto& a : e.aliases)
                if (!hit && match_key(a).find(key) != std::string::npos) hit = true;
            if (hit) close.emplace_back(g.degree(v), v);
        }
    }
    std::stable_sort(close.begin(), close.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::string msg = "no entity named '" + focus + "'";
    if (!close.empty()) {
        msg += " (did you mean: ";
        for (std::size_t i = 0; i < close.size() && i < 5; ++i) {
            if (i) msg += "; ";
            msg += g.entities()[close[i].second].name;
        }
        msg += "?)";
    }
    return make_error(ErrorCode::kNotFound, "render", "", msg);
}

/// A name cut after about 40 characters, at a word ("The role and position of basic…").
std::string short_name(const std::string& name) {
    std::vector<std::string> lines = wrap_words(name, 40);
    return lines.size() > 1 ? lines[0] + "…" : name;
}

std::string group_key(const KnowledgeGraph& g, VertexId v, GroupBy by) {
    const Entity& e = g.entities()[v];
    switch (by) {
        case GroupBy::kCountry:
            if (e.country.empty()) return "";
            if (std::string n = country_name(e.country); !n.empty()) return n;
            return e.country;
        case GroupBy::kType: return std::string(entity_type_name(e.type));
        default: return "";
    }
}

}  // namespace

Result<View> select_view(const KnowledgeGraph& g, const RenderOptions& o, std::size_t default_cap) {
    View view;
    const std::size_t n = g.vertex_count();
    const std::size_t cap = o.max_nodes ? o.max_nodes : default_cap;
    if (o.hops < 0) return make_error(ErrorCode::kUsage, "render", "", "--hops must be 0 or more");

    if (!o.focus.empty()) {
        std::vector<VertexId> hits = g.find_by_name(o.focus);
        if (hits.empty()) {
            if (auto id = g.find_id(o.focus)) hits.push_back(*id);
        }
        if (hits.empty()) return not_found(g, o.focus);
        view.focus = hits.front();
    }
    auto node_ok = [&](VertexId v) {
        return contains_type(o.types, g.entities()[v].type) || (view.focus && v == *view.focus);
    };
    auto rel_ok = [&](std::uint32_t ri) {
        const Relation& r = g.relations()[ri];
        return contains_rel(o.relations, r.type) && node_ok(r.source) && node_ok(r.target);
    };

    // Candidates in the order they are kept: (hops, -degree, vertex) with a focus, else
    // (-degree, vertex).
    std::vector<VertexId> order;
    std::vector<int> dist(n, -1);
    if (view.focus) {
        std::deque<VertexId> queue{*view.focus};
        dist[*view.focus] = 0;
        while (!queue.empty()) {
            VertexId v = queue.front();
            queue.pop_front();
            order.push_back(v);
            if (dist[v] >= o.hops) continue;
            auto visit = [&](std::uint32_t ri, VertexId w) {
                if (dist[w] < 0 && rel_ok(ri)) {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
            };
            for (std::uint32_t ri : g.out_relations(v)) visit(ri, g.relations()[ri].target);
            for (std::uint32_t ri : g.in_relations(v)) visit(ri, g.relations()[ri].source);
        }
        std::stable_sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
            if (dist[a] != dist[b]) return dist[a] < dist[b];
            if (g.degree(a) != g.degree(b)) return g.degree(a) > g.degree(b);
            return a < b;
        });
    } else {
        std::vector<char> touched(n, o.relations.empty() ? 1 : 0);
        if (!o.relations.empty())
            for (std::uint32_t ri = 0; ri < g.edge_count(); ++ri)
                if (rel_ok(ri)) touched[g.relations()[ri].source] = touched[g.relations()[ri].target] = 1;
        for (VertexId v = 0; v < n; ++v)
            if (node_ok(v) && touched[v]) order.push_back(v);
        std::stable_sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
            if (g.degree(a) != g.degree(b)) return g.degree(a) > g.degree(b);
            return a < b;
        });
    }
    view.candidates = order.size();
    if (order.size() > cap) order.resize(cap);

    view.nodes = order;
    view.local.assign(n, View::kNone);
    for (std::size_t i = 0; i < view.nodes.size(); ++i) {
        view.local[view.nodes[i]] = static_cast<std::uint32_t>(i);
        view.hops.push_back(view.focus ? dist[view.nodes[i]] : -1);
    }
    for (std::uint32_t ri = 0; ri < g.edge_count(); ++ri) {
        const Relation& r = g.relations()[ri];
        if (view.local[r.source] != View::kNone && view.local[r.target] != View::kNone && rel_ok(ri))
            view.rels.push_back(ri);
    }

    // Title and what was left out.
    if (!o.title.empty()) {
        view.title = o.title;
    } else if (view.focus) {
        view.title = g.entities()[*view.focus].name + " and its partners (" +
                     std::to_string(o.hops) + (o.hops == 1 ? " hop)" : " hops)");
    } else {
        view.title = "Knowledge graph: " + with_commas(n) + " entities, " +
                     with_commas(g.edge_count()) + " relations";
    }
    if (view.nodes.size() < view.candidates) {
        const std::string k = with_commas(view.nodes.size());
        view.note = "showing " + k + " of " + with_commas(view.candidates) + " nodes: the " + k +
                    (view.focus ? " nearest to " + g.entities()[*view.focus].name
                                : " with the most relations");
    }

    // Groups.
    if (o.group_by != GroupBy::kNone && !view.nodes.empty()) {
        std::vector<std::string> keys(view.nodes.size());
        if (o.group_by == GroupBy::kCommunity) {
            // Communities of the drawn subgraph (what the reader sees), Louvain, seeded.
            std::vector<Entity> es;
            es.reserve(view.nodes.size());
            for (VertexId v : view.nodes) es.push_back(g.entities()[v]);
            std::vector<Relation> rs;
            for (std::uint32_t ri : view.rels) {
                Relation r;
                r.source = view.local[g.relations()[ri].source];
                r.target = view.local[g.relations()[ri].target];
                r.type = g.relations()[ri].type;
                rs.push_back(std::move(r));
            }
            KnowledgeGraph sub(std::move(es), std::move(rs));
            Communities c(sub);
            c.run();
            // sub's vertices are sorted by id; map back through the ids. Name each community
            // after its busiest member in the drawing.
            for (std::size_t i = 0; i < view.nodes.size(); ++i) {
                auto sv = sub.find_id(g.entities()[view.nodes[i]].id);
                keys[i] = std::to_string(sv ? c.community()[*sv] : 0);
            }
            std::map<std::string, std::size_t> best;  // community → drawn index of busiest
            for (std::size_t i = 0; i < view.nodes.size(); ++i) {
                auto it = best.find(keys[i]);
                if (it == best.end() || g.degree(view.nodes[i]) > g.degree(view.nodes[it->second]))
                    best[keys[i]] = i;
            }
            std::map<std::string, std::size_t> sizes;
            for (const auto& k : keys) ++sizes[k];
            for (auto& k : keys) {
                const std::size_t b = best[k];
                const std::size_t sz = sizes[k];
                k = sz == 1 ? std::string() : "around " + short_name(g.entities()[view.nodes[b]].name);
            }
        } else {
            for (std::size_t i = 0; i < view.nodes.size(); ++i)
                keys[i] = group_key(g, view.nodes[i], o.group_by);
        }
        // Groups numbered by first appearance (the focus' group first).
        std::map<std::string, std::uint32_t> index;
        for (std::size_t i = 0; i < view.nodes.size(); ++i) {
            auto [it, fresh] = index.emplace(keys[i], static_cast<std::uint32_t>(view.group_labels.size()));
            if (fresh) view.group_labels.push_back(keys[i]);
            view.group.push_back(it->second);
        }
    }
    return view;
}

// ---- styles ----------------------------------------------------------------------------------

const NodeStyle& node_style(EntityType t) {
    // Organisations in boxes and polygons, people round, geography as barrels and diamonds,
    // things as notes and tags. Graphviz shapes fit the label; the Cytoscape shapes are the
    // closest of its set, so the SVG and the HTML page agree.
    static const NodeStyle kStyles[kEntityTypeCount] = {
        {"box", "rounded,filled", "round-rectangle", "solid"},     // University
        {"box", "filled", "rectangle", "solid"},                   // Unit
        {"octagon", "filled", "octagon", "solid"},                 // ResearchInstitute
        {"hexagon", "filled", "hexagon", "solid"},                 // Company
        {"house", "filled", "pentagon", "solid"},                  // GovernmentBody
        {"parallelogram", "filled", "rhomboid", "solid"},          // Network
        {"doubleoctagon", "filled", "octagon", "double"},          // InternationalOrganization
        {"box", "rounded,filled,dashed", "round-rectangle", "dashed"},  // Organization
        {"ellipse", "filled", "ellipse", "solid"},                 // Person
        {"cylinder", "filled", "barrel", "solid"},                 // Country
        {"diamond", "filled", "diamond", "solid"},                 // Place
        {"note", "filled", "cut-rectangle", "solid"},              // Agreement
        {"cds", "filled", "tag", "solid"},                         // Event
        {"tab", "filled", "bottom-round-rectangle", "solid"},      // Program
        {"ellipse", "filled,dashed", "ellipse", "dashed"},         // Field
    };
    return kStyles[static_cast<int>(t)];
}

const EdgeStyle& edge_style(RelationType t) {
    static const EdgeStyle kStyles[kRelationTypeCount] = {
        {"#d62728", "solid", 2.4},   // SIGNED_AGREEMENT_WITH
        {"#e377c2", "solid", 1.2},   // PARTY_TO
        {"#1f77b4", "solid", 1.6},   // COOPERATES_WITH
        {"#9467bd", "dashed", 1.4},  // MEMBER_OF
        {"#7f7f7f", "solid", 1.4},   // PART_OF
        {"#8c564b", "dotted", 1.4},  // LOCATED_IN
        {"#2ca02c", "dashed", 1.4},  // HOLDS_POSITION
        {"#ff7f0e", "dashed", 1.6},  // VISITED
        {"#8c8c1a", "solid", 1.2},   // ORGANIZED
        {"#8c8c1a", "dotted", 1.4},  // ATTENDED
        {"#17becf", "dashed", 1.4},  // RUNS
        {"#999999", "dotted", 1.2},  // CONCERNS
    };
    return kStyles[static_cast<int>(t)];
}

std::string hex_color(Rgb c) {
    static const char kHex[] = "0123456789abcdef";
    std::string s = "#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        s += kHex[v >> 4];
        s += kHex[v & 15];
    }
    return s;
}

const char* text_color_on(Rgb c) {
    // Perceived luminance, the rule of the DOT export.
    return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140 ? "#ffffff" : "#000000";
}

double font_size_for_degree(std::size_t degree) {
    double s = 9.0 + 2.0 * std::log2(1.0 + static_cast<double>(degree));
    return std::round(std::min(20.0, s) * 2.0) / 2.0;
}

std::string year_of(std::string_view date) {
    if (date.size() < 4) return "";
    for (int i = 0; i < 4; ++i)
        if (date[i] < '0' || date[i] > '9') return "";
    if (date.size() > 4 && date[4] != '-' && date[4] != '/') return "";
    return std::string(date.substr(0, 4));
}

// ---- text ------------------------------------------------------------------------------------

std::string clean_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == '\t' || c == '\n' || c == '\r') out += ' ';
            else if (c >= 0x20 && c != 0x7f) out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::size_t len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
        bool ok = len && i + len <= s.size();
        std::uint32_t cp = 0;
        if (ok) {
            cp = c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
            for (std::size_t k = 1; k < len && ok; ++k) {
                const auto d = static_cast<unsigned char>(s[i + k]);
                if ((d & 0xc0) != 0x80) ok = false;
                cp = (cp << 6) | (d & 0x3f);
            }
            if (ok && ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
                       (len == 4 && (cp < 0x10000 || cp > 0x10ffff))))
                ok = false;
            if (ok && (cp == 0xfffe || cp == 0xffff)) {  // not characters (XML forbids them)
                i += len;
                continue;
            }
        }
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

std::vector<std::string> wrap_words(std::string_view s, std::size_t width) {
    std::vector<std::string> lines;
    std::string cur;
    std::size_t cur_chars = 0;
    auto chars = [](std::string_view w) {
        std::size_t k = 0;
        for (char c : w)
            if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++k;
        return k;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = s.find(' ', i);
        if (j == std::string_view::npos) j = s.size();
        if (j > i) {
            std::string_view w = s.substr(i, j - i);
            const std::size_t wc = chars(w);
            if (!cur.empty() && cur_chars + 1 + wc > width) {
                lines.push_back(cur);
                cur.clear();
                cur_chars = 0;
            }
            if (!cur.empty()) {
                cur += ' ';
                ++cur_chars;
            }
            cur += w;
            cur_chars += wc;
        }
        i = j;
    }
    if (!cur.empty() || lines.empty()) lines.push_back(cur);
    return lines;
}

std::string with_commas(std::size_t n) {
    std::string d = std::to_string(n), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return out;
}

std::string html_escape(std::string_view s) {
    std::string out;
    for (char c : clean_utf8(s)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string gv_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '&') out += "&amp;";
        else out += c;
    }
    return out;
}

}  // namespace kgmill::render

namespace kgmill {

std::optional<GroupBy> parse_group_by(std::string_view s) {
    if (s.empty() || s == "none") return GroupBy::kNone;
    if (s == "country") return GroupBy::kCountry;
    if (s == "type") return GroupBy::kType;
    if (s == "community") return GroupBy::kCommunity;
    return std::nullopt;
}

}  // namespace kgmill
