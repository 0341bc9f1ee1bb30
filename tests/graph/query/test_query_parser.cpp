// The parser alone: AST dumps, and limits that keep hostile input from overflowing the stack.
#include <catch2/catch.hpp>

#include "graph/query/query_test_util.hpp"

using namespace kgmill;
using namespace kgmill::testing;

TEST_CASE("AST dumps", "[graph][query]") {
    CHECK(query::dump_ast("MATCH (a:Person)-[r:VISITED]->(b) WHERE b.name = 'PKU' RETURN a.name") ==
          "(query (match (pattern (node a :Person) (rel -> r :VISITED) (node b)) (where (= (. b name) 'PKU'))) "
          "(return (item (. a name))))");
    CHECK(query::dump_ast("OPTIONAL MATCH p = shortestPath((a)-[:A|B*..3]-(b:X|Y:Z {k: $v})) RETURN DISTINCT p AS q "
                          "ORDER BY q DESC SKIP 1 LIMIT 2") ==
          "(query (optional-match (pattern p = shortest (node a) (rel -- :A|B *..3) (node b :X|Y :Z (map k $v)))) "
          "(return distinct (item p as q) (order-by q desc) (skip 1) (limit 2)))");
    CHECK(query::dump_ast("RETURN 1 + 2 * 3 ^ 2, NOT a OR b XOR c AND d, -x, [y IN l WHERE y > 1 | y], count(*)") ==
          "(query (return (item (+ 1 (* 2 (^ 3 2)))) (item (or (not a) (xor b (and c d)))) (item (neg x)) "
          "(item (list-comp y l (> y 1) y)) (item (count *))))");
    CHECK(query::dump_ast("MATCH (a) WITH a UNWIND [1] AS x RETURN * UNION ALL RETURN 1") ==
          "(query (match (pattern (node a))) (with (item a)) (unwind (list 1) as x) (return *) union-all "
          "(return (item 1)))");
    CHECK(query::dump_ast("RETURN a.b IS NOT NULL, 'x' STARTS WITH 'y', n:L, CASE WHEN 1 THEN 2 ELSE 3 END") ==
          "(query (return (item (is-not-null (. a b))) (item (starts-with 'x' 'y')) (item (labels n :L)) "
          "(item (case else 1 2 3))))");
    CHECK(query::dump_ast("RETURN `weird name`, 0x1F, 1.5e3, 'it\\'s', \"dq\"") ==
          "(query (return (item weird name) (item 31) (item 1500.0) (item 'it\\'s') (item 'dq')))");
}

TEST_CASE("deep nesting is an error, not a crash", "[graph][query]") {
    std::string deep = "RETURN " + std::string(500, '(') + "1" + std::string(500, ')');
    CHECK(error_of(deep).rfind("Query parse error (line 1, col", 0) == 0);
    CHECK(error_of(deep).find("query nested deeper than 100 levels") != std::string::npos);
    std::string lists = "RETURN " + std::string(5000, '[') + std::string(5000, ']');
    CHECK(error_of(lists).find("query nested deeper than 100 levels") != std::string::npos);
    std::string nots = "RETURN ";
    for (int i = 0; i < 10000; ++i) nots += "NOT ";
    nots += "true";
    CHECK(error_of(nots).find("query nested deeper than 100 levels") != std::string::npos);
    std::string chain = "RETURN 1";
    for (int i = 0; i < 20000; ++i) chain += " + 1";
    CHECK(error_of(chain).find("expression deeper than 1000 levels") != std::string::npos);
    std::string ands = "MATCH (n) WHERE true";
    for (int i = 0; i < 900; ++i) ands += " AND true";
    CHECK(rows(ands + " RETURN count(*)") == Rows{"23"});
}

TEST_CASE("long patterns are refused by the plan size limit", "[graph][query]") {
    std::string q = "MATCH (a)";
    for (int i = 0; i < 3000; ++i) q += "-->()";
    q += " RETURN a";
    CHECK(error_of(q).find("the query needs more than 2000 operators") != std::string::npos);
    std::string ok = "MATCH (a {id: 'fos'})";
    for (int i = 0; i < 2; ++i) ok += "-[:PART_OF]->()";
    CHECK(rows(ok + " RETURN a.id") == Rows{"fos"});
}

TEST_CASE("the lexer rejects what is not Cypher with a location", "[graph][query]") {
    CHECK(error_of("RETURN 1 # 2") == "Query parse error (line 1, col 10): unexpected character '#'\nRETURN 1 # 2\n         ^");
    CHECK(error_of("RETURN 'abc") == "Query parse error (line 1, col 8): unterminated string\nRETURN 'abc\n       ^");
    CHECK(error_of("RETURN 99999999999999999999") ==
          "Query parse error (line 1, col 8): integer literal out of range\nRETURN 99999999999999999999\n       ^^^^^^^^^^^^^^^^^^^^");
    CHECK(error_of("RETURN /* open") == "Query parse error (line 1, col 8): unterminated comment\nRETURN /* open\n       ^^");
    CHECK(error_of("").rfind("Query parse error (line 1, col 1): expected MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN", 0) == 0);
    CHECK(error_of("RETURN 1 RETURN 2").rfind("Query parse error (line 1, col 10): expected end of query", 0) == 0);
    CHECK(error_of("MATCH (a) RETURN a;;").rfind("Query parse error (line 1, col 20): expected end of query", 0) == 0);
}

TEST_CASE("tabs in the line keep the underline aligned", "[graph][query]") {
    CHECK(error_of("MATCH\t(a:Foo)\tRETURN a").find("\nMATCH\t(a:Foo)\tRETURN a\n     \t   ^^^") != std::string::npos);
}
