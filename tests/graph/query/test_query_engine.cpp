// The query engine on the fixture graph: matching, symmetric relations, uniqueness, variable
// length, OPTIONAL MATCH, projections and aggregates, shortest paths, parameters, errors.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "graph/query/query_test_util.hpp"

using namespace kgmill;
using namespace kgmill::testing;
using query::Value;

TEST_CASE("labels and property maps select nodes", "[graph][query]") {
    CHECK(rows("MATCH (n:Company) RETURN n.name") == Rows{"LG Display", "Samsung Electronics"});
    CHECK(rows("MATCH (n:Company|Network) RETURN n.id") == Rows{"aun", "besetoha", "lg-display", "samsung"});
    CHECK(rows("MATCH (n {id: 'vnu'}) RETURN n.name, n.country, labels(n), n.type") ==
          Rows{"Vietnam National University, Hanoi|VN|[\"University\"]|University"});
    CHECK(rows("MATCH (n:University {country: 'CN'}) RETURN n.id") == Rows{"pku", "tsinghua"});
    CHECK(rows("MATCH (n:Network) RETURN n.id, n.country") == Rows{"aun|null", "besetoha|null"});
    CHECK(rows("MATCH (n:Person) RETURN n.aliases, size(n.aliases)") == Rows{"[\"Le Quan\"]|1"});
    CHECK(rows("MATCH (n:Agreement) RETURN n.aliases, size(n.aliases)") == Rows{"null|null"});  // as in the export
    CHECK(rows("MATCH (n:Entity) RETURN count(*)") == Rows{"23"});  // the export's label of every node
}

TEST_CASE("relationship types, alternatives and directions", "[graph][query]") {
    CHECK(rows("MATCH (a)-[:MEMBER_OF]->(b) RETURN a.id, b.id") == Rows{"vnu|aun", "vnu|besetoha"});
    CHECK(rows("MATCH (a)<-[:MEMBER_OF]-(b) RETURN a.id, b.id") == Rows{"aun|vnu", "besetoha|vnu"});
    CHECK(rows("MATCH (a {id:'vnu'})-[r:MEMBER_OF|LOCATED_IN]->(b) RETURN type(r), b.id") ==
          Rows{"LOCATED_IN|place-ha-noi", "MEMBER_OF|aun", "MEMBER_OF|besetoha"});
    CHECK(rows("MATCH (a {id:'vnu'})-[r:MEMBER_OF|:LOCATED_IN]->(b) RETURN count(*)") == Rows{"3"});
    CHECK(rows("MATCH (:Person)-[r]->(x) RETURN type(r), r.role, r.date, x.id") ==
          Rows{"HOLDS_POSITION|Director|null|vnu", "VISITED|null|2024-08-28|pku"});
}

TEST_CASE("symmetric relations match in both directions, others only as stored", "[graph][query]") {
    // stored once as hust -> samsung / hust -> lg-display
    CHECK(rows("MATCH (a:Company)-[:SIGNED_AGREEMENT_WITH]->(b) RETURN a.id, b.id") ==
          Rows{"lg-display|hust", "samsung|hust"});
    CHECK(rows("MATCH (a)-[:SIGNED_AGREEMENT_WITH]->(b:Company) RETURN a.id, b.id") ==
          Rows{"hust|lg-display", "hust|samsung"});
    CHECK(rows("MATCH ()-[r:SIGNED_AGREEMENT_WITH]->() RETURN count(r)") == Rows{"6"});
    CHECK(rows("MATCH ()-[r:SIGNED_AGREEMENT_WITH]-() RETURN count(r)") == Rows{"6"});
    // COOPERATES_WITH a Country is not symmetric
    CHECK(rows("MATCH (c:Country)-[:COOPERATES_WITH]->(x) RETURN x.id") == Rows{});
    CHECK(rows("MATCH (c:Country)<-[:COOPERATES_WITH]-(x) RETURN x.id") == Rows{"vass"});
    CHECK(rows("MATCH (a)-[r:COOPERATES_WITH]->(b) WHERE r.symmetric RETURN a.id, b.id") ==
          Rows{"hust|samsung", "kyoto-sangyo|ussh", "samsung|hust", "ussh|kyoto-sangyo"});
    // startNode / endNode keep the stored direction
    CHECK(rows("MATCH (a:Company)-[r:SIGNED_AGREEMENT_WITH]->(b) RETURN startNode(r).id, endNode(r).id") ==
          Rows{"hust|lg-display", "hust|samsung"});
}

TEST_CASE("a relationship is used once per MATCH", "[graph][query]") {
    CHECK(rows("MATCH (a {id:'hust'})-[r1]-(b)-[r2]-(c) WHERE c = a RETURN type(r1), type(r2)") ==
          Rows{"COOPERATES_WITH|SIGNED_AGREEMENT_WITH", "SIGNED_AGREEMENT_WITH|COOPERATES_WITH"});
    // across comma-separated patterns too
    CHECK(rows("MATCH (a {id:'vlute'})-[r1]-(b), (b)-[r2]-(c) RETURN count(*)") == Rows{"0"});
    // but not across MATCH clauses
    CHECK(rows("MATCH (a {id:'vlute'})-[r1]-(b) MATCH (b)-[r2]-(c) RETURN c.id") == Rows{"vlute"});
}

TEST_CASE("variable-length patterns", "[graph][query]") {
    CHECK(rows("MATCH (a {id:'fos'})-[:PART_OF*1..2]->(b) RETURN b.id") == Rows{"ussh", "vnu"});
    CHECK(rows("MATCH (a {id:'fos'})-[:PART_OF*]->(b) RETURN b.id") == Rows{"ussh", "vnu"});
    CHECK(rows("MATCH (a {id:'fos'})-[:PART_OF*2]->(b) RETURN b.id") == Rows{"vnu"});
    CHECK(rows("MATCH (a {id:'fos'})-[:PART_OF*0..1]->(b) RETURN b.id") == Rows{"fos", "ussh"});
    CHECK(rows("MATCH (a {id:'vnu'})<-[:PART_OF*]-(b) RETURN b.id") == Rows{"fos", "ussh"});
    CHECK(rows("MATCH (a {id:'fos'})-[r:PART_OF*]->(b {id:'vnu'}) RETURN size(r), [x IN r | endNode(x).id]") ==
          Rows{"2|[\"ussh\", \"vnu\"]"});
    // the list is in pattern order even when the planner starts from the right
    CHECK(rows("MATCH (a)-[r:PART_OF*2]->(b {id:'vnu'}) RETURN a.id, [x IN r | startNode(x).id]") ==
          Rows{"fos|[\"fos\", \"ussh\"]"});
    // trail: no relationship twice (hust-samsung has two relations, so 2-hop walks back exist)
    // (hust and samsung share two relations: each can lead there and the other back)
    CHECK(rows("MATCH (a {id:'samsung'})-[*2]-(b) RETURN b.id") ==
          Rows{"event-seminar-2025", "event-seminar-2025", "lg-display", "lg-display", "samsung", "samsung"});
    CHECK(rows("MATCH (a {id:'samsung'})-[:SIGNED_AGREEMENT_WITH*2]-(b) RETURN b.id") == Rows{"lg-display"});
    CHECK(rows("MATCH (a {id:'pku'})-[:LOCATED_IN*1..3 {}]->(b) RETURN b.id") == Rows{"country-china", "place-beijing"});
    CHECK(rows("MATCH p = (a {id:'fos'})-[:PART_OF*]->(b) RETURN length(p), [n IN nodes(p) | n.id]") ==
          Rows{"1|[\"fos\", \"ussh\"]", "2|[\"fos\", \"ussh\", \"vnu\"]"});
}

TEST_CASE("comma-separated patterns and shared variables", "[graph][query]") {
    CHECK(rows("MATCH (p:Person)-[:HOLDS_POSITION]->(o), (o)-[:MEMBER_OF]->(n) RETURN p.name, n.id") ==
          Rows{"Lê Quân|aun", "Lê Quân|besetoha"});
    CHECK(rows("MATCH (a)-[:VISITED]->(x), (b)-[:VISITED]->(x) WHERE a.id < b.id RETURN a.id, b.id, x.id") ==
          Rows{"person-le-quan|vnu|pku"});
}

TEST_CASE("OPTIONAL MATCH keeps rows with nulls", "[graph][query]") {
    CHECK(rows("MATCH (u:University) OPTIONAL MATCH (u)-[:MEMBER_OF]->(n) RETURN u.id, n.id") ==
          Rows{"hust|null", "kyoto-sangyo|null", "pku|null", "tsinghua|null", "ussh|null", "vlute|null", "vnu|aun",
               "vnu|besetoha"});
    CHECK(rows("MATCH (u:University) OPTIONAL MATCH (u)-[:MEMBER_OF]->(n) RETURN u.id, count(n) ORDER BY u.id") ==
          Rows{"hust|0", "kyoto-sangyo|0", "pku|0", "tsinghua|0", "ussh|0", "vlute|0", "vnu|2"});
    // the WHERE belongs to the optional part
    CHECK(rows("MATCH (u {id:'vnu'}) OPTIONAL MATCH (u)-[:MEMBER_OF]->(n) WHERE n.id = 'nope' RETURN u.id, n") ==
          Rows{"vnu|null"});
    CHECK(rows("OPTIONAL MATCH (n:Person {id: 'nobody'}) RETURN n") == Rows{"null"});
}

TEST_CASE("WHERE operators", "[graph][query]") {
    CHECK(rows("MATCH (n) WHERE n.name STARTS WITH 'Viet' RETURN n.id") == Rows{"vass", "vnu"});
    CHECK(rows("MATCH (n) WHERE n.name ENDS WITH 'Network' RETURN n.id") == Rows{"aun"});
    CHECK(rows("MATCH (n:University) WHERE n.name CONTAINS 'Hanoi' RETURN n.id") == Rows{"hust", "vnu"});
    CHECK(rows("MATCH (n) WHERE n.name =~ '(?i).*KYOTO.*' RETURN n.id") == Rows{"kyoto-sangyo"});
    CHECK(rows("MATCH (n) WHERE n.id IN ['pku', 'aun', 'none'] RETURN n.id") == Rows{"aun", "pku"});
    CHECK(rows("MATCH (n:University) WHERE n.country = 'VN' XOR n.name CONTAINS 'Hanoi' RETURN n.id") ==
          Rows{"ussh", "vlute"});
    CHECK(rows("MATCH (n:University) WHERE NOT n.country IN ['VN', 'CN'] RETURN n.id") == Rows{"kyoto-sangyo"});
    CHECK(rows("MATCH (n) WHERE n.country IS NULL RETURN n.id") ==
          Rows{"agreement-vnu-tsinghua-2024", "aun", "besetoha", "field-ai", "program-inwent"});
    CHECK(rows("MATCH (n:Network) WHERE n.country IS NOT NULL RETURN n.id") == Rows{});
    CHECK(rows("MATCH (n) WHERE n:Company OR n:Person RETURN n.id") == Rows{"lg-display", "person-le-quan", "samsung"});
    // a directed pattern meets a symmetric relation from both ends: DISTINCT r counts it once
    CHECK(rows("MATCH ()-[r]->() WHERE r.date >= '2025' AND r.date < '2026' RETURN DISTINCT type(r), r.date") ==
          Rows{"ORGANIZED|2025-11-14", "SIGNED_AGREEMENT_WITH|2025", "SIGNED_AGREEMENT_WITH|2025-04", "VISITED|2025"});
    CHECK(rows("MATCH ()-[r:SIGNED_AGREEMENT_WITH]->() RETURN count(r), count(DISTINCT r)") == Rows{"6|3"});
    CHECK(rows("MATCH ()-[r:RUNS]->() RETURN r.count, r.count + 1") == Rows{"3|4"});
}

TEST_CASE("bilingual names: aliases, diacritics and matchesName()", "[graph][query]") {
    CHECK(rows("MATCH (n) WHERE 'ĐHQGHN' IN n.aliases RETURN n.id") == Rows{"vnu"});
    CHECK(rows("MATCH (n {name: 'Hà Nội'}) RETURN n.id") == Rows{"place-ha-noi"});
    CHECK(rows("MATCH (n {name: 'Ha Noi'}) RETURN n.id") == Rows{});  // property equality is exact
    CHECK(rows("MATCH (n) WHERE matchesName(n, 'dai hoc quoc gia ha noi') RETURN n.id") == Rows{"vnu"});
    CHECK(rows("MATCH (n) WHERE matchesName(n, 'Ha Noi') RETURN n.id") == Rows{"place-ha-noi"});
    CHECK(rows("RETURN nameKey('Hà Nội'), toUpper('hà nội'), size('Hà Nội'), substring('Hà Nội', 3)") ==
          Rows{"hanoi|HÀ NỘI|6|Nội"});
}

TEST_CASE("projections: aliases, DISTINCT, ORDER BY, SKIP, LIMIT", "[graph][query]") {
    CHECK(ordered_rows("MATCH (n:University) RETURN n.id AS id ORDER BY id DESC LIMIT 3") ==
          Rows{"vnu", "vlute", "ussh"});
    CHECK(ordered_rows("MATCH (n:University) RETURN n.id ORDER BY n.country, n.id SKIP 1 LIMIT 2") ==
          Rows{"tsinghua", "kyoto-sangyo"});
    CHECK(ordered_rows("MATCH (n:University) RETURN DISTINCT n.country AS c ORDER BY c") == Rows{"CN", "JP", "VN"});
    CHECK(ordered_rows("MATCH (n) RETURN n.type, count(*) AS k ORDER BY k DESC, n.type LIMIT 2") ==
          Rows{"University|7", "Company|2"});
    CHECK(ordered_rows("MATCH (n:Network) RETURN n ORDER BY n.name") ==
          Rows{"(:Network {id: \"aun\", name: \"ASEAN University Network\"})", "(:Network {id: \"besetoha\", name: \"BESETOHA\"})"});
    CHECK(ordered_rows("MATCH (n:Network) RETURN * ORDER BY n.id") ==
          Rows{"(:Network {id: \"aun\", name: \"ASEAN University Network\"})", "(:Network {id: \"besetoha\", name: \"BESETOHA\"})"});
    CHECK(ordered_rows("UNWIND [3, 1, null, 2] AS x RETURN x ORDER BY x") == Rows{"1", "2", "3", "null"});
    CHECK(ordered_rows("UNWIND [3, 1, null, 2] AS x RETURN x ORDER BY x DESC") == Rows{"null", "3", "2", "1"});
    CHECK(ordered_rows("UNWIND ['b', 1, true, [1], null] AS x RETURN x ORDER BY x") ==
          Rows{"[1]", "b", "true", "1", "null"});
}

TEST_CASE("aggregates", "[graph][query]") {
    CHECK(rows("MATCH (n) RETURN count(*), count(n.country), count(DISTINCT n.country)") == Rows{"23|18|5"});
    CHECK(rows("MATCH (n:University) RETURN n.country, collect(n.id) ORDER BY n.country") ==
          Rows{"CN|[\"pku\", \"tsinghua\"]", "JP|[\"kyoto-sangyo\"]", "VN|[\"hust\", \"ussh\", \"vlute\", \"vnu\"]"});
    CHECK(rows("MATCH ()-[r]->() WITH DISTINCT r RETURN min(r.weight), max(r.weight), sum(r.weight), avg(r.confidence)") ==
          Rows{"1|2|27|0.75"});
    CHECK(rows("MATCH (n:Nobody) RETURN count(*), collect(n), sum(1), avg(1), min(1)") ==
          Rows{"ERROR: Query bind error (line 1, col 10): unknown label 'Nobody'; the labels are Entity (every node), University, Unit, "
               "ResearchInstitute, Company, GovernmentBody, Network, InternationalOrganization, Organization, Person, "
               "Country, Place, Agreement, Event, Program, Field\nMATCH (n:Nobody) RETURN count(*), collect(n), sum(1), "
               "avg(1), min(1)\n         ^^^^^^"});
    CHECK(rows("MATCH (n:InternationalOrganization) RETURN count(*), collect(n), sum(1), avg(1), min(1)") ==
          Rows{"0|[]|0|null|null"});
    CHECK(rows("MATCH (n:InternationalOrganization) RETURN n.id, count(*)") == Rows{});
    CHECK(rows("MATCH (u:University)-[:MEMBER_OF]->(n) WITH u, count(n) AS k WHERE k > 1 RETURN u.id, k") ==
          Rows{"vnu|2"});
    CHECK(rows("MATCH (n:University) RETURN n.country, count(*) * 10 AS x") == Rows{"CN|20", "JP|10", "VN|40"});
    CHECK(rows("MATCH (n:University) WITH n.country AS c, collect(n.id) AS ids RETURN c, size(ids), ids[0]") ==
          Rows{"CN|2|pku", "JP|1|kyoto-sangyo", "VN|4|hust"});
}

TEST_CASE("WITH chains scopes", "[graph][query]") {
    CHECK(rows("MATCH (a:Person) WITH a MATCH (a)-[:VISITED]->(x) RETURN x.name") == Rows{"Peking University"});
    CHECK(rows("MATCH (a:University) WITH a ORDER BY a.id LIMIT 2 RETURN collect(a.id)") ==
          Rows{"[\"hust\", \"kyoto-sangyo\"]"});
    CHECK(error_of("MATCH (a:Person) WITH a.name AS n RETURN a") ==
          "Query bind error (line 1, col 42): unknown variable 'a'\nMATCH (a:Person) WITH a.name AS n RETURN a\n"
          "                                         ^");
    CHECK(rows("WITH 2 AS x UNWIND range(1, x) AS y RETURN x, y") == Rows{"2|1", "2|2"});
}

TEST_CASE("shortestPath and allShortestPaths", "[graph][query]") {
    CHECK(rows("MATCH (a {id:'hust'}), (b {id:'tsinghua'}) MATCH p = shortestPath((a)-[*]-(b)) "
               "RETURN length(p), [n IN nodes(p) | n.id]") ==
          Rows{"4|[\"hust\", \"event-seminar-2025\", \"field-ai\", \"agreement-vnu-tsinghua-2024\", \"tsinghua\"]"});
    CHECK(rows("MATCH p = shortestPath((a {id:'hust'})-[*..3]-(b {id:'tsinghua'})) RETURN p") == Rows{});
    CHECK(rows("MATCH p = allShortestPaths((a {id:'fos'})-[*]-(b {id:'pku'})) RETURN length(p), [n IN nodes(p) | n.id]") ==
          Rows{"3|[\"fos\", \"ussh\", \"vnu\", \"pku\"]"});
    CHECK(rows("MATCH p = shortestPath((a {id:'person-le-quan'})-[:VISITED|HOLDS_POSITION*]->(b {id:'pku'})) "
               "RETURN length(p)") == Rows{"1"});
    // directed: nothing leads into a Person
    CHECK(rows("MATCH p = shortestPath((a {id:'pku'})-[*]->(b {id:'person-le-quan'})) RETURN p") == Rows{});
    // symmetric relations count in both directions
    CHECK(rows("MATCH p = shortestPath((a {id:'samsung'})-[:SIGNED_AGREEMENT_WITH*]->(b {id:'lg-display'})) "
               "RETURN length(p)") == Rows{"2"});
    CHECK(rows("MATCH p = shortestPath((a {id:'vlute'})-[*]-(b {id:'tsinghua'})) RETURN p") == Rows{});
    CHECK(rows("MATCH p = shortestPath((a {id:'vnu'})-[:VISITED]->(b {id:'pku'})) RETURN p") ==
          Rows{"(Vietnam National University, Hanoi)-[:VISITED]->(Peking University)"});
}

TEST_CASE("parameters", "[graph][query]") {
    query::Params p{{"id", Value::string("pku")}, {"ids", query::parse_param_value("['aun', 'pku']")},
                    {"n", query::parse_param_value("2")}, {"props", query::parse_param_value("{country: 'CN'}")}};
    CHECK(rows("MATCH (n {id: $id}) RETURN n.name", p) == Rows{"Peking University"});
    CHECK(rows("MATCH (n) WHERE n.id IN $ids RETURN n.id", p) == Rows{"aun", "pku"});
    CHECK(rows("MATCH (n:University $props) RETURN n.id", p) == Rows{"pku", "tsinghua"});
    CHECK(ordered_rows("MATCH (n:University) RETURN n.id ORDER BY n.id LIMIT $n", p) == Rows{"hust", "kyoto-sangyo"});
    CHECK(error_of("MATCH (n {id: $nope}) RETURN n", p) ==
          "Query bind error (line 1, col 15): missing parameter $nope (pass it with --param nope=VALUE)\n"
          "MATCH (n {id: $nope}) RETURN n\n              ^^^^^");
    CHECK(query::parse_param_value("VNU").as_string() == "VNU");
    CHECK(query::parse_param_value("Hà Nội").as_string() == "Hà Nội");
    CHECK(query::parse_param_value("'2025'").as_string() == "2025");
    CHECK(query::parse_param_value("2025").as_int() == 2025);
    CHECK(query::parse_param_value("-1.5").as_double() == -1.5);
    CHECK(query::parse_param_value("true").as_bool());
}

TEST_CASE("expressions: null logic, arithmetic, strings, lists, CASE", "[graph][query]") {
    CHECK(rows("RETURN null = null, null IS NULL, 1 IN [null, 1], 2 IN [null, 1], null AND false, null OR true") ==
          Rows{"null|true|true|null|false|true"});
    CHECK(rows("RETURN 7 / 2, 7.0 / 2, 7 % 3, 2 ^ 3, -7 / 2, 1 + 2.5, 'a' + 1, [1] + [2, 3]") ==
          Rows{"3|3.5|1|8.0|-3|3.5|a1|[1, 2, 3]"});
    CHECK(rows("RETURN 1 = 1.0, 'a' < 'b', [1, 2] = [1, 2], {a: 1} = {a: 1}, 1 = '1'") ==
          Rows{"true|true|true|true|false"});
    CHECK(rows("RETURN [1, 2, 3][0], [1, 2, 3][-1], [1, 2, 3][1..], [1, 2, 3][5], size([1, 2]), head([]), last([1, 2])") ==
          Rows{"1|3|[2, 3]|null|2|null|2"});
    CHECK(rows("RETURN toInteger('42'), toInteger('4.7'), toFloat('1.5'), toString(1.0), toString(42), toInteger('x')") ==
          Rows{"42|4|1.5|1.0|42|null"});
    CHECK(rows("RETURN split('a,b,c', ','), replace('aXbX', 'X', '-'), trim('  x '), reverse('abc'), left('Hà Nội', 2)") ==
          Rows{"[\"a\", \"b\", \"c\"]|a-b-|x|cba|Hà"});
    CHECK(rows("MATCH (n:University) RETURN CASE n.country WHEN 'VN' THEN 'home' WHEN 'CN' THEN 'china' ELSE 'other' END "
               "AS k, count(*)") == Rows{"china|2", "home|4", "other|1"});
    CHECK(rows("RETURN CASE WHEN 1 > 2 THEN 'a' WHEN 2 > 1 THEN 'b' END, CASE WHEN false THEN 1 END") == Rows{"b|null"});
    CHECK(rows("RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * x], all(x IN [1, 2] WHERE x > 0), "
               "any(x IN [1, 2] WHERE x > 1), none(x IN [1, 2] WHERE x > 5), single(x IN [1, 2] WHERE x > 1)") ==
          Rows{"[4, 16, 36]|true|true|true|true"});
    CHECK(rows("RETURN coalesce(null, 'x'), keys({b: 1, a: 2}), properties({a: 1})") == Rows{"x|[\"a\", \"b\"]|{a: 1}"});
    CHECK(rows("MATCH (n {id:'aun'}) RETURN keys(n), properties(n)") ==
          Rows{"[\"aliases\", \"id\", \"name\", \"type\"]|{aliases: [\"AUN\"], id: \"aun\", name: \"ASEAN University Network\", "
               "type: \"Network\"}"});
    CHECK(rows("MATCH ()-[r:RUNS]->() RETURN r.weight, r.symmetric, r.doc, r.start, r.end, r.extractor, r.confidence, r.type") ==
          Rows{"1|false|003.txt|200|240|test.rule|0.75|RUNS"});
}

TEST_CASE("UNION and UNION ALL", "[graph][query]") {
    CHECK(rows("MATCH (n:Company) RETURN n.country AS c UNION MATCH (n:University) RETURN n.country AS c") ==
          Rows{"CN", "JP", "KR", "VN"});
    CHECK(rows("MATCH (n:Company) RETURN n.country AS c UNION ALL MATCH (n:Network) RETURN n.country AS c") ==
          Rows{"KR", "KR", "null", "null"});
    CHECK(error_of("RETURN 1 AS a UNION RETURN 2 AS b").rfind(
              "Query bind error (line 1, col 21): all parts of a UNION must return the same column names", 0) == 0);
}

TEST_CASE("errors name the stage, the place and the valid names", "[graph][query]") {
    CHECK(error_of("MATCH (a)-[:VISTED]->(b) RETURN a") ==
          "Query bind error (line 1, col 13): unknown relationship type 'VISTED' (did you mean VISITED?); the types are "
          "SIGNED_AGREEMENT_WITH, PARTY_TO, COOPERATES_WITH, MEMBER_OF, PART_OF, LOCATED_IN, HOLDS_POSITION, VISITED, "
          "ORGANIZED, ATTENDED, RUNS, CONCERNS\nMATCH (a)-[:VISTED]->(b) RETURN a\n            ^^^^^^");
    CHECK(error_of("MATCH (a:University) RETURN a.nmae") ==
          "Query bind error (line 1, col 31): unknown node property 'nmae'; nodes have id, name, type, aliases, "
          "country\nMATCH (a:University) RETURN a.nmae\n                              ^^^^");
    CHECK(error_of("MATCH ()-[r]->() RETURN r.when") ==
          "Query bind error (line 1, col 27): unknown relationship property 'when'; relationships have type, date, role, "
          "field, count, status, weight, symmetric, doc, sentence, start, end, extractor, confidence\n"
          "MATCH ()-[r]->() RETURN r.when\n                          ^^^^");
    CHECK(error_of("MATCH (a) WHERE count(a) > 1 RETURN a") ==
          "Query bind error (line 1, col 17): aggregate functions such as count() and collect() are only allowed in WITH "
          "and RETURN\nMATCH (a) WHERE count(a) > 1 RETURN a\n                ^^^^^^^^");
    CHECK(error_of("RETURN frobnicate(1)") ==
          "Query bind error (line 1, col 8): unknown function 'frobnicate'\nRETURN frobnicate(1)\n       ^^^^^^^^^^");
    CHECK(error_of("RETURN 1 / 0") == "Query runtime error (line 1, col 8): division by zero\nRETURN 1 / 0\n       ^^^^^");
    CHECK(error_of("RETURN 'a' =~ '('").rfind("Query bind error (line 1, col 15): invalid regular expression: missing ): (", 0) == 0);
    CHECK(error_of("MATCH (n) RETURN n LIMIT -1").rfind("Query bind error (line 1, col 26): LIMIT must be a non-negative integer", 0) == 0);
    CHECK(error_of("MATCH (n) RETURN n, n").rfind("Query bind error (line 1, col 21): column 'n' appears twice", 0) == 0);
    CHECK(error_of("MATCH (n) RETURN count(count(n))").rfind("Query bind error (line 1, col 24): aggregate functions cannot be nested", 0) == 0);
    CHECK(error_of("MATCH (n) WHERE n.name = 1 OR 2 RETURN n").rfind("Query runtime error (line 1, col 31): expected a boolean, got an int", 0) == 0);
}

TEST_CASE("unsupported features are refused by name", "[graph][query]") {
    CHECK(error_of("CREATE (n:Person {name: 'x'}) RETURN n") ==
          "Query parse error (line 1, col 1): CREATE is not supported: kgmill query is read-only (MATCH, OPTIONAL MATCH, "
          "WHERE, WITH, UNWIND, RETURN)\nCREATE (n:Person {name: 'x'}) RETURN n\n^^^^^^");
    CHECK(error_of("MATCH (n) SET n.name = 'x' RETURN n").rfind("Query parse error (line 1, col 11): SET is not supported", 0) == 0);
    CHECK(error_of("MATCH (n) DETACH DELETE n").rfind("Query parse error (line 1, col 11): DETACH is not supported", 0) == 0);
    CHECK(error_of("MERGE (n:Person {id: 'x'}) RETURN n").rfind("Query parse error (line 1, col 1): MERGE is not supported", 0) == 0);
    CHECK(error_of("CALL db.labels()").rfind("Query parse error (line 1, col 1): CALL (procedures and subqueries) is not supported", 0) == 0);
    CHECK(error_of("MATCH (a) WHERE (a)-[:MEMBER_OF]->() RETURN a")
              .rfind("Query parse error (line 1, col 17): pattern expressions such as (a)-[:T]->(b) inside expressions are not supported", 0) == 0);
    CHECK(error_of("MATCH (a) WHERE EXISTS { MATCH (a)-->() } RETURN a")
              .rfind("Query parse error (line 1, col 17): EXISTS { ... } subqueries are not supported", 0) == 0);
    CHECK(error_of("RETURN reduce(s = 0, x IN [1] | s + x)").rfind("Query parse error (line 1, col 8): reduce() is not supported", 0) == 0);
    CHECK(error_of("RETURN [(a)-->(b) | b]").rfind("Query parse error (line 1, col 9): pattern comprehensions", 0) == 0);
    CHECK(error_of("MATCH (a)-[* SHORTEST 1..3]-(b) RETURN a").rfind("Query parse error (line 1, col 14): Kùzu's recursive-pattern syntax", 0) == 0);
    CHECK(error_of("RETURN date('2025-01-01')").rfind("Query bind error (line 1, col 8): function date() is not supported", 0) == 0);
    CHECK(error_of("MATCH (n) RETURN apoc.text.join(n.aliases, ',')").rfind("Query parse error (line 1, col 18): function apoc.text.join() is not supported", 0) == 0);
}

TEST_CASE("EXPLAIN shows index lookups and filter placement", "[graph][query]") {
    CHECK(ordered_rows("EXPLAIN MATCH (a:University {id: 'vnu'})-[:MEMBER_OF]->(n) RETURN n.name") ==
          Rows{"NodeById (a:University)", "Filter", "Expand (a)-[anon_1:MEMBER_OF]->(n)", "Project n.name",
               "ProduceResults n.name"});
    CHECK(ordered_rows("EXPLAIN MATCH (x)-[:VISITED]->(b) WHERE b.name = 'Peking University' RETURN x.id") ==
          Rows{"NodeByName (b)", "Filter", "Expand (b)<-[anon_1:VISITED]-(x)", "Project x.id", "ProduceResults x.id"});
    CHECK(ordered_rows("EXPLAIN MATCH (a) OPTIONAL MATCH (a)-->(b) RETURN a, b LIMIT 1") ==
          Rows{"NodeScan (a)", "Optional", "  Argument (a)", "  Expand (a)-[anon_1]->(b)", "EndOptional", "Limit 1",
               "ProduceResults a b"});
}

TEST_CASE("statements split at ';' outside strings and comments", "[graph][query]") {
    auto parts = query::split_statements("MATCH (n) RETURN n;\n// c; d\nRETURN 'a;b' ; /* ; */\n\nRETURN 1");
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].first == "MATCH (n) RETURN n");
    CHECK(parts[0].second == 1);
    CHECK(parts[1].second == 3);
    CHECK(parts[2].first == "RETURN 1");
    CHECK(parts[2].second == 5);
}

TEST_CASE("a cached plan runs again with other parameters and fresh state", "[graph][query]") {
    const std::string q =
        "MATCH (n:University) WHERE n.country = $c WITH n ORDER BY n.id LIMIT $k RETURN collect(n.id), count(*)";
    for (int round = 0; round < 3; ++round) {
        CHECK(rows(q, {{"c", Value::string("VN")}, {"k", Value::integer(2)}}) == Rows{"[\"hust\", \"ussh\"]|2"});
        CHECK(rows(q, {{"c", Value::string("CN")}, {"k", Value::integer(5)}}) == Rows{"[\"pku\", \"tsinghua\"]|2"});
        CHECK(rows(q, {{"c", Value::string("XX")}, {"k", Value::integer(5)}}) == Rows{"[]|0"});
    }
    CHECK(error_of(q, {{"c", Value::string("VN")}}).rfind("Query bind error (line 1, col 70): missing parameter $k", 0) == 0);
    CHECK(error_of(q, {{"c", Value::string("VN")}, {"k", Value::integer(-1)}})
              .rfind("Query bind error (line 1, col 70): LIMIT must be a non-negative integer, got -1", 0) == 0);
    CHECK(rows(q, {{"c", Value::string("VN")}, {"k", Value::integer(1)}}) == Rows{"[\"hust\"]|1"});
    const std::string distinct = "MATCH (a)-[:VISITED]->(b) RETURN DISTINCT b.id";
    CHECK(rows(distinct) == Rows{"country-laos", "pku"});
    CHECK(rows(distinct) == Rows{"country-laos", "pku"});
    CHECK(rows("MATCH (n $props) RETURN n.id", {{"props", query::parse_param_value("{type: 'Network'}")}}) ==
          Rows{"aun", "besetoha"});
    CHECK(rows("MATCH (n $props) RETURN n.id", {{"props", query::parse_param_value("{id: 'pku', country: 'CN'}")}}) ==
          Rows{"pku"});
    CHECK(error_of("MATCH (n $props) RETURN n.id", {{"props", query::parse_param_value("{nope: 1}")}})
              .rfind("Query runtime error (line 1, col 10): unknown node property 'nope'", 0) == 0);
}

TEST_CASE("one engine answers from several threads at once", "[graph][query]") {
    const query::QueryEngine& engine = tiny_engine();
    std::vector<std::thread> threads;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                query::Params p{{"id", Value::string(t % 2 ? "vnu" : "hust")}};
                auto r = engine.run("MATCH (a {id: $id})-[r]-(b) RETURN count(*) AS n", p);
                if (!r.ok() || r.rows.size() != 1 || r.rows[0][0].as_int() != (t % 2 ? 8 : 4)) ++wrong;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(wrong == 0);
}
