// loader.cpp — format detection, the load_document entry points, plain text, collect_sources.
#include "kgmill/core/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include "kgmill/core/unicode.hpp"
#include "loader_internal.hpp"

namespace kgmill {

const char* format_name(Format f) {
    switch (f) {
        case Format::kText: return "text";
        case Format::kHtml: return "html";
        case Format::kPdf: return "pdf";
        case Format::kDocx: return "docx";
        case Format::kUnknown: break;
    }
    return "unknown";
}

namespace {

namespace fs = std::filesystem;

// Raw files above this size are refused: poppler takes an int length and Block offsets are
// 32-bit; no document in scope comes near it.
constexpr std::size_t kMaxFileBytes = std::size_t{1} << 30;  // 1 GiB

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool starts_with_ci(std::string_view s, std::string_view lower_prefix) {
    if (s.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lower_prefix[i]) return false;
    }
    return true;
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void skip_spaces(std::string_view& s) {
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
}

// ASCII view of the start of a UTF-16 file (non-ASCII code units become '?'), enough to sniff.
std::string ascii_of_utf16(std::string_view body, bool little_endian) {
    std::string out;
    for (std::size_t i = 0; i + 1 < body.size() && out.size() < 2048; i += 2) {
        const auto lo = static_cast<unsigned char>(body[little_endian ? i : i + 1]);
        const auto hi = static_cast<unsigned char>(body[little_endian ? i + 1 : i]);
        out.push_back(hi == 0 && lo < 0x80 ? static_cast<char>(lo) : '?');
    }
    return out;
}

bool looks_like_html(std::string_view s) {
    s = s.substr(0, 4096);
    // Leading XML declarations, comments and whitespace come before the first tag.
    for (;;) {
        skip_spaces(s);
        if (starts_with(s, "<?")) {
            const auto e = s.find("?>");
            if (e == std::string_view::npos) return false;
            s.remove_prefix(e + 2);
        } else if (starts_with(s, "<!--")) {
            const auto e = s.find("-->");
            if (e == std::string_view::npos) return false;
            s.remove_prefix(e + 3);
        } else {
            break;
        }
    }
    if (starts_with_ci(s, "<!doctype")) {
        s.remove_prefix(9);
        skip_spaces(s);
        return starts_with_ci(s, "html");
    }
    for (std::string_view tag : {"<html", "<head", "<body"}) {
        if (starts_with_ci(s, tag)) {
            const std::string_view rest = s.substr(tag.size());
            if (rest.empty() || rest.front() == '>' || is_ascii_space(rest.front())) return true;
        }
    }
    return false;
}

std::string fnv1a_hex(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name.front() == '.' && name != "." && name != "..";
}

}  // namespace

Format detect_format(std::string_view bytes) {
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        const std::string ascii = ascii_of_utf16(bytes.substr(2), bytes[0] == '\xFF');
        return looks_like_html(ascii) ? Format::kHtml : Format::kText;
    }
    if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (starts_with(bytes, "PK\x03\x04")) {
        // Entry names are stored uncompressed in the local headers and the central directory.
        return bytes.find("word/document.xml") != std::string_view::npos ? Format::kDocx
                                                                          : Format::kUnknown;
    }
    std::string_view s = bytes;
    skip_spaces(s);
    if (starts_with(s, "%PDF")) return Format::kPdf;
    return looks_like_html(s) ? Format::kHtml : Format::kText;
}

namespace loader_detail {

Status load_plain_text(std::string_view utf8, Document& doc) {
    // NFC per line, after whitespace folding (TextBuilder::add): composing the whole file first
    // is not enough, because folding drops characters (C0 controls, soft hyphen, ZWSP) and can
    // leave a base letter next to its combining mark ("h" U+0010 U+0323 → "h" U+0323).
    TextBuilder builder(doc);
    const std::string_view s = utf8;
    std::size_t line_start = 0;
    std::size_t i = 0;
    auto end_line = [&](std::size_t line_end, std::size_t next) {
        builder.add(Block::Kind::kParagraph, s.substr(line_start, line_end - line_start));
        line_start = next;
        i = next;
    };
    // One block per line: the corpora put one paragraph per line, and blank lines separate them.
    // Exact duplicate paragraphs (seed 000 repeats a photo caption) are kept: Document::text is
    // what `kgmill text` prints and what every offset counts, so it must follow the file; the
    // duplicate only yields the same triples twice, which the graph merges anyway.
    // TODO: hard-wrapped text (fixed-width lines inside a paragraph) comes out one block per
    // line; none of our corpora has it, and joining lines would need a wrap-width heuristic.
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\n' || c == '\f') {
            end_line(i, i + 1);
        } else if (c == '\r') {
            end_line(i, (i + 1 < s.size() && s[i + 1] == '\n') ? i + 2 : i + 1);
        } else if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
                   (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {  // U+2028, U+2029
            end_line(i, i + 3);
        } else {
            ++i;
        }
    }
    if (line_start < s.size()) builder.add(Block::Kind::kParagraph, s.substr(line_start));
    if (builder.overflowed())
        return load_error(ErrorCode::kIo, doc.path, "text larger than 4 GiB");
    if (builder.block_count() == 0)
        return load_error(ErrorCode::kEmpty, doc.path, "file contains only whitespace");
    mark_leading_title(doc);
    doc.date = find_dateline(doc);
    return {};
}

}  // namespace loader_detail

Result<Document> load_document_bytes(std::string_view bytes, const std::string& path,
                                     const std::string& id, const LoaderOptions& opts) {
    using namespace loader_detail;
    Document doc;
    doc.id = id;
    doc.path = path;
    if (bytes.empty()) return load_error(ErrorCode::kEmpty, path, "empty file");
    if (bytes.size() > kMaxFileBytes) return load_error(ErrorCode::kIo, path, "file larger than 1 GiB");
    doc.content_hash = fnv1a_hex(bytes);
    Format fmt = detect_format(bytes);
    Status st;
    switch (fmt) {
        case Format::kPdf:
            st = load_pdf(bytes, doc);
            break;
        case Format::kDocx:
            st = load_docx(bytes, doc);
            break;
        case Format::kUnknown:
            return load_error(ErrorCode::kBinary, path,
                              "binary file (ZIP archive without word/document.xml: not a DOCX)");
        case Format::kText:
        case Format::kHtml: {
            Result<std::string> text = decode_text(bytes, path, opts);
            if (!text) return text.error();
            if (text->empty()) return load_error(ErrorCode::kEmpty, path, "empty file");
            // Sniff again after decoding: a named encoding may hide the markup from the raw sniff.
            fmt = looks_like_html(std::string_view(*text).substr(0, 4096)) ? Format::kHtml
                                                                           : Format::kText;
            st = fmt == Format::kHtml ? load_html(*text, doc) : load_plain_text(*text, doc);
            break;
        }
    }
    if (!st) return st.error();
    doc.format = fmt;
    doc.language = detect_language(doc.text);
    return doc;
}

Result<Document> load_document(const std::string& path, const std::string& id,
                               const LoaderOptions& opts) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        if (ec && ec != std::errc::no_such_file_or_directory)
            return loader_detail::load_error(ErrorCode::kIo, path, ec.message());
        return loader_detail::load_error(ErrorCode::kNotFound, path, "no such file or directory");
    }
    if (fs::is_directory(status)) return loader_detail::load_error(ErrorCode::kIo, path, "is a directory");
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return loader_detail::load_error(ErrorCode::kIo, path, std::strerror(errno));
    std::string bytes;
    char buf[1 << 16];
    for (;;) {
        const std::size_t n = std::fread(buf, 1, sizeof buf, f.get());
        bytes.append(buf, n);
        if (bytes.size() > kMaxFileBytes)
            return loader_detail::load_error(ErrorCode::kIo, path, "file larger than 1 GiB");
        if (n < sizeof buf) break;
    }
    if (std::ferror(f.get())) return loader_detail::load_error(ErrorCode::kIo, path, "read error");
    return load_document_bytes(bytes, path, id, opts);
}

std::vector<SourceFile> collect_sources(const std::vector<std::string>& args,
                                        std::vector<Error>& errors) {
    std::vector<SourceFile> out;
    for (const std::string& arg : args) {
        std::error_code ec;
        const fs::file_status st = fs::status(arg, ec);
        if (ec || !fs::exists(st)) {
            errors.push_back(loader_detail::load_error(ErrorCode::kNotFound, arg, "no such file or directory"));
            continue;
        }
        if (!fs::is_directory(st)) {  // a file given directly: its file name is its id
            out.push_back({arg, fs::path(arg).filename().generic_string()});
            continue;
        }
        std::vector<SourceFile> found;
        const fs::path root(arg);
        fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
        if (ec) {
            errors.push_back(loader_detail::load_error(ErrorCode::kIo, arg, ec.message()));
            continue;
        }
        while (it != end) {
            const fs::directory_entry& e = *it;
            if (is_hidden(e.path())) {
                if (e.is_directory(ec)) it.disable_recursion_pending();
            } else if (e.is_regular_file(ec)) {
                found.push_back({e.path().string(),
                                 e.path().lexically_relative(root).generic_string()});
            }
            it.increment(ec);
            if (ec) {
                errors.push_back(loader_detail::load_error(ErrorCode::kIo, arg, ec.message()));
                break;
            }
        }
        std::sort(found.begin(), found.end(),
                  [](const SourceFile& a, const SourceFile& b) { return a.id < b.id; });
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

}  // namespace kgmill
