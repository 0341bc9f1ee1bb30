// graph/src/graph_image.hpp — a graph's columns as one flat byte image (internal).
//
// The store keeps the image as its snapshot BLOB and beside the database as `kg.sqlite-graph`,
// which `load_graph` memory-maps: a query then reads only the pages it touches, so opening a
// graph of millions of relations costs a few system calls instead of building every struct
// (on this kind of machine each fresh 4 KiB page costs ~14 µs to fault in: building 1 GB of
// structs took ~1.5 s at 1M entities / 5M relations).
//
// Layout (little-endian, every section 8-byte aligned):
//   Header (magic "KGIMG003", token, total size, n, m, section table)
//   columns of entities, relations, their adjacency (CSR + Incidence) and lookup indexes;
//   see Section. Heaps are addressed by u32 offsets (an image is < 4 GiB).
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill::detail {

enum class Section : std::uint32_t {
    kEntityType,      ///< u8[n]
    kIdOffset,        ///< u32[n+1] into kIdHeap (ids ascending: the canonical order)
    kIdHeap,
    kNameOffset,      ///< u32[n+1] into kNameHeap
    kNameHeap,
    kCountryOffset,   ///< u32[n+1] into kCountryHeap
    kCountryHeap,
    kAliasFirst,      ///< u32[n+1] into kAliasOffset (entity v's aliases are [first[v], first[v+1]))
    kAliasOffset,     ///< u32[a+1] into kAliasHeap
    kAliasHeap,
    kRelSource,       ///< u32[m]
    kRelTarget,       ///< u32[m]
    kRelType,         ///< u8[m]
    kRelSymmetric,    ///< u8[m]
    kRelWeight,       ///< u32[m]: evidence count
    kPropOffset,      ///< u32[m+1] into kPropHeap: "key=value\n" lines
    kPropHeap,
    kPropKeys,        ///< every distinct property key, sorted, each followed by '\n'
    kAdjFirst,        ///< u64[n+1]: CSR offsets (out- then in-relations of each vertex)
    kAdjSplit,        ///< u64[n]: where v's in-relations start
    kAdjRelation,     ///< u32[2m]: relation indices in CSR order
    kAdjIncidence,    ///< Incidence[2m]: the same, as traversals read them
    kTypeFirst,       ///< u32[kEntityTypeCount+1] into kTypeVertices
    kTypeVertices,    ///< u32[n]: vertices grouped by type, ascending within a type
    kNameKeys,        ///< NameKey[k]: (hash of match_key(name or alias), vertex), sorted
    kCount
};

/// A name-index entry: one (name or alias, vertex) pair.
struct NameKey {
    std::uint64_t hash;     ///< name_key_hash(match_key(text))
    VertexId vertex;
    std::uint32_t alias;    ///< 0: the canonical name; else 1 + the alias's index
};
static_assert(sizeof(NameKey) == 16);

/// Relation properties as the store keeps them: "key=value" lines (a newline in a value
/// becomes a space).
template <class Props>
std::string encode_properties(const Props& props) {
    std::string s;
    for (const auto& [k, v] : props) {
        s += k;
        s += '=';
        for (char c : v) s += (c == '\n' ? ' ' : c);
        s += '\n';
    }
    return s;
}

/// Calls f(key, value) for each line of encode_properties' text; f returns false to stop.
template <class F>
void for_each_property(std::string_view s, F&& f) {
    while (!s.empty()) {
        const auto nl = s.find('\n');
        const auto line = s.substr(0, nl);
        const auto eq = line.find('=');
        if (eq != std::string_view::npos && !f(line.substr(0, eq), line.substr(eq + 1))) return;
        if (nl == std::string_view::npos) return;
        s.remove_prefix(nl + 1);
    }
}

/// FNV-1a over the bytes of a match key (stable across platforms and runs).
std::uint64_t name_key_hash(std::string_view key);

class GraphImage {
public:
    /// The image of a graph (deterministic: same graph, same bytes). Empty when the graph is
    /// too large for u32 heap offsets.
    static std::string encode(const KnowledgeGraph& g);
    /// Checks the header and the section table against `size` (O(1): contents are trusted,
    /// they were written by encode and tied to the store by the token). `owner` keeps the
    /// bytes alive (a mapping or a buffer). Returns the reason on failure.
    static std::shared_ptr<const GraphImage> open(std::shared_ptr<const void> owner, const unsigned char* data,
                                                  std::size_t size, std::string* why);
    /// Recomputes the content token (reads every byte): false when the image is damaged.
    bool verify() const;
    /// Maps `path` read-only and opens it; null (with the reason) when missing or invalid.
    static std::shared_ptr<const GraphImage> map_file(const std::string& path, std::string* why);
    /// The header bytes that identify an image (magic, token, size, counts): two images with
    /// equal headers are the same image.
    static constexpr std::size_t kHeaderIdentityBytes = 32;
    static std::optional<std::string> header_identity(const unsigned char* data, std::size_t size);

    std::size_t vertex_count() const { return n_; }
    std::size_t edge_count() const { return m_; }
    std::size_t byte_size() const { return size_; }
    /// This image's header identity (see header_identity).
    std::string_view identity() const { return {reinterpret_cast<const char*>(data_), kHeaderIdentityBytes}; }

    EntityType entity_type(VertexId v) const { return static_cast<EntityType>(ent_type_[v]); }
    std::string_view entity_id(VertexId v) const { return heap_str(id_off_, id_heap_, v); }
    std::string_view entity_name(VertexId v) const { return heap_str(name_off_, name_heap_, v); }
    std::string_view entity_country(VertexId v) const { return heap_str(country_off_, country_heap_, v); }
    std::uint32_t alias_count(VertexId v) const { return alias_first_[v + 1] - alias_first_[v]; }
    std::string_view alias(VertexId v, std::uint32_t i) const { return heap_str(alias_off_, alias_heap_, alias_first_[v] + i); }
    VertexId relation_source(std::uint32_t r) const { return rel_source_[r]; }
    VertexId relation_target(std::uint32_t r) const { return rel_target_[r]; }
    RelationType relation_type(std::uint32_t r) const { return static_cast<RelationType>(rel_type_[r]); }
    bool relation_symmetric(std::uint32_t r) const { return rel_sym_[r] != 0; }
    std::uint32_t relation_weight(std::uint32_t r) const { return rel_weight_[r]; }
    std::string_view relation_props(std::uint32_t r) const { return heap_str(prop_off_, prop_heap_, r); }
    std::string_view property_keys() const { return prop_keys_; }
    std::span<const std::uint64_t> adj_first() const { return adj_first_; }
    std::span<const std::uint64_t> adj_split() const { return adj_split_; }
    std::span<const std::uint32_t> adj_relation() const { return adj_rel_; }
    std::span<const Incidence> incidences() const { return incidences_; }
    std::span<const VertexId> vertices_of_type(EntityType t) const {
        const auto i = static_cast<std::size_t>(t);
        return type_vertices_.subspan(type_first_[i], type_first_[i + 1] - type_first_[i]);
    }
    std::span<const NameKey> name_keys() const { return name_keys_; }

private:
    static std::string_view heap_str(std::span<const std::uint32_t> off, std::string_view heap, std::size_t i) {
        return heap.substr(off[i], off[i + 1] - off[i]);
    }
    std::shared_ptr<const void> owner_;
    const unsigned char* data_ = nullptr;
    std::size_t size_ = 0, n_ = 0, m_ = 0;
    std::span<const std::uint8_t> ent_type_, rel_type_, rel_sym_;
    std::span<const std::uint32_t> id_off_, name_off_, country_off_, alias_first_, alias_off_;
    std::string_view id_heap_, name_heap_, country_heap_, alias_heap_, prop_heap_, prop_keys_;
    std::span<const std::uint32_t> rel_source_, rel_target_, rel_weight_, prop_off_;
    std::span<const std::uint64_t> adj_first_, adj_split_;
    std::span<const std::uint32_t> adj_rel_, type_first_, type_vertices_;
    std::span<const Incidence> incidences_;
    std::span<const NameKey> name_keys_;
};

}  // namespace kgmill::detail
