// WITH / RETURN planning: Project or Aggregate, then Distinct, Sort (top-k when a LIMIT
// follows), Skip, Limit, WITH's WHERE, and the result sink for RETURN.
#include "query/planner/planner.hpp"

namespace kgmill::query {

std::int64_t Planner::constant_count(const BExpr& e, const char* what) {
    Row dummy(static_cast<std::size_t>(q_.slot_count));
    Value v = eval(e, dummy, ctx_);
    if (v.kind() != Value::Kind::kInt || v.as_int() < 0)
        throw BindError(std::string(what) + " must be a non-negative integer, got " +
                            (v.kind() == Value::Kind::kInt ? std::to_string(v.as_int()) : std::string(kind_name(v.kind()))),
                        e.offset, e.length);
    return v.as_int();
}

void Planner::plan_projection(const BoundProjection& p) {
    std::vector<int> item_slots;
    for (const BoundItem& it : p.items) item_slots.push_back(it.slot);
    if (!p.aggregates.empty()) {
        std::vector<std::pair<const BExpr*, int>> keys, mixed;
        for (const BoundItem& it : p.items) (it.has_aggregate ? mixed : keys).emplace_back(&it.expr, it.slot);
        std::vector<const AggSpec*> aggs;
        for (const AggSpec& a : p.aggregates) aggs.push_back(&a);
        add<Aggregate>(std::move(keys), std::move(mixed), std::move(aggs), q_.slot_count);
        for (const AggSpec& a : p.aggregates) bound_[static_cast<std::size_t>(a.slot)] = true;
    } else {
        std::vector<std::pair<const BExpr*, int>> computed;
        for (const BoundItem& it : p.items)
            if (!it.passthrough) computed.emplace_back(&it.expr, it.slot);
        if (!computed.empty()) add<Project>(std::move(computed));
    }
    for (int s : item_slots) bound_[static_cast<std::size_t>(s)] = true;
    if (p.distinct) add<Distinct>(item_slots);
    std::int64_t skip = p.skip.present ? constant_count(p.skip, "SKIP") : 0;
    std::int64_t limit = p.limit.present ? constant_count(p.limit, "LIMIT") : -1;
    if (!p.order_by.empty()) {
        std::vector<std::pair<const BExpr*, bool>> keys;
        for (const BoundSort& s : p.order_by) keys.emplace_back(&s.expr, s.descending);
        std::size_t keep = limit >= 0 ? static_cast<std::size_t>(skip + limit) : static_cast<std::size_t>(-1);
        add<Sort>(std::move(keys), keep);
    }
    if (skip > 0) add<Skip>(skip);
    if (limit >= 0) add<Limit>(limit);
    for (const BExpr& w : p.where) add<Filter>(&w);
    if (p.is_return) add<ProduceResults>(item_slots, rows_);
}

}  // namespace kgmill::query
