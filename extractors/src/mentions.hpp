// extractors/src/mentions.hpp — internal: the mention finder of one sentence.
#pragma once
#include <string_view>
#include <vector>

#include "model.hpp"

namespace kgmill::ex {

/// Finds the mentions of one sentence. One finder per document (not thread-safe itself;
/// each extract() call makes its own).
class MentionFinder {
public:
    MentionFinder(const Resources& r, std::string_view text, const std::vector<Token>& toks);
    /// Appends the mentions of tokens [s0, s1) to `out` (in no particular order).
    void find(std::uint32_t s0, std::uint32_t s1, bool vi, int sentence, std::vector<Mention>& out);

private:
    const Resources& R;
    std::string_view text_;
    const Token* T;
    std::size_t ntok_;
    std::size_t s0_ = 0, s1_ = 0;
    bool vi_ = false;
    int sentence_ = -1;
    std::vector<Mention>* out_ = nullptr;
    std::vector<char> used_;
    std::size_t sent_first_ = 0;  // index in *out_ of this sentence's first mention
    bool after_role_ = false;     // the Vietnamese chunk being read follows a role ("Hiệu trưởng …")

    bool used(std::size_t i) const { return used_[i - s0_] != 0; }
    bool any_used(std::size_t a, std::size_t b) const;
    std::string_view tx(std::size_t i) const;
    std::string_view span(std::size_t i, std::size_t j) const;
    bool cap_word(std::size_t i) const;
    bool is_tx(std::size_t i, std::string_view s) const { return i < s1_ && tx(i) == s; }
    bool is_dash(std::size_t i) const;
    bool clause_initial(std::size_t i) const;
    bool is_gerund(std::size_t i) const;
    int head_at(std::size_t k, std::size_t end, HeadEntry* he) const;
    int gaz_at(std::size_t k, std::size_t end, const GazEntry** g) const;
    bool vi_breaks(std::size_t k) const;
    std::size_t name_run(std::size_t k, std::size_t max_len) const;
    void add(Mention m);
    /// A mention over tokens [a, e): their token and byte span, named by their text.
    Mention at_span(std::size_t a, std::size_t e) const;
    /// A typed mention over tokens [a, e), named by their text.
    void add_typed(std::size_t a, std::size_t e, EntityType type);
    void add_gaz(std::size_t i, std::size_t j, std::int32_t gp);
    void finish_name(Mention& m, std::size_t& j, const HeadEntry* head, std::size_t head_pos);
    std::size_t type_chunk(std::size_t i, std::size_t j, bool vi_head);
    std::size_t lower_mention(std::size_t i);
    std::size_t chunk_en(std::size_t i);
    std::size_t chunk_vi(std::size_t i);
    std::size_t vi_name_end(std::size_t j, int caps);
    std::size_t program_after_name(std::size_t next);
    std::size_t vi_anaphor(std::size_t i);
    std::string english_name(std::size_t i, std::size_t j) const;
    void pass_roles();
    void pass_role_units();
    void pass_persons();
    void pass_quoted_events();
    void pass_lower_programs();
    void pass_chunks();
};

}  // namespace kgmill::ex
