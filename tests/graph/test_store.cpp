// The store round trip: save_graph then load_graph (the snapshot) gives the same graph, with
// its evidence or with evidence read on demand; queries see the same relation properties.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <sqlite3.h>

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
    // the column accessors and the incidences agree with the structs
    for (VertexId v = 0; v < b.vertex_count(); ++v) {
        const Entity& y = b.entities()[v];
        CHECK(b.entity_id(v) == y.id);
        CHECK(b.entity_name(v) == y.name);
        CHECK(b.entity_type(v) == y.type);
        CHECK(b.entity_country(v) == y.country);
        CHECK(b.entity_aliases(v) == std::vector<std::string_view>(y.aliases.begin(), y.aliases.end()));
        auto ax = a.incidences(v), bx = b.incidences(v);
        REQUIRE(ax.size() == bx.size());
        for (std::size_t k = 0; k < ax.size(); ++k) {
            CHECK(ax[k].other == bx[k].other);
            CHECK(ax[k].rel == bx[k].rel);
            CHECK(ax[k].type == bx[k].type);
            CHECK(ax[k].other_type == bx[k].other_type);
            CHECK(ax[k].flags == bx[k].flags);
        }
    }
    for (int t = 0; t < kEntityTypeCount; ++t) {
        auto av = a.vertices_of_type(static_cast<EntityType>(t)), bv = b.vertices_of_type(static_cast<EntityType>(t));
        CHECK(std::vector<VertexId>(av.begin(), av.end()) == std::vector<VertexId>(bv.begin(), bv.end()));
    }
    CHECK(a.relation_property_keys() == b.relation_property_keys());
    for (std::uint32_t i = 0; i < b.edge_count(); ++i) {
        const Relation& s = b.relations()[i];
        CHECK(b.relation_source(i) == s.source);
        CHECK(b.relation_target(i) == s.target);
        CHECK(b.relation_type(i) == s.type);
        CHECK(b.relation_symmetric(i) == s.symmetric());
        CHECK(b.relation_weight(i) == a.relation_weight(i));
        CHECK(a.relation_properties(i) == b.relation_properties(i));
        for (const auto& [k, val] : s.properties) CHECK(b.relation_property(i, k) == val);
        CHECK(b.relation_property(i, "no-such-key").empty());
    }
}

/// tiny_kg without its last relation: another graph for the same store.
KnowledgeGraph smaller_kg() {
    std::vector<Entity> ents = tiny_kg().entities();
    std::vector<Relation> rels = tiny_kg().relations();
    rels.pop_back();
    return KnowledgeGraph(std::move(ents), std::move(rels));
}

KnowledgeGraph load_lazy(const std::string& path) {
    auto st = Store::open(path, Store::Mode::kReadOnly);
    REQUIRE(st);
    auto r = (*st)->load_graph({.evidence = false});
    REQUIRE(r);
    return std::move(r.value());
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

TEST_CASE("load_graph maps the graph image file only when it is this store's image", "[graph][store]") {
    namespace fs = std::filesystem;
    const std::string path = fresh_store("image");
    const std::string file = path + "-graph";
    REQUIRE(fs::exists(file));
    {
        KnowledgeGraph g = load_lazy(path);
        REQUIRE(g.image());
        same_graph(tiny_kg(), g, false);
    }
    // a stale image: the store is saved again with another graph, the old file put back
    fs::copy_file(file, file + ".old", fs::copy_options::overwrite_existing);
    {
        auto st = Store::open(path, Store::Mode::kReadWrite);
        REQUIRE(st);
        REQUIRE((*st)->save_graph(smaller_kg()));
    }
    fs::copy_file(file + ".old", file, fs::copy_options::overwrite_existing);
    same_graph(smaller_kg(), load_lazy(path), false);
    // no image file: the copy in the database serves
    fs::remove(file);
    same_graph(smaller_kg(), load_lazy(path), false);
    // a truncated image file (its header names the right image) is not used either
    {
        auto st = Store::open(path, Store::Mode::kReadWrite);
        REQUIRE(st);
        REQUIRE((*st)->save_graph(smaller_kg()));
    }
    REQUIRE(fs::exists(file));
    fs::resize_file(file, fs::file_size(file) / 2);
    same_graph(smaller_kg(), load_lazy(path), false);
    // a damaged image file whose header is intact (a small image is checked byte for byte)
    {
        auto st = Store::open(path, Store::Mode::kReadWrite);
        REQUIRE(st);
        REQUIRE((*st)->save_graph(smaller_kg()));
    }
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        REQUIRE(f);
        f.seekp(static_cast<std::streamoff>(fs::file_size(file) / 2));
        const char junk[16] = {'\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f',
                               '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f', '\x7f'};
        f.write(junk, sizeof junk);
    }
    same_graph(smaller_kg(), load_lazy(path), false);
}

TEST_CASE("a graph read from its image answers queries as the graph built in memory", "[graph][store][query]") {
    const std::string path = fresh_store("image-queries");
    const KnowledgeGraph g = load_lazy(path);
    REQUIRE(g.image());
    query::QueryEngine mapped(g);
    // the reference: the same store read into structs (with its evidence: no image behind it)
    auto st = Store::open(path, Store::Mode::kReadOnly);
    REQUIRE(st);
    auto loaded = (*st)->load_graph();
    REQUIRE(loaded);
    const KnowledgeGraph& ref = loaded.value();
    REQUIRE(!ref.image());
    query::QueryEngine built(ref);
    const char* queries[] = {
        "MATCH (n) RETURN n.id, n.name, n.type, n.aliases, n.country, labels(n)",
        "MATCH (n) RETURN properties(n)",
        "MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r), startNode(r).id, endNode(r).id",
        "MATCH (a)-[r]-(b) RETURN a.id, b.id, r.weight, r.symmetric, r.date, r.role",
        "MATCH (a)-[*1..3]-(b) RETURN a.id, count(DISTINCT b)",
        "MATCH (n:University) RETURN count(*)",
        "MATCH (n) RETURN n.type, count(*)",
        "MATCH (a), (b) WHERE a.id < b.id MATCH p = shortestPath((a)-[*..6]-(b)) RETURN a.id, b.id, length(p), "
        "[x IN nodes(p) | x.id]",
        "MATCH p = (a)-[:SIGNED_AGREEMENT_WITH|COOPERATES_WITH]->(b) RETURN p",
        "MATCH (a)-[r]->(b) WHERE r.date STARTS WITH '20' RETURN a.name, b.name, r.date",
    };
    for (const char* q : queries) {
        INFO(q);
        query::QueryResult x = built.run(q), y = mapped.run(q);
        REQUIRE(x.ok());
        REQUIRE(y.ok());
        std::vector<std::string> rx, ry;
        for (const auto& row : x.rows) rx.push_back(render_row(ref, row));
        for (const auto& row : y.rows) ry.push_back(render_row(g, row));
        CHECK(rx == ry);
        CHECK(!rx.empty());
    }
    // a name lookup, through aliases and without diacritics, finds the same vertices
    for (VertexId v = 0; v < g.vertex_count(); ++v) {
        CHECK(g.find_by_name(g.entity_name(v)) == ref.find_by_name(g.entity_name(v)));
        for (std::string_view a : g.entity_aliases(v)) {
            CHECK(g.find_by_name(a) == ref.find_by_name(a));
            CHECK(!g.find_by_name(a).empty());
        }
    }
}

TEST_CASE("a damaged graph image in the store is an error, not a wrong graph", "[graph][store]") {
    const std::string path = fresh_store("image-damaged");
    std::filesystem::remove(path + "-graph");  // so that the copy in the database is read
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        sqlite3_blob* blob = nullptr;
        REQUIRE(sqlite3_blob_open(db, "main", "snapshot", "data", 0, 1, &blob) == SQLITE_OK);
        const int at = sqlite3_blob_bytes(blob) - 9;  // inside the last section, past every header check
        unsigned char byte = 0;
        REQUIRE(sqlite3_blob_read(blob, &byte, 1, at) == SQLITE_OK);
        byte ^= 0x5a;
        REQUIRE(sqlite3_blob_write(blob, &byte, 1, at) == SQLITE_OK);
        sqlite3_blob_close(blob);
        sqlite3_close(db);
    }
    auto st = Store::open(path, Store::Mode::kReadOnly);
    REQUIRE(st);
    auto g = (*st)->load_graph({.evidence = false});
    REQUIRE(!g);
    CHECK(g.error().to_string().find("damaged") != std::string::npos);
    CHECK(g.error().to_string().find(path) != std::string::npos);
}
