// Escaping: every format survives quotes, <, &, commas, semicolons, line breaks, control
// characters, invalid UTF-8 and Vietnamese, and parses back to the same values.
#include <catch2/catch.hpp>

#include <pugixml.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <regex>
#include <sstream>

#include "exporters/fixture.hpp"
#include "kgmill/exporters/export.hpp"

using namespace kgmill;

namespace {

std::map<std::string, std::string> render(const KnowledgeGraph& g, const std::string& format) {
    MemorySink sink;
    const ExportFormat* f = find_export_format(format);
    REQUIRE(f);
    REQUIRE(export_to_sink(g, format, sink, f->default_file).ok());
    return sink.files();
}

/// RFC 4180 rows.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
        } else {
            field += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

const std::string kReplacement = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("GraphML escapes markup and drops characters XML forbids", "[exporters][escaping]") {
    const auto files = render(export_test::hostile_graph(), "graphml");
    const std::string& xml = files.at("graph.graphml");
    pugi::xml_document doc;
    auto res = doc.load_string(xml.c_str(), pugi::parse_default & ~pugi::parse_eol);
    REQUIRE(res);
    auto node = doc.select_node("//node[@id='n0']").node();
    REQUIRE(node);
    std::string name = node.find_child_by_attribute("data", "key", "v_name").text().get();
    CHECK(name == "Bad name\t\"quoted\" 'single' \\ back, comma; semi | bar\r\n<tag>&amp;  end");
    std::string aliases = node.find_child_by_attribute("data", "key", "v_aliases").text().get();
    CHECK(aliases == "x;y|broken " + kReplacement + " utf8|Trường");
    auto edge = doc.select_node("//edge[@id='e0']").node();
    CHECK(std::string(edge.find_child_by_attribute("data", "key", "e_sentence").text().get()) ==
          "line1\nline2\r\n\"q\" \\n  ,");
    // A count that is not a number is not written into the int-typed key.
    CHECK_FALSE(edge.find_child_by_attribute("data", "key", "e_count"));
}

TEST_CASE("GEXF attribute values keep line breaks as character references",
          "[exporters][escaping]") {
    const auto files = render(export_test::hostile_graph(), "gexf");
    const std::string& xml = files.at("graph.gexf");
    CHECK(xml.find("&#10;") != std::string::npos);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    auto node = doc.select_node("//node[@id='b.2']").node();
    REQUIRE(node);
    CHECK(std::string(node.attribute("label").value()) == "spaces around");  // xsd:token
    auto edge = doc.select_node("//edge[@id='e0']").node();
    REQUIRE(edge);
    CHECK(std::string(edge.attribute("type").value()) == "undirected");
    CHECK_FALSE(edge.attribute("start"));  // "yesterday" is no date
    // The viz namespace is declared and used.
    CHECK(doc.select_node("//node/*[local-name()='color']"));
}

TEST_CASE("JSON-LD is valid JSON that keeps every value", "[exporters][escaping][rdf]") {
    const auto files = render(export_test::hostile_graph(), "jsonld");
    rapidjson::Document d;
    const std::string& text = files.at("graph.jsonld");
    d.Parse<rapidjson::kParseValidateEncodingFlag>(text.c_str(), text.size());
    INFO(rapidjson::GetParseError_En(d.GetParseError()));
    REQUIRE_FALSE(d.HasParseError());
    bool found = false;
    for (const auto& n : d["@graph"].GetArray()) {
        if (!n.HasMember("id") || std::string(n["id"].GetString()) != "a") continue;
        found = true;
        const auto& name = n["name"];
        std::string v = name.IsString() ? name.GetString() : name["@value"].GetString();
        CHECK(v == std::string("Bad\x01\x08 name\t\"quoted\" 'single' \\ back, comma; semi | "
                               "bar\r\n<tag>&amp; \xEF\xBF\xBE end"));
    }
    CHECK(found);
    rapidjson::Document ctx;
    const std::string& c = files.at("context.jsonld");
    ctx.Parse(c.c_str(), c.size());
    REQUIRE_FALSE(ctx.HasParseError());
    CHECK(ctx["@context"]["SIGNED_AGREEMENT_WITH"]["@id"] == "kg:signedAgreementWith");
}

TEST_CASE("N-Triples: one well-formed triple per line", "[exporters][escaping][rdf]") {
    const auto files = render(export_test::hostile_graph(), "nt");
    std::istringstream in(files.at("graph.nt"));
    const std::regex triple(
        R"re(^<[^<>"{}|^`\\ ]+> <[^<>"{}|^`\\ ]+> (<[^<>"{}|^`\\ ]+>|"([^"\\\n\r]|\\["\\nrtbf]|\\u[0-9A-F]{4})*"(@[a-z]+|\^\^<[^>]+>)?) \.$)re");
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        INFO(line);
        CHECK(std::regex_match(line, triple));
        ++n;
    }
    CHECK(n > 20);
    // Document ids become IRI paths: spaces and '&' percent-encoded, "." segments too.
    CHECK(files.at("graph.nt").find("<https://example.org/kgmill/doc/dir%20with%20space/x%26y.txt>") !=
          std::string::npos);
    CHECK(files.at("graph.nt").find("<https://example.org/kgmill/doc/%2E%2E/up.txt>") !=
          std::string::npos);
}

TEST_CASE("names are language-tagged @vi or @en only when it is clear", "[exporters][rdf]") {
    std::vector<Entity> es(6);
    const char* names[] = {"Lê Quân", "Trường Đại học", "Peking University", "Université de Liège",
                           "北京大学", "MoU(VNU–Tsinghua, 2024)"};
    for (int i = 0; i < 6; ++i) {
        es[i].id = "e" + std::to_string(i);
        es[i].name = names[i];
        es[i].type = EntityType::kPerson;
    }
    const auto files = render(KnowledgeGraph(std::move(es), {}), "nt");
    const std::string& nt = files.at("graph.nt");
    auto label = [&](int i) {
        std::string key = "/person/e" + std::to_string(i) + "> <http://www.w3.org/2000/01/rdf-schema#label> ";
        auto p = nt.find(key);
        REQUIRE(p != std::string::npos);
        auto e = nt.find(" .\n", p);
        return nt.substr(p + key.size(), e - p - key.size());
    };
    CHECK(label(0) == "\"Lê Quân\"@vi");
    CHECK(label(1) == "\"Trường Đại học\"@vi");
    CHECK(label(2) == "\"Peking University\"@en");
    CHECK(label(3) == "\"Université de Liège\"");
    CHECK(label(4) == "\"北京大学\"");
    CHECK(label(5) == "\"MoU(VNU–Tsinghua, 2024)\"@en");
}

TEST_CASE("dates are typed by precision", "[exporters][rdf]") {
    const auto files = render(export_test::small_graph(), "ttl");
    const std::string& ttl = files.at("graph.ttl");
    CHECK(ttl.find("kg:date \"2025\"^^xsd:gYear") != std::string::npos);
    CHECK(ttl.find("kg:date \"2024-08\"^^xsd:gYearMonth") != std::string::npos);
    CHECK(ttl.find("kg:date \"2024-08-28\"^^xsd:date") != std::string::npos);
    CHECK(ttl.find("kg:startDate \"2024-08-18\"^^xsd:date") != std::string::npos);
    CHECK(ttl.find("kg:endDate \"2024-08-20\"^^xsd:date") != std::string::npos);
    // Symmetric relations read from both ends.
    CHECK(ttl.find("organization:tsinghua-university a") != std::string::npos);
    CHECK(ttl.find("kg:signedAgreementWith organization:vietnam-national-university-hanoi") !=
          std::string::npos);
}

TEST_CASE("Neo4j CSV rows have as many fields as their header", "[exporters][escaping][neo4j]") {
    const auto files = render(export_test::hostile_graph(), "neo4j");
    for (const auto& [name, content] : files) {
        if (name.size() < 4 || name.compare(name.size() - 4, 4, ".csv") != 0) continue;
        INFO(name);
        auto rows = parse_csv(content);
        REQUIRE(rows.size() >= 2);
        for (const auto& r : rows) CHECK(r.size() == rows[0].size());
    }
    auto rows = parse_csv(files.at("nodes_Organization.csv"));
    CHECK(rows[1][0] == "a");
    CHECK(rows[1][2].find('\n') == std::string::npos);
    CHECK(rows[1][4] == "x,y;broken " + kReplacement + " utf8;Trường");  // ';' separates items
    auto rels = parse_csv(files.at("rels_COOPERATES_WITH.csv"));
    CHECK(rels[1][6].empty());  // count:int "about fifty" left out
    CHECK(rels[1][11] == "line1 line2  \"q\" \\n  ,");
    const std::string& cypher = files.at("load.cypher");
    CHECK(cypher.find("\\u0001") != std::string::npos);
    CHECK(cypher.find("'x;y'") != std::string::npos);  // lists keep the original alias
    CHECK(cypher.find("confidence: 1.0E-7") == std::string::npos);
    CHECK(cypher.find("confidence: 1e-07") != std::string::npos);
}

TEST_CASE("DOT strings never break a line", "[exporters][escaping]") {
    const auto files = render(export_test::hostile_graph(), "dot");
    std::istringstream in(files.at("graph.dot"));
    std::string line;
    while (std::getline(in, line)) {
        int quotes = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\') {
                ++i;
                continue;
            }
            if (line[i] == '"') ++quotes;
        }
        INFO(line);
        CHECK(quotes % 2 == 0);
    }
}

TEST_CASE("SVG and HTML exports of hostile names stay well-formed", "[exporters][escaping][render]") {
    const KnowledgeGraph g = export_test::hostile_graph();
    const std::string svg = render(g, "svg").at("graph.svg");
    pugi::xml_document doc;
    const auto res = doc.load_string(svg.c_str());
    INFO(res.description());
    REQUIRE(res);
    std::size_t entities = 0;
    for (pugi::xpath_node x : doc.select_nodes("//*[local-name()='g']"))
        if (std::string(x.node().attribute("class").value()).rfind("node entity ", 0) == 0) ++entities;
    CHECK(entities == g.vertex_count());
    CHECK(svg.find("\x01") == std::string::npos);
    CHECK(svg.find("<tag>") == std::string::npos);  // markup in a name is text, not an element

    const std::string html = render(g, "html").at("graph.html");
    const std::string open = "<script type=\"application/json\" id=\"kg-data\">";
    const std::size_t start = html.find(open);
    REQUIRE(start != std::string::npos);
    const std::size_t body = start + open.size();
    const std::size_t end = html.find("</script>", body);
    REQUIRE(end != std::string::npos);
    const std::string json = html.substr(body, end - body);
    CHECK(json.find('<') == std::string::npos);  // nothing in the data can end the element
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str(), json.size());
    INFO(rapidjson::GetParseError_En(d.GetParseError()));
    REQUIRE_FALSE(d.HasParseError());
    REQUIRE(d.HasMember("nodes"));
    CHECK(d["nodes"].Size() == g.vertex_count());
}
