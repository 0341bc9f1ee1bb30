// extractors/src/dates.cpp — date expressions with RE2 (compiled once, shared by threads).
#include "dates.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>

namespace kgmill::ex {
namespace {

int month_num(std::string_view m) {
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (m.size() < 3) return 0;
    char b[3] = {static_cast<char>(m[0] | 0x20), static_cast<char>(m[1] | 0x20), static_cast<char>(m[2] | 0x20)};
    for (int i = 0; i < 12; ++i)
        if (b[0] == names[i][0] && b[1] == names[i][1] && b[2] == names[i][2]) return i + 1;
    return 0;
}

std::string ymd(int y, int m, int d) {
    char buf[48];
    if (d > 0) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else if (m > 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    else std::snprintf(buf, sizeof buf, "%04d", y);
    return buf;
}

#define MONTHS "(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)"

struct Patterns {
    // August 28, 2024 / August 18-20, 2024 / November 14 (no year)
    RE2 mdy{MONTHS "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?(?:,?\\s+(\\d{4}))?\\b"};
    RE2 dmy{"\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" MONTHS ",?\\s+(\\d{4})\\b"};
    RE2 my{MONTHS ",?\\s+(\\d{4})\\b"};
    RE2 num_dmy{"\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b"};
    RE2 num_my{"\\b(\\d{1,2})/(\\d{4})\\b"};
    RE2 vi_dmy{"(?i)ngày\\s+(\\d{1,2})(?:\\s+tháng\\s+|/)(\\d{1,2})(?:\\s+năm\\s+|/)(\\d{4})"};
    RE2 vi_my{"(?i)tháng\\s+(\\d{1,2})(?:\\s+năm\\s+|/)(\\d{4})"};
    RE2 year{"(?i)\\b(?:in|since|during|năm|from|of|by)\\s+(\\d{4})\\b"};
};

const Patterns& pats() {
    static const Patterns p;
    return p;
}

}  // namespace

std::vector<DateHit> find_dates(std::string_view s, int default_year) {
    std::vector<DateHit> out;
    const Patterns& P = pats();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> taken;
    auto overlaps = [&](std::uint32_t b, std::uint32_t e) {
        for (auto& [x, y] : taken)
            if (b < y && x < e) return true;
        return false;
    };
    auto scan = [&](const RE2& re, int ngroups, auto&& make) {
        re2::StringPiece in(s.data(), s.size());
        re2::StringPiece g[6];
        std::size_t pos = 0;
        while (pos <= s.size() && re.Match(in, pos, s.size(), RE2::UNANCHORED, g, ngroups + 1)) {
            auto b = static_cast<std::uint32_t>(g[0].data() - s.data());
            auto e = static_cast<std::uint32_t>(b + g[0].size());
            if (!overlaps(b, e)) {
                std::string iso = make(g);
                if (!iso.empty()) {
                    out.push_back({b, iso});
                    taken.push_back({b, e});
                }
            }
            pos = e > pos ? e : pos + 1;
        }
    };
    auto num = [](const re2::StringPiece& p) { return p.empty() ? 0 : std::atoi(std::string(p.data(), p.size()).c_str()); };
    scan(P.vi_dmy, 3, [&](re2::StringPiece* g) { return ymd(num(g[3]), num(g[2]), num(g[1])); });
    scan(P.vi_my, 2, [&](re2::StringPiece* g) { return ymd(num(g[2]), num(g[1]), 0); });
    scan(P.dmy, 3, [&](re2::StringPiece* g) { return ymd(num(g[3]), month_num({g[2].data(), g[2].size()}), num(g[1])); });
    scan(P.mdy, 4, [&](re2::StringPiece* g) -> std::string {
        int m = month_num({g[1].data(), g[1].size()});
        int y = g[4].empty() ? default_year : num(g[4]);
        int d = num(g[2]);
        if (y <= 0 || d < 1 || d > 31) return "";
        if (!g[3].empty()) return ymd(y, m, d) + "/" + ymd(y, m, num(g[3]));
        return ymd(y, m, d);
    });
    scan(P.my, 2, [&](re2::StringPiece* g) { return ymd(num(g[2]), month_num({g[1].data(), g[1].size()}), 0); });
    scan(P.num_dmy, 3, [&](re2::StringPiece* g) -> std::string {
        int d = num(g[1]), m = num(g[2]);
        if (m < 1 || m > 12 || d < 1 || d > 31) return "";
        return ymd(num(g[3]), m, d);
    });
    scan(P.num_my, 2, [&](re2::StringPiece* g) -> std::string {
        int m = num(g[1]);
        if (m < 1 || m > 12) return "";
        return ymd(num(g[2]), m, 0);
    });
    scan(P.year, 1, [&](re2::StringPiece* g) -> std::string {
        int y = num(g[1]);
        if (y < 1900 || y > 2100) return "";
        return ymd(y, 0, 0);
    });
    std::sort(out.begin(), out.end(), [](const DateHit& a, const DateHit& b) { return a.b < b.b; });
    return out;
}

}  // namespace kgmill::ex
