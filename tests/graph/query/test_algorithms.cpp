// Graph algorithms of the named commands on the fixture graph. Reference values come from
// networkx 2.8 (betweenness_centrality on the undirected simple graph; pagerank on the directed
// graph with both arcs for symmetric relations) computed on the same edges.
#include <catch2/catch.hpp>

#include <numeric>

#include "graph/query/tiny_kg.hpp"
#include "kgmill/graph/algorithms.hpp"

using namespace kgmill;
using kgmill::testing::tiny_kg;

namespace {
VertexId id(const char* s) { return *tiny_kg().find_id(s); }
}  // namespace

TEST_CASE("degree counts relations in and out", "[graph][algorithms]") {
    DegreeCentrality d(tiny_kg());
    d.run();
    CHECK(d.scores()[id("vnu")] == 8);
    CHECK(d.scores()[id("program-inwent")] == 1);
    CHECK(tiny_kg().entities()[top_vertices(d.scores(), 1)[0]].id == "vnu");
}

TEST_CASE("betweenness matches networkx's normalised values", "[graph][algorithms]") {
    BetweennessCentrality b(tiny_kg());
    b.run();
    CHECK(b.scores()[id("vnu")] == Approx(0.487013).epsilon(1e-5));
    CHECK(b.scores()[id("event-seminar-2025")] == Approx(0.413420).epsilon(1e-5));
    CHECK(b.scores()[id("ussh")] == Approx(0.244589).epsilon(1e-5));
    CHECK(b.scores()[id("besetoha")] == 0.0);
}

TEST_CASE("PageRank matches networkx and sums to one", "[graph][algorithms]") {
    PageRank p(tiny_kg());
    p.run();
    const auto& s = p.scores();
    CHECK(std::accumulate(s.begin(), s.end(), 0.0) == Approx(1.0));
    CHECK(s[id("field-ai")] == Approx(0.104839).epsilon(1e-4));
    CHECK(s[id("hust")] == Approx(0.096612).epsilon(1e-4));
    CHECK(s[id("vnu")] == Approx(0.066387).epsilon(1e-4));
    CHECK(p.iterations() > 1);
}

TEST_CASE("connected components, largest first", "[graph][algorithms]") {
    ConnectedComponents c(tiny_kg());
    c.run();
    REQUIRE(c.count() == 2);
    CHECK(c.members()[0].size() == 21);
    CHECK(c.members()[1] == std::vector<VertexId>{id("program-inwent"), id("vlute")});
    CHECK(c.component()[id("vlute")] == 1);
}

TEST_CASE("Louvain communities are deterministic for a seed", "[graph][algorithms]") {
    Communities a(tiny_kg()), b(tiny_kg());
    a.run();
    b.run();
    CHECK(a.community() == b.community());
    CHECK(a.modularity() > 0.45);
    std::size_t covered = 0;
    for (const auto& m : a.members()) covered += m.size();
    CHECK(covered == tiny_kg().vertex_count());
    CHECK(a.community()[id("hust")] == a.community()[id("samsung")]);
    CHECK(a.community()[id("hust")] == a.community()[id("lg-display")]);
    CHECK(a.community()[id("vlute")] == a.community()[id("program-inwent")]);
    CHECK(a.community()[id("vlute")] != a.community()[id("vnu")]);
    Communities other(tiny_kg(), Communities::Params{7, 1.0, 20});
    other.run();
    CHECK(other.modularity() > 0.45);
}

TEST_CASE("results are read after run()", "[graph][algorithms]") {
    PageRank p(tiny_kg());
    CHECK_THROWS_AS(p.scores(), std::logic_error);
}

TEST_CASE("neighbors and shortest_path", "[graph][algorithms]") {
    auto n1 = neighbors(tiny_kg(), id("vnu"), 1);
    CHECK(n1.size() == 8);
    for (const Neighbor& n : n1) CHECK(n.hops == 1);
    auto n2 = neighbors(tiny_kg(), id("vnu"), 2);
    CHECK(n2.size() > n1.size());
    auto only = neighbors(tiny_kg(), id("vnu"), 3, 1u << static_cast<int>(RelationType::kPartOf));
    REQUIRE(only.size() == 2);
    CHECK(tiny_kg().entities()[only[1].vertex].id == "fos");
    CHECK(only[1].hops == 2);

    auto p = shortest_path(tiny_kg(), id("hust"), id("tsinghua"));
    REQUIRE(p);
    CHECK(p->rels.size() == 4);
    CHECK(p->nodes.front() == id("hust"));
    CHECK(p->nodes.back() == id("tsinghua"));
    CHECK_FALSE(shortest_path(tiny_kg(), id("vlute"), id("vnu")));
}
