// Output formats of query results.
#include <catch2/catch.hpp>

#include <sstream>

#include "graph/query/query_test_util.hpp"

using namespace kgmill;
using namespace kgmill::testing;

namespace {
std::string render(const std::string& q, query::OutputFormat f) {
    query::QueryResult r = tiny_engine().run(q);
    REQUIRE(r.ok());
    std::ostringstream out;
    query::write_result(out, tiny_kg(), r, f);
    return out.str();
}
}  // namespace

TEST_CASE("table output is aligned, numbers to the right", "[graph][query]") {
    CHECK(render("MATCH (n:Company) RETURN n.name, size(n.name) AS len ORDER BY len", query::OutputFormat::kTable) ==
          "+---------------------+-----+\n"
          "| n.name              | len |\n"
          "+---------------------+-----+\n"
          "| LG Display          |  10 |\n"
          "| Samsung Electronics |  19 |\n"
          "+---------------------+-----+\n"
          "2 rows\n");
    CHECK(render("MATCH (n:Person) RETURN n.name, n.aliases", query::OutputFormat::kTable) ==
          "+---------+-------------+\n"
          "| n.name  | n.aliases   |\n"
          "+---------+-------------+\n"
          "| Lê Quân | [\"Le Quan\"] |\n"
          "+---------+-------------+\n"
          "1 row\n");
    query::QueryResult failed = tiny_engine().run("MATCH (n:Nobody) RETURN n");
    std::ostringstream out;
    query::write_result(out, tiny_kg(), failed, query::OutputFormat::kTable);
    CHECK(out.str().empty());  // errors are the caller's to print
}

TEST_CASE("CSV quotes what needs quoting; null is empty", "[graph][query]") {
    CHECK(render("MATCH (n {id: 'vnu'}) RETURN n.name, n.country, null AS nothing, n.aliases", query::OutputFormat::kCsv) ==
          "n.name,n.country,nothing,n.aliases\r\n"
          "\"Vietnam National University, Hanoi\",VN,,\"[\"\"VNU\"\",\"\"Đại học Quốc gia Hà Nội\"\",\"\"ĐHQGHN\"\"]\"\r\n");
}

TEST_CASE("TSV escapes tabs and newlines", "[graph][query]") {
    CHECK(render("RETURN 'a\tb' AS x, 'c\nd' AS y, 1.5 AS z, true AS t", query::OutputFormat::kTsv) ==
          "x\ty\tz\tt\na\\tb\tc\\nd\t1.5\ttrue\n");
}

TEST_CASE("JSON Lines renders nodes, relationships and paths", "[graph][query]") {
    CHECK(render("MATCH (n {id: 'aun'}) RETURN n", query::OutputFormat::kJsonl) ==
          "{\"n\":{\"aliases\":[\"AUN\"],\"id\":\"aun\",\"name\":\"ASEAN University Network\",\"type\":\"Network\"}}\n");
    CHECK(render("MATCH (:Program)<-[r]-() RETURN r", query::OutputFormat::kJsonl) ==
          "{\"r\":{\"type\":\"RUNS\",\"_start\":\"vlute\",\"_end\":\"program-inwent\",\"confidence\":0.75,\"count\":3,"
          "\"doc\":\"003.txt\",\"end\":240,\"extractor\":\"test.rule\",\"sentence\":\"evidence for vlute RUNS "
          "program-inwent\",\"start\":200,\"symmetric\":false,\"weight\":1}}\n");
    std::string p = render("MATCH p = (:Unit)-[:PART_OF]->(u) RETURN p", query::OutputFormat::kJsonl);
    CHECK(p.rfind("{\"p\":{\"nodes\":[{\"aliases\":[\"Khoa Đông phương học\"],\"country\":\"VN\",\"id\":\"fos\"", 0) == 0);
    CHECK(p.find("\"relationships\":[{\"type\":\"PART_OF\",\"_start\":\"fos\",\"_end\":\"ussh\"") != std::string::npos);
    CHECK(render("RETURN 0.1 + 0.2 AS x, [1, 'two', null] AS l, {k: 'v'} AS m", query::OutputFormat::kJsonl) ==
          "{\"x\":0.30000000000000004,\"l\":[1,\"two\",null],\"m\":{\"k\":\"v\"}}\n");
}

TEST_CASE("output format names", "[graph][query]") {
    CHECK(query::parse_output_format("table") == query::OutputFormat::kTable);
    CHECK(query::parse_output_format("jsonl") == query::OutputFormat::kJsonl);
    CHECK_FALSE(query::parse_output_format("xml"));
}
