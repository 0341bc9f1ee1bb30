// graph/src/query/exec/traverse.hpp — the neighbours of a vertex as a pattern direction sees
// them (internal). Symmetric relations are seen from both ends whatever the direction; an
// undirected step sees a self-loop once.
#pragma once
#include "kgmill/graph/knowledge_graph.hpp"
#include "query/binder/bound.hpp"

namespace kgmill::query {

inline Dir reverse(Dir d) { return d == Dir::kOut ? Dir::kIn : d == Dir::kIn ? Dir::kOut : Dir::kBoth; }

/// Calls f(relation index, other end) for each step from `v` in direction `dir` whose type is
/// in `type_mask`; f returns false to stop early. Returns false when stopped.
template <class F>
bool for_each_step(const KnowledgeGraph& g, VertexId v, Dir dir, std::uint32_t type_mask, F&& f) {
    const auto& rels = g.relations();
    const auto& out = g.out_relations(v);
    const auto& in = g.in_relations(v);
    auto ok = [&](const Relation& r) { return (type_mask >> static_cast<int>(r.type)) & 1u; };
    if (dir == Dir::kOut || dir == Dir::kBoth) {
        for (std::uint32_t ri : out)
            if (ok(rels[ri]) && !f(ri, rels[ri].target)) return false;
    } else {
        for (std::uint32_t ri : out) {
            const Relation& r = rels[ri];
            if (r.symmetric() && r.source != r.target && ok(r) && !f(ri, r.target)) return false;
        }
    }
    if (dir == Dir::kIn) {
        for (std::uint32_t ri : in)
            if (ok(rels[ri]) && !f(ri, rels[ri].source)) return false;
    } else {
        for (std::uint32_t ri : in) {
            const Relation& r = rels[ri];
            if (r.source == r.target) continue;
            if ((dir == Dir::kBoth || r.symmetric()) && ok(r) && !f(ri, r.source)) return false;
        }
    }
    return true;
}

}  // namespace kgmill::query
