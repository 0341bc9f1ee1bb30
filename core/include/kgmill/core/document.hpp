// kgmill/core/document.hpp — a loaded document: one NFC UTF-8 buffer plus spans into it.
//
// Every offset in kgmill (blocks, sentences, mentions, evidence) is a byte offset into
// Document::text, which is exactly what `kgmill text DOC` prints.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kgmill {

/// Input formats recognised from the content (never from the extension).
enum class Format { kText, kHtml, kPdf, kDocx, kUnknown };
const char* format_name(Format f);

/// A block of text: heading, paragraph, list item, table cell.
struct Block {
    enum class Kind : std::uint8_t { kTitle, kHeading, kParagraph, kListItem, kTableCell };
    Kind kind = Kind::kParagraph;
    std::uint32_t begin = 0;  ///< byte offset into Document::text
    std::uint32_t end = 0;    ///< one past the last byte
    std::uint32_t page = 0;   ///< 1-based page for PDF, 0 otherwise
};

struct Document {
    std::string id;          ///< path relative to the DOCS argument that found it
    std::string path;        ///< path on disk
    Format format = Format::kText;
    std::string text;        ///< NFC UTF-8; blocks separated by "\n\n"
    std::vector<Block> blocks;
    std::string language;    ///< "en", "vi" or "" when unknown (dominant language)
    std::string title;       ///< metadata: <title>, first heading, or DOCX core title
    std::string date;        ///< metadata: publication date, ISO 8601, when found
    std::string content_hash;  ///< hex hash of the raw file bytes (store: skip unchanged)
};

}  // namespace kgmill
