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

#include "huge_pages.hpp"
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

    /// Walks the graph's own adjacency (KnowledgeGraph::out_relations / in_relations) vertex
    /// by vertex, so the steps are written in order. The ends, type and flags of every
    /// relation are first copied in order into a compact array, so the random reads (a
    /// vertex's in-relations) touch 12 bytes per relation instead of a whole Relation.
    void build(const KnowledgeGraph& g) {
        const std::size_t n = g.vertex_count();
        const auto& rels = g.relations();
        std::vector<std::uint8_t> label;
        reserve_huge(label, n);
        label.resize(n);
        for (VertexId v = 0; v < n; ++v) label[v] = static_cast<std::uint8_t>(g.entities()[v].type);
        struct Ends {
            VertexId source, target;
            std::uint8_t type, flags;  // flags: kSymmetric | kSelfLoop
        };
        std::vector<Ends> ends;
        reserve_huge(ends, rels.size());
        ends.resize(rels.size());
        for (std::size_t ri = 0; ri < rels.size(); ++ri) {
            const Relation& r = rels[ri];
            ends[ri] = Ends{r.source, r.target, static_cast<std::uint8_t>(r.type),
                            static_cast<std::uint8_t>((r.symmetric_flag ? Step::kSymmetric : 0) |
                                                      (r.source == r.target ? Step::kSelfLoop : 0))};
        }
        reserve_huge(offsets, n + 1);
        offsets.resize(n + 1);
        offsets[0] = 0;
        for (VertexId v = 0; v < n; ++v) offsets[v + 1] = offsets[v] + g.degree(v);
        reserve_huge(steps, offsets[n]);
        steps.resize(offsets[n]);
        Step* out = steps.data();
        for (VertexId v = 0; v < n; ++v) {
            for (std::uint32_t ri : g.out_relations(v)) {
                const Ends& r = ends[ri];
                *out++ = Step{r.target, ri, r.type, label[r.target], static_cast<std::uint8_t>(r.flags | Step::kOut)};
            }
            for (std::uint32_t ri : g.in_relations(v)) {
                const Ends& r = ends[ri];
                *out++ = Step{r.source, ri, r.type, label[r.source], r.flags};
            }
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
