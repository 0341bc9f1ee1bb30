// extractors/src/lexicon.cpp
#include "lexicon.hpp"

#include "utf8.hpp"

namespace kgmill::ex {

std::int32_t Lexicon::intern(std::string_view lower) {
    auto it = map_.find(lower);
    if (it != map_.end()) return it->second;
    const auto id = static_cast<std::int32_t>(words_.size());
    words_.emplace_back(lower);
    map_.emplace(std::string(lower), id);
    return id;
}

void Lexicon::freeze() {
    std::size_t cap = 16;
    while (cap < words_.size() * 2 + 16) cap <<= 1;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    arena_.clear();
    for (std::size_t id = 0; id < words_.size(); ++id) {
        const std::string& w = words_[id];
        Slot s;
        s.hash = hash(w);
        s.off = static_cast<std::uint32_t>(arena_.size());
        s.len = static_cast<std::uint32_t>(w.size());
        s.id = static_cast<std::int32_t>(id);
        arena_ += w;
        std::size_t i = s.hash & mask_;
        while (slots_[i].id >= 0) i = (i + 1) & mask_;
        slots_[i] = s;
    }
}

std::vector<std::int32_t> phrase_ids(Lexicon& lex, std::string_view phrase) {
    std::vector<Token> toks;
    std::string scratch;
    tokenize(phrase, 0, static_cast<std::uint32_t>(phrase.size()), nullptr, scratch, toks);
    std::vector<std::int32_t> ids;
    ids.reserve(toks.size());
    for (const auto& t : toks) {
        if (t.flags & kPossessive) { ids.push_back(lex.intern("'s")); continue; }
        std::string low = to_lower(phrase.substr(t.b, t.e - t.b));
        ids.push_back(lex.intern(low));
    }
    return ids;
}

void WordSet::add(std::vector<std::int32_t> phrase) {
    if (phrase.empty()) return;
    const auto u = static_cast<std::uint32_t>(phrase[0]);
    if ((u >> 6) >= bits_.size()) bits_.resize((u >> 6) + 1, 0);
    bits_[u >> 6] |= std::uint64_t{1} << (u & 63);
    auto& v = first_[phrase[0]];
    for (const auto& p : v)
        if (p == phrase) return;
    v.push_back(std::move(phrase));
}

int WordSet::match_slow(const Token* toks, std::size_t n, std::size_t i) const {
    auto it = first_.find(toks[i].lex);
    if (it == first_.end()) return 0;
    int best = 0;
    for (const auto& p : it->second) {
        if (p.size() <= static_cast<std::size_t>(best) || i + p.size() > n) continue;
        bool ok = true;
        for (std::size_t k = 1; k < p.size(); ++k)
            if (toks[i + k].lex != p[k]) { ok = false; break; }
        if (ok) best = static_cast<int>(p.size());
    }
    return best;
}

bool WordSet::contains_word(std::int32_t id) const {
    auto it = first_.find(id);
    if (it == first_.end()) return false;
    for (const auto& p : it->second)
        if (p.size() == 1) return true;
    return false;
}

std::vector<std::int32_t> WordSet::first_words() const {
    std::vector<std::int32_t> v;
    for (const auto& [k, _] : first_) v.push_back(k);
    return v;
}

void PhraseTrie::add(const std::vector<std::int32_t>& phrase, std::int32_t payload) {
    if (phrase.empty()) return;
    const auto u = static_cast<std::uint32_t>(phrase[0]);
    if ((u >> 6) >= root_bits_.size()) root_bits_.resize((u >> 6) + 1, 0);
    root_bits_[u >> 6] |= std::uint64_t{1} << (u & 63);
    std::int32_t node = 0;
    for (auto id : phrase) {
        const std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(id);
        auto it = edges_.find(key);
        if (it == edges_.end()) {
            const auto child = static_cast<std::int32_t>(payload_.size());
            payload_.push_back(-1);
            edges_.emplace(key, child);
            node = child;
        } else {
            node = it->second;
        }
    }
    if (payload_[static_cast<std::size_t>(node)] < 0) payload_[static_cast<std::size_t>(node)] = payload;
}

int PhraseTrie::longest_slow(const Token* toks, std::size_t n, std::size_t i, std::int32_t& payload) const {
    std::int32_t node = 0;
    int best = 0;
    for (std::size_t k = i; k < n; ++k) {
        if (toks[k].lex < 0) break;
        const std::uint64_t key = (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(toks[k].lex);
        auto it = edges_.find(key);
        if (it == edges_.end()) break;
        node = it->second;
        if (payload_[static_cast<std::size_t>(node)] >= 0) {
            best = static_cast<int>(k - i + 1);
            payload = payload_[static_cast<std::size_t>(node)];
        }
    }
    return best;
}

}  // namespace kgmill::ex
