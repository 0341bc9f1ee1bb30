// graph/src/query/planner/planner.hpp — BoundQuery → operator pipelines (internal).
//
// MATCH: each pattern part starts at its cheapest node (a variable bound earlier, then an
// `id = …` lookup, then a `name = …` lookup through the name index, then a label scan, then a
// full scan) and expands outwards; WHERE conjuncts (and property maps) are placed right after
// the operator that binds their last variable. shortestPath parts come last, between bound
// ends. Projections become Project / Aggregate, Distinct, Sort (top-k under a LIMIT), Skip,
// Limit, Filter and, for RETURN, ProduceResults. One rewrite: counting the nodes of a label
// scan, grouped by nothing or by the label, reads the label index instead of the nodes.
#pragma once
#include <vector>

#include "query/binder/bound.hpp"
#include "query/errors.hpp"
#include "query/exec/operators.hpp"

namespace kgmill::query {

class Planner {
public:
    Planner(const BoundQuery& q, std::size_t max_operators) : q_(q), max_operators_(max_operators) {}
    /// One pipeline per UNION part; each ends in ProduceResults. Operators point into `q`,
    /// which must outlive them; before a run, set each operator's ctx and reset() it.
    std::vector<Pipeline> plan();

private:
    struct Conjunct {
        const BExpr* expr;
        std::vector<int> slots;
        bool placed = false;
    };
    template <class Op, class... Args>
    Op* add(Args&&... args);
    void place_ready(std::vector<Conjunct>& conj);

    // plan_match.cpp
    void plan_match(const BoundMatch& m);
    void plan_part(const BoundPart& part, std::size_t start, std::vector<Conjunct>& conj, std::vector<int>& match_rels);
    void plan_start(const BoundNode& n, std::vector<Conjunct>& conj);
    void plan_hop(const BoundRel& r, const BoundNode& from, const BoundNode& to, bool reversed,
                  std::vector<Conjunct>& conj, std::vector<int>& match_rels);
    void plan_shortest(const BoundPart& part, std::vector<Conjunct>& conj);
    int start_score(const BoundNode& n, const std::vector<Conjunct>& conj) const;
    const BExpr* lookup_key(const BoundNode& n, const std::vector<Conjunct>& conj, bool& by_name) const;

    // plan_projection.cpp
    void plan_projection(const BoundProjection& p);
    /// The scan to replace by NodeCountFromIndex, or null when the aggregation needs the rows.
    const NodeScan* counts_from_index(const std::vector<std::pair<const BExpr*, int>>& keys,
                                      const std::vector<std::pair<const BExpr*, int>>& mixed,
                                      const std::vector<const AggSpec*>& aggs) const;

    const BoundQuery& q_;
    std::size_t max_operators_;
    Pipeline* pipe_ = nullptr;
    std::vector<bool> bound_;
    int depth_ = 0;
    int hops_left_ = 0;  ///< relationship patterns of the current MATCH not planned yet
    bool part_has_path_ = false;
};

template <class Op, class... Args>
Op* Planner::add(Args&&... args) {
    if (pipe_->ops.size() >= max_operators_)
        throw BindError("the query needs more than " + std::to_string(max_operators_) + " operators; split it up", 0, 1);
    auto op = std::make_unique<Op>(std::forward<Args>(args)...);
    Op* raw = op.get();
    raw->index = pipe_->ops.size();
    raw->depth = depth_;
    if (!pipe_->ops.empty()) pipe_->ops.back()->next = raw;
    pipe_->ops.push_back(std::move(op));
    return raw;
}

}  // namespace kgmill::query
