// Golden-file tests: every format of the small bilingual graph, byte for byte.
// KGMILL_UPDATE_GOLDEN=1 rewrites tests/golden/<format>/ (review the diff).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "exporters/fixture.hpp"
#include "kgmill/exporters/export.hpp"

namespace fs = std::filesystem;
using namespace kgmill;

namespace {

bool update_golden() {
    const char* v = std::getenv("KGMILL_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

/// Where the golden copy of `file` (as the writer named it) lives.
fs::path golden_path(const ExportFormat& f, const std::string& file) {
    fs::path dir = fs::path(KGMILL_SOURCE_DIR) / "tests" / "golden" / f.name;
    if (f.name == "neo4j") return dir / "small" / file;
    if (file == f.default_file) return dir / ("small" + fs::path(file).extension().string());
    return dir / ("small." + file);  // side files: small.vocabulary.ttl, small.context.jsonld
}

}  // namespace

TEST_CASE("every format matches its golden files", "[exporters][golden]") {
    const KnowledgeGraph g = export_test::small_graph();
    for (const ExportFormat& f : export_formats()) {
        DYNAMIC_SECTION(f.name) {
            MemorySink sink;
            REQUIRE(export_to_sink(g, f.name, sink, f.default_file).ok());
            const auto files = sink.files();
            REQUIRE_FALSE(files.empty());
            std::set<fs::path> expected_paths;
            for (const auto& [name, content] : files) {
                const fs::path p = golden_path(f, name);
                expected_paths.insert(p);
                if (update_golden()) {
                    fs::create_directories(p.parent_path());
                    std::ofstream(p, std::ios::binary) << content;
                    continue;
                }
                INFO("golden file " << p.string() << " (KGMILL_UPDATE_GOLDEN=1 rewrites it)");
                REQUIRE(fs::exists(p));
                CHECK(export_test::slurp(p.string()) == content);
            }
            if (f.name == "neo4j") {  // no stale golden files
                const fs::path dir = golden_path(f, "x").parent_path();
                for (const auto& de : fs::directory_iterator(dir)) {
                    if (update_golden() && !expected_paths.count(de.path()))
                        fs::remove(de.path());
                    else
                        CHECK(expected_paths.count(de.path()) == 1);
                }
            }
        }
    }
}

TEST_CASE("exports are deterministic", "[exporters]") {
    for (const ExportFormat& f : export_formats()) {
        MemorySink a, b;
        REQUIRE(export_to_sink(export_test::small_graph(), f.name, a, f.default_file).ok());
        REQUIRE(export_to_sink(export_test::small_graph(), f.name, b, f.default_file).ok());
        CHECK(a.files() == b.files());
    }
}

TEST_CASE("export_formats lists the formats in build order", "[exporters]") {
    std::vector<std::string> names;
    for (const auto& f : export_formats()) names.push_back(f.name);
    names.resize(std::min<std::size_t>(names.size(), 7));  // renderers (svg, html) come after
    CHECK(names == std::vector<std::string>{"graphml", "gexf", "ttl", "nt", "jsonld", "neo4j", "dot"});
    REQUIRE(find_export_format("gexf"));
    CHECK(find_export_format("gexf")->default_file == "graph.gexf");
    CHECK(find_export_format("neo4j")->default_file == "neo4j");
    CHECK(find_export_format("svg") == nullptr);
}

TEST_CASE("an unknown format is a usage error naming the known ones", "[exporters]") {
    const std::string dir = export_test::scratch_dir("unknown");
    Status st = export_graph(export_test::small_graph(), "xlsx", dir + "/g.xlsx");
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::kUsage);
    CHECK_THAT(st.error().message, Catch::Contains("xlsx") && Catch::Contains("graphml") &&
                                       Catch::Contains("neo4j") && Catch::Contains("dot"));
    CHECK(fs::is_empty(dir));
}

TEST_CASE("export_graph writes complete files and side files", "[exporters]") {
    const std::string dir = export_test::scratch_dir("files");
    const KnowledgeGraph g = export_test::small_graph();
    for (const ExportFormat& f : export_formats())
        REQUIRE(export_graph(g, f.name, dir + "/" + f.default_file).ok());
    for (const char* name : {"graph.graphml", "graph.gexf", "graph.ttl", "vocabulary.ttl",
                             "graph.nt", "graph.jsonld", "context.jsonld", "graph.dot",
                             "neo4j/load.cypher", "neo4j/nodes_University.csv",
                             "neo4j/rels_SIGNED_AGREEMENT_WITH.csv"})
        CHECK(fs::is_regular_file(dir + "/" + name));
    for (const auto& de : fs::recursive_directory_iterator(dir))
        CHECK(de.path().extension() != ".tmp");
    // The stream variant writes the same bytes as the file.
    std::ostringstream os;
    write_graphml(g, os);
    CHECK(os.str() == export_test::slurp(dir + "/graph.graphml"));
}

TEST_CASE("a neo4j export replaces files of labels that are gone", "[exporters]") {
    const std::string dir = export_test::scratch_dir("stale") + "/neo4j";
    fs::create_directories(dir);
    std::ofstream(dir + "/nodes_Gone.csv") << "id:ID\nx\n";
    std::ofstream(dir + "/notes.txt") << "mine\n";
    REQUIRE(export_graph(export_test::small_graph(), "neo4j", dir).ok());
    CHECK_FALSE(fs::exists(dir + "/nodes_Gone.csv"));
    CHECK(fs::exists(dir + "/notes.txt"));  // not ours: kept
}

TEST_CASE("an unwritable path is an I/O error", "[exporters]") {
    const std::string dir = export_test::scratch_dir("unwritable");
    std::ofstream(dir + "/file") << "x";
    Status st = export_graph(export_test::small_graph(), "graphml", dir + "/file/graph.graphml");
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::kIo);
}

TEST_CASE("RDF needs an absolute base IRI", "[exporters][rdf]") {
    ExportOptions o;
    o.base_iri = "not an iri/";
    MemorySink sink;
    Status st = export_to_sink(export_test::small_graph(), "ttl", sink, "graph.ttl", o);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::kUsage);
    o.base_iri = "https://example.org/kg#";
    CHECK_FALSE(export_to_sink(export_test::small_graph(), "nt", sink, "graph.nt", o).ok());
    // A missing final '/' is added.
    o.base_iri = "https://data.example.edu/kg";
    MemorySink ok;
    REQUIRE(export_to_sink(export_test::small_graph(), "nt", ok, "graph.nt", o).ok());
    CHECK(ok.files().at("graph.nt").find("<https://data.example.edu/kg/organization/peking-university>") !=
          std::string::npos);
}

TEST_CASE("an empty graph exports in every format", "[exporters]") {
    const KnowledgeGraph empty;
    for (const ExportFormat& f : export_formats()) {
        INFO(f.name);
        MemorySink sink;
        CHECK(export_to_sink(empty, f.name, sink, f.default_file).ok());
        CHECK_FALSE(sink.files().empty());
    }
}
