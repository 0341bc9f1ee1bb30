// graph/src/query/exec/operators.hpp — the physical operators (internal).
//
// Push model: the planner links operators into a chain; each push(row) writes the slots the
// operator binds and pushes the row on, once per match. Pipeline breakers (Aggregate, Distinct
// is not one, Sort) collect rows and emit them in finish(). LIMIT marks EvalContext::stop_upto
// so that every operator before it stops scanning. The chain is as long as the plan (bounded by
// QueryOptions::max_operators); traversals use explicit stacks.
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "query/binder/bound.hpp"
#include "query/exec/context.hpp"
#include "query/exec/value_ops.hpp"

namespace kgmill::query {

using SlotNames = std::vector<std::string>;

class Operator {
public:
    virtual ~Operator() = default;
    virtual void push(Row& row) = 0;
    virtual void finish() {
        if (next) next->finish();
    }
    /// One line for EXPLAIN.
    virtual std::string describe(const SlotNames& names) const = 0;
    /// Before each run (plans are cached and run again): forget what the last run left.
    virtual void reset() {}

    Operator* next = nullptr;
    std::size_t index = 0;
    EvalContext* ctx = nullptr;
    int depth = 0;  ///< nesting for EXPLAIN (inside OPTIONAL MATCH)

protected:
    bool stopped() const { return ctx->stop_upto > index; }
};

// ---- match operators (match_ops.cpp, var_expand.cpp, shortest_path.cpp) --------------------

/// Every vertex whose label is in `mask`.
class NodeScan final : public Operator {
public:
    NodeScan(int slot, std::uint32_t mask) : slot_(slot), mask_(mask) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;
    int slot() const { return slot_; }
    std::uint32_t mask() const { return mask_; }

private:
    int slot_;
    std::uint32_t mask_;
};

/// The vertex whose `id` (or, by_name, whose name or alias after match_key) equals `key`;
/// the exact WHERE conjunct stays as a Filter after it.
class NodeLookup final : public Operator {
public:
    NodeLookup(int slot, std::uint32_t mask, const BExpr* key, bool by_name)
        : slot_(slot), mask_(mask), key_(key), by_name_(by_name) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    int slot_;
    std::uint32_t mask_;
    const BExpr* key_;
    bool by_name_;
};

/// A variable bound earlier: passes rows where it is a node with an allowed label.
class CheckNode final : public Operator {
public:
    CheckNode(int slot, std::uint32_t mask) : slot_(slot), mask_(mask) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    int slot_;
    std::uint32_t mask_;
};

struct ExpandSpec {
    int from = -1, rel = -1, to = -1;
    std::uint32_t type_mask = 0, to_mask = 0;
    Dir dir = Dir::kBoth;
    bool to_bound = false;         ///< check `to` instead of binding it
    std::vector<int> unique_with;  ///< relationship (or list) slots this match already bound
    // variable length only
    int min_hops = 1, max_hops = 1;
    bool reversed = false;         ///< planned right to left: store the list in pattern order
    bool need_list = true;         ///< false: nothing reads the relationship list (anonymous, last hop)
    std::vector<std::pair<RelKey, std::pair<std::string, const BExpr*>>> rel_props;
};

/// One hop. Symmetric relations (Relation::symmetric()) match both directions.
class Expand final : public Operator {
public:
    explicit Expand(ExpandSpec s) : s_(std::move(s)) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    void emit(Row& row, const Step& st);
    ExpandSpec s_;
};

/// min..max hops with relationship uniqueness along the path (trail semantics), depth-first
/// with an explicit stack.
class VarExpand final : public Operator {
public:
    explicit VarExpand(ExpandSpec s) : s_(std::move(s)) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    bool rel_ok(std::uint32_t ri, const Row& row, const std::vector<Value>& props) const;
    void emit(Row& row, VertexId end, const std::vector<std::uint32_t>& rels);
    ExpandSpec s_;
    /// One frame per vertex on the current path: its candidate steps and the next to try.
    /// Kept between rows so that their buffers are reused.
    struct Frame {
        std::vector<std::pair<std::uint32_t, VertexId>> steps;
        std::size_t pos = 0;
    };
    std::vector<Frame> frames_;
    std::vector<std::uint32_t> path_;
};

/// shortestPath / allShortestPaths between two bound nodes (breadth-first; bidirectional for
/// one shortest path).
class ShortestPath final : public Operator {
public:
    ShortestPath(ExpandSpec s, int path_slot, bool all) : s_(std::move(s)), path_slot_(path_slot), all_(all) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    void emit(Row& row, VertexId a, const std::vector<std::uint32_t>& rels);
    ExpandSpec s_;
    int path_slot_;
    bool all_;
};

/// Builds the path value of `p = (a)-[r]->(b)...` from the pattern's slots.
class BuildPath final : public Operator {
public:
    BuildPath(int slot, std::vector<int> nodes, std::vector<int> rels) : slot_(slot), nodes_(std::move(nodes)), rels_(std::move(rels)) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    int slot_;
    std::vector<int> nodes_, rels_;
};

class OptionalEnd;
/// OPTIONAL MATCH: runs its operators; when none of them produced a row, emits the input row
/// with the optional's new variables set to null.
class OptionalBegin final : public Operator {
public:
    explicit OptionalBegin(std::vector<int> null_slots) : null_slots_(std::move(null_slots)) {}
    void push(Row& row) override;
    void reset() override { matched = false; }
    std::string describe(const SlotNames& n) const override;
    OptionalEnd* end = nullptr;
    bool matched = false;

private:
    std::vector<int> null_slots_;
};

class OptionalEnd final : public Operator {
public:
    explicit OptionalEnd(OptionalBegin* begin) : begin_(begin) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    OptionalBegin* begin_;
};

// ---- row operators (row_ops.cpp, aggregate.cpp) ---------------------------------------------

class Filter final : public Operator {
public:
    explicit Filter(const BExpr* pred) : pred_(pred) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    const BExpr* pred_;
};

class Unwind final : public Operator {
public:
    Unwind(const BExpr* list, int slot) : list_(list), slot_(slot) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    const BExpr* list_;
    int slot_;
};

class Project final : public Operator {
public:
    explicit Project(std::vector<std::pair<const BExpr*, int>> items) : items_(std::move(items)) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    std::vector<std::pair<const BExpr*, int>> items_;
};

/// Groups by the key items and computes the aggregates; a projection without keys gives one
/// row even for no input (count(*) = 0).
class Aggregate final : public Operator {
public:
    Aggregate(std::vector<std::pair<const BExpr*, int>> keys, std::vector<std::pair<const BExpr*, int>> mixed,
              std::vector<const AggSpec*> aggs, int slot_count);
    ~Aggregate() override;
    void push(Row& row) override;
    void finish() override;
    void reset() override;
    std::string describe(const SlotNames& n) const override;
    struct State;

private:
    struct Group;
    std::size_t group_of(Row& row);  ///< the row's group, created when new
    std::vector<std::pair<const BExpr*, int>> keys_, mixed_;
    std::vector<const AggSpec*> aggs_;
    int slot_count_;
    std::vector<Group> groups_;
    std::unordered_map<std::vector<Value>, std::size_t, RowHash> index_;
    std::unordered_map<Value, std::size_t, ValueHash> single_index_;  ///< one grouping key: cheaper
    /// Borrowed strings (labels, names) seen recently, by address: the same bytes of the graph
    /// are the same key, so most rows skip hashing the text.
    struct Recent {
        const char* data = nullptr;  ///< null: empty entry (a borrowed view is never null)
        std::size_t size = 0, group = 0;
    };
    Recent recent_[16];
    std::vector<Value> key_buf_;
};

/// `MATCH (n[:L]) RETURN <label of n>, count(*)` answered from the label index, without
/// visiting the nodes (Neo4j's planner does the same from its count store). Groups come in the
/// order a scan would meet them; keys and mixed items are evaluated on one node of the label.
class NodeCountFromIndex final : public Operator {
public:
    NodeCountFromIndex(int slot, std::uint32_t mask, std::vector<std::pair<const BExpr*, int>> keys,
                       std::vector<std::pair<const BExpr*, int>> mixed, std::vector<const AggSpec*> aggs)
        : slot_(slot), mask_(mask), keys_(std::move(keys)), mixed_(std::move(mixed)), aggs_(std::move(aggs)) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    int slot_;
    std::uint32_t mask_;
    std::vector<std::pair<const BExpr*, int>> keys_, mixed_;
    std::vector<const AggSpec*> aggs_;
};

class Distinct final : public Operator {
public:
    explicit Distinct(std::vector<int> slots) : slots_(std::move(slots)) {}
    void push(Row& row) override;
    void reset() override { seen_.clear(); }
    std::string describe(const SlotNames& n) const override;

private:
    std::vector<int> slots_;
    std::unordered_set<std::vector<Value>, RowHash> seen_;
    std::vector<Value> buf_;
};

/// ORDER BY; with a LIMIT after it only the first SKIP + LIMIT rows are kept sorted (top-k).
class Sort final : public Operator {
public:
    Sort(std::vector<std::pair<const BExpr*, bool>> keys, const BExpr* skip, const BExpr* limit)
        : keys_(std::move(keys)), skip_(skip), limit_(limit) {}
    void push(Row& row) override;
    void finish() override;
    void reset() override;
    std::string describe(const SlotNames& n) const override;

private:
    std::vector<std::pair<const BExpr*, bool>> keys_;
    const BExpr *skip_, *limit_;  ///< null when absent
    std::size_t keep_ = static_cast<std::size_t>(-1);
    std::vector<std::pair<std::vector<Value>, Row>> rows_;
};

/// SKIP n; n (a constant or a parameter) is read when the run starts.
class Skip final : public Operator {
public:
    explicit Skip(const BExpr* n) : expr_(n) {}
    void push(Row& row) override;
    void reset() override;
    std::string describe(const SlotNames& n) const override;

private:
    const BExpr* expr_;
    std::int64_t n_ = 0, seen_ = 0;
};

class Limit final : public Operator {
public:
    explicit Limit(const BExpr* n) : expr_(n) {}
    void push(Row& row) override;
    void reset() override;
    std::string describe(const SlotNames& n) const override;

private:
    const BExpr* expr_;
    std::int64_t n_ = 0, passed_ = 0;
};

/// SKIP / LIMIT value: a non-negative integer (BindError otherwise).
std::int64_t count_value(const BExpr& e, EvalContext& ctx, const char* what);

/// The end of a pipeline: copies the RETURN columns into the result.
class ProduceResults final : public Operator {
public:
    explicit ProduceResults(std::vector<int> slots) : slots_(std::move(slots)) {}
    void push(Row& row) override;
    std::string describe(const SlotNames& n) const override;

private:
    std::vector<int> slots_;
};

/// A planned single query: the first operator receives one empty row.
struct Pipeline {
    std::vector<std::unique_ptr<Operator>> ops;
};

}  // namespace kgmill::query
