// Golden-file tests: every format of the small bilingual graph, byte for byte.
// KGMILL_UPDATE_GOLDEN=1 rewrites tests/golden/<format>/ (review the diff).
#include <catch2/catch.hpp>

#include <algorithm>
#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string_view>

#include "exporters/fixture.hpp"
#include "kgmill/exporters/export.hpp"
#include "kgmill/exporters/render.hpp"

namespace fs = std::filesystem;
using namespace kgmill;

namespace {

bool update_golden() {
    const char* v = std::getenv("KGMILL_UPDATE_GOLDEN");
    return v && std::string(v) == "1";
}

/// Formats checked by content rather than byte for byte: the SVG's coordinates come from
/// Graphviz's layout and the fonts' metrics (pango, fontconfig), so its bytes change with the
/// Graphviz and font packages while kgmill's output stays the same; the HTML page inlines
/// Cytoscape.js (440 KB of someone else's code). Both are checked below ("the svg and html
/// exports draw …"), for determinism with the others, and in Chromium by tests/e2e/render_*.sh.
bool byte_golden(const ExportFormat& f) { return f.name != "svg" && f.name != "html"; }

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
        if (!byte_golden(f)) continue;
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
    CHECK(names == std::vector<std::string>{"graphml", "gexf", "ttl", "nt", "jsonld", "neo4j", "dot",
                                            "svg", "html"});
    REQUIRE(find_export_format("gexf"));
    CHECK(find_export_format("gexf")->default_file == "graph.gexf");
    CHECK(find_export_format("neo4j")->default_file == "neo4j");
    REQUIRE(find_export_format("svg"));
    CHECK(find_export_format("svg")->default_file == "graph.svg");
    REQUIRE(find_export_format("html"));
    CHECK(find_export_format("html")->default_file == "graph.html");
    CHECK(find_export_format("png") == nullptr);  // `kgmill render` only: binary, no default file
}

TEST_CASE("the svg and html exports draw the small graph", "[exporters][render]") {
    const KnowledgeGraph g = export_test::small_graph();
    std::vector<std::string> notes;
    ExportOptions o;
    o.on_render_report = [&](std::string_view format, const RenderReport& r) {
        notes.push_back(std::string(format) + ": " + std::to_string(r.shown_nodes) + "/" +
                        std::to_string(r.total_nodes) + " " + r.note);
    };

    MemorySink svg_sink;
    REQUIRE(export_to_sink(g, "svg", svg_sink, "graph.svg", o).ok());
    const std::string svg = svg_sink.files().at("graph.svg");
    pugi::xml_document doc;
    const auto parsed = doc.load_string(svg.c_str());
    INFO(parsed.description());
    REQUIRE(parsed);
    REQUIRE(std::string(doc.document_element().name()) == "svg");
    std::set<std::string> entity_ids, legend_text;
    std::size_t relations = 0;
    bool legend = false;
    for (pugi::xpath_node x : doc.select_nodes("//*[local-name()='g']")) {
        const pugi::xml_node n = x.node();
        const std::string cls = n.attribute("class").value(), id = n.attribute("id").value();
        if (cls.rfind("node entity ", 0) == 0) entity_ids.insert(id);
        if (cls.rfind("edge relation ", 0) == 0) ++relations;
        if (id == "legend") legend = true;
        if (cls.find("legend") != std::string::npos)
            for (pugi::xpath_node t : n.select_nodes(".//*[local-name()='text']"))
                legend_text.insert(t.node().text().get());
    }
    CHECK(legend);
    std::set<std::string> want_ids;
    for (const Entity& e : g.entities()) {
        want_ids.insert("kg-" + e.id);
        INFO(entity_type_name(e.type));
        CHECK(legend_text.count(std::string(entity_type_name(e.type))) == 1);
    }
    for (const Relation& r : g.relations()) {
        INFO(relation_type_name(r.type));
        CHECK(legend_text.count(std::string(relation_type_name(r.type))) == 1);
    }
    CHECK(entity_ids == want_ids);  // the whole graph: 13 entities, under the cap of 150
    CHECK(relations == g.edge_count());

    MemorySink html_sink;
    REQUIRE(export_to_sink(g, "html", html_sink, "graph.html", o).ok());
    const std::string html = html_sink.files().at("graph.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("id=\"kg-data\"") != std::string::npos);
    CHECK(html.find("cytoscape") != std::string::npos);
    for (const Entity& e : g.entities()) CHECK(html.find("\"" + e.id + "\"") != std::string::npos);
    // Self-contained: no script, style sheet or image to fetch.
    for (const char* ref : {"<script src", "<link ", "<img "}) CHECK(html.find(ref) == std::string::npos);

    // Nothing was left out, so nothing to report but the counts.
    CHECK(notes == std::vector<std::string>{"svg: 13/13 ", "html: 13/13 "});
}

TEST_CASE("an svg export over the node cap says what it left out", "[exporters][render]") {
    // A star of 200 leaves around one hub: more than graph.svg's 150 nodes.
    std::vector<Entity> es;
    std::vector<Relation> rs;
    for (int i = 0; i <= 200; ++i) {
        Entity e;
        char id[16];
        std::snprintf(id, sizeof id, "u%03d", i);
        e.id = id;
        e.name = i == 0 ? "Hub University" : "Leaf " + std::to_string(i);
        e.type = EntityType::kUniversity;
        es.push_back(std::move(e));
        if (i == 0) continue;
        Relation r;
        r.source = 0;
        r.target = static_cast<VertexId>(i);
        r.type = RelationType::kCooperatesWith;
        rs.push_back(std::move(r));
    }
    const KnowledgeGraph g(std::move(es), std::move(rs));
    std::string note;
    ExportOptions o;
    o.on_render_report = [&](std::string_view, const RenderReport& r) { note = r.note; };
    MemorySink sink;
    REQUIRE(export_to_sink(g, "svg", sink, "graph.svg", o).ok());
    CHECK(note == "showing 150 of 201 nodes: the 150 with the most relations");
    CHECK(sink.files().at("graph.svg").find("showing 150 of 201 nodes") != std::string::npos);
}

TEST_CASE("an html export without the viewer's files is an error and leaves no file",
          "[exporters][render]") {
    const std::string dir = export_test::scratch_dir("no-web");
    const std::string empty = dir + "/empty-web";
    fs::create_directories(empty);
    const char* old = std::getenv("KGMILL_WEB_DIR");
    const std::string saved = old ? old : "";
    ::setenv("KGMILL_WEB_DIR", empty.c_str(), 1);
    Status st = export_graph(export_test::small_graph(), "html", dir + "/out/graph.html");
    auto found = find_html_assets();
    if (old) ::setenv("KGMILL_WEB_DIR", saved.c_str(), 1);
    else ::unsetenv("KGMILL_WEB_DIR");
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == ErrorCode::kNotFound);
    CHECK_THAT(st.error().message, Catch::Contains("scripts/setup.sh") && Catch::Contains(empty));
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().message == st.error().message);
    CHECK_FALSE(fs::exists(dir + "/out/graph.html"));
    CHECK_FALSE(fs::exists(dir + "/out/graph.html.tmp"));
    CHECK(find_html_assets().ok());  // the build tree's web/ again
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
                             "graph.svg", "graph.html",
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
