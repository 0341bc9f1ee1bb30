// Triples JSON Lines codec: the exact shape of ONTOLOGY.md, and the parser back.
#include <catch2/catch.hpp>

#include <string>

#include "kgmill/core/triples_json.hpp"

using namespace kgmill;

namespace {

Triple sample() {
    Triple t;
    t.subject = {"Hanoi University of Science and Technology", EntityType::kUniversity,
                 {"HUST", "Đại học Bách khoa Hà Nội"}};
    t.predicate = RelationType::kSignedAgreementWith;
    t.object = {"Samsung Electronics", EntityType::kCompany, {}};
    t.set_property("status", "planned");
    t.set_property("date", "2025");
    t.provenance = {"001_2b073ee1325f7225.txt", "HUST \"signed\" with Samsung.\nNext line", 1234, 1398,
                    "en.signed_with", 0.9};
    return t;
}

}  // namespace

TEST_CASE("triple_to_json writes the contract shape byte for byte", "[core][json]") {
    CHECK(triple_to_json(sample()) ==
          "{\"subject\":{\"name\":\"Hanoi University of Science and Technology\",\"type\":\"University\","
          "\"aliases\":[\"HUST\",\"Đại học Bách khoa Hà Nội\"]},"
          "\"predicate\":\"SIGNED_AGREEMENT_WITH\","
          "\"object\":{\"name\":\"Samsung Electronics\",\"type\":\"Company\"},"
          "\"properties\":{\"date\":\"2025\",\"status\":\"planned\"},"
          "\"provenance\":{\"doc\":\"001_2b073ee1325f7225.txt\","
          "\"sentence\":\"HUST \\\"signed\\\" with Samsung.\\nNext line\",\"start\":1234,\"end\":1398,"
          "\"extractor\":\"en.signed_with\",\"confidence\":0.9}}");
}

TEST_CASE("triple_to_json: empty properties, sorted keys, raw UTF-8", "[core][json]") {
    Triple t;
    t.subject = {"Lê Quân", EntityType::kPerson, {}};
    t.predicate = RelationType::kHoldsPosition;
    t.object = {"ĐHQGHN", EntityType::kUniversity, {}};
    const std::string a = triple_to_json(t);
    CHECK(a.find("\"properties\":{}") != std::string::npos);
    CHECK(a.find("\"aliases\"") == std::string::npos);
    CHECK(a.find("Lê Quân") != std::string::npos);
    CHECK(a.find("\\u") == std::string::npos);
    CHECK(a.find('\n') == std::string::npos);
    // Properties pushed out of order by hand are still written sorted.
    t.properties = {{"role", "Director"}, {"date", "2024-08-28"}};
    const std::string b = triple_to_json(t);
    CHECK(b.find("\"properties\":{\"date\":\"2024-08-28\",\"role\":\"Director\"}") != std::string::npos);
}

TEST_CASE("confidence: at most 3 decimals, deterministic", "[core][json]") {
    const std::pair<double, const char*> cases[] = {
        {0.9, "0.9"}, {0.75, "0.75"}, {1.0, "1.0"}, {0.0, "0.0"}, {0.1 + 0.2, "0.3"},
        {2.0 / 3.0, "0.667"}, {0.12345, "0.123"}, {0.9996, "1.0"}, {0.005, "0.005"}};
    for (const auto& [value, text] : cases) {
        Triple t = sample();
        t.provenance.confidence = value;
        INFO(value);
        CHECK(triple_to_json(t).find(std::string("\"confidence\":") + text + "}}") != std::string::npos);
    }
}

TEST_CASE("triple_from_json reads back what triple_to_json wrote", "[core][json]") {
    const Triple t = sample();
    const std::string line = triple_to_json(t);
    auto back = triple_from_json(line);
    REQUIRE(back.ok());
    const Triple& u = *back;
    CHECK(u.subject.name == t.subject.name);
    CHECK(u.subject.type == t.subject.type);
    CHECK(u.subject.aliases == t.subject.aliases);
    CHECK(u.predicate == t.predicate);
    CHECK(u.object.name == t.object.name);
    CHECK(u.object.type == EntityType::kCompany);
    CHECK(u.object.aliases.empty());
    CHECK(u.properties == t.properties);
    CHECK(u.property("date") == "2025");
    CHECK(u.provenance.doc == t.provenance.doc);
    CHECK(u.provenance.sentence == t.provenance.sentence);
    CHECK(u.provenance.start == 1234);
    CHECK(u.provenance.end == 1398);
    CHECK(u.provenance.extractor == "en.signed_with");
    CHECK(u.provenance.confidence == Approx(0.9));
    CHECK(triple_to_json(u) == line);  // a fixed point
}

TEST_CASE("triple_from_json accepts the hand-written ONTOLOGY.md example", "[core][json]") {
    auto r = triple_from_json(
        R"({"subject": {"name": "Hanoi University of Science and Technology", "type": "University"},
 "predicate": "SIGNED_AGREEMENT_WITH",
 "object": {"name": "Samsung Electronics", "type": "Company"},
 "properties": {"date": "2025", "count": 3},
 "provenance": {"doc": "001_2b073ee1325f7225.txt", "sentence": "…", "start": 1234, "end": 1398,
                "extractor": "en.signed_with", "confidence": 0.9}})");
    REQUIRE(r.ok());
    CHECK(r->property("count") == "3");
    CHECK(r->provenance.sentence == "…");
}

TEST_CASE("triple_from_json reports what is wrong", "[core][json][errors]") {
    const auto err = [](const std::string& line) {
        auto r = triple_from_json(line);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kParse);
        return r.error();
    };
    const Error e = err("{\"subject\": ");
    CHECK(e.byte == 12);
    CHECK(e.message.rfind("invalid JSON: ", 0) == 0);
    CHECK(err("[1,2]").message == "a triple must be a JSON object");
    CHECK(err(R"({"predicate":"PART_OF","object":{"name":"a","type":"Unit"}})").message == "missing \"subject\"");
    CHECK(err(R"({"subject":{"name":"a","type":"Planet"},"predicate":"PART_OF","object":{"name":"b","type":"Unit"}})")
              .message == "subject.type: unknown entity type 'Planet'");
    CHECK(err(R"({"subject":{"name":"a","type":"Unit"},"predicate":"LIKES","object":{"name":"b","type":"Unit"}})")
              .message == "unknown relation type 'LIKES'");
    CHECK(err(R"({"subject":{"name":"a","type":"Unit"},"predicate":"PART_OF","object":{"name":"b","type":"Unit"},)"
              R"("provenance":{"start":-1}})")
              .message == "provenance.start must be an unsigned 32-bit integer");
    CHECK(err("{\"subject\":{\"name\":\"\xC3(\",\"type\":\"Unit\"}}").message.rfind("invalid JSON", 0) == 0);
}
