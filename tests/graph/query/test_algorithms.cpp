// Graph algorithms of the named commands on the fixture graph. Reference values come from
// networkx 2.8 (betweenness_centrality on the undirected simple graph; pagerank on the directed
// graph with both arcs for symmetric relations) computed on the same edges.
#include <catch2/catch.hpp>

#include <numeric>
#include <map>
#include <random>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>

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

namespace {

/// The reference: Boost's breadth_first_search over the undirected view (one edge per joined
/// pair, added in (u, v) order, carrying the pair's lowest relation).
std::optional<GraphPath> boost_path(const KnowledgeGraph& g, VertexId from, VertexId to) {
    if (from == to) return GraphPath{{from}, {}};
    std::map<std::pair<VertexId, VertexId>, std::uint32_t> pairs;
    for (std::uint32_t i = 0; i < g.edge_count(); ++i) {
        const VertexId a = std::min(g.relation_source(i), g.relation_target(i));
        const VertexId b = std::max(g.relation_source(i), g.relation_target(i));
        if (a != b) pairs.try_emplace({a, b}, i);
    }
    using U = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_index_t, std::uint32_t>>;
    U ug(g.vertex_count());
    for (const auto& [k, rel] : pairs) boost::add_edge(k.first, k.second, rel, ug);
    std::vector<std::optional<std::pair<VertexId, std::uint32_t>>> pred(g.vertex_count());
    struct Rec : boost::default_bfs_visitor {
        decltype(pred)* p;
        void tree_edge(U::edge_descriptor e, const U& gr) const {
            (*p)[boost::target(e, gr)] = std::pair{static_cast<VertexId>(boost::source(e, gr)), boost::get(boost::edge_index, gr, e)};
        }
    } rec;
    rec.p = &pred;
    boost::breadth_first_search(ug, from, boost::visitor(rec));
    if (!pred[to]) return std::nullopt;
    GraphPath path;
    for (VertexId v = to; v != from; v = pred[v]->first) {
        path.nodes.insert(path.nodes.begin(), v);
        path.rels.insert(path.rels.begin(), pred[v]->second);
    }
    path.nodes.insert(path.nodes.begin(), from);
    return path;
}

}  // namespace

TEST_CASE("shortest_path is Boost's breadth-first path on the undirected view, ties to lower ids", "[graph][algorithms]") {
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        const int n = 30 + round;
        std::vector<Entity> ents(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) ents[static_cast<std::size_t>(i)].id = std::to_string(100 + i);
        std::vector<Relation> rels;
        for (int k = 0; k < n + round * 2; ++k) {  // sparse: some vertices unreachable; parallel edges, loops
            Relation r;
            r.source = static_cast<VertexId>(rng() % static_cast<unsigned>(n));
            r.target = static_cast<VertexId>(rng() % static_cast<unsigned>(n));
            r.type = static_cast<RelationType>(rng() % kRelationTypeCount);
            r.properties = {{"date", std::to_string(k)}};
            rels.push_back(r);
        }
        const KnowledgeGraph g(std::move(ents), std::move(rels));
        for (VertexId a = 0; a < g.vertex_count(); a += 3)
            for (VertexId b = 0; b < g.vertex_count(); b += 2) {
                auto mine = shortest_path(g, a, b), ref = boost_path(g, a, b);
                REQUIRE(mine.has_value() == ref.has_value());
                if (!mine) continue;
                CHECK(mine->nodes == ref->nodes);
                CHECK(mine->rels == ref->rels);
            }
    }
}
