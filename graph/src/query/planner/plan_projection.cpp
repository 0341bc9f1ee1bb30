// WITH / RETURN planning: Project or Aggregate, then Distinct, Sort (top-k when a LIMIT
// follows), Skip, Limit, WITH's WHERE, and the result sink for RETURN.
#include <functional>
#include <set>

#include "query/binder/binder.hpp"
#include "query/planner/planner.hpp"

namespace kgmill::query {

namespace {

/// True when `e` depends on the node in `slot` through its label only: n.type, labels(n),
/// labels(n)[k], or constants around them.
bool label_only(const BExpr& e, int slot) {
    switch (e.op) {
        case BOp::kConst: return true;
        case BOp::kSlot: return false;
        case BOp::kProperty: return e.node_key == NodeKey::kType && e.args[0].op == BOp::kSlot && e.args[0].slot == slot;
        case BOp::kFunc:
            if (std::string_view(e.fn->name) == "labels") return e.args[0].op == BOp::kSlot && e.args[0].slot == slot;
            [[fallthrough]];
        default:
            if (e.op == BOp::kListComp || e.op == BOp::kAll || e.op == BOp::kAny || e.op == BOp::kNone || e.op == BOp::kSingle)
                return false;
            for (const BExpr& a : e.args)
                if (a.present && !label_only(a, slot)) return false;
            return true;
    }
}

}  // namespace

const NodeScan* Planner::counts_from_index(const std::vector<std::pair<const BExpr*, int>>& keys,
                                          const std::vector<std::pair<const BExpr*, int>>& mixed,
                                          const std::vector<const AggSpec*>& aggs) const {
    // the whole pipeline so far is one label scan: MATCH (n[:L]) with nothing else
    if (pipe_->ops.size() != 1) return nullptr;
    const auto* scan = dynamic_cast<const NodeScan*>(pipe_->ops.front().get());
    if (!scan) return nullptr;
    const int slot = scan->slot();
    for (const AggSpec* a : aggs) {
        bool count_rows = a->kind == AggKind::kCountStar ||
                          (a->kind == AggKind::kCount && a->arg.op == BOp::kSlot && a->arg.slot == slot);
        if (!count_rows) return nullptr;
    }
    std::set<int> agg_slots;
    for (const AggSpec* a : aggs) agg_slots.insert(a->slot);
    for (const auto& [e, s] : keys)
        if (!label_only(*e, slot)) return nullptr;
    for (const auto& [e, s] : mixed) {
        // aggregate results (slots) and label-only parts
        std::vector<int> used;
        collect_slots(*e, used);
        for (int u : used)
            if (u != slot && !agg_slots.count(u)) return nullptr;
        std::function<bool(const BExpr&)> ok = [&](const BExpr& x) {
            if (x.op == BOp::kSlot) return agg_slots.count(x.slot) > 0;
            if (x.op == BOp::kProperty || x.op == BOp::kFunc) return label_only(x, slot);
            for (const BExpr& a : x.args)
                if (a.present && !ok(a)) return false;
            return x.op != BOp::kListComp && x.op != BOp::kAll && x.op != BOp::kAny && x.op != BOp::kNone && x.op != BOp::kSingle;
        };
        if (!ok(*e)) return nullptr;
    }
    return scan;
}

void Planner::plan_projection(const BoundProjection& p) {
    std::vector<int> item_slots;
    for (const BoundItem& it : p.items) item_slots.push_back(it.slot);
    if (!p.aggregates.empty()) {
        std::vector<std::pair<const BExpr*, int>> keys, mixed;
        for (const BoundItem& it : p.items) (it.has_aggregate ? mixed : keys).emplace_back(&it.expr, it.slot);
        std::vector<const AggSpec*> aggs;
        for (const AggSpec& a : p.aggregates) aggs.push_back(&a);
        if (const NodeScan* scan = counts_from_index(keys, mixed, aggs)) {
            int slot = scan->slot();
            std::uint32_t mask = scan->mask();
            pipe_->ops.pop_back();
            add<NodeCountFromIndex>(slot, mask, std::move(keys), std::move(mixed), std::move(aggs));
        } else {
            add<Aggregate>(std::move(keys), std::move(mixed), std::move(aggs), q_.slot_count);
        }
        for (const AggSpec& a : p.aggregates) bound_[static_cast<std::size_t>(a.slot)] = true;
    } else {
        std::vector<std::pair<const BExpr*, int>> computed;
        for (const BoundItem& it : p.items)
            if (!it.passthrough) computed.emplace_back(&it.expr, it.slot);
        if (!computed.empty()) add<Project>(std::move(computed));
    }
    for (int s : item_slots) bound_[static_cast<std::size_t>(s)] = true;
    if (p.distinct) add<Distinct>(item_slots);
    const BExpr* skip = p.skip.present ? &p.skip : nullptr;
    const BExpr* limit = p.limit.present ? &p.limit : nullptr;
    if (!p.order_by.empty()) {
        std::vector<std::pair<const BExpr*, bool>> keys;
        for (const BoundSort& s : p.order_by) keys.emplace_back(&s.expr, s.descending);
        add<Sort>(std::move(keys), skip, limit);
    }
    if (skip) add<Skip>(skip);
    if (limit) add<Limit>(limit);
    for (const BExpr& w : p.where) add<Filter>(&w);
    if (p.is_return) add<ProduceResults>(item_slots);
}

}  // namespace kgmill::query
