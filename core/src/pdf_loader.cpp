// pdf_loader.cpp — text of a PDF with poppler-cpp, as paragraphs with page numbers.
//
// poppler gives lines in reading order (non_raw_non_physical_layout: columns are not merged
// line by line as in the physical layout). Lines are joined into paragraphs: a blank line
// ends one, and so does a line that ends a sentence while clearly shorter than the page's
// usual line. A line ending in "letter-" followed by a lower-case letter is a hyphenated
// word and is joined without the hyphen. A bare number as the first or last line of a page
// is a page number and is dropped.
//
// poppler is GPL: a binary built with this loader is distributed under the GPL (DESIGN.md).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/core/unicode.hpp"
#include "loader_internal.hpp"

namespace kgmill::loader_detail {
namespace {

void quiet(const std::string&, void*) {}  // poppler prints parse errors to stderr otherwise

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool is_page_number(std::string_view s) {
    if (s.empty() || s.size() > 4) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool starts_lower(std::string_view s) {
    if (s.empty()) return false;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(std::min<std::size_t>(s.size(), 4)), c);
    return c >= 0 && u_islower(c);
}

bool ends_sentence(std::string_view s) {
    if (s.empty()) return false;
    const char c = s.back();
    return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')' ||
           s.ends_with("\xE2\x80\x9D");  // ”
}

void add_page(std::string_view text, std::uint32_t page, TextBuilder& builder) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n' || text[i] == '\f') {
            lines.push_back(trim(text.substr(start, i - start)));
            start = i + 1;
        }
    }
    // Page numbers: a bare number as the first or last non-empty line.
    auto first = std::find_if(lines.begin(), lines.end(), [](std::string_view l) { return !l.empty(); });
    if (first != lines.end() && is_page_number(*first)) *first = {};
    auto last = std::find_if(lines.rbegin(), lines.rend(), [](std::string_view l) { return !l.empty(); });
    if (last != lines.rend() && is_page_number(*last)) *last = {};

    std::vector<std::size_t> lens;
    for (std::string_view l : lines)
        if (!l.empty()) lens.push_back(l.size());
    if (lens.empty()) return;
    std::sort(lens.begin(), lens.end());
    const std::size_t usual = lens[lens.size() * 3 / 4];  // 75th percentile line length

    std::string para;
    auto flush = [&] {
        builder.add(Block::Kind::kParagraph, para, page);
        para.clear();
    };
    for (std::string_view l : lines) {
        if (l.empty()) {
            flush();
            continue;
        }
        if (!para.empty()) {
            const std::size_t n = para.size();
            if (n >= 2 && para[n - 1] == '-' && is_ascii_alpha(para[n - 2]) && starts_lower(l)) {
                para.pop_back();  // hyphenated line break: "co-" + "operation"
            } else if (para.ends_with("\xC2\xAD")) {
                para.resize(n - 2);  // soft hyphen
            } else {
                para.push_back(' ');
            }
        }
        para.append(l);
        if (ends_sentence(l) && l.size() * 10 < usual * 8) flush();
    }
    flush();
}

}  // namespace

Status load_pdf(std::string_view bytes, Document& doc) {
    static std::once_flag quiet_once;
    std::call_once(quiet_once, [] { poppler::set_debug_error_function(quiet, nullptr); });
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        return load_error(ErrorCode::kIo, doc.path, "PDF larger than 2 GiB");
    std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!pdf) return load_error(ErrorCode::kParse, doc.path, "corrupt PDF (poppler cannot open it)");
    if (pdf->is_locked())
        return load_error(ErrorCode::kParse, doc.path, "encrypted PDF (a password is needed)");
    TextBuilder builder(doc);
    const int pages = pdf->pages();
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<poppler::page> p(pdf->create_page(i));
        if (!p) continue;
        const poppler::byte_array utf8 =
            p->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
        add_page(std::string_view(utf8.data(), utf8.size()), static_cast<std::uint32_t>(i + 1), builder);
    }
    if (builder.overflowed()) return load_error(ErrorCode::kIo, doc.path, "text larger than 4 GiB");
    if (builder.block_count() == 0)
        return load_error(ErrorCode::kNoContent, doc.path,
                          "PDF has no extractable text (scanned images need OCR)");
    const poppler::byte_array title = pdf->info_key("Title").to_utf8();
    std::string folded;
    fold_whitespace(std::string_view(title.data(), title.size()), folded);
    doc.title = to_nfc(folded);
    if (doc.title.empty()) mark_leading_title(doc);
    doc.date = find_dateline(doc);
    return {};
}

}  // namespace kgmill::loader_detail
