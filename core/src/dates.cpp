// dates.cpp — publication dates found in metadata or near the top of a document, as ISO 8601.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "loader_internal.hpp"

namespace kgmill::loader_detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int days_in_month(int y, int m) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return kDays[m - 1];
}

std::string iso(int y, int m, int d) {
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return {};
    char buf[40];  // sized for any int, to keep -Wformat-truncation quiet
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Reads a run of 1..max digits at s[i]; returns its length (0 when none or too long).
std::size_t digits(std::string_view s, std::size_t i, std::size_t max, int& value) {
    std::size_t n = 0;
    value = 0;
    while (i + n < s.size() && is_digit(s[i + n])) {
        if (n == max) return 0;
        value = value * 10 + (s[i + n] - '0');
        ++n;
    }
    return n;
}

bool is_sep(char c) { return c == '/' || c == '-' || c == '.'; }

// Tries "a<sep>b<sep>c" at s[i]; fills the three numbers and their digit counts.
bool triple_at(std::string_view s, std::size_t i, int v[3], std::size_t n[3], std::size_t& end) {
    std::size_t p = i;
    char sep = 0;
    for (int k = 0; k < 3; ++k) {
        n[k] = digits(s, p, 4, v[k]);
        if (n[k] == 0) return false;
        p += n[k];
        if (k < 2) {
            if (p >= s.size() || !is_sep(s[p])) return false;
            if (sep == 0) sep = s[p];
            else if (s[p] != sep) return false;
            ++p;
        }
    }
    end = p;
    return true;
}

}  // namespace

std::string find_numeric_date(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || is_sep(s[i - 1])))) continue;
        int v[3];
        std::size_t n[3];
        std::size_t end = 0;
        if (!triple_at(s, i, v, n, end)) continue;
        if (end < s.size() && (is_digit(s[end]) || (is_sep(s[end]) && end + 1 < s.size() &&
                                                     is_digit(s[end + 1]))))
            continue;  // part of a longer number sequence (a version, an IP address...)
        std::string r;
        if (n[0] == 4 && n[1] <= 2 && n[2] <= 2) {
            r = iso(v[0], v[1], v[2]);  // yyyy-mm-dd
        } else if (n[0] <= 2 && n[1] <= 2 && n[2] == 4) {
            r = (v[1] > 12 && v[0] <= 12) ? iso(v[2], v[0], v[1]) : iso(v[2], v[1], v[0]);
        }
        if (!r.empty()) return r;
    }
    return {};
}

std::string iso_date_from_meta(std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    if (v.size() >= 8) {
        bool all = true;
        for (int k = 0; k < 8; ++k) all = all && is_digit(v[k]);
        if (all && (v.size() == 8 || !is_digit(v[8]))) {  // 20240828
            const auto num = [&](int a, int len) {
                int x = 0;
                for (int k = a; k < a + len; ++k) x = x * 10 + (v[k] - '0');
                return x;
            };
            return iso(num(0, 4), num(4, 2), num(6, 2));
        }
    }
    // "2024-08-28T10:00:00+07:00" and "28/08/2024 10:00": the first date-like pattern.
    return find_numeric_date(v.substr(0, 64));
}

}  // namespace kgmill::loader_detail

namespace kgmill::loader_detail {

std::string find_dateline(const Document& doc) {
    const std::size_t n = std::min<std::size_t>(doc.blocks.size(), 4);
    for (std::size_t k = 0; k < n; ++k) {
        const Block& b = doc.blocks[k];
        if (b.end - b.begin > 80) continue;
        const std::string_view t = std::string_view(doc.text).substr(b.begin, b.end - b.begin);
        if (t.back() == '.') continue;  // a sentence, not a dateline
        std::string d = find_numeric_date(t);
        if (!d.empty()) return d;
    }
    return {};
}

}  // namespace kgmill::loader_detail
