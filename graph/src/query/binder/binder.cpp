// The binder's driver: query parts, clauses in order, scopes, UNION column checks.
#include "query/binder/binder.hpp"

#include "query/errors.hpp"

namespace kgmill::query {

int Binder::new_slot(const std::string& name) {
    slot_names_.push_back(name);
    return static_cast<int>(slot_names_.size()) - 1;
}

void Binder::declare(const std::string& name, int slot, VarType type, const ast::Span& span) {
    if (scope_.count(name)) throw BindError("variable '" + name + "' is already declared", span.offset, span.length);
    scope_[name] = {slot, type};
}

BoundQuery Binder::bind(const ast::Query& q) {
    BoundQuery out;
    out.explain = q.explain;
    out.union_all = q.union_all;
    for (const ast::SingleQuery& sq : q.parts) {
        scope_.clear();
        out.parts.push_back(bind_single(sq));
    }
    for (std::size_t i = 1; i < out.parts.size(); ++i) {
        if (out.parts[i].columns != out.parts[0].columns) {
            const ast::Clause& ret = q.parts[i].clauses.back();
            throw BindError("all parts of a UNION must return the same column names", ret.span.offset, ret.span.length);
        }
    }
    out.params = used_params_;
    out.slot_count = static_cast<int>(slot_names_.size());
    out.slot_names = slot_names_;
    return out;
}

BoundSingleQuery Binder::bind_single(const ast::SingleQuery& q) {
    BoundSingleQuery out;
    for (const ast::Clause& c : q.clauses) {
        BoundClause bc;
        switch (c.kind) {
            case ast::ClauseKind::kMatch:
                bc.kind = BoundClause::Kind::kMatch;
                bc.match = bind_match(c);
                break;
            case ast::ClauseKind::kUnwind:
                bc.kind = BoundClause::Kind::kUnwind;
                bc.unwind = bind_unwind(c);
                break;
            case ast::ClauseKind::kWith:
            case ast::ClauseKind::kReturn:
                bc.kind = BoundClause::Kind::kProjection;
                bc.projection = bind_projection(c, c.kind == ast::ClauseKind::kReturn ? &out.columns : nullptr);
                break;
        }
        out.clauses.push_back(std::move(bc));
    }
    return out;
}

void split_conjuncts(BExpr e, std::vector<BExpr>& out) {
    // iterative: AND trees are left-deep
    std::vector<BExpr> stack;
    stack.push_back(std::move(e));
    std::vector<BExpr> rev;
    while (!stack.empty()) {
        BExpr x = std::move(stack.back());
        stack.pop_back();
        if (x.op == BOp::kAnd) {
            stack.push_back(std::move(x.args[0]));
            stack.push_back(std::move(x.args[1]));
        } else {
            rev.push_back(std::move(x));
        }
    }
    for (auto it = rev.rbegin(); it != rev.rend(); ++it) out.push_back(std::move(*it));
}

void collect_slots(const BExpr& e, std::vector<int>& out) {
    if (!e.present) return;
    if (e.op == BOp::kSlot) {
        out.push_back(e.slot);
        return;
    }
    if (e.op == BOp::kListComp || e.op == BOp::kAll || e.op == BOp::kAny || e.op == BOp::kNone ||
        e.op == BOp::kSingle) {
        std::vector<int> inner;
        for (const BExpr& a : e.args) collect_slots(a, inner);
        for (int s : inner)
            if (s != e.slot) out.push_back(s);
        return;
    }
    for (const BExpr& a : e.args) collect_slots(a, out);
}

}  // namespace kgmill::query
