// kgmill_bench query-gen / query-time — the data and the kgmill side of bench/query_bench.sh
// (issue 5): a generated graph of N entities and M relations, written as a kgmill store and as
// plain CSV for Kùzu and networkx; then load time from the store and the medians of a one-hop
// neighbourhood, a three-hop neighbourhood, shortestPath and a count-by-type aggregation.
//
//   kgmill_bench query-gen DIR [--entities N] [--relations M] [--seed S]
//   kgmill_bench query-time DIR [--runs R]      (JSON lines on stdout)
//
// The graph: entity types drawn with fixed weights (universities and persons most common),
// relation ends uniform at random (average degree 2M/N, no hubs), types uniform; symmetric
// types between organisations are marked symmetric as the resolver does. Deterministic for a
// seed (own xorshift generator, no std distributions, so every platform draws the same graph).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "kgmill/core/ontology.hpp"
#include "kgmill/graph/knowledge_graph.hpp"
#include "kgmill/graph/query.hpp"
#include "kgmill/graph/store.hpp"

namespace fs = std::filesystem;
using namespace kgmill;

namespace {

struct Rng {  // xorshift64*
    std::uint64_t s;
    std::uint64_t next() {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 2685821657736338717ULL;
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
};

std::string entity_id(std::uint64_t i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "e%07llu", static_cast<unsigned long long>(i));
    return buf;
}

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

std::uint64_t arg_u64(int argc, char** argv, const char* name, std::uint64_t dflt) {
    for (int i = 0; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return std::stoull(argv[i + 1]);
    return dflt;
}

int gen(const fs::path& dir, std::uint64_t n, std::uint64_t m, std::uint64_t seed) {
    fs::create_directories(dir);
    Rng rng{seed * 0x9E3779B97F4A7C15ULL + 1};
    // type weights (per mille), in EntityType order
    const int weights[kEntityTypeCount] = {250, 80, 30, 100, 40, 20, 10, 50, 200, 5, 45, 50, 50, 40, 30};
    const char* countries[] = {"VN", "CN", "JP", "KR", "FR", "DE", "US", "LA", "TH", "AU"};
    std::vector<Entity> ents(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        Entity& e = ents[i];
        e.id = entity_id(i);
        int r = static_cast<int>(rng.below(1000)), t = 0;
        while (r >= weights[t]) r -= weights[t++];
        e.type = static_cast<EntityType>(t);
        e.name = std::string(entity_type_name(e.type)) + " " + std::to_string(i);
        if (rng.below(10) == 0) e.aliases.push_back("E" + std::to_string(i));
        if (rng.below(4) != 0) e.country = countries[rng.below(10)];
    }
    std::vector<Relation> rels;
    rels.reserve(m);
    for (std::uint64_t k = 0; k < m; ++k) {
        Relation r;
        r.source = static_cast<VertexId>(rng.below(n));
        do r.target = static_cast<VertexId>(rng.below(n));
        while (r.target == r.source);
        r.type = static_cast<RelationType>(rng.below(kRelationTypeCount));
        r.symmetric_flag = is_symmetric(r.type) && is_organization(ents[r.source].type) && is_organization(ents[r.target].type);
        if (rng.below(5) == 0) r.properties.emplace_back("date", std::to_string(2000 + rng.below(26)));
        r.evidence.push_back({"doc" + std::to_string(rng.below(100000)) + ".txt", "s", 0, 1, "bench", 0.8});
        rels.push_back(std::move(r));
    }
    // CSV for Kùzu and networkx (written before the graph takes the vectors)
    {
        std::ofstream nodes(dir / "nodes.csv"), edges(dir / "rels.csv");
        nodes << "id,name,type\n";
        for (const Entity& e : ents) nodes << e.id << ',' << e.name << ',' << entity_type_name(e.type) << '\n';
        edges << "from,to,type,symmetric\n";
        for (const Relation& r : rels)
            edges << ents[r.source].id << ',' << ents[r.target].id << ',' << relation_type_name(r.type) << ','
                  << (r.symmetric_flag ? "true" : "false") << '\n';
    }
    double t0 = now_ms();
    KnowledgeGraph g(std::move(ents), std::move(rels));
    double t1 = now_ms();
    fs::remove(dir / "kg.sqlite");
    auto store = Store::open((dir / "kg.sqlite").string(), Store::Mode::kReadWrite);
    if (!store) {
        std::cerr << store.error().to_string() << '\n';
        return 1;
    }
    Status st = (*store)->save_graph(g);
    if (!st) {
        std::cerr << st.error().to_string() << '\n';
        return 1;
    }
    // query endpoints: a few entities with relations, and pairs for shortest paths
    std::ofstream q(dir / "endpoints.txt");
    Rng pick{seed + 7};
    for (int i = 0; i < 10; ++i) {
        VertexId a, b;
        do a = static_cast<VertexId>(pick.below(g.vertex_count()));
        while (g.degree(a) == 0);
        do b = static_cast<VertexId>(pick.below(g.vertex_count()));
        while (g.degree(b) == 0 || b == a);
        q << g.entities()[a].id << ' ' << g.entities()[b].id << '\n';
    }
    std::cerr << "generated " << g.vertex_count() << " entities, " << g.edge_count() << " relations (graph "
              << (t1 - t0) / 1000 << " s, store " << (now_ms() - t1) / 1000 << " s)\n";
    return 0;
}

int time_queries(const fs::path& dir, int runs) {
    std::vector<std::pair<std::string, std::string>> ends;
    {
        std::ifstream in(dir / "endpoints.txt");
        std::string a, b;
        while (in >> a >> b) ends.emplace_back(a, b);
    }
    if (ends.empty()) {
        std::cerr << "no endpoints in " << dir << " (run query-gen first)\n";
        return 1;
    }
    std::vector<double> load;
    std::unique_ptr<KnowledgeGraph> g;
    for (int i = 0; i < runs; ++i) {
        g.reset();
        double t0 = now_ms();
        auto store = Store::open((dir / "kg.sqlite").string(), Store::Mode::kReadOnly);
        if (!store) {
            std::cerr << store.error().to_string() << '\n';
            return 1;
        }
        auto r = (*store)->load_graph({.evidence = false});  // as `kgmill query` loads it
        if (!r) {
            std::cerr << r.error().to_string() << '\n';
            return 1;
        }
        g = std::make_unique<KnowledgeGraph>(std::move(r.value()));
        // ready to answer, and answering a first one-hop query, as Kùzu's load is measured
        query::QueryEngine warm(*g);
        query::Params p{{"a", query::Value::string(ends[static_cast<std::size_t>(i) % ends.size()].first)}};
        if (!warm.run("MATCH (a {id: $a})-[r]-(b) RETURN b.id, b.name, type(r)", p).ok()) {
            std::cerr << "the first query failed\n";
            return 1;
        }
        load.push_back(now_ms() - t0);
    }
    std::cout << "{\"query\":\"load\",\"median_ms\":" << median(load) << ",\"runs\":" << load.size() << "}\n";
    query::QueryEngine engine(*g);
    struct Q {
        const char* name;
        std::string text;
        bool pair;
    };
    const std::vector<Q> qs = {
        {"1-hop", "MATCH (a {id: $a})-[r]-(b) RETURN b.id, b.name, type(r)", false},
        {"3-hop", "MATCH (a {id: $a})-[*1..3]-(b) RETURN count(DISTINCT b)", false},
        {"shortestPath", "MATCH (a {id: $a}), (b {id: $b}) MATCH p = shortestPath((a)-[*..15]-(b)) RETURN length(p)", true},
        {"count-by-type", "MATCH (n) RETURN n.type, count(*)", false},
    };
    for (const Q& q : qs) {
        std::vector<double> times;
        std::size_t rows = 0;
        for (int run = 0; run < runs; ++run) {
            for (const auto& [a, b] : ends) {
                query::Params p{{"a", query::Value::string(a)}, {"b", query::Value::string(b)}};
                double t0 = now_ms();
                query::QueryResult r = engine.run(q.text, p);
                times.push_back(now_ms() - t0);
                if (!r.ok()) {
                    std::cerr << r.error->to_string() << '\n';
                    return 1;
                }
                rows += r.rows.size();
                if (std::string(q.name) == "count-by-type") break;  // same query whatever the endpoints
            }
        }
        std::cout << "{\"query\":\"" << q.name << "\",\"median_ms\":" << median(times) << ",\"runs\":" << times.size()
                  << ",\"rows\":" << rows << "}\n";
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 3 && std::strcmp(argv[1], "query-gen") == 0)
        return gen(argv[2], arg_u64(argc, argv, "--entities", 1'000'000), arg_u64(argc, argv, "--relations", 5'000'000),
                   arg_u64(argc, argv, "--seed", 42));
    if (argc >= 3 && std::strcmp(argv[1], "query-time") == 0)
        return time_queries(argv[2], static_cast<int>(arg_u64(argc, argv, "--runs", 5)));
    std::cerr << "usage: kgmill_bench query-gen DIR [--entities N] [--relations M] [--seed S]\n"
                 "       kgmill_bench query-time DIR [--runs R]\n";
    return 2;
}
