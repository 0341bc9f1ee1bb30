// kgmill/core/triples_json.hpp — the triples JSON Lines contract of ONTOLOGY.md.
#pragma once
#include <iosfwd>
#include <string>
#include <string_view>

#include "kgmill/core/status.hpp"
#include "kgmill/core/triple.hpp"

namespace kgmill {

/// One JSON object (no trailing newline): subject, predicate, object, properties, provenance.
std::string triple_to_json(const Triple& t);

/// Parses one line written by triple_to_json (or by hand in the same shape).
Result<Triple> triple_from_json(std::string_view line);

/// The confidence as triple_to_json writes it (three decimals; 0 when not finite), so a triple
/// kept in memory equals the one read back from JSON.
double round_confidence(double c);

}  // namespace kgmill
