// extractors/src/lexicon.hpp — internal: interned lower-case words, word sets and a phrase trie.
//
// Built once by Extractor::create, then immutable and shared by all threads.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tokenizer.hpp"

namespace kgmill::ex {

struct SvHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Lexicon {
public:
    /// Id of a lower-case word, adding it when new (build time only).
    std::int32_t intern(std::string_view lower);
    /// Id or -1. Uses the flat table once freeze() has run (the hot path), the map before.
    std::int32_t find(std::string_view lower) const {
        if (slots_.empty()) {
            auto it = map_.find(lower);
            return it == map_.end() ? -1 : it->second;
        }
        const std::uint64_t h = hash(lower);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.id < 0) return -1;
            if (s.hash == h && s.len == lower.size() && std::string_view(arena_.data() + s.off, s.len) == lower) return s.id;
        }
    }
    const std::string& word(std::int32_t id) const { return words_[static_cast<std::size_t>(id)]; }
    std::size_t size() const { return words_.size(); }
    /// Builds the open-addressing table that find() uses; call once loading is over.
    void freeze();
    /// FNV-1a, 64 bit.
    static std::uint64_t hash(std::string_view s) {
        std::uint64_t h = 1469598103934665603ull;
        for (unsigned char c : s) { h ^= c; h *= 1099511628211ull; }
        return h;
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t off = 0, len = 0;
        std::int32_t id = -1;
    };
    std::unordered_map<std::string, std::int32_t, SvHash, std::equal_to<>> map_;
    std::vector<std::string> words_;
    std::vector<Slot> slots_;
    std::string arena_;
    std::size_t mask_ = 0;
};

/// Tokenizes a phrase from a data file into lexicon ids (interning every word).
std::vector<std::int32_t> phrase_ids(Lexicon& lex, std::string_view phrase);

/// A set of words and multi-word phrases, matched on lexicon ids.
class WordSet {
public:
    void add(std::vector<std::int32_t> phrase);
    /// Length in tokens of the longest phrase starting at toks[i] (0 when none).
    int match(const Token* toks, std::size_t n, std::size_t i) const {
        if (i >= n || !may_start(toks[i].lex)) return 0;
        return match_slow(toks, n, i);
    }
    bool contains_word(std::int32_t id) const;
    bool empty() const { return first_.empty(); }
    /// First words of every phrase (the prefilter uses them).
    std::vector<std::int32_t> first_words() const;
    /// Adds every phrase of `other`.
    void merge(const WordSet& other) {
        for (const auto& [k, v] : other.first_)
            for (const auto& p : v) add(p);
    }

    /// Cheap membership test of a first word (a bitmap over lexicon ids).
    bool may_start(std::int32_t id) const {
        const auto u = static_cast<std::uint32_t>(id);
        return id >= 0 && (u >> 6) < bits_.size() && ((bits_[u >> 6] >> (u & 63)) & 1u);
    }

private:
    int match_slow(const Token* toks, std::size_t n, std::size_t i) const;
    std::unordered_map<std::int32_t, std::vector<std::vector<std::int32_t>>> first_;
    std::vector<std::uint64_t> bits_;
};

/// Leftmost-longest phrase dictionary over lexicon ids with an integer payload per phrase.
class PhraseTrie {
public:
    void add(const std::vector<std::int32_t>& phrase, std::int32_t payload);
    /// Longest match at toks[i]; returns its length and sets `payload` (0 when none).
    int longest(const Token* toks, std::size_t n, std::size_t i, std::int32_t& payload) const {
        if (i >= n || toks[i].lex < 0) return 0;
        const auto u = static_cast<std::uint32_t>(toks[i].lex);
        if ((u >> 6) >= root_bits_.size() || !((root_bits_[u >> 6] >> (u & 63)) & 1u)) return 0;
        return longest_slow(toks, n, i, payload);
    }

private:
    int longest_slow(const Token* toks, std::size_t n, std::size_t i, std::int32_t& payload) const;
    std::vector<std::uint64_t> root_bits_;                   // first words, for a cheap reject
    std::unordered_map<std::uint64_t, std::int32_t> edges_;  // (node << 32 | lex) -> child
    std::vector<std::int32_t> payload_{-1};                  // per node; node 0 is the root
};

}  // namespace kgmill::ex
