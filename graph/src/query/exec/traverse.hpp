// graph/src/query/exec/traverse.hpp — the neighbours of a vertex as a pattern direction sees
// them (internal). Symmetric relations are seen from both ends whatever the direction; an
// undirected step sees a self-loop once.
//
// Traversals read the graph's packed adjacency (KnowledgeGraph::incidences): per vertex, one
// entry per relation end with the other vertex, the relation, its type and the other vertex's
// label, so a hop costs one cache line per vertex instead of one per relation and neighbour.
#pragma once
#include <cstdint>
#include <vector>

#include "kgmill/graph/knowledge_graph.hpp"
#include "query/binder/bound.hpp"

namespace kgmill::query {

inline Dir reverse(Dir d) { return d == Dir::kOut ? Dir::kIn : d == Dir::kIn ? Dir::kOut : Dir::kBoth; }

/// One relation seen from one of its ends (the graph's own adjacency entry).
using Step = Incidence;

/// Calls f(step) for each step from `v` in direction `dir` whose type is in `type_mask`; f
/// returns false to stop early. Returns false when stopped.
///   out:  every out-relation; an in-relation when symmetric (not a self-loop, met already)
///   in:   every in-relation; an out-relation when symmetric (not a self-loop)
///   both: every out-relation; every in-relation but self-loops
template <class F>
bool for_each_step(const KnowledgeGraph& g, VertexId v, Dir dir, std::uint32_t type_mask, F&& f) {
    const std::span<const Step> steps = g.incidences(v);
    for (const Step* s = steps.data(), *end = steps.data() + steps.size(); s != end; ++s) {
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
