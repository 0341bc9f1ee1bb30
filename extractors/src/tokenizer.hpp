// extractors/src/tokenizer.hpp — internal: byte-span tokens with shape flags and lexicon ids.
//
// Tokens never own text: {b, e} index Document::text. The lexicon id is the id of the token's
// lower-cased form in the compiled Lexicon (-1 when no rule or word list mentions it).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgmill::ex {

class Lexicon;

enum TokFlag : std::uint16_t {
    kWord = 1 << 0,        ///< letters/digits (possibly joined by - / & ' .)
    kNum = 1 << 1,         ///< digits only (with joiners)
    kPunct = 1 << 2,
    kCap = 1 << 3,         ///< first letter upper case
    kAllCaps = 1 << 4,     ///< at least two letters, all upper case
    kLower = 1 << 5,       ///< first letter lower case
    kAbbrev = 1 << 6,      ///< ends with an abbreviation period ("Prof.")
    kPossessive = 1 << 7,  ///< "'s" / "’s"
    kHasDigit = 1 << 8,
    kOpenQuote = 1 << 9,
    kCloseQuote = 1 << 10,
    kViet = 1 << 11,       ///< contains a Vietnamese-only letter
};

struct Token {
    std::uint32_t b = 0;
    std::uint32_t e = 0;
    std::int32_t lex = -1;
    std::uint16_t flags = 0;
    bool is(std::uint16_t f) const { return (flags & f) != 0; }
};

/// Appends the tokens of text[begin, end) to `out`. `scratch` is reused for lower-casing
/// (no allocation per token once it has grown). `lex` may be null (no ids).
void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end, const Lexicon* lex,
              std::string& scratch, std::vector<Token>& out);

}  // namespace kgmill::ex
