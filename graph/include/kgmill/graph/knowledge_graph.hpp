// kgmill/graph/knowledge_graph.hpp — the merged graph: resolved entities, one edge per
// (subject, predicate, object) with all its evidence.
//
//   KnowledgeGraph g = build_graph(triples, aliases);
//   for (const Entity& e : g.entities()) ...      // sorted by id
//   for (const Relation& r : g.relations()) ...   // sorted by (source id, type, target id)
//
// Vertices are dense indices into entities(); the Boost view is in boost_view.hpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kgmill/core/ontology.hpp"
#include "kgmill/core/triple.hpp"

namespace kgmill {

using VertexId = std::uint32_t;

struct Entity {
    std::string id;       ///< stable id: "vietnam-national-university-hanoi", "person-le-quan" (NMTOKEN-safe)
    std::string name;     ///< canonical name
    EntityType type = EntityType::kOrganization;
    std::vector<std::string> aliases;  ///< other names, sorted, without the canonical name
    std::string country;  ///< ISO 3166 alpha-2 when known
};

struct Relation {
    VertexId source = 0;
    VertexId target = 0;
    RelationType type = RelationType::kCooperatesWith;
    Properties properties;              ///< date, role, field, count, status (of the first statement)
    std::vector<Provenance> evidence;   ///< sorted by (doc, start); evidence[0] is the "first"
    bool symmetric_flag = false;        ///< is_symmetric(type) and both ends are organisations
    bool symmetric() const;
    std::size_t weight() const { return evidence.size(); }
    const std::string& property(const std::string& key) const;
};

class KnowledgeGraph {
public:
    KnowledgeGraph() = default;
    /// Takes entities (any order) and relations referring to them by index; sorts both
    /// into the canonical order and remaps the indices.
    KnowledgeGraph(std::vector<Entity> entities, std::vector<Relation> relations);

    const std::vector<Entity>& entities() const { return entities_; }
    const std::vector<Relation>& relations() const { return relations_; }
    std::size_t vertex_count() const { return entities_.size(); }
    std::size_t edge_count() const { return relations_.size(); }

    /// Entity by id.
    std::optional<VertexId> find_id(std::string_view id) const;
    /// Entities whose name or an alias equals `name` after match_key() (diacritics, case
    /// and punctuation ignored), best first (exact name, then alias, then by degree).
    std::vector<VertexId> find_by_name(std::string_view name) const;

    /// Relation indices leaving / entering a vertex.
    const std::vector<std::uint32_t>& out_relations(VertexId v) const { return out_[v]; }
    const std::vector<std::uint32_t>& in_relations(VertexId v) const { return in_[v]; }
    std::size_t degree(VertexId v) const { return out_[v].size() + in_[v].size(); }

private:
    void index();
    std::vector<Entity> entities_;
    std::vector<Relation> relations_;
    std::vector<std::vector<std::uint32_t>> out_, in_;
    std::unordered_map<std::string, VertexId> by_id_;
    std::unordered_map<std::string, std::vector<VertexId>> by_key_;
};

}  // namespace kgmill
