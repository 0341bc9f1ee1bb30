// kgmill/graph/countries.hpp — country names (English and Vietnamese, from ICU's locale
// display names plus common variants) to ISO 3166 alpha-2 codes.
#pragma once
#include <string>
#include <string_view>

namespace kgmill {

/// "Viet Nam", "Việt Nam", "Vietnam" → "VN"; "" when the name is not a country.
std::string country_code(std::string_view name);

/// English display name of an ISO code ("VN" → "Vietnam"); "" when unknown.
std::string country_name(std::string_view code);

}  // namespace kgmill
