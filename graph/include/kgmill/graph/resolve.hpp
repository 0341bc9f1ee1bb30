// kgmill/graph/resolve.hpp — entity resolution and merging: triples in, KnowledgeGraph out.
//
//   AliasTable aliases;  aliases.load("data/aliases.tsv");
//   KnowledgeGraph g = build_graph(triples, aliases);
//
// Two mentions are one entity when they have the same type and the same match_key()
// (ONTOLOGY.md's scoring key), when an acronym is defined for a name in the text, when an
// acronym equals a name's initials, or when the alias table says so.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/core/status.hpp"
#include "kgmill/core/triple.hpp"
#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill {

/// Groups of names that denote one entity, from tab-separated files users can extend:
///   # comment
///   Type<TAB>Canonical name<TAB>alias<TAB>alias...
class AliasTable {
public:
    /// Adds the groups of one file; errors name the file and line.
    Status load(const std::string& path);
    /// Canonical name and type for a name (any alias, after match_key), or nullptr.
    struct Group {
        EntityType type;
        std::string canonical;
        std::vector<std::string> names;
        std::string country;
    };
    const Group* find(std::string_view name) const;
    /// The same lookup for a key already computed with match_key().
    const Group* find_key(const std::string& key) const;
    const std::vector<Group>& groups() const { return groups_; }

private:
    std::vector<Group> groups_;
    std::map<std::string, std::size_t> by_key_;
};

struct ResolveOptions {
    /// Ids minted earlier (match key of any name → id), so ids stay stable in a growing store.
    std::map<std::string, std::string> known_ids;
};

/// Merges triples (in document order) into a graph. Deterministic: the same triples give
/// the same graph.
KnowledgeGraph build_graph(const std::vector<Triple>& triples, const AliasTable& aliases,
                           const ResolveOptions& opts = {});

/// As above, and names the entity ids each triple's subject and object resolved to
/// (`ends[i]` for `triples[i]`), so statements can be written with canonical names.
KnowledgeGraph build_graph(const std::vector<Triple>& triples, const AliasTable& aliases,
                           const ResolveOptions& opts,
                           std::vector<std::pair<std::string, std::string>>* ends);

/// As above, moving each statement's provenance into the graph's evidence instead of copying
/// it: afterwards the triples' provenance is unspecified (for a caller that is done with them).
KnowledgeGraph build_graph_consuming(std::vector<Triple>& triples, const AliasTable& aliases,
                                     const ResolveOptions& opts,
                                     std::vector<std::pair<std::string, std::string>>* ends);

/// Rewrites each end of `triples` to the canonical name, type and aliases of the entity
/// it resolves to in `g` (the graph built from these triples with `ends`).
void apply_canonical_names(std::vector<Triple>& triples, const KnowledgeGraph& g,
                           const std::vector<std::pair<std::string, std::string>>& ends);

/// The canonical name and aliases of every end of `triples`, after resolution (for
/// `kgmill extract`, which writes canonical names).
void canonicalise_triples(std::vector<Triple>& triples, const AliasTable& aliases);

}  // namespace kgmill
