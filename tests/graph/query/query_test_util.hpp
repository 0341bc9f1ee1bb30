// tests/graph/query/query_test_util.hpp — run a query on the fixture graph and render rows
// as "a|b|c" strings (cells as the table shows them), sorted unless the order matters.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "graph/query/tiny_kg.hpp"
#include "kgmill/graph/query.hpp"

namespace kgmill::testing {

inline const query::QueryEngine& tiny_engine() {
    static const query::QueryEngine engine(tiny_kg());
    return engine;
}

inline std::string render_row(const KnowledgeGraph& g, const std::vector<query::Value>& row) {
    std::string s;
    for (std::size_t i = 0; i < row.size(); ++i) s += (i ? "|" : "") + query::to_display(g, row[i]);
    return s;
}

/// Rows of a query that must succeed ("ERROR: ..." as the single row when it fails).
inline std::vector<std::string> rows(const std::string& q, const query::Params& params = {}, bool ordered = false) {
    query::QueryResult r = tiny_engine().run(q, params);
    if (!r.ok()) return {"ERROR: " + r.error->to_string()};
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(render_row(tiny_kg(), row));
    if (!ordered) std::sort(out.begin(), out.end());
    return out;
}

inline std::vector<std::string> ordered_rows(const std::string& q, const query::Params& params = {}) {
    return rows(q, params, true);
}

/// The error text of a query that must fail ("" when it succeeds).
inline std::string error_of(const std::string& q, const query::Params& params = {}) {
    query::QueryResult r = tiny_engine().run(q, params);
    return r.ok() ? "" : r.error->to_string();
}

using Rows = std::vector<std::string>;

}  // namespace kgmill::testing
