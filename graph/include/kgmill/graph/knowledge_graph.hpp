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
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

struct Relation {  // (members ordered so that a Relation takes 64 bytes)
    VertexId source = 0;
    VertexId target = 0;
    RelationType type = RelationType::kCooperatesWith;
    bool symmetric_flag = false;        ///< is_symmetric(type) and both ends are organisations
    std::uint32_t stored_weight = 0;    ///< evidence count when `evidence` was not loaded, else 0
    Properties properties;              ///< date, role, field, count, status (of the first statement)
    std::vector<Provenance> evidence;   ///< sorted by (doc, start); evidence[0] is the "first"
                                        ///< (empty when loaded without evidence: see stored_weight)
    bool symmetric() const;
    std::size_t weight() const { return evidence.empty() ? stored_weight : evidence.size(); }
    const std::string& property(const std::string& key) const;
};

/// Where a graph loaded without evidence finds it on demand (Store::load_graph).
class EvidenceSource {
public:
    virtual ~EvidenceSource() = default;
    /// The evidence of relation `rel` (an index into relations()), in stored order.
    virtual std::vector<Provenance> evidence(std::uint32_t rel) const = 0;
};

class KnowledgeGraph {
public:
    KnowledgeGraph() = default;
    /// Takes entities (any order) and relations referring to them by index; sorts both
    /// into the canonical order and remaps the indices.
    KnowledgeGraph(std::vector<Entity> entities, std::vector<Relation> relations);
    /// Entities and relations already in the canonical order (as a KnowledgeGraph lists
    /// them; the store's snapshot): no sorting. `evidence` serves relations whose evidence
    /// was not loaded (may be null).
    struct Canonical {};
    KnowledgeGraph(Canonical, std::vector<Entity> entities, std::vector<Relation> relations,
                   std::shared_ptr<const EvidenceSource> evidence = nullptr);

    const std::vector<Entity>& entities() const { return entities_; }
    const std::vector<Relation>& relations() const { return relations_; }
    std::size_t vertex_count() const { return entities_.size(); }
    std::size_t edge_count() const { return relations_.size(); }

    /// Entity by id.
    std::optional<VertexId> find_id(std::string_view id) const;
    /// Entities whose name or an alias equals `name` after match_key() (diacritics, case
    /// and punctuation ignored), best first (exact name, then alias, then by degree).
    std::vector<VertexId> find_by_name(std::string_view name) const;

    /// Relation indices leaving / entering a vertex, in relation order.
    std::span<const std::uint32_t> out_relations(VertexId v) const {
        return {incident_.data() + first_[v], incident_.data() + split_[v]};
    }
    std::span<const std::uint32_t> in_relations(VertexId v) const {
        return {incident_.data() + split_[v], incident_.data() + first_[v + 1]};
    }
    std::size_t degree(VertexId v) const { return static_cast<std::size_t>(first_[v + 1] - first_[v]); }

    /// The first evidence of a relation: evidence[0], or fetched from the evidence source
    /// (and kept) when the graph was loaded without evidence; null when there is none.
    const Provenance* first_evidence(std::uint32_t rel) const;
    /// All evidence of a relation (fetched from the evidence source when not loaded).
    std::vector<Provenance> all_evidence(std::uint32_t rel) const;

private:
    void index();
    struct Lazy;  // the name index (built on the first find_by_name) and fetched evidence
    std::vector<Entity> entities_;
    std::vector<Relation> relations_;
    // incident_[first_[v] .. split_[v]) are v's out-relations, [split_[v] .. first_[v+1]) its in-relations
    std::vector<std::uint64_t> first_;
    std::vector<std::uint64_t> split_;
    std::vector<std::uint32_t> incident_;
    std::shared_ptr<const EvidenceSource> evidence_source_;
    std::shared_ptr<Lazy> lazy_;
};

}  // namespace kgmill
