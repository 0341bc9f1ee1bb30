// Variable-length expansion: depth-first over an explicit stack, so path length never grows
// the call stack. A relationship appears at most once per path and not at all when another
// relationship pattern of the same MATCH holds it (Cypher's relationship uniqueness; Kùzu's
// default is walk semantics, the cross-check asks it for `* TRAIL`).
#include "query/exec/operators.hpp"
#include "query/exec/traverse.hpp"

namespace kgmill::query {

std::string describe_expand(const ExpandSpec& s, const SlotNames& names, const char* op);

namespace {
bool used_in_row(const Row& row, const std::vector<int>& slots, std::uint32_t ri) {
    for (int s : slots) {
        const Value& v = row[s];
        if (v.kind() == Value::Kind::kRelationship && v.as_relationship() == ri) return true;
        if (v.kind() == Value::Kind::kList)
            for (const Value& x : v.as_list())
                if (x.kind() == Value::Kind::kRelationship && x.as_relationship() == ri) return true;
    }
    return false;
}
}  // namespace

bool VarExpand::rel_ok(std::uint32_t ri, const Row& row, const std::vector<Value>& props) const {
    for (std::size_t i = 0; i < s_.rel_props.size(); ++i) {
        const auto& [key, named] = s_.rel_props[i];
        if (cypher_equals(rel_property(ctx->g, ri, key, named.first), props[i]) != Tri::kTrue) return false;
    }
    return s_.unique_with.empty() || !used_in_row(row, s_.unique_with, ri);
}

void VarExpand::emit(Row& row, VertexId end, const std::vector<std::uint32_t>& rels) {
    const KnowledgeGraph& g = ctx->g;
    if (!(s_.to_mask >> static_cast<int>(g.entity_type(end)) & 1u)) return;
    if (s_.to_bound) {
        const Value& t = row[s_.to];
        if (t.kind() != Value::Kind::kNode || t.as_node() != end) return;
    }
    if (s_.need_list) {
        Value::List list;
        list.reserve(rels.size());
        if (s_.reversed)
            for (auto it = rels.rbegin(); it != rels.rend(); ++it) list.push_back(Value::relationship(*it));
        else
            for (std::uint32_t ri : rels) list.push_back(Value::relationship(ri));
        row[s_.rel] = Value::list(std::move(list));
    }
    if (!s_.to_bound) row[s_.to] = Value::node(end);
    next->push(row);
}

void VarExpand::push(Row& row) {
    const Value& fv = row[s_.from];
    if (fv.kind() != Value::Kind::kNode) return;
    const VertexId start = fv.as_node();
    std::vector<Value> props;
    for (const auto& [key, named] : s_.rel_props) props.push_back(eval(*named.second, row, *ctx));

    std::vector<std::uint32_t>& path = path_;
    path.clear();
    if (s_.min_hops == 0) emit(row, start, path);
    if (s_.max_hops == 0) return;

    // frames_[d] holds the steps out of the vertex at depth d of the current path
    std::size_t depth = 0;
    auto open = [&](VertexId v) {
        if (frames_.size() <= depth) frames_.emplace_back();
        Frame& f = frames_[depth];
        f.steps.clear();
        f.pos = 0;
        for_each_step(ctx->g, v, s_.dir, s_.type_mask, [&](const Step& st) {
            f.steps.emplace_back(st.rel, st.other);
            return true;
        });
    };
    open(start);
    while (true) {
        if (stopped()) return;
        Frame& f = frames_[depth];
        if (f.pos == f.steps.size()) {
            if (depth == 0) return;
            --depth;
            path.pop_back();
            continue;
        }
        auto [ri, other] = f.steps[f.pos++];
        bool repeated = false;
        for (std::uint32_t p : path) repeated = repeated || p == ri;
        if (repeated || !rel_ok(ri, row, props)) continue;
        path.push_back(ri);
        if (static_cast<int>(path.size()) >= s_.min_hops) emit(row, other, path);
        if (static_cast<int>(path.size()) < s_.max_hops) {
            ++depth;
            open(other);
        } else {
            path.pop_back();
        }
    }
}

std::string VarExpand::describe(const SlotNames& n) const { return describe_expand(s_, n, "VarLengthExpand"); }

}  // namespace kgmill::query
