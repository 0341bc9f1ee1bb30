// kgmill/core/unicode.hpp — the Unicode operations kgmill needs (ICU underneath).
#pragma once
#include <string>
#include <string_view>

namespace kgmill {

/// NFC form of UTF-8 text (quick check first: already-NFC text costs one scan).
std::string to_nfc(std::string_view utf8);

/// True when `s` is well-formed UTF-8; `bad_offset` receives the first bad byte.
bool is_valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr);

/// Removes diacritics and maps đ/Đ to d/D ("Hà Nội" → "Ha Noi"); keeps case.
std::string strip_diacritics(std::string_view utf8);

/// The matching key of ONTOLOGY.md's scoring: NFC, case fold, diacritics removed (đ→d),
/// a leading "the" dropped, everything but letters and digits removed.
/// "Viet Nam National University, Ha Noi" → "vietnamnationaluniversityhanoi".
std::string match_key(std::string_view name);

/// Lower-cased (full Unicode case folding) UTF-8.
std::string fold_case(std::string_view utf8);

/// "vi" when Vietnamese-specific letters (ă â đ ê ô ơ ư ĩ ũ, tone-marked vowels U+1EA0..U+1EF9,
/// or their NFD combining marks) are at least 3 % of the letters, "en" otherwise, "" when the
/// text has no letters. Cheap (one byte scan, no ICU); safe per paragraph. (core/src/language.cpp)
std::string detect_language(std::string_view utf8);

}  // namespace kgmill
