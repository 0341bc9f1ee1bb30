// kgmill/graph/algorithms.hpp — graph questions behind `kgmill neighbors / path / rank /
// components / communities`.
//
//   BetweennessCentrality bc(graph);
//   bc.run();
//   for (VertexId v : top_vertices(bc.scores(), 10)) ...
//
// Every algorithm follows one contract (STYLE.md §8): construct with the graph and its
// parameters, run(), then read the results (reading before run() is a precondition failure).
// The views they work on:
//   undirected: one edge per pair of entities that any relation joins (parallel relations and
//               directions merged) — betweenness, components, communities, path;
//   directed:   one arc per (source, target) pair, plus the reverse arc for symmetric
//               relations — PageRank.
// Results are deterministic: ties are broken by vertex id (entities are sorted by id), and
// the community search uses its own seeded generator.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill {

/// One vertex reached by neighbors(): how far, and the relation that first reached it.
struct Neighbor {
    VertexId vertex = 0;
    int hops = 0;
    std::uint32_t via = 0;  ///< index into relations()
    VertexId from = 0;      ///< the vertex one hop closer to the start
};

/// Vertices within `hops` of `start` (breadth-first, either direction), nearest first, then by
/// id; only relations whose type bit is set in `type_mask` are followed (all when 0).
std::vector<Neighbor> neighbors(const KnowledgeGraph& g, VertexId start, int hops, std::uint32_t type_mask = 0);

/// A walk through the graph: nodes[0] -rels[0]- nodes[1] ...
struct GraphPath {
    std::vector<VertexId> nodes;
    std::vector<std::uint32_t> rels;
};

/// A shortest path between two vertices ignoring direction (Boost breadth_first_search);
/// nullopt when they are not connected. Among equal paths the one through lower ids wins.
std::optional<GraphPath> shortest_path(const KnowledgeGraph& g, VertexId from, VertexId to);

/// Number of relations touching each vertex (in + out).
class DegreeCentrality {
public:
    explicit DegreeCentrality(const KnowledgeGraph& g) : g_(g) {}
    void run();
    const std::vector<double>& scores() const;

private:
    const KnowledgeGraph& g_;
    std::vector<double> scores_;
    bool has_run_ = false;
};

/// Brandes' betweenness (Boost brandes_betweenness_centrality) on the undirected view,
/// normalised like networkx's default: divided by the (n-1)(n-2)/2 pairs without the vertex. U. Brandes, "A faster
/// algorithm for betweenness centrality", J. Math. Sociology 25 (2001).
class BetweennessCentrality {
public:
    explicit BetweennessCentrality(const KnowledgeGraph& g) : g_(g) {}
    void run();
    const std::vector<double>& scores() const;

private:
    const KnowledgeGraph& g_;
    std::vector<double> scores_;
    bool has_run_ = false;
};

/// PageRank by power iteration on the directed view; a dangling vertex's rank is spread over
/// all vertices, as networkx.pagerank does (Boost's page_rank has no dangling-node handling,
/// hence the hand-written loop). Page, Brin, Motwani, Winograd, "The PageRank citation ranking"
/// (1999).
class PageRank {
public:
    struct Params {
        double damping = 0.85;     ///< probability of following an arc
        double tolerance = 1e-6;   ///< stop when the L1 change (scaled by n) is below this
        int max_iterations = 100;
    };
    explicit PageRank(const KnowledgeGraph& g) : PageRank(g, Params{}) {}
    PageRank(const KnowledgeGraph& g, Params p) : g_(g), p_(p) {}
    void run();
    const std::vector<double>& scores() const;
    int iterations() const { return iterations_; }

private:
    const KnowledgeGraph& g_;
    Params p_;
    std::vector<double> scores_;
    int iterations_ = 0;
    bool has_run_ = false;
};

/// Connected components of the undirected view (Boost connected_components), numbered by
/// size (largest first), then by their smallest vertex.
class ConnectedComponents {
public:
    explicit ConnectedComponents(const KnowledgeGraph& g) : g_(g) {}
    void run();
    std::size_t count() const;
    const std::vector<std::uint32_t>& component() const;           ///< per vertex
    const std::vector<std::vector<VertexId>>& members() const;     ///< per component, ascending

private:
    const KnowledgeGraph& g_;
    std::vector<std::uint32_t> component_;
    std::vector<std::vector<VertexId>> members_;
    bool has_run_ = false;
};

/// Louvain modularity optimisation on the undirected view, edges weighted by the number of
/// relations between the pair. V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
/// "Fast unfolding of communities in large networks", J. Stat. Mech. (2008) P10008.
/// Deterministic for a given seed (the seed orders the local moves).
class Communities {
public:
    struct Params {
        std::uint64_t seed = 42;
        double resolution = 1.0;  ///< >1 gives smaller communities
        int max_levels = 20;
    };
    explicit Communities(const KnowledgeGraph& g) : Communities(g, Params{}) {}
    Communities(const KnowledgeGraph& g, Params p) : g_(g), p_(p) {}
    void run();
    const std::vector<std::uint32_t>& community() const;        ///< per vertex; numbered by size
    const std::vector<std::vector<VertexId>>& members() const;  ///< per community, ascending
    double modularity() const;

private:
    const KnowledgeGraph& g_;
    Params p_;
    std::vector<std::uint32_t> community_;
    std::vector<std::vector<VertexId>> members_;
    double modularity_ = 0;
    bool has_run_ = false;
};

/// The `n` vertices with the highest scores (ties: lower id first).
std::vector<VertexId> top_vertices(const std::vector<double>& scores, std::size_t n);

}  // namespace kgmill
