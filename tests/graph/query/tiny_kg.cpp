#include "graph/query/tiny_kg.hpp"

#include <map>
#include <string>

namespace kgmill::testing {

namespace {

struct E {
    const char* id;
    const char* name;
    EntityType type;
    std::vector<std::string> aliases;
    const char* country;
};

struct R {
    const char* s;
    RelationType p;
    const char* o;
    Properties props;
    std::vector<std::pair<const char*, std::uint32_t>> docs;  // (doc, start) per statement
};

KnowledgeGraph build() {
    using ET = EntityType;
    using RT = RelationType;
    const std::vector<E> es = {
        {"vnu", "Vietnam National University, Hanoi", ET::kUniversity, {"VNU", "Đại học Quốc gia Hà Nội", "ĐHQGHN"}, "VN"},
        {"ussh", "University of Social Sciences and Humanities", ET::kUniversity,
         {"Trường Đại học Khoa học Xã hội và Nhân văn", "USSH"}, "VN"},
        {"hust", "Hanoi University of Science and Technology", ET::kUniversity, {"Đại học Bách khoa Hà Nội", "HUST"}, "VN"},
        {"pku", "Peking University", ET::kUniversity, {"PKU", "北京大学"}, "CN"},
        {"tsinghua", "Tsinghua University", ET::kUniversity, {}, "CN"},
        {"kyoto-sangyo", "Kyoto Sangyo University", ET::kUniversity, {}, "JP"},
        {"vlute", "Vinh Long University of Technology Education", ET::kUniversity, {"VLUTE"}, "VN"},
        {"fos", "Faculty of Oriental Studies", ET::kUnit, {"Khoa Đông phương học"}, "VN"},
        {"vass", "Viet Nam Academy of Social Sciences", ET::kResearchInstitute, {"VASS"}, "VN"},
        {"samsung", "Samsung Electronics", ET::kCompany, {}, "KR"},
        {"lg-display", "LG Display", ET::kCompany, {}, "KR"},
        {"moet", "Ministry of Education and Training", ET::kGovernmentBody, {"Bộ Giáo dục và Đào tạo", "MOET"}, "VN"},
        {"aun", "ASEAN University Network", ET::kNetwork, {"AUN"}, ""},
        {"besetoha", "BESETOHA", ET::kNetwork, {}, ""},
        {"person-le-quan", "Lê Quân", ET::kPerson, {"Le Quan"}, "VN"},
        {"country-laos", "Laos", ET::kCountry, {"Lào"}, "LA"},
        {"country-china", "China", ET::kCountry, {"Trung Quốc"}, "CN"},
        {"place-ha-noi", "Hà Nội", ET::kPlace, {"Ha Noi", "Hanoi"}, "VN"},
        {"place-beijing", "Beijing", ET::kPlace, {"Bắc Kinh"}, "CN"},
        {"agreement-vnu-tsinghua-2024", "MoU(VNU–Tsinghua University, 2024-08)", ET::kAgreement, {}, ""},
        {"event-seminar-2025", "Seminar on Internationalization of Universities", ET::kEvent, {}, "VN"},
        {"field-ai", "artificial intelligence", ET::kField, {"trí tuệ nhân tạo"}, ""},
        {"program-inwent", "Inwent Project", ET::kProgram, {}, ""},
    };
    const std::vector<R> rs = {
        {"hust", RT::kSignedAgreementWith, "samsung", {{"date", "2025"}}, {{"001.txt", 120}}},
        {"hust", RT::kSignedAgreementWith, "lg-display", {{"date", "2025-04"}}, {{"001.txt", 300}, {"003.txt", 40}}},
        {"hust", RT::kCooperatesWith, "samsung", {{"field", "semiconductor technology"}}, {{"001.txt", 500}}},
        {"vnu", RT::kSignedAgreementWith, "tsinghua", {{"date", "2024-08"}}, {{"004.html", 900}}},
        {"vnu", RT::kPartyTo, "agreement-vnu-tsinghua-2024", {}, {{"004.html", 900}}},
        {"tsinghua", RT::kPartyTo, "agreement-vnu-tsinghua-2024", {}, {{"004.html", 900}}},
        {"agreement-vnu-tsinghua-2024", RT::kConcerns, "field-ai", {}, {{"004.html", 950}}},
        {"ussh", RT::kCooperatesWith, "kyoto-sangyo", {}, {{"000.txt", 10}, {"002.txt", 5}}},
        {"vass", RT::kCooperatesWith, "country-laos", {}, {{"000.txt", 400}}},
        {"vnu", RT::kMemberOf, "aun", {}, {{"002.txt", 70}}},
        {"vnu", RT::kMemberOf, "besetoha", {}, {{"004.html", 1200}}},
        {"ussh", RT::kPartOf, "vnu", {}, {{"000.txt", 0}}},
        {"fos", RT::kPartOf, "ussh", {}, {{"000.txt", 30}}},
        {"fos", RT::kAttended, "event-seminar-2025", {}, {{"000.txt", 600}}},
        {"pku", RT::kLocatedIn, "place-beijing", {}, {{"004.html", 100}}},
        {"place-beijing", RT::kLocatedIn, "country-china", {}, {{"004.html", 110}}},
        {"vnu", RT::kLocatedIn, "place-ha-noi", {}, {{"004.html", 20}}},
        {"person-le-quan", RT::kHoldsPosition, "vnu", {{"role", "Director"}}, {{"004.html", 50}}},
        {"vnu", RT::kVisited, "pku", {{"date", "2024-08-28"}}, {{"004.html", 60}}},
        {"person-le-quan", RT::kVisited, "pku", {{"date", "2024-08-28"}}, {{"004.html", 60}}},
        {"hust", RT::kOrganized, "event-seminar-2025", {{"date", "2025-11-14"}}, {{"001.txt", 800}}},
        {"moet", RT::kAttended, "event-seminar-2025", {}, {{"001.txt", 850}}},
        {"event-seminar-2025", RT::kConcerns, "field-ai", {}, {{"001.txt", 800}}},
        {"vlute", RT::kRuns, "program-inwent", {{"count", "3"}}, {{"003.txt", 200}}},
        {"moet", RT::kVisited, "country-laos", {{"date", "2025"}, {"status", "planned"}}, {{"002.txt", 900}}},
    };
    std::vector<Entity> entities;
    std::map<std::string, VertexId> index;
    for (const E& e : es) {
        index[e.id] = static_cast<VertexId>(entities.size());
        entities.push_back({e.id, e.name, e.type, e.aliases, e.country});
    }
    std::vector<Relation> relations;
    for (const R& r : rs) {
        Relation rel;
        rel.source = index.at(r.s);
        rel.target = index.at(r.o);
        rel.type = r.p;
        rel.properties = r.props;
        for (const auto& [doc, start] : r.docs)
            rel.evidence.push_back({doc, std::string("evidence for ") + r.s + " " + std::string(relation_type_name(r.p)) + " " + r.o,
                                    start, start + 40, "test.rule", 0.75});
        rel.symmetric_flag = is_symmetric(r.p) && is_organization(entities[rel.source].type) &&
                             is_organization(entities[rel.target].type);
        relations.push_back(std::move(rel));
    }
    return KnowledgeGraph(std::move(entities), std::move(relations));
}

}  // namespace

const KnowledgeGraph& tiny_kg() {
    static const KnowledgeGraph g = build();
    return g;
}

}  // namespace kgmill::testing
