// tests/extractors/sentences_test.cpp — the sentence splitter as input/expected tables.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kgmill/core/unicode.hpp"
#include "kgmill/extractors/sentences.hpp"

using kgmill::split_sentences;

namespace {
std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    for (const auto& sp : split_sentences(s)) out.push_back(s.substr(sp.begin, sp.end - sp.begin));
    return out;
}
struct Case {
    const char* in;
    std::vector<std::string> out;
};
}  // namespace

TEST_CASE("sentence splitter: English table", "[extractors][en]") {
    const std::vector<Case> cases = {
        {"", {}},
        {"   \n\n  \t ", {}},
        {"One sentence.", {"One sentence."}},
        {"No final stop", {"No final stop"}},
        {"First one. Second one.", {"First one.", "Second one."}},
        {"Is it? Yes! Done.", {"Is it?", "Yes!", "Done."}},
        {"Prof. Tran Van An spoke. He left.", {"Prof. Tran Van An spoke.", "He left."}},
        {"Dr. Kim met Assoc. Prof. Lee today.", {"Dr. Kim met Assoc. Prof. Lee today."}},
        {"Assoc.Prof. Dr. Hoang Minh attended.", {"Assoc.Prof. Dr. Hoang Minh attended."}},
        {"Fields, e.g. Physics and Law, grew.", {"Fields, e.g. Physics and Law, grew."}},
        {"It opened on Jan. 5 and closed. Then it reopened.", {"It opened on Jan. 5 and closed.", "Then it reopened."}},
        {"They signed with A. L. Smith Ltd. on Monday.", {"They signed with A. L. Smith Ltd. on Monday."}},
        {"Labs, offices, etc. Next sentence.", {"Labs, offices, etc.", "Next sentence."}},
        {"He said \"we agree.\" Then he left.", {"He said \"we agree.\"", "Then he left."}},
        {"Rates rose 2.5 percent in 2024. Good.", {"Rates rose 2.5 percent in 2024.", "Good."}},
        {"Block one\n\nBlock two", {"Block one", "Block two"}},
        {"A heading\nThe paragraph starts here.", {"A heading", "The paragraph starts here."}},
        {"a line that is\nwrapped in the middle.", {"a line that is\nwrapped in the middle."}},
        {"  Leading and trailing spaces.   ", {"Leading and trailing spaces."}},
        {"Tabs\tinside.\r\nWindows line end.", {"Tabs\tinside.", "Windows line end."}},
        {"Ends with ellipsis… Next one.", {"Ends with ellipsis…", "Next one."}},
        {"Full-width stop。Not split without a space.", {"Full-width stop。Not split without a space."}},
        {"two  spaces.  Next.", {"two  spaces.", "Next."}},
        {"lower case after a stop. continues here.", {"lower case after a stop. continues here."}},
    };
    for (const auto& c : cases) {
        INFO("input: " << c.in);
        CHECK(split(c.in) == c.out);
    }
}

TEST_CASE("sentence splitter: Vietnamese table", "[extractors][vi]") {
    const std::vector<Case> cases = {
        {"GS. Nguyễn Văn A phát biểu. Hội thảo kết thúc.", {"GS. Nguyễn Văn A phát biểu.", "Hội thảo kết thúc."}},
        {"PGS.TS. Trần Thị B là Hiệu trưởng.", {"PGS.TS. Trần Thị B là Hiệu trưởng."}},
        {"TS. Lê C và ThS. Phạm D tham dự.", {"TS. Lê C và ThS. Phạm D tham dự."}},
        {"Năm 2025 thành công. Đại học X ký kết.", {"Năm 2025 thành công.", "Đại học X ký kết."}},
        {"Trường ký thỏa thuận. Ủy ban đồng ý.", {"Trường ký thỏa thuận.", "Ủy ban đồng ý."}},
        {"Đoạn một\n\nĐoạn hai.", {"Đoạn một", "Đoạn hai."}},
    };
    for (const auto& c : cases) {
        INFO("input: " << c.in);
        CHECK(split(c.in) == c.out);
    }
}

TEST_CASE("sentence splitter: NFD text splits like NFC text", "[extractors][vi]") {
    // NFD: base letters followed by combining marks (as some PDF and macOS text arrives)
    const std::string nfc = "Hội thảo kết thúc. Ủy ban đồng ý. Đại học Quốc gia tham dự.";
    const std::string nfd = "Ho\xcc\xa3\xcc\x82i tha\xcc\x89o ke\xcc\x82\xcc\x81t thu\xcc\x81" "c. U\xcc\x89y ban \xc4\x91o\xcc\x82\xcc\x80ng y\xcc\x81. \xc4\x90" "a\xcc\xa3i ho\xcc\xa3" "c Quo\xcc\x82\xcc\x81" "c gia tham du\xcc\x9b\xcc\xa3.";
    REQUIRE(kgmill::to_nfc(nfd) == nfc);
    auto a = split(nfc);
    auto b = split(nfd);
    REQUIRE(a.size() == 3);
    REQUIRE(b.size() == 3);
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(kgmill::to_nfc(b[i]) == a[i]);
}

TEST_CASE("sentence splitter: spans are trimmed and inside the text", "[extractors][en]") {
    const std::string t = "  One.  Two?\n\n Three!  ";
    for (const auto& sp : split_sentences(t)) {
        REQUIRE(sp.begin < sp.end);
        REQUIRE(sp.end <= t.size());
        CHECK(t[sp.begin] != ' ');
        CHECK(t[sp.end - 1] != ' ');
    }
    CHECK(split_sentences(t).size() == 3);
}
