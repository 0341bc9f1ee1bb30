// fuzz_load_document.cpp — libFuzzer harness for load_document_bytes: every format the
// loader sniffs from the bytes (plain text, HTML, PDF via poppler, DOCX via libzip+pugixml).
//
// A successful load must honour the Document contract (core/include/kgmill/core/document.hpp):
// valid NFC UTF-8 text, blocks in order, inside the text, separated by "\n\n". A violation is
// reported as a crash (abort), so the fuzzer finds wrong output as well as memory bugs.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kgmill/core/loader.hpp"
#include "kgmill/core/unicode.hpp"

namespace {

constexpr std::size_t kMaxInput = 64 * 1024;  // bigger inputs only find timeouts

[[noreturn]] void violated(const char* why, std::size_t block) {
    std::fprintf(stderr, "Document contract violated (block %zu): %s\n", block, why);
    std::abort();
}

// The same contract tests/core/loader_test_util.hpp checks on the loader test documents.
void check_contract(const kgmill::Document& doc) {
    const std::string& t = doc.text;
    if (!kgmill::is_valid_utf8(t)) violated("text is not valid UTF-8", 0);
    if (kgmill::to_nfc(t) != t) violated("text is not NFC", 0);
    std::size_t expect_begin = 0;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const kgmill::Block& b = doc.blocks[i];
        if (b.begin != expect_begin) violated("block does not start 2 bytes after the previous one", i);
        if (b.begin >= b.end || b.end > t.size()) violated("empty block or block past the text", i);
        if (i > 0 && t.compare(b.begin - 2, 2, "\n\n") != 0) violated("blocks not separated by \\n\\n", i);
        const std::string_view piece = std::string_view(t).substr(b.begin, b.end - b.begin);
        const auto is_ws = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
        if (is_ws(piece.front()) || is_ws(piece.back())) violated("block starts or ends with whitespace", i);
        if (piece.find('\n') != std::string_view::npos) violated("newline inside a block", i);
        if (piece.find('\t') != std::string_view::npos) violated("tab inside a block", i);
        if (piece.find("  ") != std::string_view::npos) violated("double space inside a block", i);
        if (piece.find("\xC2\xA0") != std::string_view::npos) violated("NBSP inside a block", i);
        expect_begin = b.end + 2;
    }
    if (doc.blocks.empty() ? !t.empty() : doc.blocks.back().end != t.size())
        violated("blocks do not cover the whole text", doc.blocks.size());
}

void load(std::string_view bytes, const kgmill::LoaderOptions& opts) {
    auto res = kgmill::load_document_bytes(bytes, "fuzz/input", "input", opts);
    if (res) {
        check_contract(*res);
    } else {
        (void)res.error().to_string();  // the message path runs too
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInput) return -1;  // -1: libFuzzer keeps it out of the corpus
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    load(bytes, {});
    // Text input also goes through a named ICU converter (the --encoding path), which the
    // binary formats ignore.
    const kgmill::Format f = kgmill::detect_format(bytes);
    if (f == kgmill::Format::kText || f == kgmill::Format::kHtml) {
        kgmill::LoaderOptions opts;
        opts.encoding = "windows-1258";
        load(bytes, opts);
    }
    return 0;
}
