// WITH / RETURN / UNWIND: projection items, aggregates, the new scope, ORDER BY (which may
// name projected expressions again), SKIP / LIMIT (constants or parameters), WITH ... WHERE.
#include <algorithm>

#include "query/binder/binder.hpp"
#include "query/errors.hpp"

namespace kgmill::query {

BExpr Binder::bind_count(const ast::Expr* e, const char* what) {
    BExpr absent;
    absent.present = false;
    if (!e) return absent;
    Scope saved = scope_;
    scope_.clear();  // SKIP / LIMIT may not use variables
    BExpr b;
    try {
        b = bind_expr(*e);
    } catch (const BindError&) {
        scope_ = std::move(saved);
        throw BindError(std::string(what) + " must be a non-negative integer constant or parameter", e->span.offset,
                        e->span.length);
    }
    scope_ = std::move(saved);
    return b;
}

BoundUnwind Binder::bind_unwind(const ast::Clause& c) {
    BoundUnwind u;
    u.list = bind_expr(*c.unwind_expr);
    u.slot = new_slot(c.unwind_var);
    declare(c.unwind_var, u.slot, VarType::kAny, c.unwind_var_span);
    return u;
}

BoundProjection Binder::bind_projection(const ast::Clause& c, std::vector<std::string>* columns) {
    const ast::Projection& proj = c.projection;
    BoundProjection p;
    p.is_return = c.kind == ast::ClauseKind::kReturn;
    p.distinct = proj.distinct;

    struct Item {
        const ast::Expr* ast = nullptr;
        std::string name;
        ast::Span span;
        std::string var;  // RETURN * items
    };
    std::vector<Item> items;
    if (proj.star) {
        for (const auto& [name, var] : scope_) {  // a std::map: alphabetical, as Neo4j orders RETURN *
            (void)var;
            items.push_back({nullptr, name, proj.star_span, name});
        }
        if (items.empty())
            throw BindError(std::string(p.is_return ? "RETURN" : "WITH") + " * needs variables in scope",
                            proj.star_span.offset, proj.star_span.length);
    }
    for (const auto& it : proj.items) items.push_back({it.expr.get(), it.alias, it.span, ""});

    // names must be unique
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (items[i].name == items[j].name)
                throw BindError("column '" + items[i].name + "' appears twice; give one of them a name with AS",
                                items[i].span.offset, items[i].span.length);

    // items (aggregates collected into p.aggregates)
    std::vector<VarType> types;
    for (const Item& it : items) {
        BoundItem bi;
        bi.name = it.name;
        if (it.ast) {
            std::size_t before = p.aggregates.size();
            aggregates_ = &p.aggregates;
            try {
                bi.expr = bind_expr(*it.ast);
            } catch (...) {
                aggregates_ = nullptr;
                throw;
            }
            aggregates_ = nullptr;
            bi.has_aggregate = p.aggregates.size() > before;
            types.push_back(static_type(*it.ast));
        } else {
            const Variable& v = scope_.at(it.var);
            bi.expr.op = BOp::kSlot;
            bi.expr.slot = v.slot;
            bi.expr.offset = it.span.offset;
            types.push_back(v.type);
        }
        p.items.push_back(std::move(bi));
    }
    const bool aggregating = !p.aggregates.empty();
    for (BoundItem& bi : p.items) {
        if (!aggregating && bi.expr.op == BOp::kSlot) {
            bi.slot = bi.expr.slot;  // a variable keeps its slot: nothing to compute
            bi.passthrough = true;
        } else {
            bi.slot = new_slot(bi.name);
        }
    }
    Scope next;
    for (std::size_t i = 0; i < p.items.size(); ++i) next[p.items[i].name] = {p.items[i].slot, types[i]};

    // ORDER BY
    if (!proj.order_by.empty()) {
        Scope saved = scope_;
        std::map<std::string, std::pair<int, VarType>> projected;
        if (aggregating || p.distinct) {
            scope_ = next;
            for (std::size_t i = 0; i < items.size(); ++i)
                if (items[i].ast) projected[ast::dump(*items[i].ast)] = {p.items[i].slot, types[i]};
            projected_ = &projected;
        } else {
            for (const auto& [name, v] : next) scope_[name] = v;  // aliases shadow older names
        }
        try {
            for (const ast::SortItem& s : proj.order_by) p.order_by.push_back({bind_expr(*s.expr), s.descending});
        } catch (const BindError& err) {
            projected_ = nullptr;
            scope_ = std::move(saved);
            if (std::string(err.what()).find("only allowed in WITH and RETURN") != std::string::npos)
                throw BindError("an aggregate in ORDER BY must also be a column of the projection", err.offset(),
                                err.length());
            throw;
        }
        projected_ = nullptr;
        scope_ = std::move(saved);
    }
    p.skip = bind_count(proj.skip.get(), "SKIP");
    p.limit = bind_count(proj.limit.get(), "LIMIT");

    scope_ = std::move(next);
    if (c.where) split_conjuncts(bind_expr(*c.where), p.where);
    if (columns)
        for (const BoundItem& bi : p.items) columns->push_back(bi.name);
    return p;
}

}  // namespace kgmill::query
