// loader_internal.hpp — private pieces shared by the loaders (not installed, not public).
//
// Each format loader turns its input into a sequence of raw blocks and hands them to a
// TextBuilder, which owns the normalisation contract of Document::text:
//   * NFC (to_nfc), every kind of Unicode space (tab, NBSP, U+2000..U+200A, U+3000, ...)
//     and every line break inside a block folded to one ASCII space, lines trimmed;
//   * zero-width space, BOM/ZWNBSP, soft hyphen and control characters dropped;
//   * blocks joined by exactly "\n\n"; Block::begin/end are byte offsets of the block's
//     first byte and one past its last byte, so text.substr(begin, end - begin) never starts
//     or ends with whitespace.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "kgmill/core/document.hpp"
#include "kgmill/core/loader.hpp"
#include "kgmill/core/status.hpp"

namespace kgmill::loader_detail {

/// Accumulates normalised blocks into a Document's text and blocks.
class TextBuilder {
public:
    explicit TextBuilder(Document& doc) : doc_(doc) {}

    /// Normalises `raw` (whitespace folding, NFC unless `already_nfc`) and appends it as a
    /// block; blocks that end up empty are dropped. Returns false when it was dropped.
    bool add(Block::Kind kind, std::string_view raw, std::uint32_t page = 0,
             bool already_nfc = false);

    std::size_t block_count() const { return doc_.blocks.size(); }
    /// True when a block was refused because the text would pass 4 GiB (32-bit offsets).
    bool overflowed() const { return overflow_; }

private:
    Document& doc_;
    std::string scratch_;
    bool overflow_ = false;
};

/// Folds whitespace and drops invisible characters as described above (no NFC); the
/// result has no leading or trailing space. Appends to `out`.
void fold_whitespace(std::string_view utf8, std::string& out);

/// Decodes the bytes of a text or HTML file to UTF-8 without BOM. UTF-8 (BOM optional) and
/// UTF-16 LE/BE with a BOM are recognised; anything else needs `opts.encoding` (an ICU
/// converter name). Errors (stage "load"): kBinary, kEncoding (with the byte offset), kUsage
/// for an unknown converter name.
Result<std::string> decode_text(std::string_view bytes, const std::string& path,
                                const LoaderOptions& opts);

/// Plain text: one block per non-empty line (paragraphs are one line each in our corpora).
Status load_plain_text(std::string_view utf8, Document& doc);
/// HTML: the visible article text (Gumbo); kNoContent when there is none.
Status load_html(std::string_view utf8, Document& doc);
/// PDF (poppler): paragraphs per page, hyphenated line breaks joined.
Status load_pdf(std::string_view bytes, Document& doc);
/// DOCX (libzip + pugixml): one block per w:p, title from docProps/core.xml.
Status load_docx(std::string_view bytes, Document& doc);

/// ISO date ("2024-08-31") from the first dd/mm/yyyy, d-m-yyyy, dd.mm.yyyy or yyyy-mm-dd
/// pattern in `text`; "" when there is none or it is not a valid calendar date.
/// Day-first is assumed (Vietnamese and European usage); only when the second number
/// cannot be a month (> 12) is the pattern read as mm/dd/yyyy.
std::string find_numeric_date(std::string_view text);
/// ISO date from a metadata value: "2024-08-28T10:00:00+07:00", "2024-08-28", "2024/08/28",
/// "28/08/2024", "20240828" → "2024-08-28"; "" when unrecognised.
std::string iso_date_from_meta(std::string_view value);

/// The dateline of an article: the first numeric date in one of the first four blocks that is
/// short (<= 80 bytes) and not a sentence (does not end with '.'), e.g. "Saturday -
/// 31/08/2024 01:20"; dates inside prose are not publication dates. "" when there is none.
std::string find_dateline(const Document& doc);

/// Heuristic title for text-like documents: the first block when it is short and does not
/// end like a sentence. Marks that block kTitle and sets doc.title.
void mark_leading_title(Document& doc);

/// Error for this stage and file.
inline Error load_error(ErrorCode code, const std::string& path, std::string message,
                        std::int64_t byte = -1) {
    return make_error(code, "load", path, std::move(message), byte);
}

}  // namespace kgmill::loader_detail
