// Differential test: what queries answer must equal what the KnowledgeGraph API and the
// algorithms say directly, for every entity and relation type of the fixture graph.
#include <catch2/catch.hpp>

#include <set>

#include "graph/query/query_test_util.hpp"
#include "kgmill/graph/algorithms.hpp"

using namespace kgmill;
using namespace kgmill::testing;
using query::Value;

namespace {

std::multiset<std::string> column(const std::string& q, const query::Params& p) {
    query::QueryResult r = tiny_engine().run(q, p);
    REQUIRE(r.ok());
    std::multiset<std::string> out;
    for (const auto& row : r.rows) out.insert(render_row(tiny_kg(), row));
    return out;
}

}  // namespace

TEST_CASE("one hop out of every entity equals out_relations (+ symmetric in_relations)", "[graph][query]") {
    const KnowledgeGraph& g = tiny_kg();
    for (VertexId v = 0; v < g.vertex_count(); ++v) {
        query::Params p{{"id", Value::string(g.entities()[v].id)}};
        std::multiset<std::string> want;
        for (std::uint32_t ri : g.out_relations(v))
            want.insert(g.entities()[g.relations()[ri].target].id + "|" + std::string(relation_type_name(g.relations()[ri].type)));
        for (std::uint32_t ri : g.in_relations(v))
            if (g.relations()[ri].symmetric())
                want.insert(g.entities()[g.relations()[ri].source].id + "|" + std::string(relation_type_name(g.relations()[ri].type)));
        INFO(g.entities()[v].id);
        CHECK(column("MATCH (n {id: $id})-[r]->(m) RETURN m.id, type(r)", p) == want);
        CHECK(column("MATCH (n {id: $id})-[r]-() RETURN count(r)", p) ==
              std::multiset<std::string>{std::to_string(g.degree(v))});
    }
}

TEST_CASE("counts per label and per relation type equal the graph's", "[graph][query]") {
    const KnowledgeGraph& g = tiny_kg();
    for (int t = 0; t < kEntityTypeCount; ++t) {
        std::size_t n = 0;
        for (const Entity& e : g.entities()) n += static_cast<int>(e.type) == t;
        std::string label(entity_type_name(static_cast<EntityType>(t)));
        CHECK(column("MATCH (n:" + label + ") RETURN count(n)", {}) == std::multiset<std::string>{std::to_string(n)});
    }
    for (int t = 0; t < kRelationTypeCount; ++t) {
        std::size_t n = 0;
        for (const Relation& r : g.relations()) n += static_cast<int>(r.type) == t;
        std::string type(relation_type_name(static_cast<RelationType>(t)));
        CHECK(column("MATCH ()-[r:" + type + "]->() RETURN count(DISTINCT r)", {}) ==
              std::multiset<std::string>{std::to_string(n)});
    }
}

TEST_CASE("matchesName agrees with find_by_name for every name and alias", "[graph][query]") {
    const KnowledgeGraph& g = tiny_kg();
    for (const Entity& e : g.entities()) {
        std::vector<std::string> names = e.aliases;
        names.push_back(e.name);
        for (const std::string& name : names) {
            std::multiset<std::string> want;
            for (VertexId v : g.find_by_name(name)) want.insert(g.entities()[v].id);
            INFO(name);
            CHECK(column("MATCH (n) WHERE matchesName(n, $name) RETURN n.id", {{"name", Value::string(name)}}) == want);
            // the name-index lookup the planner uses gives the same answer as a scan
            std::multiset<std::string> exact;
            for (const Entity& x : g.entities())
                if (x.name == name) exact.insert(x.id);
            CHECK(column("MATCH (n) WHERE n.name = $name RETURN n.id", {{"name", Value::string(name)}}) == exact);
        }
    }
}

TEST_CASE("two-hop neighbourhoods and shortest paths equal the algorithms'", "[graph][query]") {
    const KnowledgeGraph& g = tiny_kg();
    for (VertexId v = 0; v < g.vertex_count(); ++v) {
        query::Params p{{"id", Value::string(g.entities()[v].id)}};
        std::multiset<std::string> want;
        for (const Neighbor& n : neighbors(g, v, 2)) want.insert(g.entities()[n.vertex].id);
        INFO(g.entities()[v].id);
        CHECK(column("MATCH (a {id: $id})-[*1..2]-(b) WHERE b <> a RETURN DISTINCT b.id", p) == want);
        for (VertexId w = 0; w < g.vertex_count(); ++w) {
            if (w == v) continue;
            auto path = shortest_path(g, v, w);
            query::Params pw{{"a", Value::string(g.entities()[v].id)}, {"b", Value::string(g.entities()[w].id)}};
            std::multiset<std::string> len;
            if (path) len.insert(std::to_string(path->rels.size()));
            CHECK(column("MATCH p = shortestPath((a {id: $a})-[*]-(b {id: $b})) RETURN length(p)", pw) == len);
        }
    }
}
