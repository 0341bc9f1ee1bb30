// kgmill/extractors/extractor.hpp — documents in, triples with provenance out.
//
//   auto ex = Extractor::create("data");          // compiles rule files once
//   if (!ex) ...;
//   std::vector<Triple> ts = (*ex)->extract(doc);  // thread-safe, call from many threads
//
// Rules and word lists are data under data/rules/ and data/gazetteers/; see README.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "kgmill/core/document.hpp"
#include "kgmill/core/status.hpp"
#include "kgmill/core/triple.hpp"

namespace kgmill {

class Extractor {
public:
    virtual ~Extractor() = default;
    /// Loads and compiles the rule files and gazetteers under `data_dir`.
    /// Errors name the file and line of a bad rule.
    static Result<std::shared_ptr<const Extractor>> create(const std::string& data_dir);
    /// Every relation the rules find in `doc`, in order of evidence offset. Thread-safe.
    virtual std::vector<Triple> extract(const Document& doc) const = 0;
};

}  // namespace kgmill
