// fuzz_extract.cpp — libFuzzer harness for the rule extractor: the rules and gazetteers under
// data/ are compiled once (KGMILL_DATA_DIR overrides the source tree's data/), then each input
// becomes a Document through the text/HTML loader and goes through Extractor::extract.
//
// The first byte picks the document language ('v' → vi, anything else → en); the rest is the
// file. Every triple must satisfy the provenance contract: sentence == text.substr(start, end - start).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "kgmill/core/loader.hpp"
#include "kgmill/extractors/extractor.hpp"

#ifndef KGMILL_FUZZ_DATA_DIR
#define KGMILL_FUZZ_DATA_DIR "data"
#endif

namespace {

constexpr std::size_t kMaxInput = 32 * 1024;

std::shared_ptr<const kgmill::Extractor> g_extractor;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* env = std::getenv("KGMILL_DATA_DIR");
    const std::string dir = env && *env ? env : KGMILL_FUZZ_DATA_DIR;
    auto ex = kgmill::Extractor::create(dir);
    if (!ex) {
        std::fprintf(stderr, "fuzz_extract: cannot load rules from %s: %s\n", dir.c_str(),
                     ex.error().to_string().c_str());
        std::exit(2);
    }
    g_extractor = *ex;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInput || size < 2) return -1;
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    const std::string_view bytes = all.substr(1);
    // PDF and DOCX are fuzz_load_document's job; here only the cheap text formats.
    const kgmill::Format f = kgmill::detect_format(bytes);
    if (f != kgmill::Format::kText && f != kgmill::Format::kHtml) return -1;
    auto doc = kgmill::load_document_bytes(bytes, "fuzz/input", "input");
    if (!doc) return 0;
    doc->language = all[0] == 'v' ? "vi" : "en";
    for (const kgmill::Triple& t : g_extractor->extract(*doc)) {
        const kgmill::Provenance& p = t.provenance;
        if (p.start > p.end || p.end > doc->text.size() ||
            doc->text.compare(p.start, p.end - p.start, p.sentence) != 0) {
            std::fprintf(stderr, "provenance contract violated: [%u, %u) of %zu bytes, rule %s\n", p.start,
                         p.end, doc->text.size(), p.extractor.c_str());
            std::abort();
        }
    }
    return 0;
}
