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

/// Open-addressing map VertexId → Visit for the two searches: a search touches few vertices of
/// a large graph, so a hash table beats an array the size of the graph, and linear probing over
/// one flat array beats std::unordered_map's nodes.
class VisitMap {
public:
    VisitMap() : keys_(64, kEmpty), vals_(64) {}
    /// Inserts when absent; returns false when `v` was already there.
    bool insert(VertexId v, const Visit& x) {
        if ((size_ + 1) * 2 > keys_.size()) grow();
        std::size_t i = slot(v);
        if (keys_[i] == v) return false;
        keys_[i] = v;
        vals_[i] = x;
        ++size_;
        return true;
    }
    const Visit* find(VertexId v) const {
        std::size_t i = slot(v);
        return keys_[i] == v ? &vals_[i] : nullptr;
    }

private:
    static constexpr VertexId kEmpty = static_cast<VertexId>(-1);
    std::size_t slot(VertexId v) const {
        std::size_t mask = keys_.size() - 1;
        std::size_t i = (static_cast<std::size_t>(v) * 0x9E3779B97F4A7C15ULL >> 20) & mask;
        while (keys_[i] != kEmpty && keys_[i] != v) i = (i + 1) & mask;
        return i;
    }
    void grow() {
        std::vector<VertexId> keys(keys_.size() * 2, kEmpty);
        std::vector<Visit> vals(keys.size());
        std::swap(keys, keys_);
        std::swap(vals, vals_);
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (keys[i] != kEmpty) {
                std::size_t j = slot(keys[i]);
                keys_[j] = keys[i];
                vals_[j] = vals[i];
            }
    }
    std::vector<VertexId> keys_;
    std::vector<Visit> vals_;
    std::size_t size_ = 0;
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
            cur = other_end(ctx->g, ri, cur);
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
        // Level by level from the smaller side. The first vertex found that the other side has
        // seen closes a shortest path: every vertex it could meet instead is as far from the
        // other end (a closer one would have been met when it or its neighbour was reached).
        VisitMap fwd, bwd;
        fwd.insert(a, Visit{0, a, 0});
        bwd.insert(b, Visit{0, b, 0});
        std::vector<VertexId> ff{a}, bf{b}, nextf;
        int df = 0, db = 0;
        while (!ff.empty() && !bf.empty() && df + db < s_.max_hops) {
            if (stopped()) return;
            const bool forward = ff.size() <= bf.size();
            auto& frontier = forward ? ff : bf;
            auto& mine = forward ? fwd : bwd;
            const auto& theirs = forward ? bwd : fwd;
            const Dir dir = forward ? s_.dir : reverse(s_.dir);
            const int depth = (forward ? df : db) + 1;
            nextf.clear();
            bool met = false;
            VertexId meet = 0;
            for (VertexId v : frontier) {
                for_each_step(ctx->g, v, dir, s_.type_mask, [&](const Step& st) {
                    const std::uint32_t ri = st.rel;
                    const VertexId w = st.other;
                    if (!props.empty() && !rel_ok(ri)) return true;
                    if (!mine.insert(w, Visit{ri, v, depth})) return true;
                    nextf.push_back(w);
                    if (theirs.find(w)) {
                        met = true;
                        meet = w;
                        return false;
                    }
                    return true;
                });
                if (met) break;
            }
            (forward ? df : db) = depth;
            frontier.swap(nextf);
            if (met) {
                if (df + db < s_.min_hops) return;
                std::vector<std::uint32_t> rels;
                for (VertexId v = meet; v != a;) {
                    const Visit& x = *fwd.find(v);
                    rels.push_back(x.rel);
                    v = x.prev;
                }
                std::reverse(rels.begin(), rels.end());
                for (VertexId v = meet; v != b;) {
                    const Visit& x = *bwd.find(v);
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
            for_each_step(ctx->g, v, s_.dir, s_.type_mask, [&](const Step& st) {
                const std::uint32_t ri = st.rel;
                const VertexId w = st.other;
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
