// extractors/src/abbrev.hpp — internal: abbreviations that keep their period (EN + VI).
#pragma once
#include <string_view>

namespace kgmill::ex {

enum class AbbrevKind { kNone, kInner, kMayEnd };

/// `word` lower-case ASCII without the final period ("prof", "e.g", "pgs").
/// kInner: never ends a sentence (titles, "e.g.", months); kMayEnd: ends one when the next
/// word is capitalised ("etc.", "Ltd.").
AbbrevKind abbrev_kind(std::string_view word);

}  // namespace kgmill::ex
