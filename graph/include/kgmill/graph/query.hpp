// kgmill/graph/query.hpp — a read-only openCypher subset answered in-process from a
// KnowledgeGraph (no database): what `kgmill query` runs.
//
//   QueryEngine engine(graph);
//   QueryResult r = engine.run("MATCH (u:University)-[s:SIGNED_AGREEMENT_WITH]-(c:Company) "
//                              "WHERE s.date STARTS WITH $year RETURN u.name, c.name",
//                              {{"year", Value::string("2025")}});
//   if (!r.ok()) std::cerr << r.error->to_string();          // stage, line, column, ^ underline
//   write_result(std::cout, graph, r, OutputFormat::kTable);
//
// Stages (graph/src/query/): parse (text → AST, never touches the graph) → bind (variables,
// labels, relationship types and property keys against the ontology) → plan (operators, start
// node choice, WHERE pushed down) → execute (push-based operator pipeline). Every stage has a
// depth limit, so deeply nested or very long input gives an error, not a stack overflow.
//
// Graph model, as the Neo4j CSV export presents the same graph (ONTOLOGY.md property table):
//   nodes: one label = the entity type (labels(n) = [type]); `Entity`, the export's label of
//   every node, matches all of them; properties id, name, type, aliases (a list, null when
//   there are none, as after a Neo4j import of the CSV), country (null when unknown).
//   relationships: type(r) = the relation type; properties type, date, role, field, count
//   (an integer when it is one), status, weight, symmetric, doc, sentence, start, end,
//   extractor, confidence (provenance of the first supporting statement); absent ones are null.
//   A symmetric relation (SIGNED_AGREEMENT_WITH / COOPERATES_WITH between organisations) is
//   stored once; a directed pattern matches it in both directions, because the ontology says
//   the direction carries no meaning there. startNode(r)/endNode(r) stay as stored. So
//   MATCH ()-[r]->() meets a symmetric relation twice: count(DISTINCT r) counts relations.
//   (A database loaded from the CSV sees stored directions only: tests/e2e/query_vs_kuzu.sh.)
// Extensions: matchesName(n, text) resolves names like the named commands (aliases, case,
// punctuation and diacritics ignored); nameKey(text) is that matching key.
//
// Supported: MATCH / OPTIONAL MATCH (labels, label alternatives A|B, property maps, relationship
// types A|B, any direction, variable length *min..max, comma-separated patterns, path
// variables, shortestPath / allShortestPaths), WHERE, WITH, UNWIND, RETURN (DISTINCT, aliases,
// *, aggregates count/collect/min/max/sum/avg), ORDER BY, SKIP, LIMIT, UNION [ALL], CASE,
// list comprehensions and all/any/none/single, $parameters. Writing clauses, CALL, subqueries
// and pattern expressions are refused with an error naming the feature.
// Matching uses Cypher's relationship uniqueness: within one MATCH a relationship is used once.
//
// Prepared queries: run() keeps each query text parsed, bound and planned (up to 256 texts);
// parameters are read at run time, so the same text with other $values skips straight to
// execution (about 2 µs for a one-hop question on a 100k-entity graph).
//
// Thread-safety: run() may be called from several threads at once (a cached plan serves one
// run at a time; the cache is guarded by a mutex). Values in a QueryResult may point into the
// KnowledgeGraph (strings, nodes, relationships): the result is valid while the graph lives.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill::query {

/// A path: nodes[0] -rels[0]- nodes[1] ... (nodes.size() == rels.size() + 1).
struct Path {
    std::vector<VertexId> nodes;
    std::vector<std::uint32_t> rels;  ///< indices into KnowledgeGraph::relations()
};

/// A Cypher value. Strings are either owned or borrowed from the graph (both are kString).
class Value {
public:
    enum class Kind : std::uint8_t { kNull, kBool, kInt, kDouble, kString, kList, kMap, kNode, kRelationship, kPath };
    using List = std::vector<Value>;
    using Map = std::vector<std::pair<std::string, Value>>;  ///< sorted by key, keys unique

    Value() = default;  ///< null
    static Value boolean(bool b) { return Value(Rep(b)); }
    static Value integer(std::int64_t i) { return Value(Rep(i)); }
    static Value real(double d) { return Value(Rep(d)); }
    static Value string(std::string s) { return Value(Rep(std::move(s))); }
    /// A string that points into storage outliving the value (the graph's strings).
    static Value borrowed(std::string_view s) { return Value(Rep(s)); }
    static Value list(List items);
    static Value map(Map entries);  ///< sorts by key; a repeated key keeps the last value
    static Value node(VertexId v) { return Value(Rep(NodeRef{v})); }
    static Value relationship(std::uint32_t r) { return Value(Rep(RelRef{r})); }
    static Value path(Path p);

    Kind kind() const;
    bool is_null() const { return rep_.index() == 0; }
    bool as_bool() const { return std::get<bool>(rep_); }
    std::int64_t as_int() const { return std::get<std::int64_t>(rep_); }
    double as_double() const { return std::get<double>(rep_); }
    /// int or double as double (precondition: is_number()).
    double as_number() const;
    bool is_number() const { return rep_.index() == 2 || rep_.index() == 3; }
    std::string_view as_string() const;
    /// True for a string made with borrowed() (its bytes live in the graph, not in the value).
    bool is_borrowed() const { return rep_.index() == 5; }
    const List& as_list() const { return *std::get<std::shared_ptr<const List>>(rep_); }
    const Map& as_map() const { return *std::get<std::shared_ptr<const Map>>(rep_); }
    VertexId as_node() const { return std::get<NodeRef>(rep_).v; }
    std::uint32_t as_relationship() const { return std::get<RelRef>(rep_).r; }
    const Path& as_path() const { return *std::get<std::shared_ptr<const Path>>(rep_); }
    /// The same value with every borrowed string copied (for a result that outlives the graph).
    Value owned() const;

    /// Equivalence as DISTINCT and grouping use it: null equals null, 1 equals 1.0.
    friend bool operator==(const Value& a, const Value& b);

private:
    struct NodeRef { VertexId v; };
    struct RelRef { std::uint32_t r; };
    using Rep = std::variant<std::monostate, bool, std::int64_t, double, std::string, std::string_view,
                             std::shared_ptr<const List>, std::shared_ptr<const Map>, NodeRef, RelRef,
                             std::shared_ptr<const Path>>;
    explicit Value(Rep r) : rep_(std::move(r)) {}
    Rep rep_;
};

/// "null", "bool", "int", "float", "string", "list", "map", "node", "relationship", "path".
std::string_view kind_name(Value::Kind k);

/// Named parameters ($name in the query).
using Params = std::map<std::string, Value, std::less<>>;

/// A `--param name=value` value: a Cypher literal when it is one (42, 1.5, 'text', "text",
/// true, false, null, [..], {..}), otherwise the text itself as a string.
Value parse_param_value(std::string_view text);

/// Where and why a query failed. `stage` is "parse", "bind" or "runtime".
struct QueryError {
    std::string stage;
    std::string message;
    int line = 0;       ///< 1-based; 0 when the error has no place in the text
    int column = 0;     ///< 1-based, in characters
    int length = 1;     ///< characters to underline
    std::string source_line;  ///< the text of that line
    /// "Query parse error (line 1, col 17): expected ')'" + "\n" + line + "\n" + "    ^^^".
    std::string to_string() const;
};

/// Columns and rows of a query, or an error.
struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    std::optional<QueryError> error;
    bool ok() const { return !error.has_value(); }
};

/// Limits and choices of the engine; every field has the default shown.
struct QueryOptions {
    int max_var_length = 30;          ///< upper bound of `*` / `*2..` without one (Kùzu's default is 30 too)
    int max_nesting = 100;            ///< deepest expression / pattern nesting the parser accepts
    std::size_t max_query_bytes = 1 << 20;  ///< longer query texts are refused
    std::size_t max_operators = 2000; ///< plans with more operators are refused
};

class QueryEngine {
public:
    /// The engine keeps a reference to `graph`, which must outlive it and not change while the
    /// engine lives; indexes labels once.
    explicit QueryEngine(const KnowledgeGraph& graph, QueryOptions options = {});
    ~QueryEngine();
    QueryEngine(QueryEngine&&) noexcept;
    QueryEngine(const QueryEngine&) = delete;  // owns its indexes; share it by reference
    QueryEngine& operator=(const QueryEngine&) = delete;

    /// Runs one statement (a trailing ';' is allowed). Never throws for bad queries: the
    /// error is in the result. `EXPLAIN <query>` returns the plan, one operator per row.
    /// Every $name the query uses must be in `params`.
    QueryResult run(std::string_view text, const Params& params = {}) const;

    const KnowledgeGraph& graph() const { return graph_; }

    struct Indexes;  // label index, schema, prepared-query cache (graph/src/query/exec/context.hpp)

private:
    const KnowledgeGraph& graph_;
    QueryOptions options_;
    std::unique_ptr<Indexes> indexes_;
};

/// Splits a script into statements at ';' outside strings, comments and brackets; empty
/// statements are dropped. Each piece keeps its first line number (1-based) for messages.
std::vector<std::pair<std::string, int>> split_statements(std::string_view script);

/// The AST of a query as an S-expression, "(query (match (node a :Person) ...))" — for tests.
/// Returns the parse error's to_string() when the text does not parse.
std::string dump_ast(std::string_view text);

enum class OutputFormat { kTable, kCsv, kTsv, kJsonl };
/// "table", "csv", "tsv", "jsonl".
std::optional<OutputFormat> parse_output_format(std::string_view name);

/// Writes a successful result:
///   table: aligned columns with a header and a row count (cells longer than 80 characters are
///          cut with "…"); strings unquoted at top level.
///   csv:   RFC 4180 with a header row; null is an empty field.
///   tsv:   a header row, then tab-separated fields; tab, newline, CR and backslash escaped
///          as \t \n \r \\; null is an empty field.
///   jsonl: one JSON object per row, keyed by column name.
/// In csv and tsv a list, map, node, relationship or path is written as JSON text.
/// Nodes render as their properties ({"id":…,"name":…,"type":…,"aliases":[…],"country":…});
/// relationships as {"type":…,"_start":id,"_end":id, properties…}; paths as
/// {"nodes":[…],"relationships":[…]}.
void write_result(std::ostream& out, const KnowledgeGraph& g, const QueryResult& r, OutputFormat f);

/// A value as JSON text (the jsonl rendering of one cell).
std::string to_json(const KnowledgeGraph& g, const Value& v);
/// A value as the table shows it (strings without quotes at top level).
std::string to_display(const KnowledgeGraph& g, const Value& v);

}  // namespace kgmill::query
