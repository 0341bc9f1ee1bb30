// tests/graph/query/tiny_kg.hpp — a small hand-built bilingual KnowledgeGraph shared by the
// query and algorithm tests: 23 entities (English and Vietnamese names and aliases), 25
// relations of every type, symmetric and directed, with provenance.
#pragma once
#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill::testing {

/// The fixture graph (built once).
const KnowledgeGraph& tiny_kg();

}  // namespace kgmill::testing
