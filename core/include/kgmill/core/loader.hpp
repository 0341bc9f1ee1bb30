// kgmill/core/loader.hpp — read a file into a Document, whatever its format.
//
//   LoaderOptions opts;                       // opts.encoding = "windows-1258";
//   auto doc = load_document("docs/a.html", "a.html", opts);
//
// The format is detected from the bytes; text is decoded (UTF-8 with or without BOM,
// UTF-16 with BOM, or the ICU converter named in `encoding`) and NFC-normalised.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/core/document.hpp"
#include "kgmill/core/status.hpp"

namespace kgmill {

struct LoaderOptions {
    std::string encoding;  ///< ICU converter name for non-UTF text ("" = UTF-8/UTF-16 by BOM only)
};

/// Format from the first bytes: "<!DOCTYPE"/"<html" → HTML, "%PDF" → PDF, "PK" → DOCX, else text.
Format detect_format(std::string_view bytes);

/// Loads a file from disk. Errors name the file and the reason (empty, binary, invalid UTF-8...).
Result<Document> load_document(const std::string& path, const std::string& id,
                               const LoaderOptions& opts = {});

/// Loads from bytes already in memory (used by tests and fuzzers).
Result<Document> load_document_bytes(std::string_view bytes, const std::string& path,
                                     const std::string& id, const LoaderOptions& opts = {});

/// A file found under a DOCS argument, with its document id.
struct SourceFile {
    std::string path;  ///< path on disk
    std::string id;    ///< path relative to the argument (a file given directly: its file name)
};

/// Expands files and folders (recursive, sorted by id); missing paths are reported in `errors`.
std::vector<SourceFile> collect_sources(const std::vector<std::string>& args, std::vector<Error>& errors);

}  // namespace kgmill
