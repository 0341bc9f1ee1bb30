// kgmill/core/ontology.hpp — entity and relation types of ONTOLOGY.md (v1).
//
// Labels are fixed strings shared by gold files, exports and queries; the enums give
// them dense ids for the graph and the store.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace kgmill {

enum class EntityType : std::uint8_t {
    kUniversity, kUnit, kResearchInstitute, kCompany, kGovernmentBody, kNetwork,
    kInternationalOrganization, kOrganization, kPerson, kCountry, kPlace, kAgreement,
    kEvent, kProgram, kField,
};
inline constexpr int kEntityTypeCount = 15;

enum class RelationType : std::uint8_t {
    kSignedAgreementWith, kPartyTo, kCooperatesWith, kMemberOf, kPartOf, kLocatedIn,
    kHoldsPosition, kVisited, kOrganized, kAttended, kRuns, kConcerns,
};
inline constexpr int kRelationTypeCount = 12;

/// "University", "Person", ... (the Neo4j label).
std::string_view entity_type_name(EntityType t);
/// Parses a label; nullopt when unknown.
std::optional<EntityType> parse_entity_type(std::string_view s);
/// True for the organisation kinds (University … Organization).
bool is_organization(EntityType t);

/// "SIGNED_AGREEMENT_WITH", ... (the Neo4j relationship type).
std::string_view relation_type_name(RelationType t);
std::optional<RelationType> parse_relation_type(std::string_view s);
/// SIGNED_AGREEMENT_WITH and COOPERATES_WITH (between organisations) read both ways.
bool is_symmetric(RelationType t);

}  // namespace kgmill
