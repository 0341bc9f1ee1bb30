// docx_loader.cpp — text of a DOCX (Office Open XML, ECMA-376) with libzip + pugixml.
//
// word/document.xml: every w:p is a block (w:t text, w:tab → space, w:br/w:cr end a block),
// in document order, tables included (cells → kTableCell). Paragraph styles Title / Heading*
// give kTitle / kHeading, numbered paragraphs (w:numPr) kListItem. Deleted revisions
// (w:del), field instructions (w:instrText) and the mc:Fallback copy of drawings are skipped;
// text boxes become blocks after the paragraph that anchors them.
// Title: dc:title of docProps/core.xml, else the first Title-styled paragraph.
#include <zip.h>

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/core/unicode.hpp"
#include "loader_internal.hpp"

namespace kgmill::loader_detail {
namespace {

constexpr zip_uint64_t kMaxXmlBytes = zip_uint64_t{256} << 20;  // zip-bomb guard
constexpr int kMaxDepth = 256;  // nesting guard for the recursive walk

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

std::string_view local_name(const pugi::xml_node& n) {
    std::string_view s = n.name();
    const auto c = s.find(':');
    return c == std::string_view::npos ? s : s.substr(c + 1);
}

std::string_view attr_val(const pugi::xml_node& n) {
    for (const pugi::xml_attribute& a : n.attributes()) {
        std::string_view s = a.name();
        const auto c = s.find(':');
        if ((c == std::string_view::npos ? s : s.substr(c + 1)) == "val") return a.value();
    }
    return {};
}

pugi::xml_node child_local(const pugi::xml_node& n, std::string_view name) {
    for (const pugi::xml_node& c : n.children())
        if (local_name(c) == name) return c;
    return {};
}

// Reads one archive entry; `missing` is set when it does not exist.
Result<std::string> read_entry(zip_t* z, const char* name, const std::string& path, bool& missing) {
    missing = false;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name, 0, &st) != 0) {
        missing = true;
        return std::string();
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return load_error(ErrorCode::kParse, path, "encrypted DOCX (a password is needed)");
    if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxXmlBytes)
        return load_error(ErrorCode::kParse, path, std::string("corrupt DOCX: ") + name + " larger than 256 MiB");
    zip_file_t* f = zip_fopen(z, name, 0);
    if (!f)
        return load_error(ErrorCode::kParse, path,
                          std::string("corrupt DOCX: ") + name + ": " + zip_strerror(z));
    std::string out;
    char buf[1 << 16];
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            std::string why = zip_file_strerror(f);
            zip_fclose(f);
            return load_error(ErrorCode::kParse, path, std::string("corrupt DOCX: ") + name + ": " + why);
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > kMaxXmlBytes) {
            zip_fclose(f);
            return load_error(ErrorCode::kParse, path, std::string("corrupt DOCX: ") + name + " larger than 256 MiB");
        }
    }
    zip_fclose(f);
    return out;
}

class DocxWalker {
public:
    explicit DocxWalker(TextBuilder& b) : builder_(b) {}

    void container(const pugi::xml_node& n, Block::Kind kind, int depth) {
        if (depth > kMaxDepth) return;
        for (const pugi::xml_node& c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view name = local_name(c);
            if (name == "p") paragraph(c, kind, depth + 1);
            else if (name == "tc") container(c, Block::Kind::kTableCell, depth + 1);
            else if (name == "del" || name == "moveFrom" || name == "Fallback" || name == "sectPr")
                continue;
            else container(c, kind, depth + 1);  // tbl, tr, sdt, sdtContent, customXml, ...
        }
    }

    std::string first_title;

private:
    void paragraph(const pugi::xml_node& p, Block::Kind kind, int depth) {
        if (const pugi::xml_node ppr = child_local(p, "pPr")) {
            std::string style(attr_val(child_local(ppr, "pStyle")));
            for (char& ch : style)
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            if (style == "title") kind = Block::Kind::kTitle;
            else if (style.rfind("heading", 0) == 0 || style == "subtitle" || child_local(ppr, "outlineLvl"))
                kind = Block::Kind::kHeading;
            else if (child_local(ppr, "numPr") && kind == Block::Kind::kParagraph)
                kind = Block::Kind::kListItem;
        }
        std::string text;
        std::vector<pugi::xml_node> boxes;
        runs(p, text, boxes, kind, depth);
        emit(kind, text);
        for (const pugi::xml_node& box : boxes) {
            if (local_name(box) == "p") paragraph(box, Block::Kind::kParagraph, depth + 1);
            else container(box, Block::Kind::kParagraph, depth + 1);
        }
    }

    void runs(const pugi::xml_node& n, std::string& text, std::vector<pugi::xml_node>& boxes,
              Block::Kind kind, int depth) {
        if (depth > kMaxDepth) return;
        for (const pugi::xml_node& c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            const std::string_view name = local_name(c);
            if (name == "t") {
                text += c.child_value();
            } else if (name == "tab" || name == "ptab") {
                if (local_name(n) != "tabs") text.push_back(' ');
            } else if (name == "br" || name == "cr") {
                emit(kind, text);
                text.clear();
            } else if (name == "noBreakHyphen") {
                text.push_back('-');
            } else if (name == "txbxContent") {
                boxes.push_back(c);
            } else if (name == "p") {  // a paragraph nested without a text box wrapper
                boxes.push_back(c);
            } else if (name == "del" || name == "moveFrom" || name == "Fallback" ||
                       name == "instrText" || name == "delText" || name == "pPr" || name == "rPr") {
                continue;
            } else {
                runs(c, text, boxes, kind, depth + 1);
            }
        }
    }

    void emit(Block::Kind kind, const std::string& text) {
        if (!builder_.add(kind, text)) return;
        if (kind == Block::Kind::kTitle && first_title.empty()) first_title = text;
    }

    TextBuilder& builder_;
};

}  // namespace

Status load_docx(std::string_view bytes, Document& doc) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
    if (!src) {
        zip_error_fini(&zerr);
        return load_error(ErrorCode::kInternal, doc.path, "cannot create a zip source");
    }
    ZipPtr z(zip_open_from_source(src, ZIP_RDONLY, &zerr));
    if (!z) {
        std::string why = zip_error_strerror(&zerr);
        zip_error_fini(&zerr);
        zip_source_free(src);
        return load_error(ErrorCode::kParse, doc.path, "corrupt DOCX: " + why);
    }
    zip_error_fini(&zerr);
    bool missing = false;
    Result<std::string> xml = read_entry(z.get(), "word/document.xml", doc.path, missing);
    if (!xml) return xml.error();
    if (missing) return load_error(ErrorCode::kParse, doc.path, "corrupt DOCX: no word/document.xml entry");
    pugi::xml_document x;
    const pugi::xml_parse_result pr =
        x.load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata,
                      pugi::encoding_utf8);
    if (!pr)
        return load_error(ErrorCode::kParse, doc.path,
                          std::string("corrupt DOCX: word/document.xml: ") + pr.description() +
                              " at XML byte " + std::to_string(pr.offset));
    pugi::xml_node body;
    for (const pugi::xml_node& c : x.document_element().children())
        if (local_name(c) == "body") body = c;
    TextBuilder builder(doc);
    DocxWalker walker(builder);
    if (body) walker.container(body, Block::Kind::kParagraph, 0);
    if (builder.overflowed()) return load_error(ErrorCode::kIo, doc.path, "text larger than 4 GiB");
    if (builder.block_count() == 0) return load_error(ErrorCode::kNoContent, doc.path, "DOCX has no text");

    Result<std::string> core = read_entry(z.get(), "docProps/core.xml", doc.path, missing);
    if (core && !missing) {
        pugi::xml_document cx;
        if (cx.load_buffer(core->data(), core->size(), pugi::parse_default, pugi::encoding_utf8)) {
            for (const pugi::xml_node& c : cx.document_element().children()) {
                if (local_name(c) != "title") continue;
                std::string folded;
                fold_whitespace(c.child_value(), folded);
                doc.title = to_nfc(folded);
            }
        }
    }
    if (doc.title.empty()) {
        std::string folded;
        fold_whitespace(walker.first_title, folded);
        doc.title = to_nfc(folded);
    }
    if (doc.title.empty()) mark_leading_title(doc);
    doc.date = find_dateline(doc);
    return {};
}

}  // namespace kgmill::loader_detail
