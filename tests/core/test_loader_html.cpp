// HTML loader tests: article text only, blocks, metadata, the seed page 004.
#include <catch2/catch.hpp>

#include <string>

#include "kgmill/core/loader.hpp"
#include "loader_test_util.hpp"

using namespace kgmill;
using kgmill::test::block_text;
using kgmill::test::check_text_contract;

namespace {
Result<Document> load_html(const std::string& html) {
    return load_document_bytes(html, "mem/page.html", "page.html");
}
}  // namespace

TEST_CASE("seed 004 (HTML with a .txt name): clean article text", "[core][loader][html][seeds]") {
    const std::string p = kgmill::test::seed_path("004_de89b6c87ec9c738.txt");
    auto r = load_document(p, "004_de89b6c87ec9c738.txt");
    REQUIRE(r.ok());
    const Document& d = *r;
    check_text_contract(d);
    CHECK(d.format == Format::kHtml);
    CHECK(d.language == "en");
    CHECK(d.title == "VNU and Peking University cooperate in many cutting-edge scientific fields");
    CHECK(d.date == "2024-08-31");
    REQUIRE(d.blocks.size() > 10);
    CHECK(d.blocks[0].kind == Block::Kind::kTitle);
    CHECK(block_text(d, 0) == d.title);
    // Article text is there, with entities decoded and <br> breaking blocks.
    CHECK(d.text.find("Peking University") != std::string::npos);
    CHECK(d.text.find("On August 28, 2024, in Beijing (China), a delegation of VNU led by Director Le Quan") !=
          std::string::npos);
    CHECK(d.text.find("in the world's top 20.") != std::string::npos);
    CHECK(d.text.find("\n\nNext, VNU President Le Quan had a talk with Prof. Hao Ping - Party Secretary, "
                      "Chairman of the Council of Peking University.\n\n") != std::string::npos);
    CHECK(d.text.find("signing specific cooperation agreements in the near future.") != std::string::npos);
    // No scripts, no page furniture.
    for (const char* junk : {"function(", "nv_base_siteurl", "schema.org", "Close page", "Print",
                             "URL of this newsletter", "Click here to remain logged", "Timeout",
                             "contact@ussh.edu.vn", "Humanities - VNU Hanoi", "https://", "body{",
                             "\xC2\xA9" /* © */}) {
        INFO(junk);
        CHECK(d.text.find(junk) == std::string::npos);
    }
}

TEST_CASE("HTML without article text is kNoContent", "[core][loader][html][errors]") {
    auto r = load_html(
        "<!DOCTYPE html><html><head><title>Home</title><script>function(){var a=1;}</script></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<div class='main-menu'><ul><li><a href='/a'>About</a></li><li><a href='/b'>Contact</a></li></ul></div>"
        "<footer>Copyright 2024</footer><script>document.write('x')</script></body></html>");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::kNoContent);
    CHECK(r.error().stage == "load");
    CHECK(r.error().path == "mem/page.html");
    CHECK(r.error().message == "HTML page has no article text");

    auto only_title = load_html("<html><body><h1>Just a heading</h1></body></html>");
    REQUIRE_FALSE(only_title.ok());
    CHECK(only_title.error().code == ErrorCode::kNoContent);
}

TEST_CASE("HTML blocks: block elements break, inline elements do not", "[core][loader][html]") {
    auto r = load_html(
        "<html><head><title>Site - Page</title></head><body><article>"
        "<h1>The  title\n here</h1>"
        "<p>H&agrave;<b>N&#7897;i</b> is <i>nice</i>&nbsp;&nbsp;&amp; old.</p>"
        "<p>Second<br>line</p>"
        "<h2>Partners</h2>"
        "<ul><li>Peking University, a partner since 1999</li><li>Tsinghua University, since 2024</li></ul>"
        "<table><tr><td>Cell A</td><td>Cell B</td></tr></table>"
        "<p>Text <a href='/x'>with a link</a> inside.</p>"
        "</article></body></html>");
    REQUIRE(r.ok());
    const Document& d = *r;
    check_text_contract(d);
    CHECK(d.title == "The title here");  // h1 (no og:title) beats "<title>Site - Page"
    CHECK(d.text ==
          "The title here\n\nHàNội is nice & old.\n\nSecond\n\nline\n\nPartners\n\n"
          "Peking University, a partner since 1999\n\nTsinghua University, since 2024\n\n"
          "Cell A\n\nCell B\n\nText with a link inside.");
    REQUIRE(d.blocks.size() == 10);
    CHECK(d.blocks[0].kind == Block::Kind::kTitle);
    CHECK(d.blocks[1].kind == Block::Kind::kParagraph);
    CHECK(d.blocks[4].kind == Block::Kind::kHeading);
    CHECK(d.blocks[5].kind == Block::Kind::kListItem);
    CHECK(d.blocks[7].kind == Block::Kind::kTableCell);
}

TEST_CASE("HTML: the content element wins over page furniture", "[core][loader][html]") {
    const std::string article_text =
        "Hanoi University of Science and Technology signed a memorandum of understanding with "
        "Samsung Electronics on semiconductor training. The agreement covers scholarships, joint "
        "laboratories and internships for students over the next five years.";
    auto r = load_html(
        "<html><head><meta property='og:title' content='HUST signs MoU with Samsung'>"
        "<meta property='article:published_time' content='2025-04-21T09:30:00+07:00'></head><body>"
        "<div class='box'>Weather in Hanoi today: sunny, 31 degrees, light wind from the east.</div>"
        "<div id='main'><h1>HUST signs MoU with Samsung</h1>"
        "<div class='breadcrumb'><a href='/'>Home</a> &gt; <a href='/n'>News</a></div>"
        "<div class='article-detail'><p>" + article_text + "</p>"
        "<p style='display: none'>Hidden teaser text that nobody sees.</p>"
        "<div class='share-buttons'>Share on Facebook</div>"
        "<ul class='tags-list'><li><a href='/t/1'>semiconductors</a></li><li><a href='/t/2'>Samsung</a></li></ul>"
        "<p>Second paragraph <a href='javascript:void(0)'>Print</a>of the article.</p></div>"
        "<div class='related-news'><ul><li><a href='/r1'>An older story about another university</a></li></ul></div>"
        "<div id='comments'>Great news! -- a reader</div>"
        "</div><aside>Most read: something else entirely</aside></body></html>");
    REQUIRE(r.ok());
    const Document& d = *r;
    check_text_contract(d);
    CHECK(d.title == "HUST signs MoU with Samsung");
    CHECK(d.date == "2025-04-21");
    CHECK(d.text == "HUST signs MoU with Samsung\n\n" + article_text + "\n\nSecond paragraph of the article.");
    CHECK(d.blocks[0].kind == Block::Kind::kTitle);
}

TEST_CASE("HTML: a furniture-looking wrapper that holds the content is kept", "[core][loader][html]") {
    auto r = load_html(
        "<html><body><div class='content-sidebar-wrap'><div class='entry-content'>"
        "<p>The Faculty of Oriental Studies attended a conference in Laos.</p></div>"
        "<div class='sidebar'>Sidebar text</div></div></body></html>");
    REQUIRE(r.ok());
    CHECK(r->text == "The Faculty of Oriental Studies attended a conference in Laos.");
}

TEST_CASE("HTML dates: <time datetime>, JSON-LD, dateline", "[core][loader][html]") {
    auto t = load_html("<html><body><article><time datetime='2024-08-28T10:00'>28 Aug</time>"
                       "<p>Body text of the article.</p></article></body></html>");
    REQUIRE(t.ok());
    CHECK(t->date == "2024-08-28");
    auto j = load_html("<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                       "\"datePublished\": \"2023-05-06T00:00:00Z\"}</script></head>"
                       "<body><p>Body text of the article.</p></body></html>");
    REQUIRE(j.ok());
    CHECK(j->date == "2023-05-06");
    auto none = load_html("<html><body><p>Founded on 12/05/1956, the university grew quickly in the decades after.</p>"
                          "</body></html>");
    REQUIRE(none.ok());
    CHECK(none->date.empty());  // a date inside prose is not a dateline
}

TEST_CASE("HTML: deep nesting does not overflow the stack", "[core][loader][html]") {
    std::string html = "<html><body>";
    for (int i = 0; i < 5000; ++i) html += "<span>";
    html += "deep text";
    html += "</body></html>";
    auto r = load_html(html);
    REQUIRE(r.ok());
    CHECK(r->text == "deep text");
}
