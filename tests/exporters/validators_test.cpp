// The third-party validators of ../shared/tools accept every export of the fixture graphs
// (skipped with a warning when the tools are not installed); svg and html open in headless
// Chromium (validate-html). The same validators run on the corpus outputs in tests/e2e/.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "exporters/fixture.hpp"
#include "kgmill/exporters/export.hpp"

namespace fs = std::filesystem;
using namespace kgmill;

namespace {

bool tools_present() {
    return fs::exists(fs::path(KGMILL_SHARED_DIR) / "tools" / "validate-graphml");
}

int run_validator(const std::string& tool, const std::string& arg) {
    const std::string cmd = "'" + std::string(KGMILL_SHARED_DIR) + "/tools/" + tool + "' '" +
                            arg + "' > '" + arg + ".log' 2>&1";
    int rc = std::system(cmd.c_str());
    if (rc != 0) WARN(tool << " " << arg << ":\n" << export_test::slurp(arg + ".log"));
    return rc;
}

void export_and_validate(const KnowledgeGraph& g, const std::string& name) {
    const std::string dir = export_test::scratch_dir("validators-" + name);
    for (const ExportFormat& f : export_formats())
        REQUIRE(export_graph(g, f.name, dir + "/" + f.default_file).ok());
    CHECK(run_validator("validate-graphml", dir + "/graph.graphml") == 0);
    CHECK(run_validator("validate-gexf", dir + "/graph.gexf") == 0);
    for (const char* f : {"graph.ttl", "vocabulary.ttl", "graph.nt", "graph.jsonld", "context.jsonld"})
        CHECK(run_validator("validate-rdf", dir + "/" + f) == 0);
    CHECK(run_validator("validate-neo4j", dir + "/neo4j") == 0);
    CHECK(run_validator("validate-cypher", dir + "/neo4j/load.cypher") == 0);
    CHECK(run_validator("validate-dot", dir + "/graph.dot") == 0);
    // The diagrams open in Chromium with no error and fetch nothing.
    CHECK(run_validator("validate-html", dir + "/graph.svg") == 0);
    CHECK(run_validator("validate-html", dir + "/graph.html") == 0);
}

}  // namespace

TEST_CASE("validators accept the exports of the small graph", "[exporters][validators][slow]") {
    if (!tools_present()) {
        WARN("../shared/tools not found: validators skipped");
        return;
    }
    export_and_validate(export_test::small_graph(), "small");
}

TEST_CASE("validators accept the exports of the hostile graph", "[exporters][validators][slow]") {
    if (!tools_present()) {
        WARN("../shared/tools not found: validators skipped");
        return;
    }
    export_and_validate(export_test::hostile_graph(), "hostile");
}
