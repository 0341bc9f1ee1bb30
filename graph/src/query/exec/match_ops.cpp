// Node scans and lookups, single-hop expansion, paths and OPTIONAL MATCH.
//
// Symmetric relations: the store keeps SIGNED_AGREEMENT_WITH / COOPERATES_WITH between
// organisations once (source → target), and the ontology says their direction carries no
// meaning. Expand therefore lets a directed pattern match them from either end:
// (a)-[:SIGNED_AGREEMENT_WITH]->(b) finds the pair both ways round, like an undirected pattern.
// (A database loaded from the Neo4j CSV, such as Kùzu in tests/e2e/query_vs_kuzu.sh, sees the
// stored direction only; the cross-check writes those patterns undirected on the Kùzu side.)
#include <algorithm>

#include "query/errors.hpp"
#include "query/exec/operators.hpp"
#include "query/exec/traverse.hpp"

namespace kgmill::query {

namespace {

constexpr std::uint32_t kAllEntityTypes = (1u << kEntityTypeCount) - 1;
constexpr std::uint32_t kAllRelationTypes = (1u << kRelationTypeCount) - 1;

std::string slot_name(const SlotNames& names, int slot) {
    if (slot < 0) return "_";
    const std::string& n = names[static_cast<std::size_t>(slot)];
    if (!n.empty()) return n;
    std::string anon = "anon_";
    anon += std::to_string(slot);
    return anon;
}

std::string labels_text(std::uint32_t mask) {
    if (mask == kAllEntityTypes) return "";
    std::string s;
    for (int i = 0; i < kEntityTypeCount; ++i)
        if (mask >> i & 1u) {
            s += s.empty() ? ':' : '|';
            s += entity_type_name(static_cast<EntityType>(i));
        }
    return s.empty() ? ":<none>" : s;
}

std::string types_text(std::uint32_t mask) {
    if (mask == kAllRelationTypes) return "";
    std::string s;
    for (int i = 0; i < kRelationTypeCount; ++i)
        if (mask >> i & 1u) {
            s += s.empty() ? ':' : '|';
            s += relation_type_name(static_cast<RelationType>(i));
        }
    return s;
}

}  // namespace

std::string describe_expand(const ExpandSpec& s, const SlotNames& names, const char* op) {
    std::string out = op;
    if (s.to_bound) out += "Into";
    out += " (";
    out += slot_name(names, s.from);
    out += s.dir == Dir::kIn ? ")<-[" : ")-[";
    out += slot_name(names, s.rel);
    out += types_text(s.type_mask);
    if (std::string_view(op) != "Expand") {
        out += '*';
        out += std::to_string(s.min_hops);
        out += "..";
        out += std::to_string(s.max_hops);
    }
    out += s.dir == Dir::kOut ? "]->(" : "]-(";
    out += slot_name(names, s.to);
    out += labels_text(s.to_mask);
    out += ')';
    return out;
}

// ---- scans ---------------------------------------------------------------------------------

void NodeScan::push(Row& row) {
    const KnowledgeGraph& g = ctx->g;
    int single = -1;
    for (int t = 0; t < kEntityTypeCount; ++t)
        if (mask_ == (1u << t)) single = t;
    if (single >= 0) {
        for (VertexId v : ctx->g.vertices_of_type(static_cast<EntityType>(single))) {
            if (stopped()) return;
            row[slot_] = Value::node(v);
            next->push(row);
        }
        return;
    }
    for (VertexId v = 0; v < g.vertex_count(); ++v) {
        if (stopped()) return;
        if (!(mask_ >> static_cast<int>(g.entity_type(v)) & 1u)) continue;
        row[slot_] = Value::node(v);
        next->push(row);
    }
}

std::string NodeScan::describe(const SlotNames& n) const { return "NodeScan (" + slot_name(n, slot_) + labels_text(mask_) + ")"; }

void NodeLookup::push(Row& row) {
    Value key = eval(*key_, row, *ctx);
    if (key.kind() != Value::Kind::kString) return;  // = null or = 42 matches no id / name
    const KnowledgeGraph& g = ctx->g;
    if (!by_name_) {
        auto v = g.find_id(key.as_string());
        if (v && (mask_ >> static_cast<int>(g.entity_type(*v)) & 1u)) {
            row[slot_] = Value::node(*v);
            next->push(row);
        }
        return;
    }
    std::vector<VertexId> cands = g.find_by_name(key.as_string());
    std::sort(cands.begin(), cands.end());  // the order of a scan
    for (VertexId v : cands) {
        if (stopped()) return;
        if (!(mask_ >> static_cast<int>(g.entity_type(v)) & 1u)) continue;
        row[slot_] = Value::node(v);
        next->push(row);
    }
}

std::string NodeLookup::describe(const SlotNames& n) const {
    return std::string(by_name_ ? "NodeByName" : "NodeById") + " (" + slot_name(n, slot_) + labels_text(mask_) + ")";
}

void CheckNode::push(Row& row) {
    const Value& v = row[slot_];
    if (v.is_null()) return;
    if (v.kind() != Value::Kind::kNode)
        throw RuntimeError("a pattern node is bound to " + a_kind(v.kind()) + ", not a node");
    if (!(mask_ >> static_cast<int>(ctx->g.entity_type(v.as_node())) & 1u)) return;
    next->push(row);
}

std::string CheckNode::describe(const SlotNames& n) const {
    return "Argument (" + slot_name(n, slot_) + labels_text(mask_) + ")";
}

// ---- one hop -------------------------------------------------------------------------------

namespace {

/// True when relation `ri` is already bound in one of `slots` (a relationship or a list).
bool used_in(const Row& row, const std::vector<int>& slots, std::uint32_t ri) {
    for (int s : slots) {
        const Value& v = row[s];
        if (v.kind() == Value::Kind::kRelationship) {
            if (v.as_relationship() == ri) return true;
        } else if (v.kind() == Value::Kind::kList) {
            for (const Value& x : v.as_list())
                if (x.kind() == Value::Kind::kRelationship && x.as_relationship() == ri) return true;
        }
    }
    return false;
}

}  // namespace

void Expand::emit(Row& row, const Step& st) {
    if (!(s_.to_mask >> st.other_type & 1u)) return;
    if (s_.to_bound) {
        const Value& t = row[s_.to];
        if (t.kind() != Value::Kind::kNode || t.as_node() != st.other) return;
    }
    if (!s_.unique_with.empty() && used_in(row, s_.unique_with, st.rel)) return;
    row[s_.rel] = Value::relationship(st.rel);
    if (!s_.to_bound) row[s_.to] = Value::node(st.other);
    next->push(row);
}

void Expand::push(Row& row) {
    const Value& fv = row[s_.from];
    if (fv.kind() != Value::Kind::kNode) return;
    for_each_step(ctx->g, fv.as_node(), s_.dir, s_.type_mask, [&](const Step& st) {
        if (stopped()) return false;
        emit(row, st);
        return true;
    });
}

std::string Expand::describe(const SlotNames& n) const { return describe_expand(s_, n, "Expand"); }

// ---- paths ---------------------------------------------------------------------------------

void BuildPath::push(Row& row) {
    Path p;
    const KnowledgeGraph& g = ctx->g;
    const Value& first = row[nodes_[0]];
    if (first.kind() != Value::Kind::kNode) return;
    VertexId cur = first.as_node();
    p.nodes.push_back(cur);
    for (int rs : rels_) {
        const Value& rv = row[rs];
        auto step = [&](std::uint32_t ri) {
            p.rels.push_back(ri);
            cur = other_end(g, ri, cur);
            p.nodes.push_back(cur);
        };
        if (rv.kind() == Value::Kind::kRelationship) {
            step(rv.as_relationship());
        } else if (rv.kind() == Value::Kind::kList) {
            for (const Value& x : rv.as_list()) step(x.as_relationship());
        } else {
            return;
        }
    }
    row[slot_] = Value::path(std::move(p));
    next->push(row);
}

std::string BuildPath::describe(const SlotNames& n) const { return "BuildPath " + slot_name(n, slot_); }

// ---- OPTIONAL MATCH ------------------------------------------------------------------------

void OptionalBegin::push(Row& row) {
    bool saved = matched;
    matched = false;
    next->push(row);
    bool any = matched;
    matched = saved;
    if (!any && !stopped()) {
        for (int s : null_slots_) row[s] = Value();
        end->next->push(row);
    }
}

std::string OptionalBegin::describe(const SlotNames&) const { return "Optional"; }

void OptionalEnd::push(Row& row) {
    begin_->matched = true;
    next->push(row);
}

std::string OptionalEnd::describe(const SlotNames&) const { return "EndOptional"; }

}  // namespace kgmill::query
