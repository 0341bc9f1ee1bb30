// tests/extractors/rules_test.cpp — rule files: errors name the file, the rule and the problem.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "kgmill/extractors/extractor.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using namespace kgmill;

namespace {
// A data dir with the real gazetteers and one English rule file with the given content.
std::string data_with_rule(const std::string& name, const std::string& json) {
    const fs::path dir = fs::temp_directory_path() / ("kgmill_rules_test_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir / "rules" / "en");
    fs::copy(fs::path(test::data_dir()) / "gazetteers", dir / "gazetteers", fs::copy_options::recursive);
    std::ofstream(dir / "rules" / "en" / "relations.json") << json;
    return dir.string();
}

std::string error_of(const std::string& name, const std::string& json) {
    const std::string dir = data_with_rule(name, json);
    auto r = Extractor::create(dir);
    fs::remove_all(dir);
    if (r) return "";
    return r.error().to_string();
}
}  // namespace

TEST_CASE("the shipped rule files compile", "[extractors][en][vi]") {
    auto r = Extractor::create(test::data_dir());
    INFO((r ? std::string() : r.error().to_string()));
    CHECK(r);
}

TEST_CASE("rule file errors name the file, the rule and the problem", "[extractors][en]") {
    struct Case {
        const char* name;
        const char* json;
        const char* expect;
    };
    const Case cases[] = {
        {"token_class", R"({"rules": [{"id": "x", "pattern": [{"tok": "CAPWORD"}], "emit": [{"s": "a", "p": "MEMBER_OF", "o": "b"}]}]})",
         "rules/en/relations.json: rule 'x': unknown token class 'CAPWORD'"},
        {"entity_class", R"({"rules": [{"id": "y", "pattern": [{"ent": "ORGANISATION", "as": "s"}], "emit": [{"s": "s", "p": "MEMBER_OF", "o": "s"}]}]})",
         "rules/en/relations.json: rule 'y': unknown entity class 'ORGANISATION'"},
        {"relation", R"({"rules": [{"id": "z", "pattern": [{"ent": "ORG", "as": "s"}], "emit": [{"s": "s", "p": "LIKES", "o": "s"}]}]})",
         "rule 'z': unknown relation type 'LIKES'"},
        {"capture", R"({"rules": [{"id": "c", "pattern": [{"ent": "ORG", "as": "s"}], "emit": [{"s": "s", "p": "MEMBER_OF", "o": "o"}]}]})",
         "rule 'c': emit refers to 'o', which the pattern does not capture"},
        {"list", R"({"rules": [{"id": "l", "pattern": [{"w": "@nosuchlist"}], "emit": [{"focus": true, "p": "RUNS", "o": "x"}]}]})",
         "rule 'l': unknown word list '@nosuchlist'"},
        {"regex", R"({"rules": [{"id": "r", "pattern": [{"re": "(unclosed"}], "emit": [{"focus": true, "p": "RUNS", "pairs": true}]}]})",
         "rule 'r': bad regular expression '(unclosed'"},
        {"duplicate", R"({"rules": [{"id": "d", "pattern": [{"ent": "ORG", "as": "s"}], "emit": [{"s": "s", "p": "RUNS", "pairs": true}]},
                                    {"id": "d", "pattern": [{"ent": "ORG", "as": "s"}], "emit": [{"s": "s", "p": "RUNS", "pairs": true}]}]})",
         "rule 'd': duplicate rule id"},
        {"no_id", R"({"rules": [{"pattern": [{"ent": "ORG"}], "emit": []}]})", "a rule has no \"id\""},
        {"syntax", "{\n  \"rules\": [\n    {\"id\": \"s\",,}\n  ]\n}", "rules/en/relations.json (byte "},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const std::string msg = error_of(c.name, c.json);
        INFO(msg);
        CHECK(msg.find(c.expect) != std::string::npos);
        CHECK(msg.rfind("rules: ", 0) == 0);
    }
    CHECK(error_of("syntax2", "{\n  \"rules\": [\n    {\"id\": \"s\",,}\n  ]\n}").find("line 3: JSON syntax error") != std::string::npos);
}

TEST_CASE("a rule added as data is used without recompiling", "[extractors][en]") {
    const std::string dir = data_with_rule("custom", R"({"rules": [{"id": "en.custom_twinned", "confidence": 0.6,
        "pattern": [{"ent": "ORG~", "as": "s"}, {"w": "is twinned with"}, {"ent": "ORG~", "as": "o"}],
        "emit": [{"s": "s", "p": "COOPERATES_WITH", "o": "o"}]}]})");
    auto r = Extractor::create(dir);
    fs::remove_all(dir);
    REQUIRE(r);
    auto ts = (*r)->extract(test::make_doc("Hollowmere University is twinned with Dunmore College."));
    REQUIRE(ts.size() == 1);
    CHECK(ts[0].provenance.extractor == "en.custom_twinned");
    CHECK(ts[0].provenance.confidence == Approx(0.6));
}
