// Loader tests: format detection, the encoding matrix, normalisation, errors, sources.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "kgmill/core/loader.hpp"
#include "kgmill/core/unicode.hpp"
#include "loader_test_util.hpp"

using namespace kgmill;
using kgmill::test::block_text;
using kgmill::test::check_text_contract;

namespace {

Result<Document> load(std::string_view bytes, const LoaderOptions& opts = {}) {
    return load_document_bytes(bytes, "mem/doc.txt", "doc.txt", opts);
}

// UTF-16 bytes (with BOM) of a UTF-16 string.
std::string utf16_bytes(std::u16string_view s, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (const char16_t c : s) {
        const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
        out.push_back(little_endian ? lo : hi);
        out.push_back(little_endian ? hi : lo);
    }
    return out;
}

}  // namespace

TEST_CASE("detect_format looks at the content, not the name", "[core][loader]") {
    struct Case { std::string bytes; Format want; };
    const std::vector<Case> cases = {
        {"<!DOCTYPE html><html><body>x</body></html>", Format::kHtml},
        {"  \n\t<!doctype HTML>\n<html>", Format::kHtml},
        {"<!DOCTYPE  html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", Format::kHtml},
        {"<html lang=\"vi\">", Format::kHtml},
        {"<HTML>", Format::kHtml},
        {"<head><title>x</title></head>", Format::kHtml},
        {"<body class=\"a\">text</body>", Format::kHtml},
        {"\xEF\xBB\xBF<html>", Format::kHtml},
        {"<!-- saved from url --><html>", Format::kHtml},
        {"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", Format::kHtml},
        {"<!DOCTYPE svg>", Format::kText},
        {"<htmlfoo>", Format::kText},
        {"Hello <html> in a sentence", Format::kText},
        {"%PDF-1.4\n%...", Format::kPdf},
        {"\n%PDF-1.7", Format::kPdf},
        {std::string("PK\x03\x04\x14\x00", 6) + "word/document.xml", Format::kDocx},
        {std::string("PK\x03\x04\x14\x00", 6) + "mimetypeapplication/epub+zip", Format::kUnknown},
        {"Plain text, Hà Nội.", Format::kText},
        {utf16_bytes(u"<!DOCTYPE html><p>x</p>", true), Format::kHtml},
        {utf16_bytes(u"<html><p>x</p>", false), Format::kHtml},
        {utf16_bytes(u"Hà Nội", true), Format::kText},
    };
    for (const Case& c : cases) {
        INFO(c.bytes);
        CHECK(detect_format(c.bytes) == c.want);
    }
    CHECK(std::string(format_name(Format::kHtml)) == "html");
    CHECK(std::string(format_name(Format::kDocx)) == "docx");
}

TEST_CASE("plain text: one block per line, whitespace folded, offsets exact", "[core][loader]") {
    const std::string in =
        "  Title line  \r\n\r\n"
        "First\tparagraph   with\xC2\xA0nbsp\xE2\x80\x83" "em space.\r"
        "Second line after a lone CR.\n"
        "\n\n\n"
        "\xE2\x80\x8BThird\x07 has a zero-width space and a bell.\n"
        "   \t  \n"
        "Last line without newline.";
    auto r = load(in);
    REQUIRE(r.ok());
    const Document& d = *r;
    check_text_contract(d);
    CHECK(d.format == Format::kText);
    CHECK(d.text ==
          "Title line\n\n"
          "First paragraph with nbsp em space.\n\n"
          "Second line after a lone CR.\n\n"
          "Third has a zero-width space and a bell.\n\n"
          "Last line without newline.");
    REQUIRE(d.blocks.size() == 5);
    CHECK(d.blocks[0].kind == Block::Kind::kTitle);
    CHECK(d.title == "Title line");
    CHECK(d.blocks[1].kind == Block::Kind::kParagraph);
    CHECK(d.id == "doc.txt");
    CHECK(d.path == "mem/doc.txt");
    CHECK(d.language == "en");
}

TEST_CASE("plain text keeps duplicate paragraphs (offsets must match the file)", "[core][loader]") {
    auto r = load("Caption of the photo.\nCaption of the photo.\nBody text here.");
    REQUIRE(r.ok());
    REQUIRE(r->blocks.size() == 3);
    CHECK(block_text(*r, 0) == block_text(*r, 1));
}

TEST_CASE("a first line that ends like a sentence is not a title", "[core][loader]") {
    auto r = load("This is a sentence.\nAnother one.");
    REQUIRE(r.ok());
    CHECK(r->blocks[0].kind == Block::Kind::kParagraph);
    CHECK(r->title.empty());
}

TEST_CASE("dateline near the top gives the document date", "[core][loader]") {
    auto r = load("A headline\n\nSaturday - 15/11/2025 04:15\nOn November 14, 2024 something happened.");
    REQUIRE(r.ok());
    CHECK(r->date == "2025-11-15");
    auto none = load("A headline\nVersion 1.2.3 was released on 99/99/2024.");
    REQUIRE(none.ok());
    CHECK(none->date.empty());
}

TEST_CASE("encoding matrix: UTF-8, BOM, UTF-16 LE/BE, windows-1258", "[core][loader][encoding]") {
    const std::string want = "Đại học Quốc gia Hà Nội\n\nHợp tác quốc tế";
    const std::u16string u16 = u"Đại học Quốc gia Hà Nội\r\nHợp tác quốc tế\r\n";

    SECTION("UTF-8 without BOM") {
        auto r = load("Đại học Quốc gia Hà Nội\nHợp tác quốc tế\n");
        REQUIRE(r.ok());
        CHECK(r->text == want);
        CHECK(r->language == "vi");
    }
    SECTION("UTF-8 with BOM: BOM stripped") {
        auto r = load("\xEF\xBB\xBF" "Đại học Quốc gia Hà Nội\nHợp tác quốc tế\n");
        REQUIRE(r.ok());
        CHECK(r->text == want);
        CHECK(r->blocks[0].begin == 0);
    }
    SECTION("UTF-16LE with BOM") {
        auto r = load(utf16_bytes(u16, true));
        REQUIRE(r.ok());
        CHECK(r->text == want);
    }
    SECTION("UTF-16BE with BOM") {
        auto r = load(utf16_bytes(u16, false));
        REQUIRE(r.ok());
        CHECK(r->text == want);
    }
    SECTION("UTF-16 HTML with BOM is HTML") {
        auto r = load(utf16_bytes(u"<html><body><p>Hà Nội</p><p>Huế</p></body></html>", true));
        REQUIRE(r.ok());
        CHECK(r->format == Format::kHtml);
        CHECK(r->text == "Hà Nội\n\nHuế");
    }
    SECTION("windows-1258 named with --encoding, combining tones composed to NFC") {
        // windows-1258 writes tones as combining marks: 0xCC = U+0300 grave, 0xF2 = U+0323
        // dot below, 0xD0 = Đ, 0xF4 = ô.
        const std::string cp1258 = "\xD0" "a\xF2i ho\xF2" "c H" "a\xCC" " N\xF4\xF2i";
        LoaderOptions opts;
        opts.encoding = "windows-1258";
        auto r = load(cp1258, opts);
        REQUIRE(r.ok());
        CHECK(r->text == "Đại học Hà Nội");
        // Without --encoding the same bytes are invalid UTF-8.
        auto bad = load(cp1258);
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == ErrorCode::kEncoding);
        CHECK(bad.error().byte == 0);
    }
    SECTION("latin1 named with --encoding") {
        LoaderOptions opts;
        opts.encoding = "latin1";
        auto r = load("Universit\xE9 de Li\xE8ge", opts);
        REQUIRE(r.ok());
        CHECK(r->text == "Université de Liège");
    }
    SECTION("a BOM wins over --encoding") {
        LoaderOptions opts;
        opts.encoding = "windows-1258";
        auto r = load("\xEF\xBB\xBFHà Nội", opts);
        REQUIRE(r.ok());
        CHECK(r->text == "Hà Nội");
    }
    SECTION("an unknown encoding name is a usage error") {
        LoaderOptions opts;
        opts.encoding = "no-such-charset-42";
        auto r = load("abc", opts);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kUsage);
        CHECK(r.error().message == "unknown encoding 'no-such-charset-42' (not an ICU converter name)");
    }
    SECTION("UTF-16 with an unpaired surrogate") {
        std::string b = utf16_bytes(u"ab", true);
        b += std::string("\x00\xD8", 2);  // lone high surrogate, then 'c'
        b += std::string("c\x00", 2);
        auto r = load(b);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kEncoding);
        CHECK(r.error().message.find("UTF-16LE") != std::string::npos);
    }
}

TEST_CASE("NFD Vietnamese input comes out NFC", "[core][loader][encoding]") {
    // "Hà Nội" decomposed: a + U+0300, o + U+0323 + U+0302.
    const std::string nfd = "Ha\xCC\x80 No\xCC\xA3\xCC\x82i, \xC4\x90" "a\xCC\xA3i ho\xCC\xA3" "c";
    REQUIRE(to_nfc(nfd) != nfd);
    auto r = load(nfd);
    REQUIRE(r.ok());
    CHECK(r->text == "Hà Nội, Đại học");
    check_text_contract(*r);
    CHECK(r->language == "vi");
}

TEST_CASE("load errors name the file, the reason and the byte", "[core][loader][errors]") {
    const auto dir = kgmill::test::scratch_dir("loader_errors");

    SECTION("invalid UTF-8") {
        const auto p = (dir / "bad.txt").string();
        kgmill::test::write_file(p, "abc\xC3(def");
        auto r = load_document(p, "bad.txt");
        REQUIRE_FALSE(r.ok());
        const Error& e = r.error();
        CHECK(e.code == ErrorCode::kEncoding);
        CHECK(e.stage == "load");
        CHECK(e.path == p);
        CHECK(e.byte == 3);
        CHECK(e.message == "invalid UTF-8 at byte 3; name the encoding with --encoding");
        CHECK(e.to_string().find(p) != std::string::npos);
    }
    SECTION("invalid UTF-8 after a BOM counts the BOM") {
        auto r = load("\xEF\xBB\xBFok \xFF");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().byte == 6);
        CHECK(r.error().message == "invalid UTF-8 at byte 6; name the encoding with --encoding");
    }
    SECTION("overlong and surrogate encodings are invalid") {
        CHECK(load("a\xC0\xAF").error().code == ErrorCode::kEncoding);
        CHECK(load("a\xED\xA0\x80").error().code == ErrorCode::kEncoding);
        CHECK(load("truncated \xE1\xBA").error().code == ErrorCode::kEncoding);
    }
    SECTION("missing file") {
        const auto p = (dir / "nope.txt").string();
        auto r = load_document(p, "nope.txt");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kNotFound);
        CHECK(r.error().path == p);
        CHECK(r.error().message == "no such file or directory");
    }
    SECTION("empty file") {
        const auto p = (dir / "empty.txt").string();
        kgmill::test::write_file(p, "");
        auto r = load_document(p, "empty.txt");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kEmpty);
        CHECK(r.error().message == "empty file");
    }
    SECTION("whitespace only (ASCII, NBSP, BOM)") {
        for (std::string ws : {std::string(" \n\t\r\n  "), std::string("\xC2\xA0\n\xE3\x80\x80"),
                               std::string("\xEF\xBB\xBF")}) {
            auto r = load(ws);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == ErrorCode::kEmpty);
        }
    }
    SECTION("binary: NUL bytes") {
        auto r = load(std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", 16));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kBinary);
        CHECK(r.error().message == "binary file");
    }
    SECTION("binary: mostly control characters") {
        std::string b;
        for (int i = 0; i < 200; ++i) b += (i % 3 ? "\x01\x02" : "ab");
        auto r = load(b);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kBinary);
    }
    SECTION("binary: legacy .doc / encrypted Office file") {
        auto r = load(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", 10));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kBinary);
        CHECK(r.error().message.rfind("binary file (OLE", 0) == 0);
    }
    SECTION("binary: a ZIP that is not a DOCX") {
        auto r = load(std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "content.xml");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kBinary);
    }
    SECTION("a directory is not a document") {
        auto r = load_document(dir.string(), "x");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::kIo);
    }
}

TEST_CASE("content_hash is a stable hex hash of the raw bytes", "[core][loader]") {
    auto a = load("Same text.");
    auto b = load("Same text.");
    auto c = load("Same text.\n");  // same Document::text, different bytes
    REQUIRE(a.ok());
    REQUIRE(c.ok());
    CHECK(a->content_hash.size() == 16);
    CHECK(a->content_hash.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(a->content_hash == b->content_hash);
    CHECK(a->text == c->text);
    CHECK(a->content_hash != c->content_hash);
}

TEST_CASE("detect_language: Vietnamese diacritics vs English", "[core][language]") {
    CHECK(detect_language("Đại học Quốc gia Hà Nội ký kết thỏa thuận hợp tác") == "vi");
    CHECK(detect_language("The delegation of Vietnam National University, Hà Nội visited Peking "
                          "University in Beijing and signed an agreement.") == "en");
    CHECK(detect_language("Dai hoc Quoc gia Ha Noi") == "en");          // unaccented
    CHECK(detect_language("Université de Liège, à Paris") == "en");      // French accents are not Vietnamese
    CHECK(detect_language("Ha\xCC\x80 No\xCC\xA3\xCC\x82i la\xCC\x80 thu\xCC\x89 \xC4\x91o\xCC\x82") == "vi");  // NFD
    CHECK(detect_language("2024 - 12 / 31").empty());
    CHECK(detect_language("").empty());
}

TEST_CASE("the seed text files load as text with clean blocks", "[core][loader][seeds]") {
    for (const char* name : {"000_90f198ad25a5bfff.txt", "001_2b073ee1325f7225.txt",
                             "002_a1623319daae2620.txt", "003_4be24c1fb0fe1517.txt"}) {
        const std::string p = kgmill::test::seed_path(name);
        auto r = load_document(p, name);
        INFO(p);
        REQUIRE(r.ok());
        CHECK(r->format == Format::kText);
        CHECK(r->id == name);
        CHECK(r->blocks.size() > 5);
        CHECK(r->blocks[0].kind == Block::Kind::kTitle);
        check_text_contract(*r);
    }
    auto vi = load_document(kgmill::test::seed_path("002_a1623319daae2620.txt"), "002");
    REQUIRE(vi.ok());
    CHECK(vi->language == "vi");
    CHECK(vi->title == "Phát triển mạng lưới đối tác và triển khai hiệu quả các hoạt động hợp tác quốc tế");
    auto en = load_document(kgmill::test::seed_path("001_2b073ee1325f7225.txt"), "001");
    REQUIRE(en.ok());
    CHECK(en->language == "en");
    CHECK(en->date == "2025-11-15");
}

TEST_CASE("collect_sources: recursive, sorted ids, hidden entries skipped", "[core][loader][sources]") {
    const auto dir = kgmill::test::scratch_dir("collect_sources");
    namespace fs = std::filesystem;
    kgmill::test::write_file(dir / "docs" / "b.txt", "b");
    kgmill::test::write_file(dir / "docs" / "a.html", "<html>");
    kgmill::test::write_file(dir / "docs" / "sub" / "c.txt", "c");
    kgmill::test::write_file(dir / "docs" / "sub" / "A.txt", "A");
    kgmill::test::write_file(dir / "docs" / ".hidden.txt", "h");
    kgmill::test::write_file(dir / "docs" / ".git" / "config", "g");
    kgmill::test::write_file(dir / "single.txt", "s");

    std::vector<Error> errors;
    const auto found = collect_sources({(dir / "docs").string(), (dir / "single.txt").string(),
                                        (dir / "missing").string()},
                                       errors);
    std::vector<std::string> ids;
    for (const SourceFile& f : found) ids.push_back(f.id);
    CHECK(ids == std::vector<std::string>{"a.html", "b.txt", "sub/A.txt", "sub/c.txt", "single.txt"});
    CHECK(fs::path(found[2].path) == dir / "docs" / "sub" / "A.txt");
    CHECK(found.back().path == (dir / "single.txt").string());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == ErrorCode::kNotFound);
    CHECK(errors[0].stage == "load");
    CHECK(errors[0].path == (dir / "missing").string());
    CHECK(errors[0].message == "no such file or directory");

    // A trailing slash or "./" does not change the ids.
    errors.clear();
    const auto again = collect_sources({(dir / "docs").string() + "/"}, errors);
    CHECK(errors.empty());
    REQUIRE(again.size() == 4);
    CHECK(again[2].id == "sub/A.txt");
}
