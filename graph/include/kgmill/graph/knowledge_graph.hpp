// kgmill/graph/knowledge_graph.hpp — the merged graph: resolved entities, one edge per
// (subject, predicate, object) with all its evidence.
//
//   KnowledgeGraph g = build_graph(triples, aliases);
//   for (const Entity& e : g.entities()) ...      // sorted by id
//   for (const Relation& r : g.relations()) ...   // sorted by (source id, type, target id)
//
// Vertices are dense indices into entities(); the Boost view is in boost_view.hpp.
// A graph loaded from a store reads its columns from the store's memory-mapped image: code
// that touches a few vertices uses the accessors (entity_name(v), relation_type(r),
// incidences(v)); entities() / relations() build every struct on their first call.
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

/// One relation seen from one of its ends (16 bytes): what a traversal needs of a hop
/// without touching the Relation or the other Entity.
struct Incidence {
    enum : std::uint8_t { kOut = 1, kSymmetric = 2, kSelfLoop = 4 };
    VertexId other = 0;            ///< the vertex at the other end
    std::uint32_t rel = 0;         ///< index into relations()
    std::uint8_t type = 0;         ///< RelationType
    std::uint8_t other_type = 0;   ///< EntityType of `other`
    std::uint8_t flags = 0;        ///< kOut: this end is the source; kSymmetric; kSelfLoop
    std::uint8_t reserved = 0;
    std::uint32_t reserved2 = 0;
};
static_assert(sizeof(Incidence) == 16);

namespace detail {
class GraphImage;  // a graph's columns laid out for memory mapping (graph/src/graph_image.hpp)
}

/// Where a graph loaded without evidence finds it on demand (Store::load_graph).
class EvidenceSource {
public:
    virtual ~EvidenceSource() = default;
    /// The evidence of relation `rel` (an index into relations()), in stored order.
    virtual std::vector<Provenance> evidence(std::uint32_t rel) const = 0;
};

class KnowledgeGraph {
public:
    KnowledgeGraph() { index(); }
    /// Takes entities (any order) and relations referring to them by index; sorts both
    /// into the canonical order and remaps the indices.
    KnowledgeGraph(std::vector<Entity> entities, std::vector<Relation> relations);
    /// Entities and relations already in the canonical order (as a KnowledgeGraph lists
    /// them; the store's snapshot): no sorting. `evidence` serves relations whose evidence
    /// was not loaded (may be null).
    struct Canonical {};
    KnowledgeGraph(Canonical, std::vector<Entity> entities, std::vector<Relation> relations,
                   std::shared_ptr<const EvidenceSource> evidence = nullptr);
    /// A graph that reads its columns from an image (the store's memory-mapped snapshot):
    /// nothing is copied; entities() and relations() are built on first use.
    KnowledgeGraph(std::shared_ptr<const detail::GraphImage> image, std::shared_ptr<const EvidenceSource> evidence);
    KnowledgeGraph(const KnowledgeGraph& other);  // (the adjacency spans are re-pointed)
    KnowledgeGraph(KnowledgeGraph&& other) noexcept;
    KnowledgeGraph& operator=(const KnowledgeGraph& other);
    KnowledgeGraph& operator=(KnowledgeGraph&& other) noexcept;

    /// Every entity / relation as structs. For an image-backed graph these are built on the
    /// first call (whole-graph work: exports); queries use the accessors below instead.
    const std::vector<Entity>& entities() const { return image_ ? materialized().entities : entities_; }
    const std::vector<Relation>& relations() const { return image_ ? materialized().relations : relations_; }
    std::size_t vertex_count() const { return vertex_count_; }
    std::size_t edge_count() const { return edge_count_; }

    // Column accessors: the same values as entities()[v] / relations()[r], without building them.
    EntityType entity_type(VertexId v) const;
    std::string_view entity_id(VertexId v) const;
    std::string_view entity_name(VertexId v) const;
    std::string_view entity_country(VertexId v) const;  ///< empty when unknown
    std::vector<std::string_view> entity_aliases(VertexId v) const;
    VertexId relation_source(std::uint32_t r) const;
    VertexId relation_target(std::uint32_t r) const;
    RelationType relation_type(std::uint32_t r) const;
    bool relation_symmetric(std::uint32_t r) const;
    std::size_t relation_weight(std::uint32_t r) const;
    /// A property's value ("" when absent).
    std::string_view relation_property(std::uint32_t r, std::string_view key) const;
    /// All properties of a relation, in stored order.
    std::vector<std::pair<std::string_view, std::string_view>> relation_properties(std::uint32_t r) const;
    /// Every property key any relation has, sorted.
    std::vector<std::string> relation_property_keys() const;
    /// The vertices of one type, ascending.
    std::span<const VertexId> vertices_of_type(EntityType t) const;
    /// Out-incidences then in-incidences of a vertex, each in relation order (the order of
    /// out_relations / in_relations).
    std::span<const Incidence> incidences(VertexId v) const;

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
    /// The image behind an image-backed graph (null otherwise).
    const std::shared_ptr<const detail::GraphImage>& image() const { return image_; }
    /// Relations touching a vertex (in + out; a self-loop counts twice).
    std::size_t degree(VertexId v) const { return static_cast<std::size_t>(first_[v + 1] - first_[v]); }

    /// The first evidence of a relation: evidence[0], or fetched from the evidence source
    /// (and kept) when the graph was loaded without evidence; null when there is none.
    const Provenance* first_evidence(std::uint32_t rel) const;
    /// All evidence of a relation (fetched from the evidence source when not loaded).
    std::vector<Provenance> all_evidence(std::uint32_t rel) const;

private:
    struct Materialized {
        std::vector<Entity> entities;
        std::vector<Relation> relations;
    };
    void index();
    void point_at_adjacency();
    const Materialized& materialized() const;
    struct Lazy;  // name index, type index, incidences, materialized structs, fetched evidence
    std::vector<Entity> entities_;      // the structs of a graph built in memory
    std::vector<Relation> relations_;
    std::shared_ptr<const detail::GraphImage> image_;  // or: the columns of an image-backed graph
    std::size_t vertex_count_ = 0, edge_count_ = 0;
    // incident_[first_[v] .. split_[v]) are v's out-relations, [split_[v] .. first_[v+1]) its in-relations
    std::span<const std::uint64_t> first_;
    std::span<const std::uint64_t> split_;
    std::span<const std::uint32_t> incident_;
    std::vector<std::uint64_t> own_first_, own_split_;  // what the spans show for a graph built in memory
    std::vector<std::uint32_t> own_incident_;
    std::shared_ptr<const EvidenceSource> evidence_source_;
    std::shared_ptr<Lazy> lazy_;
};

}  // namespace kgmill
