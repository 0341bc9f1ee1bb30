// graph/src/query/binder/binder.hpp — AST → BoundQuery (internal).
//
// Resolves variables (scopes follow WITH), labels and relationship types against the ontology,
// property keys against the graph's schema, functions and aggregates, and substitutes
// records the parameters it reads. Most user errors are found here, each with the span of the name at fault.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kgmill/graph/query.hpp"
#include "query/binder/bound.hpp"
#include "query/parser/ast.hpp"

namespace kgmill::query {

/// What the binder checks names against.
struct Schema {
    int max_var_length = 30;  ///< upper bound of `*` without one
    std::set<std::string, std::less<>> extra_rel_keys;  ///< relation property keys beyond the standard ones
};

class Binder {
public:
    explicit Binder(const Schema& schema) : schema_(schema) {}
    BoundQuery bind(const ast::Query& q);

    // bind_expression.cpp (public for the planner's tests)
    BExpr bind_expr(const ast::Expr& e);

private:
    struct Variable {
        int slot = -1;
        VarType type = VarType::kAny;
    };
    using Scope = std::map<std::string, Variable, std::less<>>;

    int new_slot(const std::string& name);
    void declare(const std::string& name, int slot, VarType type, const ast::Span& span);
    BoundSingleQuery bind_single(const ast::SingleQuery& q);

    // bind_match.cpp
    BoundMatch bind_match(const ast::Clause& c);
    BoundNode bind_node(const ast::NodePattern& n, BoundMatch& m);
    BoundRel bind_rel(const ast::RelPattern& r, BoundMatch& m);
    std::uint32_t bind_labels(const ast::LabelExpr& labels);
    std::uint32_t bind_label_names(const std::vector<std::string>& names, const ast::Span& span);
    std::vector<std::pair<std::string, BExpr>> bind_property_map(const ast::Expr* props);

    // bind_projection.cpp
    BoundProjection bind_projection(const ast::Clause& c, std::vector<std::string>* columns);
    BoundUnwind bind_unwind(const ast::Clause& c);
    BExpr bind_count(const ast::Expr* e, const char* what);

    // bind_expression.cpp
    BExpr bind_property(const ast::Expr& e);
    BExpr bind_call(const ast::Expr& e);
    BExpr bind_aggregate(const ast::Expr& e, AggKind kind);
    BExpr bind_comprehension(const ast::Expr& e);
    VarType static_type(const ast::Expr& e) const;

    const Schema& schema_;
    std::vector<UsedParam> used_params_;
    Scope scope_;
    std::vector<std::string> slot_names_;
    // while binding a projection: aggregates are allowed and collected here
    std::vector<AggSpec>* aggregates_ = nullptr;
    bool in_aggregate_ = false;
    // while binding ORDER BY after an aggregating / DISTINCT projection: expressions written as
    // a projected one refer to its slot (canonical dump → slot)
    const std::map<std::string, std::pair<int, VarType>>* projected_ = nullptr;
};

/// Splits an AND tree into its conjuncts (moves the operands out of `e`).
void split_conjuncts(BExpr e, std::vector<BExpr>& out);
/// Every slot an expression reads (comprehension variables excluded).
void collect_slots(const BExpr& e, std::vector<int>& out);

}  // namespace kgmill::query
