// PDF and DOCX loader tests. Both fixtures are built in memory by the test itself: a PDF
// written by hand (objects + xref table), a DOCX zipped with libzip.
#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdio>
#include <string>
#include <vector>

#include "kgmill/core/loader.hpp"
#include "loader_test_util.hpp"

using namespace kgmill;
using kgmill::test::block_text;
using kgmill::test::check_text_contract;

namespace {

// A minimal valid PDF: one page per entry of `pages`, each a list of text lines drawn with
// Helvetica 12 pt at 14 pt leading; "" in a page's list leaves a blank line (paragraph gap).
std::string make_pdf(const std::vector<std::vector<std::string>>& pages, const std::string& title) {
    std::vector<std::string> objs;  // objs[i] is object i+1
    const std::size_t n_pages = pages.size();
    // 1 catalog, 2 pages, 3 font, 4 info, then (page, contents) pairs.
    objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    std::string kids;
    for (std::size_t i = 0; i < n_pages; ++i) kids += std::to_string(5 + 2 * i) + " 0 R ";
    objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n_pages) + " >>");
    objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    objs.push_back("<< /Title (" + title + ") >>");
    for (std::size_t i = 0; i < n_pages; ++i) {
        std::string content = "BT /F1 12 Tf 72 720 Td 14 TL\n";
        for (const std::string& line : pages[i]) content += "(" + line + ") Tj T*\n";
        content += "ET";
        objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       "/Contents " + std::to_string(6 + 2 * i) + " 0 R >>");
        objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                       "\nendstream");
    }
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objs.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t off : offsets) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
        pdf += buf;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R /Info 4 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// A DOCX (ZIP) with the given entries, built with libzip in memory.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    REQUIRE(src);
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    REQUIRE(z);
    for (const auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        REQUIRE(s);
        REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(z) == 0);
    REQUIRE(zip_source_open(src) == 0);
    REQUIRE(zip_source_seek(src, 0, SEEK_END) == 0);
    const zip_int64_t size = zip_source_tell(src);
    REQUIRE(zip_source_seek(src, 0, SEEK_SET) == 0);
    std::string out(static_cast<std::size_t>(size), '\0');
    REQUIRE(zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) == size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
}

const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string document_xml(const std::string& body) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document ") + kW +
           "><w:body>" + body + "<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr></w:body></w:document>";
}

std::string p(const std::string& runs, const std::string& style = "") {
    std::string ppr = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
    return "<w:p>" + ppr + runs + "</w:p>";
}
std::string r(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

}  // namespace

TEST_CASE("PDF: lines joined into paragraphs, hyphenation undone, page numbers", "[core][loader][pdf]") {
    const std::string pdf = make_pdf(
        {{"Cooperation Report", "", "Hanoi University of Science and Technology signed a co-",
          "operation agreement with Samsung Electronics on semiconductor", "training in 2025.", "",
          "The agreement covers scholarships and joint laboratories.", "", "1"},
         {"Second page: VNU visited Peking University in August 2024."}},
        "Tiny Test PDF");
    auto res = load_document_bytes(pdf, "mem/report.pdf", "report.pdf");
    REQUIRE(res.ok());
    const Document& d = *res;
    check_text_contract(d);
    CHECK(d.format == Format::kPdf);
    CHECK(d.title == "Tiny Test PDF");
    CHECK(d.text.find("signed a cooperation agreement with Samsung Electronics on semiconductor training in 2025.") !=
          std::string::npos);
    CHECK(d.text.find("co-") == std::string::npos);
    CHECK(d.text.find("Second page: VNU visited Peking University in August 2024.") != std::string::npos);
    REQUIRE_FALSE(d.blocks.empty());
    CHECK(d.blocks.front().page == 1);
    CHECK(d.blocks.back().page == 2);
    CHECK(block_text(d, d.blocks.size() - 1) == "Second page: VNU visited Peking University in August 2024.");
    for (std::size_t i = 0; i < d.blocks.size(); ++i) CHECK(block_text(d, i) != "1");  // page number dropped
}

TEST_CASE("PDF errors: corrupt file, no text", "[core][loader][pdf][errors]") {
    auto corrupt = load_document_bytes("%PDF-1.4\nthis is not a PDF body\n", "mem/bad.pdf", "bad.pdf");
    REQUIRE_FALSE(corrupt.ok());
    CHECK(corrupt.error().stage == "load");
    CHECK(corrupt.error().path == "mem/bad.pdf");
    CHECK(corrupt.error().code == ErrorCode::kParse);
    CHECK(corrupt.error().message == "corrupt PDF (poppler cannot open it)");

    auto empty = load_document_bytes(make_pdf({{}}, "Empty"), "mem/empty.pdf", "empty.pdf");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::kNoContent);
    CHECK(empty.error().message == "PDF has no extractable text (scanned images need OCR)");
}

TEST_CASE("DOCX: paragraphs, styles, runs, tables and core title", "[core][loader][docx]") {
    const std::string body =
        p(r("Báo cáo hợp tác"), "Title") +
        p(r("Đại ") + r("học") + "<w:r><w:tab/></w:r>" + r("Quốc gia  Hà Nội") +
          "<w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del>" +
          "<w:r><w:fldChar w:fldCharType=\"begin\"/><w:instrText>HYPERLINK \"x\"</w:instrText></w:r>") +
        p(r("Partners"), "Heading1") +
        p(r("First line") + "<w:r><w:br/></w:r>" + r("second line")) +
        p("") +
        "<w:tbl><w:tr><w:tc>" + p(r("Cell A")) + "</w:tc><w:tc>" + p(r("Cell B")) + "</w:tc></w:tr></w:tbl>" +
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" + r("A list item") + "</w:p>" +
        p(r("Ha\xCC\x80 No\xCC\xA3\xCC\x82i in NFD"));
    const std::string core =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties "
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Cooperation report 2025</dc:title>"
        "</cp:coreProperties>";
    const std::string docx = make_zip({{"[Content_Types].xml", "<Types/>"},
                                       {"word/document.xml", document_xml(body)},
                                       {"docProps/core.xml", core}});
    REQUIRE(detect_format(docx) == Format::kDocx);

    const auto dir = kgmill::test::scratch_dir("docx");
    const auto path = (dir / "report.docx").string();
    kgmill::test::write_file(path, docx);
    auto res = load_document(path, "report.docx");
    REQUIRE(res.ok());
    const Document& d = *res;
    check_text_contract(d);
    CHECK(d.format == Format::kDocx);
    CHECK(d.title == "Cooperation report 2025");
    CHECK(d.language == "vi");
    CHECK(d.text ==
          "Báo cáo hợp tác\n\nĐại học Quốc gia Hà Nội\n\nPartners\n\nFirst line\n\nsecond line\n\n"
          "Cell A\n\nCell B\n\nA list item\n\nHà Nội in NFD");
    REQUIRE(d.blocks.size() == 9);
    CHECK(d.blocks[0].kind == Block::Kind::kTitle);
    CHECK(d.blocks[1].kind == Block::Kind::kParagraph);
    CHECK(d.blocks[2].kind == Block::Kind::kHeading);
    CHECK(d.blocks[5].kind == Block::Kind::kTableCell);
    CHECK(d.blocks[7].kind == Block::Kind::kListItem);
}

TEST_CASE("DOCX without core title takes the Title paragraph", "[core][loader][docx]") {
    const std::string docx = make_zip({{"word/document.xml",
                                        document_xml(p(r("Styled title"), "Title") + p(r("Body.")))}});
    auto res = load_document_bytes(docx, "mem/t.docx", "t.docx");
    REQUIRE(res.ok());
    CHECK(res->title == "Styled title");
}

TEST_CASE("DOCX errors: corrupt archive, broken XML, no text", "[core][loader][docx][errors]") {
    const std::string good = make_zip({{"word/document.xml", document_xml(p(r("Some text here.")))}});

    SECTION("truncated archive") {
        auto res = load_document_bytes(good.substr(0, good.size() / 2), "mem/cut.docx", "cut.docx");
        REQUIRE_FALSE(res.ok());
        CHECK(res.error().code == ErrorCode::kParse);
        CHECK(res.error().path == "mem/cut.docx");
        CHECK(res.error().message.rfind("corrupt DOCX: ", 0) == 0);
    }
    SECTION("malformed document.xml") {
        const std::string bad = make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}});
        auto res = load_document_bytes(bad, "mem/bad.docx", "bad.docx");
        REQUIRE_FALSE(res.ok());
        CHECK(res.error().code == ErrorCode::kParse);
        CHECK(res.error().message.rfind("corrupt DOCX: word/document.xml: ", 0) == 0);
    }
    SECTION("no text") {
        const std::string none = make_zip({{"word/document.xml", document_xml(p("") + p(r("   ")))}});
        auto res = load_document_bytes(none, "mem/none.docx", "none.docx");
        REQUIRE_FALSE(res.ok());
        CHECK(res.error().code == ErrorCode::kNoContent);
        CHECK(res.error().message == "DOCX has no text");
    }
}
