// graph/src/query/exec/traverse.hpp — the neighbours of a vertex as a pattern direction sees
// them (internal). Symmetric relations are seen from both ends whatever the direction; an
// undirected step sees a self-loop once.
//
// Traversals read a packed adjacency array built once per engine (Adjacency): per vertex, one
// entry per relation end with the other vertex, the relation, its type and the other vertex's
// label, so a hop costs one cache line per vertex instead of one per relation and neighbour.
#pragma once
#include <cstdint>
#include <vector>

#include "kgmill/graph/knowledge_graph.hpp"
#include "query/binder/bound.hpp"

namespace kgmill::query {

inline Dir reverse(Dir d) { return d == Dir::kOut ? Dir::kIn : d == Dir::kIn ? Dir::kOut : Dir::kBoth; }

/// One relation seen from one of its ends.
struct Step {
    enum : std::uint8_t { kOut = 1, kSymmetric = 2, kSelfLoop = 4 };
    VertexId other = 0;          ///< the vertex at the other end
    std::uint32_t rel = 0;       ///< index into KnowledgeGraph::relations()
    std::uint8_t type = 0;       ///< RelationType
    std::uint8_t other_label = 0;  ///< EntityType of `other`
    std::uint8_t flags = 0;      ///< kOut: this end is the source
};

/// Out-relations then in-relations of every vertex, in relation order (the order of
/// KnowledgeGraph::out_relations / in_relations), as one array.
struct Adjacency {
    std::vector<std::uint64_t> offsets;  ///< vertex_count + 1
    std::vector<Step> steps;

    /// Reads relations in order (each vertex's entries come out in relation order, like
    /// out_relations / in_relations) and labels from a compact copy: no random reads of the
    /// big arrays, which matters at millions of relations.
    void build(const KnowledgeGraph& g) {
        const std::size_t n = g.vertex_count();
        const auto& rels = g.relations();
        std::vector<std::uint8_t> label(n);
        for (VertexId v = 0; v < n; ++v) label[v] = static_cast<std::uint8_t>(g.entities()[v].type);
        offsets.assign(n + 1, 0);
        std::vector<std::uint64_t> out_deg(n, 0);
        for (const Relation& r : rels) {
            ++out_deg[r.source];
            ++offsets[r.target + 1];
        }
        for (VertexId v = 0; v < n; ++v) offsets[v + 1] += offsets[v] + out_deg[v];
        std::vector<std::uint64_t> out_at(n), in_at(n);
        for (VertexId v = 0; v < n; ++v) {
            out_at[v] = offsets[v];
            in_at[v] = offsets[v] + out_deg[v];
        }
        steps.resize(offsets[n]);
        for (std::uint32_t ri = 0; ri < rels.size(); ++ri) {
            const Relation& r = rels[ri];
            const std::uint8_t common = static_cast<std::uint8_t>((r.symmetric() ? Step::kSymmetric : 0) |
                                                                  (r.source == r.target ? Step::kSelfLoop : 0));
            const auto type = static_cast<std::uint8_t>(r.type);
            steps[out_at[r.source]++] = Step{r.target, ri, type, label[r.target], static_cast<std::uint8_t>(common | Step::kOut)};
            steps[in_at[r.target]++] = Step{r.source, ri, type, label[r.source], common};
        }
    }
};

/// Calls f(step) for each step from `v` in direction `dir` whose type is in `type_mask`; f
/// returns false to stop early. Returns false when stopped.
///   out:  every out-relation; an in-relation when symmetric (not a self-loop, met already)
///   in:   every in-relation; an out-relation when symmetric (not a self-loop)
///   both: every out-relation; every in-relation but self-loops
template <class F>
bool for_each_step(const Adjacency& adj, VertexId v, Dir dir, std::uint32_t type_mask, F&& f) {
    const Step* s = adj.steps.data() + adj.offsets[v];
    const Step* end = adj.steps.data() + adj.offsets[v + 1];
    for (; s != end; ++s) {
        if (!(type_mask >> s->type & 1u)) continue;
        const bool out = s->flags & Step::kOut;
        bool take;
        switch (dir) {
            case Dir::kOut: take = out || ((s->flags & Step::kSymmetric) && !(s->flags & Step::kSelfLoop)); break;
            case Dir::kIn:
                take = out ? (s->flags & Step::kSymmetric) && !(s->flags & Step::kSelfLoop) : true;
                break;
            default: take = out || !(s->flags & Step::kSelfLoop); break;
        }
        if (take && !f(*s)) return false;
    }
    return true;
}

}  // namespace kgmill::query
