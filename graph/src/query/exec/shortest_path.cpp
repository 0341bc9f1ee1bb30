// shortestPath: bidirectional breadth-first search (expanding the smaller frontier, a full
// level at a time, so the first meeting level gives a shortest path and the choice among equal
// paths is deterministic). allShortestPaths: one breadth-first search from the start that keeps
// every parent on the previous level, then the paths are enumerated with an explicit stack.
#include <algorithm>
#include <unordered_map>

#include "query/exec/operators.hpp"
#include "query/exec/traverse.hpp"

namespace kgmill::query {

std::string describe_expand(const ExpandSpec& s, const SlotNames& names, const char* op);

namespace {

struct Visit {
    std::uint32_t rel = 0;     ///< relation that reached the vertex
    VertexId prev = 0;         ///< where it came from
    int dist = 0;
};

}  // namespace

void ShortestPath::emit(Row& row, VertexId a, const std::vector<std::uint32_t>& rels) {
    Value::List list;
    for (std::uint32_t ri : rels) list.push_back(Value::relationship(ri));
    if (s_.rel >= 0) row[s_.rel] = Value::list(std::move(list));
    if (path_slot_ >= 0) {
        Path p;
        VertexId cur = a;
        p.nodes.push_back(cur);
        for (std::uint32_t ri : rels) {
            cur = other_end(ctx->g.relations()[ri], cur);
            p.rels.push_back(ri);
            p.nodes.push_back(cur);
        }
        row[path_slot_] = Value::path(std::move(p));
    }
    next->push(row);
}

void ShortestPath::push(Row& row) {
    const Value& av = row[s_.from];
    const Value& bv = row[s_.to];
    if (av.kind() != Value::Kind::kNode || bv.kind() != Value::Kind::kNode) return;
    const VertexId a = av.as_node(), b = bv.as_node();
    const KnowledgeGraph& g = ctx->g;
    std::vector<Value> props;
    for (const auto& [key, named] : s_.rel_props) props.push_back(eval(*named.second, row, *ctx));
    auto rel_ok = [&](std::uint32_t ri) {
        for (std::size_t i = 0; i < props.size(); ++i) {
            const auto& [key, named] = s_.rel_props[i];
            if (cypher_equals(rel_property(g, ri, key, named.first), props[i]) != Tri::kTrue) return false;
        }
        return true;
    };
    if (a == b) {
        if (s_.min_hops == 0) emit(row, a, {});
        return;
    }
    if (s_.max_hops < 1) return;

    if (!all_) {
        std::unordered_map<VertexId, Visit> fwd, bwd;
        fwd.emplace(a, Visit{0, a, 0});
        bwd.emplace(b, Visit{0, b, 0});
        std::vector<VertexId> ff{a}, bf{b}, nextf;
        int df = 0, db = 0;
        while (!ff.empty() && !bf.empty() && df + db < s_.max_hops) {
            if (stopped()) return;
            const bool forward = ff.size() <= bf.size();
            auto& frontier = forward ? ff : bf;
            auto& mine = forward ? fwd : bwd;
            auto& theirs = forward ? bwd : fwd;
            const Dir dir = forward ? s_.dir : reverse(s_.dir);
            const int depth = (forward ? df : db) + 1;
            nextf.clear();
            bool met = false;
            VertexId meet = 0;
            int best = 0;
            for (VertexId v : frontier) {
                for_each_step(g, v, dir, s_.type_mask, [&](std::uint32_t ri, VertexId w) {
                    if (mine.count(w) || !rel_ok(ri)) return true;
                    mine.emplace(w, Visit{ri, v, depth});
                    nextf.push_back(w);
                    auto it = theirs.find(w);
                    if (it != theirs.end()) {
                        int total = depth + it->second.dist;
                        if (!met || total < best) {
                            met = true;
                            best = total;
                            meet = w;
                        }
                    }
                    return true;
                });
            }
            (forward ? df : db) = depth;
            frontier.swap(nextf);
            if (met) {
                if (best < s_.min_hops) return;
                std::vector<std::uint32_t> rels;
                for (VertexId v = meet; v != a;) {
                    const Visit& x = fwd.at(v);
                    rels.push_back(x.rel);
                    v = x.prev;
                }
                std::reverse(rels.begin(), rels.end());
                for (VertexId v = meet; v != b;) {
                    const Visit& x = bwd.at(v);
                    rels.push_back(x.rel);
                    v = x.prev;
                }
                emit(row, a, rels);
                return;
            }
        }
        return;
    }

    // allShortestPaths
    std::unordered_map<VertexId, std::pair<int, std::vector<std::pair<std::uint32_t, VertexId>>>> seen;
    seen[a].first = 0;
    std::vector<VertexId> frontier{a}, nextf;
    int depth = 0;
    bool found = false;
    while (!frontier.empty() && depth < s_.max_hops && !found) {
        if (stopped()) return;
        ++depth;
        nextf.clear();
        for (VertexId v : frontier) {
            for_each_step(g, v, s_.dir, s_.type_mask, [&](std::uint32_t ri, VertexId w) {
                if (!rel_ok(ri)) return true;
                auto it = seen.find(w);
                if (it == seen.end()) {
                    it = seen.emplace(w, std::make_pair(depth, std::vector<std::pair<std::uint32_t, VertexId>>{})).first;
                    nextf.push_back(w);
                }
                if (it->second.first == depth) it->second.second.emplace_back(ri, v);
                if (w == b) found = true;
                return true;
            });
        }
        frontier.swap(nextf);
    }
    if (!found || depth < s_.min_hops) return;
    // enumerate b → a over the parent lists (explicit stack), emit a → b
    struct Frame {
        VertexId v;
        std::size_t pos;
    };
    std::vector<Frame> stack{{b, 0}};
    std::vector<std::uint32_t> rels;  // b-side first
    while (!stack.empty()) {
        if (stopped()) return;
        Frame& f = stack.back();
        if (f.v == a) {
            std::vector<std::uint32_t> forward(rels.rbegin(), rels.rend());
            emit(row, a, forward);
            stack.pop_back();
            if (!rels.empty()) rels.pop_back();
            continue;
        }
        const auto& parents = seen.at(f.v).second;
        if (f.pos == parents.size()) {
            stack.pop_back();
            if (!rels.empty()) rels.pop_back();
            continue;
        }
        auto [ri, prev] = parents[f.pos++];
        rels.push_back(ri);
        stack.push_back({prev, 0});
    }
}

std::string ShortestPath::describe(const SlotNames& n) const {
    return describe_expand(s_, n, all_ ? "AllShortestPaths" : "ShortestPath");
}

}  // namespace kgmill::query
