// extractors/src/dates.hpp — internal: dates in a sentence, as ISO 8601 (EN and VI forms).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kgmill::ex {

struct DateHit {
    std::uint32_t b = 0;  ///< byte offset in the text given
    std::string iso;      ///< "2025", "2025-04", "2025-04-21", "2024-08-18/2024-08-20"
};

/// Dates found in `s` in text order. `default_year` completes "On November 14" (0: leave out).
std::vector<DateHit> find_dates(std::string_view s, int default_year);

}  // namespace kgmill::ex
