// tests/extractors/test_util.hpp — helpers shared by the extractor tests.
#pragma once
#include <cstdlib>
#include <string>

#include "kgmill/core/document.hpp"
#include "kgmill/core/triple.hpp"

namespace kgmill::test {

/// The data/ folder of the source tree (rules and gazetteers).
inline std::string data_dir() {
    if (const char* env = std::getenv("KGMILL_DATA_DIR")) return env;
#ifdef KGMILL_SOURCE_DATA_DIR
    return KGMILL_SOURCE_DATA_DIR;
#else
    std::string f = __FILE__;  // …/tests/extractors/test_util.hpp
    for (int i = 0; i < 3; ++i) f = f.substr(0, f.find_last_of('/'));
    return f + "/data";
#endif
}

inline Document make_doc(std::string text, std::string id = "t.txt") {
    Document d;
    d.id = std::move(id);
    d.text = std::move(text);
    return d;
}

}  // namespace kgmill::test
