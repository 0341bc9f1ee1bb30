// kgmill/extractors/sentences.hpp — sentence splitting with abbreviation lists (EN + VI).
//
// Hand-written rather than ICU's BreakIterator: ICU splits after "Prof.", "PGS." and caps
// throughput near 150 MB/s (shared notes/performance.md).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace kgmill {

struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

/// Sentences of `text` as byte spans, trimmed of surrounding whitespace; never crosses
/// a blank line (block boundary).
std::vector<Span> split_sentences(std::string_view text);

}  // namespace kgmill
