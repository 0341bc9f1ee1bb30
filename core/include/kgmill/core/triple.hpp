// kgmill/core/triple.hpp — one extracted relation with its provenance (ONTOLOGY.md contract).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kgmill/core/ontology.hpp"

namespace kgmill {

/// One end of a triple as the extractor saw it (names are resolved later by the graph).
struct EntityRef {
    std::string name;                  ///< NFC, without titles
    EntityType type = EntityType::kOrganization;
    std::vector<std::string> aliases;  ///< other names this document gives it (acronym, other language)
};

/// Where a statement comes from.
struct Provenance {
    std::string doc;        ///< document id
    std::string sentence;   ///< evidence text, exactly text.substr(start, end - start)
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::string extractor;  ///< rule id, e.g. "en.signed_with"
    double confidence = 0.0;
};

/// Known property keys: date, role, field, count, status. Kept sorted by key.
using Properties = std::vector<std::pair<std::string, std::string>>;

struct Triple {
    EntityRef subject;
    RelationType predicate = RelationType::kCooperatesWith;
    EntityRef object;
    Properties properties;
    Provenance provenance;

    /// Value of a property or "" when absent.
    const std::string& property(const std::string& key) const;
    /// Sets (or replaces) a property, keeping the list sorted.
    void set_property(const std::string& key, std::string value);
};

}  // namespace kgmill
