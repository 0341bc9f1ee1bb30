// Filter, UNWIND, projection, DISTINCT, ORDER BY, SKIP, LIMIT and the result sink.
#include <algorithm>
#include <numeric>

#include "query/errors.hpp"
#include "query/exec/operators.hpp"

namespace kgmill::query {

namespace {
std::string name_of(const SlotNames& names, int slot) {
    const std::string& n = names[static_cast<std::size_t>(slot)];
    if (!n.empty()) return n;
    std::string anon = "anon_";
    anon += std::to_string(slot);
    return anon;
}
}  // namespace

void Filter::push(Row& row) {
    if (eval_predicate(*pred_, row, *ctx) == Tri::kTrue) next->push(row);
}
std::string Filter::describe(const SlotNames&) const { return "Filter"; }

void Unwind::push(Row& row) {
    Value v = eval(*list_, row, *ctx);
    if (v.is_null()) return;
    if (v.kind() != Value::Kind::kList) {  // UNWIND 5 AS x gives one row
        row[slot_] = std::move(v);
        next->push(row);
        return;
    }
    for (const Value& x : v.as_list()) {
        if (stopped()) return;
        row[slot_] = x;
        next->push(row);
    }
}
std::string Unwind::describe(const SlotNames& n) const { return "Unwind " + name_of(n, slot_); }

void Project::push(Row& row) {
    for (const auto& [e, slot] : items_) row[slot] = eval(*e, row, *ctx);
    next->push(row);
}
std::string Project::describe(const SlotNames& n) const {
    std::string s = "Project";
    for (const auto& [e, slot] : items_) {
        s += ' ';
        s += name_of(n, slot);
    }
    return s;
}

void Distinct::push(Row& row) {
    buf_.clear();
    for (int s : slots_) buf_.push_back(row[s]);
    if (seen_.count(buf_)) return;
    seen_.insert(buf_);
    next->push(row);
}
std::string Distinct::describe(const SlotNames& n) const {
    std::string s = "Distinct";
    for (int slot : slots_) {
        s += ' ';
        s += name_of(n, slot);
    }
    return s;
}

std::int64_t count_value(const BExpr& e, EvalContext& ctx, const char* what) {
    Row none;
    Value v = eval(e, none, ctx);
    if (v.kind() != Value::Kind::kInt || v.as_int() < 0)
        throw BindError(std::string(what) + " must be a non-negative integer, got " +
                            (v.kind() == Value::Kind::kInt ? std::to_string(v.as_int()) : a_kind(v.kind())),
                        e.offset, e.length);
    return v.as_int();
}

void Sort::reset() {
    rows_.clear();
    keep_ = static_cast<std::size_t>(-1);
    if (limit_)
        keep_ = static_cast<std::size_t>(count_value(*limit_, *ctx, "LIMIT") + (skip_ ? count_value(*skip_, *ctx, "SKIP") : 0));
}

void Sort::push(Row& row) {
    std::vector<Value> keys;
    keys.reserve(keys_.size());
    for (const auto& [e, desc] : keys_) keys.push_back(eval(*e, row, *ctx));
    rows_.emplace_back(std::move(keys), row);
}

void Sort::finish() {
    std::vector<std::size_t> order(rows_.size());
    std::iota(order.begin(), order.end(), 0);
    auto less = [&](std::size_t x, std::size_t y) {
        const auto& kx = rows_[x].first;
        const auto& ky = rows_[y].first;
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            int c = order_compare(kx[i], ky[i]);
            if (c != 0) return keys_[i].second ? c > 0 : c < 0;
        }
        return x < y;  // stable: ties keep their input order
    };
    if (keep_ < order.size()) {
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep_), order.end(), less);
        order.resize(keep_);
    } else {
        std::sort(order.begin(), order.end(), less);
    }
    for (std::size_t i : order) {
        if (stopped()) break;
        next->push(rows_[i].second);
    }
    rows_.clear();
    next->finish();
}

std::string Sort::describe(const SlotNames&) const { return limit_ ? "Top" : "Sort"; }

void Skip::reset() {
    n_ = count_value(*expr_, *ctx, "SKIP");
    seen_ = 0;
}

void Skip::push(Row& row) {
    if (seen_++ < n_) return;
    next->push(row);
}
std::string Skip::describe(const SlotNames&) const {
    return expr_->op == BOp::kConst && expr_->constant.kind() == Value::Kind::kInt ? "Skip " + std::to_string(expr_->constant.as_int())
                                                                                   : "Skip";
}

void Limit::reset() {
    n_ = count_value(*expr_, *ctx, "LIMIT");
    passed_ = 0;
}

void Limit::push(Row& row) {
    if (passed_ >= n_) {
        ctx->stop_upto = std::max(ctx->stop_upto, index);
        return;
    }
    ++passed_;
    next->push(row);
    if (passed_ >= n_) ctx->stop_upto = std::max(ctx->stop_upto, index);
}
std::string Limit::describe(const SlotNames&) const {
    return expr_->op == BOp::kConst && expr_->constant.kind() == Value::Kind::kInt ? "Limit " + std::to_string(expr_->constant.as_int())
                                                                                   : "Limit";
}

void ProduceResults::push(Row& row) {
    std::vector<Value> out;
    out.reserve(slots_.size());
    for (int s : slots_) out.push_back(row[s]);
    ctx->rows->push_back(std::move(out));
}
std::string ProduceResults::describe(const SlotNames& n) const {
    std::string s = "ProduceResults";
    for (int slot : slots_) {
        s += ' ';
        s += name_of(n, slot);
    }
    return s;
}

}  // namespace kgmill::query
