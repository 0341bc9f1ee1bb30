// Runs every tests/queries/*.test file against the fixture graph.
//
// Format (after Kùzu's test files): lines starting with '#' are comments.
//   -CASE name          starts a case
//   -PARAM name=value   a parameter (value as for --param)
//   -CHECK_ORDER        compare rows in order (otherwise both sides are sorted)
//   -QUERY text         the query; it may continue on the following lines
//   ---- N              N expected rows follow, one per line, cells joined with '|'
//                       (cells as the table format shows them)
//   ---- error          the expected error text follows, up to the next -CASE or the end
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/query/query_test_util.hpp"

using namespace kgmill;
using namespace kgmill::testing;

namespace {

struct Case {
    std::string file, name, query;
    int line = 0;
    query::Params params;
    bool ordered = false, expect_error = false;
    std::vector<std::string> expected;
};

std::string trim_right(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\n' || s.back() == '\t')) s.pop_back();
    return s;
}

std::vector<Case> read_cases(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<Case> out;
    std::string line;
    int n = 0;
    enum { kNone, kQuery, kRows, kError } mode = kNone;
    std::size_t want = 0;
    while (std::getline(in, line)) {
        ++n;
        line = trim_right(line);
        if (mode == kRows && want > 0) {
            out.back().expected.push_back(line);
            if (--want == 0) mode = kNone;
            continue;
        }
        if (mode == kError && line.rfind("-CASE", 0) != 0) {
            out.back().expected.push_back(line);
            continue;
        }
        if (line.empty() || line[0] == '#') {
            if (mode == kQuery && !line.empty()) continue;
            continue;
        }
        if (line.rfind("-CASE", 0) == 0) {
            if (mode == kError)
                while (!out.back().expected.empty() && out.back().expected.back().empty()) out.back().expected.pop_back();
            Case c;
            c.file = path.filename().string();
            c.name = trim_right(line.substr(5));
            c.name.erase(0, c.name.find_first_not_of(' '));
            c.line = n;
            out.push_back(std::move(c));
            mode = kNone;
        } else if (line.rfind("-PARAM", 0) == 0) {
            std::string p = line.substr(7);
            auto eq = p.find('=');
            out.back().params[p.substr(0, eq)] = query::parse_param_value(p.substr(eq + 1));
        } else if (line == "-CHECK_ORDER") {
            out.back().ordered = true;
        } else if (line.rfind("-QUERY", 0) == 0) {
            out.back().query = line.substr(7);
            mode = kQuery;
        } else if (line.rfind("----", 0) == 0) {
            std::string what = line.substr(5);
            if (what == "error") {
                out.back().expect_error = true;
                mode = kError;
            } else {
                want = std::stoul(what);
                mode = want ? kRows : kNone;
            }
        } else if (mode == kQuery) {
            out.back().query += "\n" + line;
        } else {
            FAIL(path.string() << ":" << n << ": unexpected line: " << line);
        }
    }
    if (mode == kError)
        while (!out.back().expected.empty() && out.back().expected.back().empty()) out.back().expected.pop_back();
    return out;
}

}  // namespace

TEST_CASE("data-driven query files (tests/queries/*.test)", "[graph][query]") {
    std::filesystem::path dir = std::filesystem::path(KGMILL_SOURCE_DIR) / "tests" / "queries";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".test") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(!files.empty());
    std::size_t cases = 0;
    for (const auto& f : files) {
        for (const Case& c : read_cases(f)) {
            ++cases;
            INFO(c.file << ":" << c.line << " " << c.name << "\n" << c.query);
            query::QueryResult r = tiny_engine().run(c.query, c.params);
            if (c.expect_error) {
                std::string want;
                for (std::size_t i = 0; i < c.expected.size(); ++i) want += (i ? "\n" : "") + c.expected[i];
                CHECK(!r.ok());
                if (!r.ok()) CHECK(r.error->to_string() == want);
                continue;
            }
            if (!r.ok()) {
                FAIL_CHECK(r.error->to_string());
                continue;
            }
            std::vector<std::string> got;
            for (const auto& row : r.rows) got.push_back(render_row(tiny_kg(), row));
            std::vector<std::string> want = c.expected;
            if (!c.ordered) {
                std::sort(got.begin(), got.end());
                std::sort(want.begin(), want.end());
            }
            CHECK(got == want);
        }
    }
    CHECK(cases >= 40);
}
