// cli/pipeline.hpp — wiring of load → extract → (store) used by build, extract and eval.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kgmill/core/loader.hpp"
#include "kgmill/core/triple.hpp"
#include "kgmill/extractors/extractor.hpp"
#include "kgmill/graph/resolve.hpp"

namespace kgmill::cli {

struct RunOptions {
    std::vector<std::string> docs;
    std::string data_dir;
    LoaderOptions loader;
    unsigned threads = 0;  ///< 0 = all cores
    bool quiet = false;
};

/// One document after loading and extraction (or the reason it could not be read).
struct Extracted {
    SourceFile source;
    bool ok = false;
    bool unchanged = false;  ///< already stored with the same content hash (build only)
    Error error;
    Document doc;            ///< text released after extraction; metadata kept
    std::vector<Triple> triples;
};

/// The shared extraction context: rules, aliases.
struct Context {
    std::shared_ptr<const Extractor> extractor;
    AliasTable aliases;
};

/// Loads the alias tables of the data folder (aliases.tsv, aliases/*.tsv).
Result<AliasTable> load_aliases(const std::string& data_dir);

/// Loads rules and alias tables from the data folder.
Result<Context> make_context(const std::string& data_dir);

/// Loads and extracts every document of opts.docs in parallel and hands each result to
/// `consume` in document order. `is_unchanged(id, hash)` lets build skip stored documents.
/// Returns the number of documents that could not be read (each printed on stderr).
std::size_t run_extraction(const RunOptions& opts, const Context& ctx,
                           const std::function<bool(const std::string&, const std::string&)>& is_unchanged,
                           const std::function<void(Extracted&)>& consume);

}  // namespace kgmill::cli
