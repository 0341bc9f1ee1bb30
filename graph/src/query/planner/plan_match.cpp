// MATCH / OPTIONAL MATCH planning: start node choice, expansion order, WHERE placement.
#include "query/binder/binder.hpp"
#include "query/exec/traverse.hpp"
#include "query/planner/planner.hpp"

namespace kgmill::query {

namespace {
constexpr std::uint32_t kAllEntityTypes = (1u << kEntityTypeCount) - 1;
}

const BExpr* Planner::lookup_key(const BoundNode& n, const std::vector<Conjunct>& conj, bool& by_name) const {
    const BExpr* by_id_key = nullptr;
    const BExpr* name_key = nullptr;
    for (const Conjunct& c : conj) {
        if (c.placed || c.expr->op != BOp::kEq) continue;
        for (int side = 0; side < 2; ++side) {
            const BExpr& prop = c.expr->args[static_cast<std::size_t>(side)];
            const BExpr& other = c.expr->args[static_cast<std::size_t>(1 - side)];
            if (prop.op != BOp::kProperty || prop.args[0].op != BOp::kSlot || prop.args[0].slot != n.slot) continue;
            if (prop.node_key != NodeKey::kId && prop.node_key != NodeKey::kName) continue;
            std::vector<int> slots;
            collect_slots(other, slots);
            bool ready = true;
            for (int s : slots) ready = ready && s != n.slot && bound_[static_cast<std::size_t>(s)];
            if (!ready) continue;
            if (prop.node_key == NodeKey::kId && !by_id_key) by_id_key = &other;
            if (prop.node_key == NodeKey::kName && !name_key) name_key = &other;
        }
    }
    by_name = by_id_key == nullptr && name_key != nullptr;
    return by_id_key ? by_id_key : name_key;
}

int Planner::start_score(const BoundNode& n, const std::vector<Conjunct>& conj) const {
    if (bound_[static_cast<std::size_t>(n.slot)]) return 100;
    bool by_name = false;
    if (lookup_key(n, conj, by_name)) return by_name ? 40 : 50;
    return n.type_mask != kAllEntityTypes ? 10 : 0;
}

void Planner::plan_start(const BoundNode& n, std::vector<Conjunct>& conj) {
    auto s = static_cast<std::size_t>(n.slot);
    if (bound_[s]) {
        add<CheckNode>(n.slot, n.type_mask);
    } else {
        bool by_name = false;
        const BExpr* key = lookup_key(n, conj, by_name);
        if (key) add<NodeLookup>(n.slot, n.type_mask, key, by_name);
        else add<NodeScan>(n.slot, n.type_mask);
        bound_[s] = true;
    }
    place_ready(conj);
}

void Planner::plan_hop(const BoundRel& r, const BoundNode& from, const BoundNode& to, bool reversed,
                       std::vector<Conjunct>& conj, std::vector<int>& match_rels) {
    ExpandSpec s;
    s.from = from.slot;
    s.rel = r.slot;
    s.to = to.slot;
    s.type_mask = r.type_mask;
    s.to_mask = to.type_mask;
    s.dir = reversed ? reverse(r.dir) : r.dir;
    s.to_bound = bound_[static_cast<std::size_t>(to.slot)];
    s.unique_with = match_rels;
    --hops_left_;
    if (r.var_length) {
        s.min_hops = r.min_hops;
        s.max_hops = r.max_hops;
        s.reversed = reversed;
        // an anonymous list that no later hop checks for uniqueness and no path reads
        s.need_list = !r.name.empty() || hops_left_ > 0 || part_has_path_;
        for (const auto& [key, named] : r.properties) s.rel_props.push_back({key, {named.first, &named.second}});
        add<VarExpand>(std::move(s));
    } else {
        add<Expand>(std::move(s));
    }
    bound_[static_cast<std::size_t>(r.slot)] = true;
    bound_[static_cast<std::size_t>(to.slot)] = true;
    match_rels.push_back(r.slot);
    place_ready(conj);
}

void Planner::plan_part(const BoundPart& part, std::size_t start, std::vector<Conjunct>& conj, std::vector<int>& match_rels) {
    part_has_path_ = part.path_slot >= 0;
    plan_start(part.nodes[start], conj);
    for (std::size_t i = start; i < part.rels.size(); ++i)
        plan_hop(part.rels[i], part.nodes[i], part.nodes[i + 1], false, conj, match_rels);
    for (std::size_t i = start; i-- > 0;) plan_hop(part.rels[i], part.nodes[i + 1], part.nodes[i], true, conj, match_rels);
    if (part.path_slot >= 0) {
        std::vector<int> nodes, rels;
        for (const BoundNode& n : part.nodes) nodes.push_back(n.slot);
        for (const BoundRel& r : part.rels) rels.push_back(r.slot);
        add<BuildPath>(part.path_slot, std::move(nodes), std::move(rels));
        bound_[static_cast<std::size_t>(part.path_slot)] = true;
        place_ready(conj);
    }
}

void Planner::plan_shortest(const BoundPart& part, std::vector<Conjunct>& conj) {
    plan_start(part.nodes[0], conj);
    plan_start(part.nodes[1], conj);
    const BoundRel& r = part.rels[0];
    ExpandSpec s;
    s.from = part.nodes[0].slot;
    s.to = part.nodes[1].slot;
    s.rel = r.slot;
    s.type_mask = r.type_mask;
    s.to_mask = part.nodes[1].type_mask;
    s.dir = r.dir;
    s.to_bound = true;
    s.min_hops = r.min_hops;
    s.max_hops = r.max_hops;
    for (const auto& [key, named] : r.properties) s.rel_props.push_back({key, {named.first, &named.second}});
    --hops_left_;
    add<ShortestPath>(std::move(s), part.path_slot, part.shortest == ShortestKind::kAll);
    bound_[static_cast<std::size_t>(r.slot)] = true;
    if (part.path_slot >= 0) bound_[static_cast<std::size_t>(part.path_slot)] = true;
    place_ready(conj);
}

void Planner::plan_match(const BoundMatch& m) {
    OptionalBegin* begin = nullptr;
    if (m.optional) {
        begin = add<OptionalBegin>(m.new_slots);
        ++depth_;
    }
    std::vector<Conjunct> conj;
    for (const BExpr& e : m.conjuncts) {
        Conjunct c{&e, {}, false};
        collect_slots(e, c.slots);
        conj.push_back(std::move(c));
    }
    place_ready(conj);  // conditions on earlier variables only: filter first

    std::vector<int> match_rels;
    hops_left_ = 0;
    for (const BoundPart& part : m.parts) hops_left_ += static_cast<int>(part.rels.size());
    std::vector<bool> done(m.parts.size(), false);
    while (true) {
        int best_score = -1;
        std::size_t best_part = 0, best_node = 0;
        for (std::size_t p = 0; p < m.parts.size(); ++p) {
            if (done[p] || m.parts[p].shortest != ShortestKind::kNone) continue;
            for (std::size_t i = 0; i < m.parts[p].nodes.size(); ++i) {
                int score = start_score(m.parts[p].nodes[i], conj);
                if (score > best_score) {
                    best_score = score;
                    best_part = p;
                    best_node = i;
                }
            }
        }
        if (best_score < 0) break;
        plan_part(m.parts[best_part], best_node, conj, match_rels);
        done[best_part] = true;
    }
    for (const BoundPart& part : m.parts)
        if (part.shortest != ShortestKind::kNone) plan_shortest(part, conj);
    for (Conjunct& c : conj)
        if (!c.placed) {
            add<Filter>(c.expr);
            c.placed = true;
        }
    if (begin) {
        --depth_;
        begin->end = add<OptionalEnd>(begin);
    }
    for (int s : m.new_slots) bound_[static_cast<std::size_t>(s)] = true;
}

}  // namespace kgmill::query
