// Helpers shared by the core loader tests.
#pragma once
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "kgmill/core/document.hpp"
#include "kgmill/core/loader.hpp"
#include "kgmill/core/unicode.hpp"

namespace kgmill::test {

/// The Document::text contract: blocks in order, separated by exactly "\n\n", covering the
/// whole text, none empty, none starting or ending with whitespace; valid NFC UTF-8.
inline void check_text_contract(const Document& doc) {
    INFO("doc " << doc.id);
    REQUIRE(is_valid_utf8(doc.text));
    REQUIRE(to_nfc(doc.text) == doc.text);
    std::string rebuilt;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block& b = doc.blocks[i];
        REQUIRE(b.begin < b.end);
        REQUIRE(b.end <= doc.text.size());
        const std::string piece = doc.text.substr(b.begin, b.end - b.begin);
        INFO("block " << i << ": [" << piece << "]");
        const auto is_ws = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
        CHECK_FALSE(is_ws(piece.front()));
        CHECK_FALSE(is_ws(piece.back()));
        CHECK(piece.find('\n') == std::string::npos);
        CHECK(piece.find("  ") == std::string::npos);
        CHECK(piece.find('\t') == std::string::npos);
        CHECK(piece.find("\xC2\xA0") == std::string::npos);  // NBSP
        if (i > 0) {
            REQUIRE(b.begin == doc.blocks[i - 1].end + 2);
            rebuilt += "\n\n";
        } else {
            REQUIRE(b.begin == 0);
        }
        rebuilt += piece;
    }
    REQUIRE(rebuilt == doc.text);
}

/// The text of block i.
inline std::string block_text(const Document& doc, std::size_t i) {
    const Block& b = doc.blocks.at(i);
    return doc.text.substr(b.begin, b.end - b.begin);
}

/// A fresh scratch directory for one test.
inline std::filesystem::path scratch_dir(const std::string& name) {
#ifdef KGMILL_TEST_TMP
    std::filesystem::path base = KGMILL_TEST_TMP;
#else
    std::filesystem::path base = std::filesystem::temp_directory_path() / "kgmill-tests";
#endif
    const std::filesystem::path dir = base / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline void write_file(const std::filesystem::path& p, std::string_view bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// Path of a seed document (../shared/corpus/seeds).
inline std::string seed_path(const std::string& name) {
#ifdef KGMILL_SHARED_DIR
    return std::string(KGMILL_SHARED_DIR) + "/corpus/seeds/" + name;
#else
    return "../shared/corpus/seeds/" + name;
#endif
}

}  // namespace kgmill::test
