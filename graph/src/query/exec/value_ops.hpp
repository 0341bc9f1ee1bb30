// graph/src/query/exec/value_ops.hpp — Cypher's value semantics (internal): equality with
// nulls, comparability, the total order ORDER BY uses, and hashing for DISTINCT / grouping.
// (openCypher 9, "Comparability and equality", "Orderability".)
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "kgmill/graph/query.hpp"

namespace kgmill::query {

/// "a string", "an int", "null" ... for messages.
std::string a_kind(Value::Kind k);

/// Three-valued logic.
enum class Tri : std::uint8_t { kFalse, kTrue, kNull };
inline Tri tri(bool b) { return b ? Tri::kTrue : Tri::kFalse; }
inline Value to_value(Tri t) { return t == Tri::kNull ? Value() : Value::boolean(t == Tri::kTrue); }

/// a = b: null when either side is null (or a list holds a null that decides it).
Tri cypher_equals(const Value& a, const Value& b);
/// a < b etc.: the sign of the comparison, or nullopt when the two are not comparable
/// (different kinds, nulls, NaN).
std::optional<int> cypher_compare(const Value& a, const Value& b);
/// The total order of ORDER BY (ascending): map < node < relationship < list < path < string <
/// boolean < number < null.
int order_compare(const Value& a, const Value& b);
/// Hash consistent with Value::operator== (equivalence).
std::size_t value_hash(const Value& v);

struct ValueHash {
    std::size_t operator()(const Value& v) const { return value_hash(v); }
};
struct RowHash {
    std::size_t operator()(const std::vector<Value>& row) const {
        std::size_t h = 0x9e3779b97f4a7c15ULL;
        for (const Value& v : row) h = (h ^ value_hash(v)) * 0x100000001b3ULL;
        return h;
    }
};

}  // namespace kgmill::query
