// graph/src/query/parser/ast.hpp — the syntax tree the parser produces (internal).
//
// Plain owning structs; every node keeps its byte span in the query text for error messages
// and column names. The parser never looks at the graph: names here are still strings.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kgmill/graph/query.hpp"

namespace kgmill::query::ast {

/// A byte span of the query text.
struct Span {
    std::size_t offset = 0;
    std::size_t length = 1;
};

enum class ExprKind {
    kLiteral,     ///< literal
    kParam,       ///< $name
    kVariable,    ///< name
    kProperty,    ///< args[0].name
    kIndex,       ///< args[0][args[1]]
    kSlice,       ///< args[0][args[1]..args[2]] (either bound may be null)
    kCall,        ///< name(args...) with `distinct`
    kCountStar,   ///< count(*)
    kUnary,       ///< op args[0]: NOT, -, +
    kBinary,      ///< args[0] op args[1]
    kList,        ///< [args...]
    kMap,         ///< {keys[i]: args[i]}
    kCase,        ///< CASE [args[0] if has_subject] WHEN/THEN pairs [ELSE last]
    kListComp,    ///< [name IN args[0] WHERE args[1] | args[2]] (args 1, 2 may be null)
    kQuantifier,  ///< name = all|any|none|single; (var IN args[0] WHERE args[1])
    kHasLabels,   ///< args[0]:A:B  (labels)
    kIsNull,      ///< args[0] IS NULL
    kIsNotNull,   ///< args[0] IS NOT NULL
};

enum class Op {
    kNone,
    kOr, kXor, kAnd, kNot,
    kEq, kNe, kLt, kLe, kGt, kGe, kRegex,
    kStartsWith, kEndsWith, kContains, kIn,
    kAdd, kSub, kMul, kDiv, kMod, kPow, kNeg, kPlus,
};
const char* op_name(Op op);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
    ExprKind kind = ExprKind::kLiteral;
    Span span;
    int depth = 1;           ///< 1 + the deepest child: the parser refuses trees deeper than its limit
    Op op = Op::kNone;
    std::string name;        ///< variable, property key, function name, parameter, quantifier
    std::string var;         ///< the iteration variable of a list comprehension / quantifier
    Value literal;
    bool distinct = false;   ///< count(DISTINCT x)
    bool has_subject = false, has_else = false;  ///< CASE forms
    std::vector<ExprPtr> args;
    std::vector<std::string> keys;                 ///< map literal keys
    std::vector<std::string> labels;               ///< kHasLabels (all must hold)
};

/// Label sets: a conjunction of alternatives; `(n:A|B:C)` is [[A, B], [C]].
struct LabelName {
    std::string name;
    Span span;
};
using LabelExpr = std::vector<std::vector<LabelName>>;

struct NodePattern {
    Span span;
    std::string var;  ///< empty when anonymous
    LabelExpr labels;
    ExprPtr properties;  ///< a map literal or a parameter, or null
};

enum class Direction { kOut, kIn, kBoth };

struct RelPattern {
    Span span;
    std::string var;
    std::vector<LabelName> types;  ///< alternatives; empty = any type
    Direction dir = Direction::kBoth;
    ExprPtr properties;
    bool var_length = false;
    std::optional<std::int64_t> min_hops, max_hops;
};

enum class Shortest { kNone, kShortest, kAll };

/// `[p =] (a)-[r]->(b)...` or `p = shortestPath((a)-[*]-(b))`.
struct PatternPart {
    Span span;
    std::string path_var;
    Shortest shortest = Shortest::kNone;
    std::vector<NodePattern> nodes;  ///< nodes.size() == rels.size() + 1
    std::vector<RelPattern> rels;
};

struct ProjectionItem {
    ExprPtr expr;
    std::string alias;  ///< the column name: the alias, or the expression's text
    bool has_alias = false;
    Span span;
};

struct SortItem {
    ExprPtr expr;
    bool descending = false;
};

struct Projection {
    bool distinct = false;
    bool star = false;  ///< RETURN * / WITH *
    Span star_span;
    std::vector<ProjectionItem> items;
    std::vector<SortItem> order_by;
    ExprPtr skip, limit;
};

enum class ClauseKind { kMatch, kUnwind, kWith, kReturn };

struct Clause {
    ClauseKind kind = ClauseKind::kMatch;
    Span span;
    bool optional = false;               ///< OPTIONAL MATCH
    std::vector<PatternPart> patterns;   ///< MATCH
    ExprPtr where;                       ///< MATCH / WITH
    Projection projection;               ///< WITH / RETURN
    ExprPtr unwind_expr;                 ///< UNWIND expr AS unwind_var
    std::string unwind_var;
    Span unwind_var_span;
};

struct SingleQuery {
    std::vector<Clause> clauses;
};

struct Query {
    bool explain = false;
    std::vector<SingleQuery> parts;  ///< joined by UNION
    std::vector<bool> union_all;     ///< union_all[i] joins parts[i] and parts[i+1]
};

/// The S-expression of dump_ast() (also the canonical form used to match ORDER BY expressions
/// with projected ones).
std::string dump(const Expr& e);
std::string dump(const Query& q);

}  // namespace kgmill::query::ast
