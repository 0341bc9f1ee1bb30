// A small hand-made bilingual graph for the exporter tests (golden files and validators),
// and a hostile one for escaping.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill::export_test {

inline Provenance prov(std::string doc, std::string sentence, std::uint32_t start,
                       std::string extractor, double confidence) {
    Provenance p;
    p.doc = std::move(doc);
    p.start = start;
    p.end = start + static_cast<std::uint32_t>(sentence.size());
    p.sentence = std::move(sentence);
    p.extractor = std::move(extractor);
    p.confidence = confidence;
    return p;
}

/// Entities and relations of ONTOLOGY.md's seed examples, in English and Vietnamese, with
/// the characters each format must escape: quotes, <, &, commas, a newline, diacritics.
inline KnowledgeGraph small_graph() {
    auto E = [](std::string id, std::string name, EntityType t, std::vector<std::string> aliases,
                std::string country = {}) {
        Entity e;
        e.id = std::move(id);
        e.name = std::move(name);
        e.type = t;
        e.aliases = std::move(aliases);
        e.country = std::move(country);
        return e;
    };
    std::vector<Entity> es = {
        E("vietnam-national-university-hanoi", "Vietnam National University, Hanoi",
          EntityType::kUniversity,
          {"VNU", "Viet Nam National University, Ha Noi", "Đại học Quốc gia Hà Nội", "ĐHQGHN"},
          "VN"),                                                                         // 0
        E("tsinghua-university", "Tsinghua University", EntityType::kUniversity,
          {"清华大学"}, "CN"),                                                            // 1
        E("peking-university", "Peking University", EntityType::kUniversity, {"PKU"}, "CN"),  // 2
        E("hanoi-university-of-science-and-technology",
          "Hanoi University of Science and Technology", EntityType::kUniversity,
          {"Đại học Bách khoa Hà Nội", "HUST"}, "VN"),                                   // 3
        E("samsung-electronics", "Samsung Electronics", EntityType::kCompany, {}, "KR"),  // 4
        E("asean-university-network", "ASEAN University Network", EntityType::kNetwork,
          {"AUN"}),                                                                      // 5
        E("faculty-of-oriental-studies", "Faculty of Oriental Studies", EntityType::kUnit,
          {"Khoa Đông phương học"}, "VN"),                                               // 6
        E("person-le-quan", "Lê Quân", EntityType::kPerson, {"Le Quan"}),                // 7
        E("country-china", "China", EntityType::kCountry, {"Trung Quốc"}, "CN"),         // 8
        E("place-ha-noi", "Hà Nội", EntityType::kPlace, {"Ha Noi", "Hanoi"}, "VN"),      // 9
        E("agreement-mou-vnu-tsinghua-university-2024-08",
          "MoU(VNU–Tsinghua University, 2024-08)", EntityType::kAgreement, {}),          // 10
        E("event-seminar-sharing-experiences",
          "Seminar \"Sharing Experiences\" on R&D <2025>", EntityType::kEvent, {}),      // 11
        E("field-artificial-intelligence", "artificial intelligence", EntityType::kField,
          {"trí tuệ nhân tạo"}),                                                          // 12
    };
    auto R = [](VertexId s, RelationType t, VertexId o, Properties props,
                std::vector<Provenance> ev, bool sym = false) {
        Relation r;
        r.source = s;
        r.target = o;
        r.type = t;
        r.properties = std::move(props);
        r.evidence = std::move(ev);
        r.symmetric_flag = sym;
        return r;
    };
    using RT = RelationType;
    const std::string d1 = "001_2b073ee1325f7225.txt", d4 = "004_de89b6c87ec9c738.txt",
                      d5 = "vi/005_dhqghn.txt";
    std::vector<Relation> rs = {
        R(0, RT::kSignedAgreementWith, 1, {{"date", "2024-08"}},
          {prov(d4, "VNU and Tsinghua University signed an MoU in August 2024.", 310,
                "en.signed_with", 0.9),
           prov(d5, "ĐHQGHN và Đại học Thanh Hoa đã ký kết biên bản ghi nhớ hợp tác.", 88,
                "vi.signed_with", 0.85)},
          true),
        R(3, RT::kSignedAgreementWith, 4, {{"date", "2025"}},
          {prov(d1, "HUST signed a \"strategic\" agreement with Samsung Electronics,\nLG & "
                    "others <2025>.",
                1234, "en.signed_with", 1.0)},
          true),
        R(0, RT::kPartyTo, 10, {}, {prov(d4, "the MoU signed by VNU", 400, "en.party_to", 0.8)}),
        R(1, RT::kPartyTo, 10, {},
          {prov(d4, "the MoU signed by Tsinghua University", 420, "en.party_to", 0.8)}),
        R(0, RT::kMemberOf, 5, {},
          {prov(d4, "VNU is a member of the ASEAN University Network (AUN).", 50,
                "en.member_of", 0.95)}),
        R(0, RT::kVisited, 2, {{"date", "2024-08-28"}},
          {prov(d4, "A VNU delegation visited Peking University on 28 August 2024.", 120,
                "en.visited", 0.9)}),
        R(7, RT::kHoldsPosition, 0, {{"role", "Director"}},
          {prov(d4, "Prof. Lê Quân, Director of VNU", 130, "en.holds_position", 0.9)}),
        R(7, RT::kVisited, 2, {{"date", "2024-08-18/2024-08-20"}},
          {prov(d4, "Lê Quân led the delegation, 18–20 August 2024.", 160, "en.visited", 0.7)}),
        R(2, RT::kLocatedIn, 8, {},
          {prov(d4, "Peking University (China)", 200, "en.located_in", 0.7)}),
        R(0, RT::kLocatedIn, 9, {}, {prov(d5, "ĐHQGHN ở Hà Nội", 12, "vi.located_in", 0.7)}),
        R(3, RT::kOrganized, 11, {{"date", "2025-11-14"}},
          {prov(d1, "HUST hosted the seminar on 14 November 2025.", 2000, "en.organized", 0.9)}),
        R(11, RT::kConcerns, 12, {},
          {prov(d1, "a seminar on artificial intelligence", 2050, "en.concerns", 0.6)}),
        R(6, RT::kPartOf, 0, {},
          {prov(d5, "Khoa Đông phương học, Trường ĐHKHXH&NV, ĐHQGHN", 300, "vi.part_of", 0.8)}),
        R(0, RT::kCooperatesWith, 8,
          {{"count", "12"}, {"field", "Vietnamese Studies"}, {"note", "partners, \"many\""},
           {"status", "planned"}},
          {prov(d4, "VNU plans to cooperate with 12 Chinese universities in Vietnamese Studies.",
                500, "en.cooperates_with", 0.5)}),
    };
    return KnowledgeGraph(std::move(es), std::move(rs));
}

/// Names and evidence with everything a writer must survive: control characters, invalid
/// UTF-8, U+FFFE, CR/LF/tab, quotes of every kind, backslashes, separators.
inline KnowledgeGraph hostile_graph() {
    std::vector<Entity> es(3);
    es[0].id = "a";
    es[0].name = std::string("Bad\x01\x08 name\t\"quoted\" 'single' \\ back, comma; semi | bar") +
                 "\r\n<tag>&amp; \xEF\xBF\xBE end";
    es[0].aliases = {"x;y", "broken \xC3 utf8", "Tr\xC6\xB0\xE1\xBB\x9Dng"};
    es[0].type = EntityType::kOrganization;
    es[1].id = "b.2";
    es[1].name = "   spaces   around   ";
    es[1].type = EntityType::kCompany;
    es[2].id = "c";
    es[2].name = "Ünïcödé 北京 ✓";
    es[2].type = EntityType::kPerson;
    std::vector<Relation> rs(2);
    rs[0].source = 0;
    rs[0].target = 1;
    rs[0].type = RelationType::kCooperatesWith;
    rs[0].symmetric_flag = true;
    rs[0].properties = {{"count", "about fifty"}, {"date", "yesterday"}, {"role", "\x7f del"}};
    rs[0].evidence = {prov("dir with space/x&y.txt", "line1\nline2\r\n\"q\" \\n \x02 ,", 0,
                           "rule", 0.25)};
    rs[1].source = 2;
    rs[1].target = 0;
    rs[1].type = RelationType::kHoldsPosition;
    rs[1].evidence = {prov("../up.txt", "c at a", 5, "rule", 1e-7)};
    return KnowledgeGraph(std::move(es), std::move(rs));
}

/// The bytes of a file.
inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// A fresh scratch folder under the test tmp dir.
inline std::string scratch_dir(const std::string& name) {
    namespace fs = std::filesystem;
    fs::path p = fs::path(KGMILL_TEST_TMP) / "exporters" / name;
    fs::remove_all(p);
    fs::create_directories(p);
    return p.string();
}

}  // namespace kgmill::export_test
