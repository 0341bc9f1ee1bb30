// Grouping and the aggregate functions (openCypher 9): nulls are skipped; count(*) counts rows;
// sum stays an integer until a float joins (overflow is an error); avg is a float; min / max
// use ORDER BY's order; collect of nothing is []; with no grouping keys and no input there is
// still one row (count 0, sum 0, collect [], the others null). Groups come out in the order
// they were first seen, so the output is deterministic.
#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

#include "query/errors.hpp"
#include "query/exec/operators.hpp"

namespace kgmill::query {

struct Aggregate::State {
    std::int64_t count = 0;
    std::int64_t isum = 0;
    double dsum = 0;
    bool is_double = false;
    Value best;  // min / max
    Value::List items;
    std::unique_ptr<std::unordered_set<Value, ValueHash>> seen;  // DISTINCT, made on first use
};

struct Aggregate::Group {
    Row representative;
    std::vector<State> states;
};

Aggregate::Aggregate(std::vector<std::pair<const BExpr*, int>> keys, std::vector<std::pair<const BExpr*, int>> mixed,
                     std::vector<const AggSpec*> aggs, int slot_count)
    : keys_(std::move(keys)), mixed_(std::move(mixed)), aggs_(std::move(aggs)), slot_count_(slot_count) {}

Aggregate::~Aggregate() = default;

namespace {

void update(Aggregate::State& st, const AggSpec& spec, Value v) {
    if (spec.kind == AggKind::kCountStar) {
        ++st.count;
        return;
    }
    if (v.is_null()) return;
    if (spec.distinct) {
        if (!st.seen) st.seen = std::make_unique<std::unordered_set<Value, ValueHash>>();
        if (!st.seen->insert(v).second) return;
    }
    switch (spec.kind) {
        case AggKind::kCountStar:
        case AggKind::kCount: ++st.count; break;
        case AggKind::kCollect: st.items.push_back(std::move(v)); break;
        case AggKind::kMin:
            if (st.best.is_null() || order_compare(v, st.best) < 0) st.best = std::move(v);
            break;
        case AggKind::kMax:
            if (st.best.is_null() || order_compare(v, st.best) > 0) st.best = std::move(v);
            break;
        case AggKind::kSum:
        case AggKind::kAvg:
            if (!v.is_number())
                throw RuntimeError(std::string(spec.kind == AggKind::kSum ? "sum" : "avg") + "() expects numbers, got " + a_kind(v.kind()),
                                   spec.arg.offset, spec.arg.length);
            ++st.count;
            if (v.kind() == Value::Kind::kDouble || st.is_double) {
                if (!st.is_double) {
                    st.dsum = static_cast<double>(st.isum);
                    st.is_double = true;
                }
                st.dsum += v.as_number();
            } else if (__builtin_add_overflow(st.isum, v.as_int(), &st.isum)) {
                if (spec.kind == AggKind::kSum)
                    throw RuntimeError("integer overflow in sum()", spec.arg.offset, spec.arg.length);
                st.is_double = true;  // avg of huge integers: carry on in floating point
                st.dsum = static_cast<double>(st.isum) + v.as_number();
            }
            break;
    }
}

Value result(Aggregate::State& st, const AggSpec& spec) {
    switch (spec.kind) {
        case AggKind::kCountStar:
        case AggKind::kCount: return Value::integer(st.count);
        case AggKind::kCollect: return Value::list(std::move(st.items));
        case AggKind::kMin:
        case AggKind::kMax: return st.best;
        case AggKind::kSum: return st.is_double ? Value::real(st.dsum) : Value::integer(st.isum);
        case AggKind::kAvg:
            if (st.count == 0) return Value();
            return Value::real((st.is_double ? st.dsum : static_cast<double>(st.isum)) / static_cast<double>(st.count));
    }
    return Value();
}

}  // namespace

std::size_t Aggregate::group_of(Row& row) {
    auto add = [&] {
        groups_.push_back(Group{row, std::vector<State>(aggs_.size())});
        return groups_.size() - 1;
    };
    if (keys_.size() != 1) {
        key_buf_.clear();
        for (const auto& [e, slot] : keys_) key_buf_.push_back(eval(*e, row, *ctx));
        auto it = index_.find(key_buf_);
        if (it != index_.end()) return it->second;
        std::size_t gi = add();
        index_.emplace(key_buf_, gi);
        return gi;
    }
    Value key = eval(*keys_[0].first, row, *ctx);
    Recent* recent = nullptr;
    if (key.is_borrowed()) {
        std::string_view sv = key.as_string();
        recent = &recent_[(reinterpret_cast<std::uintptr_t>(sv.data()) >> 3) & 15];
        if (recent->data == sv.data() && recent->size == sv.size()) return recent->group;
        *recent = {sv.data(), sv.size(), 0};
    }
    std::size_t gi;
    auto it = single_index_.find(key);
    if (it != single_index_.end()) {
        gi = it->second;
    } else {
        gi = add();
        single_index_.emplace(std::move(key), gi);
    }
    if (recent) recent->group = gi;
    return gi;
}

void Aggregate::reset() {
    groups_.clear();
    index_.clear();
    single_index_.clear();
    for (Recent& r : recent_) r = Recent{};
}

void Aggregate::push(Row& row) {
    Group& g = groups_[group_of(row)];
    for (std::size_t i = 0; i < aggs_.size(); ++i) {
        const AggSpec& spec = *aggs_[i];
        update(g.states[i], spec, spec.arg.present ? eval(spec.arg, row, *ctx) : Value());
    }
}

void Aggregate::finish() {
    if (groups_.empty() && keys_.empty()) groups_.push_back(Group{Row(static_cast<std::size_t>(slot_count_)), std::vector<State>(aggs_.size())});
    index_.clear();
    single_index_.clear();
    for (Recent& r : recent_) r = Recent{};
    for (Group& g : groups_) {
        if (stopped()) break;
        Row& out = g.representative;
        for (std::size_t i = 0; i < aggs_.size(); ++i) out[aggs_[i]->slot] = result(g.states[i], *aggs_[i]);
        // keys first, into their own slots (the representative row still holds the inputs)
        std::vector<Value> vals;
        for (const auto& [e, slot] : keys_) vals.push_back(eval(*e, out, *ctx));
        for (const auto& [e, slot] : mixed_) vals.push_back(eval(*e, out, *ctx));
        std::size_t k = 0;
        for (const auto& [e, slot] : keys_) out[slot] = std::move(vals[k++]);
        for (const auto& [e, slot] : mixed_) out[slot] = std::move(vals[k++]);
        next->push(out);
    }
    groups_.clear();
    next->finish();
}

void NodeCountFromIndex::push(Row& row) {
    const KnowledgeGraph& g = ctx->g;
    auto by_type = [&](int t) { return g.vertices_of_type(static_cast<EntityType>(t)); };
    std::vector<int> types;
    std::size_t total = 0;
    for (int t = 0; t < kEntityTypeCount; ++t)
        if ((mask_ >> t & 1u) && !by_type(t).empty()) {
            types.push_back(t);
            total += by_type(t).size();
        }
    auto emit = [&](std::size_t count, std::optional<VertexId> sample) {
        row[slot_] = sample ? Value::node(*sample) : Value();
        for (const AggSpec* a : aggs_) row[a->slot] = Value::integer(static_cast<std::int64_t>(count));
        std::vector<Value> vals;
        for (const auto& [e, slot] : keys_) vals.push_back(eval(*e, row, *ctx));
        for (const auto& [e, slot] : mixed_) vals.push_back(eval(*e, row, *ctx));
        std::size_t k = 0;
        for (const auto& [e, slot] : keys_) row[slot] = std::move(vals[k++]);
        for (const auto& [e, slot] : mixed_) row[slot] = std::move(vals[k++]);
        next->push(row);
    };
    if (keys_.empty()) {  // one row, even for no nodes
        emit(total, std::nullopt);
        return;
    }
    // the order a scan meets the labels: by their first vertex
    std::sort(types.begin(), types.end(), [&](int a, int b) {
        return by_type(a).front() < by_type(b).front();
    });
    for (int t : types) {
        if (stopped()) return;
        const auto vs = by_type(t);
        emit(vs.size(), vs.front());
    }
}

std::string NodeCountFromIndex::describe(const SlotNames& names) const {
    std::string s = "NodeCountFromIndex (";
    s += names[static_cast<std::size_t>(slot_)];
    s += ')';
    return s;
}

std::string Aggregate::describe(const SlotNames& names) const {
    std::string s = "Aggregate";
    if (!keys_.empty()) {
        s += " by";
        for (const auto& [e, slot] : keys_) {
            s += ' ';
            s += names[static_cast<std::size_t>(slot)];
        }
    }
    s += ":";
    for (const AggSpec* a : aggs_) {
        s += ' ';
        s += names[static_cast<std::size_t>(a->slot)];
    }
    return s;
}

}  // namespace kgmill::query
