// Graph algorithms of the named commands. Boost.Graph does the classic ones (breadth-first
// search, connected components, Brandes betweenness); PageRank and Louvain are written here
// because Boost has no dangling-node handling in page_rank and no modularity optimisation.
#include "kgmill/graph/algorithms.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <deque>
#include <unordered_map>
#include <map>
#include <numeric>
#include <random>
#include <stdexcept>

namespace kgmill {

namespace {

using UGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                     boost::property<boost::edge_index_t, std::uint32_t>>;

/// One undirected edge per joined pair (u < v): how many relations join them and the first.
struct Pair {
    VertexId u, v;
    double weight;
    std::uint32_t first_rel;
};

std::vector<Pair> undirected_pairs(const KnowledgeGraph& g) {
    std::map<std::pair<VertexId, VertexId>, Pair> pairs;
    for (std::uint32_t i = 0; i < g.edge_count(); ++i) {
        const VertexId s = g.relation_source(i), t = g.relation_target(i);
        const VertexId a = std::min(s, t), b = std::max(s, t);
        if (a == b) continue;
        auto [it, fresh] = pairs.try_emplace({a, b}, Pair{a, b, 0.0, i});
        (void)fresh;
        it->second.weight += 1.0;
    }
    std::vector<Pair> out;
    out.reserve(pairs.size());
    for (auto& [k, p] : pairs) out.push_back(p);
    return out;  // sorted by (u, v): Boost's adjacency keeps this order, so searches are deterministic
}

UGraph undirected_view(const KnowledgeGraph& g, const std::vector<Pair>& pairs) {
    UGraph ug(g.vertex_count());
    for (std::uint32_t i = 0; i < pairs.size(); ++i) boost::add_edge(pairs[i].u, pairs[i].v, i, ug);
    return ug;
}

void require_run(bool has_run, const char* what) {
    if (!has_run) throw std::logic_error(std::string(what) + ": read before run()");
}

/// Numbers groups by size (largest first), then by smallest member; returns members.
std::vector<std::vector<VertexId>> renumber(std::vector<std::uint32_t>& label) {
    std::map<std::uint32_t, std::vector<VertexId>> groups;
    for (VertexId v = 0; v < label.size(); ++v) groups[label[v]].push_back(v);
    std::vector<std::vector<VertexId>> members;
    for (auto& [k, vs] : groups) members.push_back(std::move(vs));
    std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
        if (a.size() != b.size()) return a.size() > b.size();
        return a.front() < b.front();
    });
    for (std::uint32_t c = 0; c < members.size(); ++c)
        for (VertexId v : members[c]) label[v] = c;
    return members;
}

}  // namespace

std::vector<Neighbor> neighbors(const KnowledgeGraph& g, VertexId start, int hops, std::uint32_t type_mask) {
    std::vector<Neighbor> out;
    if (start >= g.vertex_count()) return out;
    std::vector<int> dist(g.vertex_count(), -1);
    dist[start] = 0;
    std::deque<VertexId> queue{start};
    while (!queue.empty()) {
        VertexId v = queue.front();
        queue.pop_front();
        if (dist[v] >= hops) continue;
        // incidences list out-relations then in-relations, each in relation order
        for (const Incidence& x : g.incidences(v)) {
            if (type_mask && !(type_mask >> x.type & 1u)) continue;
            const VertexId w = x.other;
            if (dist[w] >= 0) continue;
            dist[w] = dist[v] + 1;
            out.push_back({w, dist[w], x.rel, v});
            queue.push_back(w);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Neighbor& a, const Neighbor& b) {
        return a.hops != b.hops ? a.hops < b.hops : a.vertex < b.vertex;
    });
    return out;
}

std::optional<GraphPath> shortest_path(const KnowledgeGraph& g, VertexId from, VertexId to) {
    if (from >= g.vertex_count() || to >= g.vertex_count()) return std::nullopt;
    if (from == to) return GraphPath{{from}, {}};
    // Breadth-first over the undirected view without building it: a vertex's neighbours are
    // met by ascending id, each through the lowest relation joining the two — the order of
    // the undirected view the other algorithms use — so among equal paths the one through
    // lower ids wins. Reads only the incidences of the vertices it reaches.
    constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
    std::unordered_map<VertexId, std::pair<VertexId, std::uint32_t>> pred;  // reached → (previous, relation)
    pred.emplace(from, std::pair{from, kNone});
    std::deque<VertexId> queue{from};
    std::vector<std::pair<VertexId, std::uint32_t>> next;
    bool found = false;
    while (!queue.empty() && !found) {
        const VertexId v = queue.front();
        queue.pop_front();
        next.clear();
        for (const Incidence& x : g.incidences(v))
            if (x.other != v) next.emplace_back(x.other, x.rel);
        std::sort(next.begin(), next.end());
        for (std::size_t i = 0; i < next.size(); ++i) {
            if (i > 0 && next[i].first == next[i - 1].first) continue;  // the lowest relation of the pair
            if (!pred.emplace(next[i].first, std::pair{v, next[i].second}).second) continue;
            if (next[i].first == to) {
                found = true;
                break;
            }
            queue.push_back(next[i].first);
        }
    }
    if (!found) return std::nullopt;
    GraphPath p;
    for (VertexId v = to; v != from;) {
        const auto& [prev, rel] = pred.at(v);
        p.nodes.push_back(v);
        p.rels.push_back(rel);
        v = prev;
    }
    p.nodes.push_back(from);
    std::reverse(p.nodes.begin(), p.nodes.end());
    std::reverse(p.rels.begin(), p.rels.end());
    return p;
}

void DegreeCentrality::run() {
    scores_.assign(g_.vertex_count(), 0.0);
    for (VertexId v = 0; v < g_.vertex_count(); ++v) scores_[v] = static_cast<double>(g_.degree(v));
    has_run_ = true;
}

const std::vector<double>& DegreeCentrality::scores() const {
    require_run(has_run_, "DegreeCentrality");
    return scores_;
}

void BetweennessCentrality::run() {
    const std::size_t n = g_.vertex_count();
    scores_.assign(n, 0.0);
    if (n > 2) {
        std::vector<Pair> pairs = undirected_pairs(g_);
        UGraph ug = undirected_view(g_, pairs);
        boost::brandes_betweenness_centrality(
            ug, boost::centrality_map(boost::make_iterator_property_map(scores_.begin(), boost::get(boost::vertex_index, ug))));
        // Boost counts each unordered pair once on an undirected graph: divide by the
        // (n-1)(n-2)/2 pairs that exclude the vertex, as networkx's normalised value does.
        const double scale = 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
        for (double& s : scores_) s *= scale;
    }
    has_run_ = true;
}

const std::vector<double>& BetweennessCentrality::scores() const {
    require_run(has_run_, "BetweennessCentrality");
    return scores_;
}

void PageRank::run() {
    const std::size_t n = g_.vertex_count();
    scores_.assign(n, n ? 1.0 / static_cast<double>(n) : 0.0);
    iterations_ = 0;
    if (n == 0) {
        has_run_ = true;
        return;
    }
    // directed view: arcs deduplicated per source
    std::vector<std::vector<VertexId>> out(n);
    for (std::uint32_t r = 0; r < g_.edge_count(); ++r) {
        const VertexId s = g_.relation_source(r), t = g_.relation_target(r);
        out[s].push_back(t);
        if (g_.relation_symmetric(r)) out[t].push_back(s);
    }
    std::vector<std::vector<VertexId>> in(n);
    for (VertexId v = 0; v < n; ++v) {
        std::sort(out[v].begin(), out[v].end());
        out[v].erase(std::unique(out[v].begin(), out[v].end()), out[v].end());
        for (VertexId w : out[v]) in[w].push_back(v);
    }
    const double d = p_.damping, nn = static_cast<double>(n);
    std::vector<double> next(n);
    for (iterations_ = 1; iterations_ <= p_.max_iterations; ++iterations_) {
        double dangling = 0;
        for (VertexId v = 0; v < n; ++v)
            if (out[v].empty()) dangling += scores_[v];
        double err = 0;
        for (VertexId v = 0; v < n; ++v) {
            double s = 0;
            for (VertexId u : in[v]) s += scores_[u] / static_cast<double>(out[u].size());
            next[v] = (1.0 - d) / nn + d * (s + dangling / nn);
            err += std::fabs(next[v] - scores_[v]);
        }
        scores_.swap(next);
        if (err < nn * p_.tolerance) break;
    }
    iterations_ = std::min(iterations_, p_.max_iterations);
    has_run_ = true;
}

const std::vector<double>& PageRank::scores() const {
    require_run(has_run_, "PageRank");
    return scores_;
}

void ConnectedComponents::run() {
    std::vector<Pair> pairs = undirected_pairs(g_);
    UGraph ug = undirected_view(g_, pairs);
    std::vector<int> comp(g_.vertex_count());
    if (!comp.empty()) boost::connected_components(ug, comp.data());
    component_.assign(comp.begin(), comp.end());
    members_ = renumber(component_);
    has_run_ = true;
}

std::size_t ConnectedComponents::count() const {
    require_run(has_run_, "ConnectedComponents");
    return members_.size();
}
const std::vector<std::uint32_t>& ConnectedComponents::component() const {
    require_run(has_run_, "ConnectedComponents");
    return component_;
}
const std::vector<std::vector<VertexId>>& ConnectedComponents::members() const {
    require_run(has_run_, "ConnectedComponents");
    return members_;
}

// ---- Louvain -------------------------------------------------------------------------------

namespace {

struct WGraph {
    std::vector<std::vector<std::pair<std::uint32_t, double>>> adj;  // no self-loops here
    std::vector<double> self;                                         // internal weight per node
    double total = 0;                                                 // m: every edge once
    std::size_t size() const { return adj.size(); }
};

/// One level of local moves; returns the community of each node (renumbered 0..k-1 by first
/// appearance) and whether anything moved.
bool local_moves(const WGraph& g, double resolution, std::mt19937_64& rng, std::vector<std::uint32_t>& comm) {
    const std::size_t n = g.size();
    std::vector<double> k(n, 0.0), tot(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        k[i] = 2 * g.self[i];
        for (const auto& [j, w] : g.adj[i]) k[i] += w;
        comm[i] = static_cast<std::uint32_t>(i);
        tot[i] = k[i];
    }
    const double m2 = 2 * g.total;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);  // Fisher–Yates, portable
    bool any = false;
    std::vector<double> w_to(n, 0.0);
    std::vector<std::uint32_t> touched;
    for (int pass = 0; pass < 100; ++pass) {
        bool moved = false;
        for (std::size_t i : order) {
            const std::uint32_t old = comm[i];
            touched.clear();
            touched.push_back(old);
            for (const auto& [j, w] : g.adj[i]) {
                std::uint32_t c = comm[j];
                if (w_to[c] == 0.0 && std::find(touched.begin(), touched.end(), c) == touched.end()) touched.push_back(c);
                w_to[c] += w;
            }
            tot[old] -= k[i];
            std::uint32_t best = old;
            double best_gain = w_to[old] - resolution * tot[old] * k[i] / m2;
            for (std::uint32_t c : touched) {
                double gain = w_to[c] - resolution * tot[c] * k[i] / m2;
                if (gain > best_gain + 1e-12) {
                    best_gain = gain;
                    best = c;
                }
            }
            tot[best] += k[i];
            comm[i] = best;
            if (best != old) moved = true;
            for (std::uint32_t c : touched) w_to[c] = 0.0;
        }
        if (!moved) break;
        any = true;
    }
    // renumber by first appearance
    std::vector<std::uint32_t> remap(n, static_cast<std::uint32_t>(-1));
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (remap[comm[i]] == static_cast<std::uint32_t>(-1)) remap[comm[i]] = next++;
        comm[i] = remap[comm[i]];
    }
    return any;
}

WGraph aggregate(const WGraph& g, const std::vector<std::uint32_t>& comm) {
    std::uint32_t k = 0;
    for (std::uint32_t c : comm) k = std::max(k, c + 1);
    WGraph out;
    out.adj.resize(k);
    out.self.assign(k, 0.0);
    out.total = g.total;
    std::vector<std::map<std::uint32_t, double>> acc(k);
    for (std::size_t i = 0; i < g.size(); ++i) {
        out.self[comm[i]] += g.self[i];
        for (const auto& [j, w] : g.adj[i]) {
            if (comm[i] == comm[j]) {
                if (i < j) out.self[comm[i]] += w;  // each internal edge once
            } else {
                acc[comm[i]][comm[j]] += w;
            }
        }
    }
    for (std::uint32_t c = 0; c < k; ++c)
        for (const auto& [d, w] : acc[c]) out.adj[c].emplace_back(d, w);
    return out;
}

}  // namespace

void Communities::run() {
    const std::size_t n = g_.vertex_count();
    WGraph wg;
    wg.adj.resize(n);
    wg.self.assign(n, 0.0);
    for (const Pair& p : undirected_pairs(g_)) {
        wg.adj[p.u].emplace_back(p.v, p.weight);
        wg.adj[p.v].emplace_back(p.u, p.weight);
        wg.total += p.weight;
    }
    const WGraph original = wg;
    std::vector<std::uint32_t> membership(n);
    std::iota(membership.begin(), membership.end(), 0);
    std::mt19937_64 rng(p_.seed);
    if (wg.total > 0) {
        for (int level = 0; level < p_.max_levels; ++level) {
            std::vector<std::uint32_t> comm(wg.size());
            bool moved = local_moves(wg, p_.resolution, rng, comm);
            for (auto& m : membership) m = comm[m];
            if (!moved) break;
            wg = aggregate(wg, comm);
        }
    }
    community_ = membership;
    members_ = renumber(community_);
    // modularity on the original graph
    modularity_ = 0;
    if (original.total > 0) {
        std::vector<double> in(members_.size(), 0.0), tot(members_.size(), 0.0);
        for (std::size_t i = 0; i < n; ++i)
            for (const auto& [j, w] : original.adj[i]) {
                tot[community_[i]] += w;
                if (community_[i] == community_[j]) in[community_[i]] += w;  // counted from both ends
            }
        const double m2 = 2 * original.total;
        for (std::size_t c = 0; c < members_.size(); ++c)
            modularity_ += in[c] / m2 - p_.resolution * (tot[c] / m2) * (tot[c] / m2);
    }
    has_run_ = true;
}

const std::vector<std::uint32_t>& Communities::community() const {
    require_run(has_run_, "Communities");
    return community_;
}
const std::vector<std::vector<VertexId>>& Communities::members() const {
    require_run(has_run_, "Communities");
    return members_;
}
double Communities::modularity() const {
    require_run(has_run_, "Communities");
    return modularity_;
}

std::vector<VertexId> top_vertices(const std::vector<double>& scores, std::size_t n) {
    std::vector<VertexId> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](VertexId a, VertexId b) { return scores[a] > scores[b]; });
    if (order.size() > n) order.resize(n);
    return order;
}

}  // namespace kgmill
