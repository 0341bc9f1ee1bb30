#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "kgmill/core/unicode.hpp"
#include "kgmill/graph/countries.hpp"
#include "kgmill/graph/resolve.hpp"
#include "kgmill/graph/store.hpp"

using namespace kgmill;

namespace {
Triple make(std::string s, EntityType st, RelationType p, std::string o, EntityType ot, std::string doc = "d1",
            std::uint32_t start = 0, std::vector<std::string> s_aliases = {}) {
    Triple t;
    t.subject = {std::move(s), st, std::move(s_aliases)};
    t.predicate = p;
    t.object = {std::move(o), ot, {}};
    t.provenance = {std::move(doc), "sentence", start, start + 8, "test.rule", 0.9};
    return t;
}
}  // namespace

TEST_CASE("match_key follows the scoring rules", "[graph][resolve]") {
    CHECK(match_key("Viet Nam National University, Ha Noi") == "vietnamnationaluniversityhanoi");
    CHECK(match_key("Vietnam National University, Hanoi") == "vietnamnationaluniversityhanoi");
    CHECK(match_key("Hà Nội") == "hanoi");
    CHECK(match_key("ĐHQGHN") == "dhqghn");
    CHECK(match_key("The University of Danang") == "universityofdanang");
    CHECK(match_key("Theatre Academy") == "theatreacademy");
    CHECK(match_key("  the   Academy ") == "academy");
}

TEST_CASE("spellings, acronyms by initials and defined aliases merge", "[graph][resolve]") {
    std::vector<Triple> ts = {
        make("Viet Nam National University, Ha Noi", EntityType::kUniversity, RelationType::kMemberOf,
             "ASEAN University Network", EntityType::kNetwork, "a.txt", 10),
        make("VNU", EntityType::kUniversity, RelationType::kVisited, "Peking University", EntityType::kUniversity,
             "b.txt", 5),
        make("Vietnam National University, Hanoi", EntityType::kUniversity, RelationType::kSignedAgreementWith,
             "Lotus Institute of Technology", EntityType::kResearchInstitute, "c.txt", 0),
        make("Song Hong College of Arts", EntityType::kUniversity, RelationType::kPartOf, "Red River Holdings",
             EntityType::kCompany, "c.txt", 40, {"SHCA"}),
        make("SHCA", EntityType::kOrganization, RelationType::kLocatedIn, "Hà Nội", EntityType::kPlace, "c.txt", 80),
        make("Ha Noi", EntityType::kPlace, RelationType::kLocatedIn, "Viet Nam", EntityType::kCountry, "c.txt", 90),
    };
    AliasTable none;
    KnowledgeGraph g = build_graph(ts, none);
    auto vnu = g.find_by_name("VNU");
    REQUIRE(vnu.size() == 1);
    CHECK(g.find_by_name("Viet Nam National University, Ha Noi") == vnu);
    CHECK(g.find_by_name("vietnam national university hanoi") == vnu);
    CHECK(g.degree(vnu[0]) == 3);
    auto shca = g.find_by_name("SHCA");
    REQUIRE(shca.size() == 1);
    CHECK(g.entities()[shca[0]].name == "Song Hong College of Arts");
    CHECK(g.entities()[shca[0]].type == EntityType::kUniversity);  // specific kind wins over Organization
    auto hanoi = g.find_by_name("Hanoi");
    REQUIRE(hanoi.size() == 1);
    CHECK(g.entities()[hanoi[0]].type == EntityType::kPlace);
    auto vn = g.find_by_name("Vietnam");
    REQUIRE(vn.size() == 1);
    CHECK(g.entities()[vn[0]].country == "VN");
    // Symmetric relations are stored once, between organisations only.
    int sym = 0;
    for (const auto& r : g.relations()) sym += r.symmetric();
    CHECK(sym == 1);
}

TEST_CASE("the same triples give the same graph, and repeated statements become weight", "[graph][resolve]") {
    std::vector<Triple> ts = {
        make("Alpha University", EntityType::kUniversity, RelationType::kCooperatesWith, "Beta Institute",
             EntityType::kResearchInstitute, "x.txt", 100),
        make("Beta Institute", EntityType::kResearchInstitute, RelationType::kCooperatesWith, "Alpha University",
             EntityType::kUniversity, "a.txt", 3),
    };
    AliasTable none;
    KnowledgeGraph g1 = build_graph(ts, none), g2 = build_graph(ts, none);
    REQUIRE(g1.edge_count() == 1);
    CHECK(g1.relations()[0].weight() == 2);
    CHECK(g1.relations()[0].evidence[0].doc == "a.txt");  // first = lowest document id
    REQUIRE(g1.entities().size() == g2.entities().size());
    for (std::size_t i = 0; i < g1.entities().size(); ++i) CHECK(g1.entities()[i].id == g2.entities()[i].id);
}

TEST_CASE("alias tables join names no rule can", "[graph][resolve]") {
    auto dir = std::filesystem::temp_directory_path() / "kgmill-test-aliases";
    std::filesystem::create_directories(dir);
    auto file = (dir / "aliases.tsv").string();
    {
        std::ofstream f(file);
        f << "# test\nUniversity\tSong Hong University\tĐHSH\tTrường Đại học Sông Hồng\n";
        f << "Bogus\tX\tY\n";
    }
    AliasTable t;
    Status st = t.load(file);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().to_string().find("aliases.tsv:3") != std::string::npos);
    CHECK(st.error().message.find("unknown entity type 'Bogus'") != std::string::npos);
    {
        std::ofstream f(file);
        f << "University\tSong Hong University\tĐHSH\tTrường Đại học Sông Hồng\n";
    }
    AliasTable t2;
    REQUIRE(t2.load(file).ok());
    std::vector<Triple> ts = {make("DHSH", EntityType::kUniversity, RelationType::kMemberOf, "Net A",
                                   EntityType::kNetwork),
                              make("Trường Đại học Sông Hồng", EntityType::kUniversity, RelationType::kMemberOf,
                                   "Net B", EntityType::kNetwork)};
    KnowledgeGraph g = build_graph(ts, t2);
    auto v = g.find_by_name("Song Hong University");
    REQUIRE(v.size() == 1);
    CHECK(g.degree(v[0]) == 2);
    CHECK(g.entities()[v[0]].name == "Song Hong University");
}

TEST_CASE("country names in English and Vietnamese", "[graph][countries]") {
    CHECK(country_code("Viet Nam") == "VN");
    CHECK(country_code("Việt Nam") == "VN");
    CHECK(country_code("Republic of Korea") == "KR");
    CHECK(country_code("Lào") == "LA");
    CHECK(country_code("Trung Quốc") == "CN");
    CHECK(country_code("Hanoi").empty());
}

TEST_CASE("a headline's all-capitals spelling is not shown as the name when another spelling exists", "[graph][resolve]") {
    std::vector<Triple> ts = {
        make("ĐẠI HỌC LAM SƠN", EntityType::kUniversity, RelationType::kSignedAgreementWith, "Orvane Institute",
             EntityType::kUniversity, "a.txt", 0),
        make("Đại học Lam Sơn", EntityType::kUniversity, RelationType::kVisited, "Orvane Institute",
             EntityType::kUniversity, "a.txt", 40),
        make("BAN QUỐC TẾ", EntityType::kUnit, RelationType::kPartOf, "Đại học Lam Sơn", EntityType::kUniversity,
             "a.txt", 80),
        make("MIT", EntityType::kUniversity, RelationType::kCooperatesWith, "Orvane Institute", EntityType::kUniversity,
             "b.txt", 0),
    };
    AliasTable none;
    KnowledgeGraph g = build_graph(ts, none);
    auto ls = g.find_by_name("Dai hoc Lam Son");
    REQUIRE(ls.size() == 1);
    CHECK(g.entities()[ls[0]].name == "Đại học Lam Sơn");
    CHECK(g.entities()[ls[0]].aliases == std::vector<std::string>{"ĐẠI HỌC LAM SƠN"});
    CHECK(g.entities()[ls[0]].id == "dai-hoc-lam-son");  // ids come from the first spelling, as before
    auto unit = g.find_by_name("Ban Quoc Te");  // no other spelling: kept as written
    REQUIRE(unit.size() == 1);
    CHECK(g.entities()[unit[0]].name == "BAN QUỐC TẾ");
    auto mit = g.find_by_name("MIT");  // acronyms are capitals by nature
    REQUIRE(mit.size() == 1);
    CHECK(g.entities()[mit[0]].name == "MIT");
}

TEST_CASE("build_graph_consuming gives the graph build_graph gives", "[graph][resolve]") {
    std::vector<Triple> ts = {
        make("Kestrel University", EntityType::kUniversity, RelationType::kSignedAgreementWith, "Orvane Institute",
             EntityType::kUniversity, "a.txt", 0),
        make("Orvane Institute", EntityType::kUniversity, RelationType::kSignedAgreementWith, "Kestrel University",
             EntityType::kUniversity, "b.txt", 10),
        make("KU", EntityType::kUniversity, RelationType::kMemberOf, "Coastal Network", EntityType::kNetwork, "a.txt", 30),
        make("Kestrel University", EntityType::kUniversity, RelationType::kMemberOf, "Coastal Network",
             EntityType::kNetwork, "c.txt", 5),
    };
    ts[1].properties = {{"date", "2025-03"}};
    AliasTable none;
    std::vector<std::pair<std::string, std::string>> ends_a, ends_b;
    const KnowledgeGraph a = build_graph(ts, none, {}, &ends_a);
    std::vector<Triple> consumed = ts;
    const KnowledgeGraph b = build_graph_consuming(consumed, none, {}, &ends_b);
    CHECK(ends_a == ends_b);
    REQUIRE(a.vertex_count() == b.vertex_count());
    REQUIRE(a.edge_count() == b.edge_count());
    for (VertexId v = 0; v < a.vertex_count(); ++v) {
        CHECK(a.entities()[v].id == b.entities()[v].id);
        CHECK(a.entities()[v].name == b.entities()[v].name);
        CHECK(a.entities()[v].aliases == b.entities()[v].aliases);
    }
    std::size_t evidence = 0;
    for (std::uint32_t r = 0; r < a.edge_count(); ++r) {
        const Relation &x = a.relations()[r], &y = b.relations()[r];
        CHECK(x.source == y.source);
        CHECK(x.target == y.target);
        CHECK(x.type == y.type);
        CHECK(x.properties == y.properties);
        REQUIRE(x.evidence.size() == y.evidence.size());
        for (std::size_t k = 0; k < x.evidence.size(); ++k) {
            CHECK(x.evidence[k].doc == y.evidence[k].doc);
            CHECK(x.evidence[k].sentence == y.evidence[k].sentence);
            CHECK(x.evidence[k].start == y.evidence[k].start);
            CHECK(x.evidence[k].extractor == y.evidence[k].extractor);
        }
        evidence += y.evidence.size();
    }
    CHECK(evidence == ts.size());  // every statement's evidence, moved once
}
