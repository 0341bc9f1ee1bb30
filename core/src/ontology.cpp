#include "kgmill/core/ontology.hpp"

#include <array>

namespace kgmill {
namespace {
constexpr std::array<std::string_view, kEntityTypeCount> kEntityNames = {
    "University", "Unit", "ResearchInstitute", "Company", "GovernmentBody", "Network",
    "InternationalOrganization", "Organization", "Person", "Country", "Place", "Agreement",
    "Event", "Program", "Field"};
constexpr std::array<std::string_view, kRelationTypeCount> kRelationNames = {
    "SIGNED_AGREEMENT_WITH", "PARTY_TO", "COOPERATES_WITH", "MEMBER_OF", "PART_OF", "LOCATED_IN",
    "HOLDS_POSITION", "VISITED", "ORGANIZED", "ATTENDED", "RUNS", "CONCERNS"};
}  // namespace

std::string_view entity_type_name(EntityType t) { return kEntityNames[static_cast<int>(t)]; }

std::optional<EntityType> parse_entity_type(std::string_view s) {
    for (int i = 0; i < kEntityTypeCount; ++i)
        if (kEntityNames[i] == s) return static_cast<EntityType>(i);
    return std::nullopt;
}

bool is_organization(EntityType t) {
    return static_cast<int>(t) <= static_cast<int>(EntityType::kOrganization);
}

std::string_view relation_type_name(RelationType t) { return kRelationNames[static_cast<int>(t)]; }

std::optional<RelationType> parse_relation_type(std::string_view s) {
    for (int i = 0; i < kRelationTypeCount; ++i)
        if (kRelationNames[i] == s) return static_cast<RelationType>(i);
    return std::nullopt;
}

bool is_symmetric(RelationType t) {
    return t == RelationType::kSignedAgreementWith || t == RelationType::kCooperatesWith;
}

}  // namespace kgmill
