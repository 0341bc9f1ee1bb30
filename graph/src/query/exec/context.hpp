// graph/src/query/exec/context.hpp — what evaluation and operators share during one run
// (internal): the graph, its indexes, per-run caches, and the early-stop mark of LIMIT.
#pragma once
#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "kgmill/core/ontology.hpp"
#include "kgmill/graph/query.hpp"
#include "query/binder/binder.hpp"
#include "query/binder/bound.hpp"
#include "query/exec/traverse.hpp"
#include "query/exec/value_ops.hpp"

namespace re2 {
class RE2;
}

namespace kgmill::query {

/// Built once per engine (graph/src/query/engine.cpp).
struct EngineIndexes {
    Schema schema;
};

struct PreparedQuery;  // engine.cpp

/// The engine's indexes and its cache of prepared (parsed, bound, planned) queries.
struct QueryEngine::Indexes : EngineIndexes {
    std::mutex cache_mutex;
    std::unordered_map<std::string, std::unique_ptr<PreparedQuery>> cache;  ///< by query text
};

/// Per run. Not shared between threads.
struct EvalContext {
    EvalContext(const KnowledgeGraph& graph, const EngineIndexes& indexes, const Params& parameters,
                std::vector<std::vector<Value>>* result_rows)
        : g(graph), idx(indexes), params(parameters), rows(result_rows) {}
    const KnowledgeGraph& g;
    const EngineIndexes& idx;
    const Params& params;                      ///< $parameters of this run
    std::vector<std::vector<Value>>* rows;     ///< where RETURN rows go
    /// Operators with an index below this stop producing rows (a LIMIT downstream is full).
    std::size_t stop_upto = 0;
    /// Regular expressions whose pattern is not a constant, compiled once per run.
    std::unordered_map<std::string, std::shared_ptr<const re2::RE2>> regex_cache;
};

/// Evaluates an expression on a row. `row` is only written by list comprehensions, which
/// restore the slot they use. Throws RuntimeError.
Value eval(const BExpr& e, Row& row, EvalContext& ctx);
/// A predicate: true / false / null; a non-boolean value is a RuntimeError.
Tri eval_predicate(const BExpr& e, Row& row, EvalContext& ctx);

/// Property of a node / relationship (null when absent).
Value node_property(const KnowledgeGraph& g, VertexId v, NodeKey key);
Value rel_property(const KnowledgeGraph& g, std::uint32_t r, RelKey key, const std::string& name);
/// Every non-null property as a map (properties(x)).
Value node_properties(const KnowledgeGraph& g, VertexId v);
Value rel_properties(const KnowledgeGraph& g, std::uint32_t r);

/// The vertex at the other end of relation `r` from `v`.
inline VertexId other_end(const KnowledgeGraph& g, std::uint32_t r, VertexId v) {
    const VertexId s = g.relation_source(r);
    return s == v ? g.relation_target(r) : s;
}

/// Shortest text of a double that reads back the same ("1.0", "0.1", "1e+20").
std::string format_double(double d);

}  // namespace kgmill::query
