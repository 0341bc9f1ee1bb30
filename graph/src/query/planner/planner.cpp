// The planner's driver: clauses in order, operators linked into a chain, size limit.
#include "query/planner/planner.hpp"

#include "query/binder/binder.hpp"
#include "query/errors.hpp"

namespace kgmill::query {

void Planner::place_ready(std::vector<Conjunct>& conj) {
    for (Conjunct& c : conj) {
        if (c.placed) continue;
        bool ready = true;
        for (int s : c.slots) ready = ready && bound_[static_cast<std::size_t>(s)];
        if (!ready) continue;
        add<Filter>(c.expr);
        c.placed = true;
    }
}

std::vector<Pipeline> Planner::plan() {
    std::vector<Pipeline> out;
    out.reserve(q_.parts.size());
    for (const BoundSingleQuery& sq : q_.parts) {
        out.emplace_back();
        pipe_ = &out.back();
        bound_.assign(static_cast<std::size_t>(q_.slot_count), false);
        for (const BoundClause& c : sq.clauses) {
            switch (c.kind) {
                case BoundClause::Kind::kMatch: plan_match(c.match); break;
                case BoundClause::Kind::kUnwind:
                    add<Unwind>(&c.unwind.list, c.unwind.slot);
                    bound_[static_cast<std::size_t>(c.unwind.slot)] = true;
                    break;
                case BoundClause::Kind::kProjection: plan_projection(c.projection); break;
            }
        }
    }
    return out;
}

}  // namespace kgmill::query
