// graph/src/query/binder/bound.hpp — what the binder hands to the planner (internal).
//
// Names are resolved: variables are row slots, labels and relationship types are bit masks,
// property keys are enums, functions are table entries. Parameters stay by name (BOp::kParam)
// and are read at run time, so a bound and planned query can run again with other values
// (QueryEngine caches plans by query text). A query's
// rows are vectors of Values indexed by slot; every variable the query declares (including
// anonymous pattern elements) has its own slot for the whole query.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kgmill/graph/query.hpp"

namespace re2 {
class RE2;
}

namespace kgmill::query {

using Row = std::vector<Value>;
struct EvalContext;
struct BExpr;

/// Node properties (ONTOLOGY.md property table).
enum class NodeKey : std::uint8_t { kId, kName, kType, kAliases, kCountry, kUnknown };
/// Relationship properties.
enum class RelKey : std::uint8_t {
    kType, kDate, kRole, kField, kCount, kStatus, kWeight, kSymmetric,
    kDoc, kSentence, kStart, kEnd, kExtractor, kConfidence, kOther, kUnknown,
};
NodeKey node_key(std::string_view key);
RelKey rel_key(std::string_view key);  ///< kUnknown for names that are neither standard nor kOther

/// A scalar function: fixed arity range, evaluated on already-evaluated arguments.
struct Function {
    const char* name;  ///< lower case
    int min_args, max_args;
    Value (*call)(const Value* args, std::size_t n, EvalContext& ctx, const BExpr& at);
};
/// Looks a function up by name (case-insensitive); nullptr when unknown.
const Function* find_function(std::string_view name);

enum class AggKind : std::uint8_t { kCountStar, kCount, kCollect, kMin, kMax, kSum, kAvg };
/// Looks an aggregate function up by name (case-insensitive).
bool find_aggregate(std::string_view name, AggKind& kind);

enum class BOp : std::uint8_t {
    kConst, kParam, kSlot, kProperty, kIndex, kSlice, kFunc,
    kAnd, kOr, kXor, kNot,
    kEq, kNe, kLt, kLe, kGt, kGe, kRegex, kStartsWith, kEndsWith, kContains, kIn,
    kAdd, kSub, kMul, kDiv, kMod, kPow, kNeg,
    kIsNull, kIsNotNull, kList, kMap, kCase, kListComp, kAll, kAny, kNone, kSingle, kHasLabels,
    kPropertiesMatch,  ///< (n $props): every entry of the map args[1] equals that property of args[0]
};

/// A bound expression. Trees are as deep as the parser allowed (bounded).
struct BExpr {
    BOp op = BOp::kConst;
    std::size_t offset = 0, length = 1;  ///< where it was written (runtime errors)
    Value constant;                      ///< kConst
    int slot = -1;                       ///< kSlot; the iteration variable of comprehensions
    NodeKey node_key = NodeKey::kUnknown;  ///< kProperty
    RelKey rel_key = RelKey::kUnknown;
    std::string key;                     ///< kProperty key; kFunc name (for messages); kParam name
    const Function* fn = nullptr;        ///< kFunc
    std::uint32_t label_mask = 0;        ///< kHasLabels: entity types that pass
    bool has_subject = false, has_else = false;  ///< kCase
    std::vector<BExpr> args;             ///< operands; kListComp: list, where|null, projection|null
    std::vector<std::string> keys;       ///< kMap keys
    std::shared_ptr<const re2::RE2> regex;  ///< kRegex with a constant pattern, compiled once
    bool present = true;                 ///< false for an absent optional operand

    bool is_const() const { return op == BOp::kConst; }
};

/// Variables' static kinds, for checks and EXPLAIN.
enum class VarType : std::uint8_t { kAny, kNode, kRel, kRelList, kPath };

struct BoundNode {
    int slot = -1;
    std::uint32_t type_mask = 0;  ///< entity types allowed (all bits when unlabelled)
    std::vector<std::pair<std::string, BExpr>> properties;  ///< key = value (also conjuncts)
    std::string name;             ///< variable name or "" (EXPLAIN)
};

enum class Dir : std::uint8_t { kOut, kIn, kBoth };

struct BoundRel {
    int slot = -1;                 ///< a relationship, or a list of them when var_length
    std::uint32_t type_mask = 0;   ///< relation types allowed
    Dir dir = Dir::kBoth;
    bool var_length = false;
    int min_hops = 1, max_hops = 1;
    std::vector<std::pair<RelKey, std::pair<std::string, BExpr>>> properties;
    std::string name;
};

enum class ShortestKind : std::uint8_t { kNone, kShortest, kAll };

struct BoundPart {
    int path_slot = -1;
    ShortestKind shortest = ShortestKind::kNone;
    std::vector<BoundNode> nodes;
    std::vector<BoundRel> rels;
};

struct BoundMatch {
    bool optional = false;
    std::vector<BoundPart> parts;
    std::vector<BExpr> conjuncts;  ///< WHERE split at AND
    std::vector<int> new_slots;    ///< declared here (set to null when an OPTIONAL MATCH fails)
};

struct BoundUnwind {
    BExpr list;
    int slot = -1;
};

struct AggSpec {
    AggKind kind = AggKind::kCount;
    bool distinct = false;
    BExpr arg;       ///< absent for count(*)
    int slot = -1;   ///< where the finished value goes
};

struct BoundItem {
    BExpr expr;
    int slot = -1;
    std::string name;
    bool passthrough = false;  ///< a variable kept in its own slot (nothing to compute)
    bool has_aggregate = false;  ///< false: a grouping key of an aggregating projection
};

struct BoundSort {
    BExpr expr;
    bool descending = false;
};

struct BoundProjection {
    bool is_return = false;
    bool distinct = false;
    std::vector<BoundItem> items;
    std::vector<AggSpec> aggregates;  ///< non-empty: an aggregating projection
    std::vector<BoundSort> order_by;
    BExpr skip, limit;                ///< constants or parameters; present == false when absent
    std::vector<BExpr> where;         ///< WITH ... WHERE, split at AND
};

struct BoundClause {
    enum class Kind : std::uint8_t { kMatch, kUnwind, kProjection } kind = Kind::kMatch;
    BoundMatch match;
    BoundUnwind unwind;
    BoundProjection projection;
};

struct BoundSingleQuery {
    std::vector<BoundClause> clauses;
    std::vector<std::string> columns;
};

/// A $parameter the query reads, with where it is written (checked before each run).
struct UsedParam {
    std::string name;
    std::size_t offset = 0, length = 1;
};

struct BoundQuery {
    bool explain = false;
    std::vector<UsedParam> params;
    std::vector<BoundSingleQuery> parts;
    std::vector<bool> union_all;
    int slot_count = 0;
    std::vector<std::string> slot_names;  ///< for EXPLAIN
};

}  // namespace kgmill::query
