// The store round trip: save_graph then load_graph (the snapshot) gives the same graph, with
// its evidence or with evidence read on demand; queries see the same relation properties.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "graph/query/query_test_util.hpp"
#include "kgmill/graph/store.hpp"

using namespace kgmill;
using namespace kgmill::testing;

namespace {

std::string fresh_store(const std::string& name) {
    std::filesystem::create_directories(KGMILL_TEST_TMP);
    std::string path = std::string(KGMILL_TEST_TMP) + "/" + name + ".sqlite";
    std::filesystem::remove(path);
    auto st = Store::open(path, Store::Mode::kReadWrite);
    REQUIRE(st);
    REQUIRE((*st)->save_graph(tiny_kg()));
    return path;
}

void same_provenance(const Provenance& a, const Provenance& b) {
    CHECK(a.doc == b.doc);
    CHECK(a.sentence == b.sentence);
    CHECK(a.start == b.start);
    CHECK(a.end == b.end);
    CHECK(a.extractor == b.extractor);
    CHECK(a.confidence == b.confidence);
}

void same_graph(const KnowledgeGraph& a, const KnowledgeGraph& b, bool with_evidence) {
    REQUIRE(a.vertex_count() == b.vertex_count());
    REQUIRE(a.edge_count() == b.edge_count());
    for (VertexId v = 0; v < a.vertex_count(); ++v) {
        const Entity &x = a.entities()[v], &y = b.entities()[v];
        CHECK(x.id == y.id);
        CHECK(x.name == y.name);
        CHECK(x.type == y.type);
        CHECK(x.country == y.country);
        auto sorted = x.aliases;  // the store gives aliases back in byte order, as before the snapshot
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == y.aliases);
        CHECK(b.find_id(x.id) == std::optional<VertexId>(v));
        CHECK(a.find_by_name(x.name) == b.find_by_name(x.name));
        auto ao = a.out_relations(v), bo = b.out_relations(v), ai = a.in_relations(v), bi = b.in_relations(v);
        CHECK(std::vector<std::uint32_t>(ao.begin(), ao.end()) == std::vector<std::uint32_t>(bo.begin(), bo.end()));
        CHECK(std::vector<std::uint32_t>(ai.begin(), ai.end()) == std::vector<std::uint32_t>(bi.begin(), bi.end()));
    }
    for (std::uint32_t i = 0; i < a.edge_count(); ++i) {
        const Relation &r = a.relations()[i], &s = b.relations()[i];
        CHECK(r.source == s.source);
        CHECK(r.target == s.target);
        CHECK(r.type == s.type);
        CHECK(r.properties == s.properties);
        CHECK(r.symmetric() == s.symmetric());
        CHECK(r.weight() == s.weight());
        CHECK(s.evidence.size() == (with_evidence ? r.evidence.size() : 0));
        auto all = b.all_evidence(i);
        REQUIRE(all.size() == r.evidence.size());
        for (std::size_t k = 0; k < all.size(); ++k) same_provenance(all[k], r.evidence[k]);
        const Provenance* f = b.first_evidence(i);
        REQUIRE((f != nullptr) == !r.evidence.empty());
        if (f) same_provenance(*f, r.evidence.front());
    }
    CHECK(!b.find_id("no-such-entity"));
    CHECK(b.find_by_name("no such entity").empty());
}

}  // namespace

TEST_CASE("load_graph gives back the saved graph, with its evidence", "[graph][store]") {
    const std::string path = fresh_store("roundtrip");
    auto st = Store::open(path, Store::Mode::kReadOnly);
    REQUIRE(st);
    auto g = (*st)->load_graph();
    REQUIRE(g);
    same_graph(tiny_kg(), g.value(), true);
}

TEST_CASE("load_graph without evidence reads it on demand, after the store is closed", "[graph][store]") {
    const std::string path = fresh_store("lazy");
    std::optional<KnowledgeGraph> g;
    {
        auto st = Store::open(path, Store::Mode::kReadOnly);
        REQUIRE(st);
        auto r = (*st)->load_graph({.evidence = false});
        REQUIRE(r);
        g.emplace(std::move(r.value()));
    }
    same_graph(tiny_kg(), *g, false);
    // the query engine sees the same relation properties (first evidence, weight)
    const std::string q =
        "MATCH (a)-[r]->(b) RETURN a.id, b.id, type(r), r.doc, r.sentence, r.start, r.end, r.extractor, "
        "r.confidence, r.weight, properties(r)";
    query::QueryEngine lazy(*g);
    query::QueryResult x = tiny_engine().run(q), y = lazy.run(q);
    REQUIRE(x.ok());
    REQUIRE(y.ok());
    REQUIRE(x.rows.size() == y.rows.size());
    std::vector<std::string> rx, ry;
    for (const auto& row : x.rows) rx.push_back(render_row(tiny_kg(), row));
    for (const auto& row : y.rows) ry.push_back(render_row(*g, row));
    std::sort(rx.begin(), rx.end());
    std::sort(ry.begin(), ry.end());
    CHECK(rx == ry);
}

TEST_CASE("an empty graph saved over a full one loads empty", "[graph][store]") {
    const std::string path = fresh_store("empty");
    {
        auto st = Store::open(path, Store::Mode::kReadWrite);
        REQUIRE(st);
        REQUIRE((*st)->save_graph(KnowledgeGraph()));
    }
    auto st = Store::open(path, Store::Mode::kReadOnly);
    REQUIRE(st);
    auto g = (*st)->load_graph();
    REQUIRE(g);
    CHECK(g->vertex_count() == 0);
    CHECK(g->edge_count() == 0);
}
