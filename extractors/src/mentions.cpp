// extractors/src/mentions.cpp — stage 3: mentions (names, roles, persons, events, anaphors).
//
// Works on one sentence's tokens. Order of passes: role phrases ("Secretary of the Party
// Committee"), titled persons ("Assoc. Prof. Dr. X"), role + person ("Director X"), quoted
// event titles, then capitalised chunks typed by head words and the gazetteer, and the
// lower-case mentions (fields, "the University", "an international conference in X",
// "Belgian universities").
#include "mentions.hpp"

#include <string_view>

#include "utf8.hpp"

namespace kgmill::ex {
namespace {

bool is_punct_text(const Token& t, std::string_view text, std::string_view p) {
    return t.is(kPunct) && text.substr(t.b, t.e - t.b) == p;
}

}  // namespace

MentionFinder::MentionFinder(const Resources& r, std::string_view text, const std::vector<Token>& toks)
    : R(r), text_(text), T(toks.data()), ntok_(toks.size()) {}

std::string_view MentionFinder::tx(std::size_t i) const { return text_.substr(T[i].b, T[i].e - T[i].b); }
std::string_view MentionFinder::span(std::size_t i, std::size_t j) const {
    return text_.substr(T[i].b, T[j - 1].e - T[i].b);
}
bool MentionFinder::cap_word(std::size_t i) const {
    return i < s1_ && T[i].is(kWord) && (T[i].is(kCap) || T[i].is(kAllCaps)) && !T[i].is(kPossessive);
}
bool MentionFinder::clause_initial(std::size_t i) const {
    if (i == s0_) return true;
    const Token& p = T[i - 1];
    if (!p.is(kPunct)) return false;
    auto s = tx(i - 1);
    return s == ":" || s == ";" || s == "(" || s == "–" || s == "-" || s == "—" || s == "•" || p.is(kOpenQuote) || s == "…";
}

void MentionFinder::add(Mention m) {
    for (std::uint32_t k = m.t0; k < m.t1; ++k) used_[k - s0_] = 1;
    m.sentence = sentence_;
    out_->push_back(std::move(m));
}

int MentionFinder::head_at(std::size_t k, std::size_t end, HeadEntry* he) const {
    std::int32_t p = -1;
    int L = R.heads.longest(T, end, k, p);
    if (L > 0 && he) *he = R.head_entries[static_cast<std::size_t>(p)];
    return L;
}

void MentionFinder::find(std::uint32_t s0, std::uint32_t s1, bool vi, int sentence, std::vector<Mention>& out) {
    s0_ = s0;
    s1_ = s1;
    vi_ = vi;
    sentence_ = sentence;
    out_ = &out;
    used_.assign(s1 - s0, 0);
    pass_roles();
    pass_persons();
    pass_quoted_events();
    pass_chunks();
}

// "Secretary of the Party Committee and Chairman of the University Council", "Vice Rector".
void MentionFinder::pass_roles() {
    for (std::size_t i = s0_; i < s1_; ++i) {
        if (used(i) || !T[i].is(kCap)) continue;
        std::size_t j = i, last_good = i;
        bool has_title = false;
        while (j < s1_) {
            int L;
            if ((L = R.role_titles.match(T, s1_, j))) { j += static_cast<std::size_t>(L); has_title = true; last_good = j; continue; }
            if ((L = R.role_modifiers.match(T, s1_, j))) {
                std::size_t k = j + static_cast<std::size_t>(L);
                if (R.role_titles.match(T, s1_, k) || R.role_modifiers.match(T, s1_, k)) { j = k; continue; }
                break;
            }
            if ((L = R.role_bodies.match(T, s1_, j))) {
                // a body only belongs to the role after a title, or right before one ("Party Secretary")
                std::size_t k = j + static_cast<std::size_t>(L);
                if (!has_title && !R.role_titles.match(T, s1_, k) && !R.role_modifiers.match(T, s1_, k) &&
                    !R.role_bodies.match(T, s1_, k))
                    break;
                j = k;
                if (has_title) last_good = j;
                continue;
            }
            if ((L = R.role_body_prefix.match(T, s1_, j)) && R.role_bodies.match(T, s1_, j + static_cast<std::size_t>(L))) {
                j += static_cast<std::size_t>(L);
                continue;
            }
            if (has_title && (L = R.role_connectors.match(T, s1_, j))) { j += static_cast<std::size_t>(L); continue; }
            break;
        }
        if (!has_title || last_good <= i) continue;
        Mention m;
        m.t0 = static_cast<std::uint32_t>(i);
        m.t1 = static_cast<std::uint32_t>(last_good);
        m.b = T[i].b;
        m.e = T[last_good - 1].e;
        m.role = true;
        m.name = std::string(span(i, last_good));
        add(std::move(m));
        i = last_good - 1;
    }
}

// A person name: 1–5 capitalised tokens that are not head words, roles or titles.
std::size_t MentionFinder::name_run(std::size_t k, std::size_t max_len) const {
    std::size_t j = k;
    while (j < s1_ && j - k < max_len && !used(j) && cap_word(j) && !T[j].is(kAbbrev)) {
        HeadEntry he;
        if (head_at(j, s1_, &he)) break;
        if (R.honorifics.match(T, s1_, j) || R.role_titles.match(T, s1_, j)) break;
        if (R.month_of.count(T[j].lex)) break;
        ++j;
    }
    return j;
}

void MentionFinder::pass_persons() {
    for (std::size_t i = s0_; i < s1_; ++i) {
        if (used(i)) continue;
        // titled person
        std::size_t j = i, hon_end = i;
        while (j < s1_ && !used(j)) {
            int L = R.honorifics.match(T, s1_, j);
            if (!L) break;
            if (!T[j].is(kCap) && !vi_) break;
            j += static_cast<std::size_t>(L);
            hon_end = j;
            if (j + 1 < s1_ && is_punct_text(T[j], text_, ",") && R.honorifics.match(T, s1_, j + 1)) ++j;
        }
        if (hon_end > i) {
            std::size_t k = name_run(hon_end, 5);
            if (k > hon_end) {
                // a name never ends in an org head's neighbourhood: "Prof. X University" is not a person
                HeadEntry he;
                if (k < s1_ && cap_word(k) && head_at(k, s1_, &he)) { i = hon_end - 1; continue; }
                Mention m;
                m.t0 = static_cast<std::uint32_t>(i);
                m.t1 = static_cast<std::uint32_t>(k);
                m.b = T[hon_end].b;
                m.e = T[k - 1].e;
                m.type = EntityType::kPerson;
                m.name = std::string(span(hon_end, k));
                add(std::move(m));
                i = k - 1;
            }
            continue;
        }
    }
    // role directly followed by a name: "Director Le Quan", "President To Lam"
    const std::size_t n0 = out_->size();
    for (std::size_t mi = 0; mi < n0; ++mi) {
        const Mention& r = (*out_)[mi];
        if (!r.role || r.sentence != sentence_) continue;
        std::size_t k0 = r.t1;
        if (k0 >= s1_ || used(k0) || !cap_word(k0)) continue;
        std::size_t k = name_run(k0, 4);
        if (k - k0 < 2) continue;
        if (k < s1_ && cap_word(k)) continue;  // part of a longer name
        std::int32_t gp = -1;
        if (R.gaz.longest(T, k, k0, gp) == static_cast<int>(k - k0)) continue;  // a place or country
        Mention m;
        m.t0 = static_cast<std::uint32_t>(k0);
        m.t1 = static_cast<std::uint32_t>(k);
        m.b = T[k0].b;
        m.e = T[k - 1].e;
        m.type = EntityType::kPerson;
        m.name = std::string(span(k0, k));
        add(std::move(m));
    }
}

// seminar "Title", the conference “Title,”
void MentionFinder::pass_quoted_events() {
    for (std::size_t i = s0_; i + 1 < s1_; ++i) {
        if (used(i)) continue;
        HeadEntry he;
        int L = head_at(i, s1_, &he);
        bool is_event = L > 0 && he.type == EntityType::kEvent;
        if (!is_event) {
            L = R.event_anaphors.match(T, s1_, i);
            is_event = L > 0;
        }
        if (!is_event) continue;
        std::size_t q = i + static_cast<std::size_t>(L);
        if (q >= s1_ || !T[q].is(kOpenQuote)) continue;
        std::size_t c = q + 1;
        while (c < s1_ && c < q + 60 && !T[c].is(kCloseQuote)) ++c;
        if (c >= s1_ || !T[c].is(kCloseQuote) || c == q + 1) continue;
        std::size_t last = c;  // exclusive end of the title's tokens
        while (last > q + 1 && T[last - 1].is(kPunct)) --last;
        if (last <= q + 1) continue;
        Mention m;
        m.t0 = static_cast<std::uint32_t>(i);
        m.t1 = static_cast<std::uint32_t>(c + 1);
        m.b = T[q + 1].b;
        m.e = T[last - 1].e;
        m.type = EntityType::kEvent;
        m.head_lex = T[i].lex;
        m.name = std::string(text_.substr(m.b, m.e - m.b));
        add(std::move(m));
        i = c;
    }
}

void MentionFinder::pass_chunks() {
    for (std::size_t i = s0_; i < s1_; ++i) {
        if (used(i)) continue;
        const Token& t = T[i];
        if (t.is(kPunct)) continue;
        if (t.is(kCap) && !t.is(kAllCaps)) {  // "The academy", "A conference in …" open a sentence
            auto w = tx(i);
            if (w == "The" || w == "A" || w == "An") {
                std::size_t next = lower_mention(i);
                if (next > i) { i = next - 1; continue; }
            }
        }
        if (!(t.is(kCap) || t.is(kAllCaps)) || t.is(kPossessive)) {
            std::size_t next = lower_mention(i);
            if (next > i) i = next - 1;
            continue;
        }
        std::size_t next = vi_ ? chunk_vi(i) : chunk_en(i);
        if (next > i) i = next - 1;
    }
}

// Lower-case mentions at i; returns the index after the mention (i when none).
std::size_t MentionFinder::lower_mention(std::size_t i) {
    const Token& t = T[i];
    // ordinal + capitalised name: "7th International Conference on …"
    if (t.is(kHasDigit) && i + 1 < s1_ && cap_word(i + 1)) {
        auto s = tx(i);
        if (s.size() >= 3 && (s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th")))
            return chunk_en(i);
    }
    // field phrases
    std::int32_t gp = -1;
    int gl = R.gaz.longest(T, s1_, i, gp);
    if (gl > 0 && R.gaz_entries[static_cast<std::size_t>(gp)].type == EntityType::kField && !any_used(i, i + gl)) {
        const GazEntry& g = R.gaz_entries[static_cast<std::size_t>(gp)];
        Mention m;
        m.t0 = static_cast<std::uint32_t>(i);
        m.t1 = static_cast<std::uint32_t>(i + gl);
        m.b = T[i].b;
        m.e = T[i + gl - 1].e;
        m.type = EntityType::kField;
        m.name = g.name;
        std::string surf(span(i, i + gl));
        if (surf != g.name) m.alias = surf;
        add(std::move(m));
        return i + static_cast<std::size_t>(gl);
    }
    auto w = tx(i);
    // "the University", "the academy", "the seminar"
    if ((w == "the" || w == "The") && i + 1 < s1_ && !used(i + 1) && T[i + 1].is(kWord)) {
        auto a = R.anaphor_heads.find(T[i + 1].lex);
        const bool next_blocks = i + 2 < s1_ && (cap_word(i + 2) || tx(i + 2) == "of" || T[i + 2].is(kOpenQuote));
        if (a != R.anaphor_heads.end() && !next_blocks) {
            Mention m;
            m.t0 = static_cast<std::uint32_t>(i);
            m.t1 = static_cast<std::uint32_t>(i + 2);
            m.b = T[i + 1].b;
            m.e = T[i + 1].e;
            m.type = a->second;
            m.anaphor = true;
            m.head_lex = T[i + 1].lex;
            m.name = std::string(tx(i + 1));
            add(std::move(m));
            return i + 2;
        }
        int L = R.event_anaphors.match(T, s1_, i + 1);
        const std::size_t after = i + 1 + static_cast<std::size_t>(L);
        const bool named = after < s1_ && (cap_word(after) || T[after].is(kOpenQuote) ||
                                           ((tx(after) == "of" || tx(after) == "on") && after + 1 < s1_ && cap_word(after + 1) &&
                                            !R.month_of.count(T[after + 1].lex) && !R.weekdays.match(T, s1_, after + 1)));
        if (L > 0 && !named) {
            Mention m;
            m.t0 = static_cast<std::uint32_t>(i);
            m.t1 = static_cast<std::uint32_t>(i + 1 + L);
            m.b = T[i + 1].b;
            m.e = T[i + L].e;
            m.type = EntityType::kEvent;
            m.anaphor = true;
            m.head_lex = T[i + 1].lex;
            m.name = std::string(span(i + 1, i + 1 + L));
            add(std::move(m));
            return i + 1 + static_cast<std::size_t>(L);
        }
    }
    // "an international conference in Laos": an unnamed event named by its place
    if (w == "a" || w == "an" || w == "A" || w == "An") {
        std::size_t k = i + 1;
        while (k < s1_ && k < i + 4 && T[k].is(kLower) && !R.event_anaphors.match(T, s1_, k)) ++k;
        int L = k < s1_ ? R.event_anaphors.match(T, s1_, k) : 0;
        std::size_t h = k;
        if (L > 0 && h + L + 1 < s1_ && tx(h + L) == "in") {
            std::size_t p = h + static_cast<std::size_t>(L) + 1;
            std::int32_t pp = -1;
            int pl = R.gaz.longest(T, s1_, p, pp);
            if (pl > 0 && cap_word(p)) {
                const GazEntry& g = R.gaz_entries[static_cast<std::size_t>(pp)];
                if (g.type == EntityType::kCountry || g.type == EntityType::kPlace) {
                    Mention m;
                    m.t0 = static_cast<std::uint32_t>(i);
                    m.t1 = static_cast<std::uint32_t>(h + L);
                    m.b = T[i + 1].b;
                    m.e = T[h + L - 1].e;
                    m.type = EntityType::kEvent;
                    m.head_lex = T[h].lex;
                    m.name = std::string(span(i + 1, h + L)) + " in " + std::string(span(p, p + pl));
                    add(std::move(m));
                    return h + static_cast<std::size_t>(L);
                }
            }
        }
    }
    return i;
}

// Builds a mention of the gazetteer entry gp over [i, j).
void MentionFinder::add_gaz(std::size_t i, std::size_t j, std::int32_t gp) {
    const GazEntry& g = R.gaz_entries[static_cast<std::size_t>(gp)];
    Mention m;
    m.t0 = static_cast<std::uint32_t>(i);
    m.t1 = static_cast<std::uint32_t>(j);
    m.b = T[i].b;
    m.e = T[j - 1].e;
    m.type = g.type;
    m.name = g.name;
    std::string surf(span(i, j));
    // "Fujian province"
    if (g.type == EntityType::kPlace && j < s1_ && R.place_lower_heads.match(T, s1_, j) == 1) {
        m.t1 = static_cast<std::uint32_t>(j + 1);
        m.e = T[j].e;
        surf = std::string(span(i, j + 1));
    }
    if (surf != g.name) m.alias = surf;
    m.acronym = g.acronym;
    add(std::move(m));
}

// After a name chunk [i, j): "(ACRONYM)", ", Hanoi" after "National University", "Office in X".
void MentionFinder::finish_name(Mention& m, std::size_t& j, const HeadEntry* head, std::size_t head_pos) {
    // name place suffix: "Vietnam National University, Hanoi"
    if (j + 1 < s1_ && is_punct_text(T[j], text_, ",")) {
        bool suffix_head = false;
        for (std::size_t k = m.t0; k < j; ++k) {
            int L = R.place_suffix_heads.match(T, j, k);
            if (L > 0 && k + static_cast<std::size_t>(L) == j) suffix_head = true;
        }
        std::int32_t gp = -1;
        int gl = suffix_head ? R.gaz.longest(T, s1_, j + 1, gp) : 0;
        if (gl > 0 && cap_word(j + 1) && R.gaz_entries[static_cast<std::size_t>(gp)].type == EntityType::kPlace) {
            std::size_t after = j + 1 + static_cast<std::size_t>(gl);
            if (after >= s1_ || !cap_word(after)) {
                m.alias = m.name;
                m.e = T[after - 1].e;
                m.name = std::string(text_.substr(m.b, m.e - m.b));
                j = after;
            }
        }
    }
    // "Forum of … in East Asia (ACR)": a place phrase inside a name that an acronym closes
    if (j + 4 < s1_ && tx(j) == "in" && cap_word(j + 1)) {
        std::size_t k = j + 1;
        while (k < s1_ && k < j + 4 && cap_word(k)) ++k;
        if (k + 2 < s1_ && is_punct_text(T[k], text_, "(") && T[k + 1].is(kAllCaps) && is_punct_text(T[k + 2], text_, ")")) {
            m.e = T[k - 1].e;
            m.name = std::string(text_.substr(m.b, m.e - m.b));
            j = k;
        }
    }
    // acronym defined in parentheses
    if (j + 2 < s1_ && is_punct_text(T[j], text_, "(") && T[j + 1].is(kAllCaps) && is_punct_text(T[j + 2], text_, ")") &&
        !R.acronym_stop.match(T, s1_, j + 1)) {
        m.alias = std::string(tx(j + 1));
        j += 3;
    }
    // "UNESCO Office in Viet Nam": the office is named with its place
    if (head && head->type == EntityType::kUnit && j + 1 < s1_ && tx(j) == "in") {
        bool office = R.located_office_heads.match(T, s1_, head_pos) > 0;
        std::int32_t gp = -1;
        int gl = office ? R.gaz.longest(T, s1_, j + 1, gp) : 0;
        if (gl > 0 && cap_word(j + 1)) {
            auto ty = R.gaz_entries[static_cast<std::size_t>(gp)].type;
            if (ty == EntityType::kCountry || ty == EntityType::kPlace) {
                m.alias = m.name;
                m.name += " in " + std::string(span(j + 1, j + 1 + static_cast<std::size_t>(gl)));
            }
        }
    }
    m.t1 = static_cast<std::uint32_t>(j);
}

std::size_t MentionFinder::type_chunk(std::size_t i, std::size_t j, bool vi_head) {
    // head words
    HeadEntry head;
    std::size_t head_pos = 0, head_len = 0;
    bool has_head = false;
    // Vietnamese: the head opens the name. English: the last head word before the first
    // "of"/"for" ("Northern Rivers University Alliance" is an alliance, "University of X" a university).
    for (std::size_t k = i; k < j; ++k) {
        if (!vi_head && has_head && T[k].lex >= 0) {
            auto c = R.connectors.find(T[k].lex);
            if (c != R.connectors.end() && (c->second == kConnOf || c->second == kConnOn)) break;
        }
        HeadEntry he;
        int L = head_at(k, j, &he);
        if (L > 0 && cap_word(k)) {
            if (vi_head ? (k == i) : true) {
                has_head = true;
                head = he;
                head_pos = k;
                head_len = static_cast<std::size_t>(L);
                k += static_cast<std::size_t>(L) - 1;
            }
        }
        if (vi_head) break;
    }
    std::int32_t gp = -1;
    int gl = R.gaz.longest(T, j, i, gp);
    if (gl > 0 && R.gaz_entries[static_cast<std::size_t>(gp)].acronym && !T[i].is(kAllCaps)) gl = 0;
    if (gl > 0 && R.gaz_entries[static_cast<std::size_t>(gp)].type == EntityType::kField && !has_head) gl = gl;
    const std::size_t len = j - i;
    if (gl == static_cast<int>(len)) {
        add_gaz(i, j, gp);
        return out_->back().t1;
    }
    if (has_head && head_len == len && head_pos == i && !T[i].is(kAllCaps)) return j;
    if (has_head) {
        Mention m;
        m.t0 = static_cast<std::uint32_t>(i);
        m.b = T[i].b;
        m.e = T[j - 1].e;
        m.type = head.type;
        m.name = std::string(span(i, j));
        if (head.type == EntityType::kEvent || head.type == EntityType::kProgram) m.head_lex = T[head_pos].lex;
        std::size_t jj = j;
        finish_name(m, jj, &head, head_pos);
        if (head.type == EntityType::kPlace && jj < s1_ && R.place_lower_heads.match(T, s1_, jj) == 1) ++jj, m.t1 = static_cast<std::uint32_t>(jj);
        add(std::move(m));
        return jj;
    }
    if (vi_head && len >= 2 && len <= 4 && R.vi_surnames.match(T, s1_, i) && gl == 0) {
        Mention m;
        m.t0 = static_cast<std::uint32_t>(i);
        m.t1 = static_cast<std::uint32_t>(j);
        m.b = T[i].b;
        m.e = T[j - 1].e;
        m.type = EntityType::kPerson;
        m.name = std::string(span(i, j));
        add(std::move(m));
        return j;
    }
    if (gl > 0) {  // a known name followed by more capitals: take the known part
        add_gaz(i, i + static_cast<std::size_t>(gl), gp);
        return out_->back().t1;
    }
    // demonym: "Belgian universities" → Belgium; a lone demonym is an adjective
    if (len == 1) {
        auto d = R.demonym_country.find(T[i].lex);
        if (d != R.demonym_country.end()) {
            std::int32_t cp = -1;
            int cl = i + 1 < s1_ ? R.categories.longest(T, s1_, i + 1, cp) : 0;
            if (cl > 0) {
                const GazEntry& g = R.gaz_entries[static_cast<std::size_t>(d->second)];
                Mention m;
                m.t0 = static_cast<std::uint32_t>(i);
                m.t1 = static_cast<std::uint32_t>(i + 1 + cl);
                m.b = T[i].b;
                m.e = T[i].e;
                m.type = EntityType::kCountry;
                m.name = g.name;
                add(std::move(m));
                return i + 1 + static_cast<std::size_t>(cl);
            }
            return j;
        }
        if (!T[i].is(kAllCaps)) {
            if (clause_initial(i) || R.common_words.count(T[i].lex)) return j;
        } else if (R.acronym_stop.match(T, s1_, i)) {
            return j;
        }
    } else if (clause_initial(i) && R.common_words.count(T[i].lex) && !T[i].is(kAllCaps)) {
        return i + 1;  // "Receiving BENGUET University": re-chunk after the verb
    }
    Mention m;
    m.t0 = static_cast<std::uint32_t>(i);
    m.b = T[i].b;
    m.e = T[j - 1].e;
    m.unk = true;
    m.acronym = len == 1 && T[i].is(kAllCaps);
    m.name = std::string(span(i, j));
    std::size_t jj = j;
    finish_name(m, jj, nullptr, 0);
    add(std::move(m));
    return jj;
}

std::size_t MentionFinder::chunk_en(std::size_t i) {
    if (R.stop_caps.match(T, s1_, i) && !T[i].is(kAllCaps)) return i + 1;
    if (R.month_of.count(T[i].lex) || R.weekdays.match(T, s1_, i)) return i + 1;
    {
        const bool common = !T[i].is(kAllCaps) && T[i].lex >= 0 && R.common_words.count(T[i].lex) &&
                            (clause_initial(i) || is_gerund(i));
        const bool gerund = is_gerund(i) && i + 1 < s1_ && T[i + 1].is(kLower);
        if (common || gerund) {
            HeadEntry he;
            std::int32_t gp = -1;
            if (!head_at(i, s1_, &he) && R.gaz.longest(T, s1_, i, gp) == 0) return i + 1;
        }
    }
    std::size_t j = i, last = i;
    bool has_of = false, event_head = false;
    while (j < s1_) {
        if (used(j)) break;
        const Token& t = T[j];
        const bool first = j == i;
        if ((t.is(kWord) && (t.is(kCap) || t.is(kAllCaps)) && !t.is(kPossessive)) || (first && t.is(kHasDigit))) {
            if (!first && (R.month_of.count(t.lex) || R.weekdays.match(T, s1_, j))) break;
            if (!first && R.stop_caps.match(T, s1_, j) && !t.is(kAllCaps) && !(j > i && T[j - 1].lex >= 0 &&
                R.connectors.count(T[j - 1].lex))) break;
            HeadEntry he;
            if (head_at(j, s1_, &he) && (he.type == EntityType::kEvent || he.type == EntityType::kProgram)) event_head = true;
            ++j;
            last = j;
            continue;
        }
        const bool next_cap = j + 1 < s1_ && !used(j + 1) &&
                              (cap_word(j + 1) || (j + 2 < s1_ && T[j + 1].lex >= 0 && R.connectors.count(T[j + 1].lex) &&
                                                   R.connectors.at(T[j + 1].lex) == kConnThe && cap_word(j + 2) && !used(j + 2)));
        if (t.is(kWord) && t.lex >= 0 && next_cap && j > i) {
            auto c = R.connectors.find(t.lex);
            if (c != R.connectors.end()) {
                bool ok = false;
                switch (c->second) {
                    case kConnOf: ok = true; has_of = true; break;
                    case kConnThe: ok = j > i && T[j - 1].lex >= 0 && R.connectors.count(T[j - 1].lex) &&
                                        R.connectors.at(T[j - 1].lex) == kConnOf;
                        break;
                    case kConnAnd: {
                        ok = has_of;
                        if (ok) {  // "… of A and University of B": a new name starts after "and"
                            HeadEntry he;
                            if (head_at(j + 1, s1_, &he) && he.type != EntityType::kField) ok = false;
                        }
                        break;
                    }
                    case kConnAmp: ok = true; break;
                    case kConnOn: ok = event_head; break;
                    default: break;
                }
                if (ok && !t.is(kCap)) { ++j; continue; }
            }
        }
        break;
    }
    if (last == i) return i + 1;
    if (last + 1 < s1_ && is_punct_text(T[last], text_, ",")) {
        std::int32_t cp = -1;
        int cl = R.gaz.longest(T, s1_, last + 1, cp);
        if (cl > 0 && R.gaz_entries[static_cast<std::size_t>(cp)].type == EntityType::kCountry) {
            for (std::size_t k = i + 2; k < last; ++k) {
                std::int32_t pp = -1;
                if (R.gaz.longest(T, last, k, pp) == static_cast<int>(last - k) &&
                    R.gaz_entries[static_cast<std::size_t>(pp)].type == EntityType::kPlace) {
                    HeadEntry he;
                    bool head_before = false;
                    for (std::size_t h = i; h < k; ++h) if (head_at(h, k, &he)) head_before = true;
                    if (head_before) { last = k; break; }
                }
            }
        }
    }
    return type_chunk(i, last, false);
}

std::size_t MentionFinder::chunk_vi(std::size_t i) {
    HeadEntry he;
    int L = head_at(i, s1_, &he);
    if (L > 0 && he.prefix_vi && !R.role_titles.match(T, s1_, i)) {
        std::size_t j = i + static_cast<std::size_t>(L), last = j;
        int caps = 0;
        while (j < s1_ && !used(j)) {
            const Token& t = T[j];
            if (cap_word(j)) {
                if (caps > 0 && R.vi_surnames.match(T, s1_, j)) {
                    std::size_t e = j;
                    while (e < s1_ && cap_word(e)) ++e;
                    if (e - j >= 2 && e - j <= 4) break;
                }
                ++j; last = j; ++caps; continue;
            }
            if (t.is(kWord) && t.is(kLower) && !R.vi_stop.match(T, s1_, j) && !R.vi_connectors.match(T, s1_, j)) {
                bool found = false;
                for (std::size_t k = j + 1; k < s1_ && k <= j + 4; ++k) {
                    if (T[k].is(kPunct) || R.vi_stop.match(T, s1_, k) || R.vi_connectors.match(T, s1_, k)) break;
                    if (cap_word(k)) { found = true; break; }
                }
                if (found) { ++j; continue; }
                break;
            }
            if (caps > 0 && j + 1 < s1_ && cap_word(j + 1) &&
                (R.vi_connectors.match(T, s1_, j) || (t.is(kPunct) && (tx(j) == "-" || tx(j) == "–")))) {
                HeadEntry h2;
                if (R.vi_connectors.match(T, s1_, j) && head_at(j + 1, s1_, &h2)) break;
                ++j;
                continue;
            }
            break;
        }
        if (caps > 0) return type_chunk(i, last, true);
        // a bare head word ("Bộ", "Trường") that names nothing
        if (L > 1 || !cap_word(i + 1)) return i + static_cast<std::size_t>(L);
    }
    // capitalised run (no connectors in Vietnamese names)
    std::size_t j = i;
    while (j < s1_ && !used(j) && cap_word(j) && !R.month_of.count(T[j].lex)) {
        if (j > i && head_at(j, s1_, &he) && he.prefix_vi) break;
        ++j;
    }
    if (j == i) return i + 1;
    if (R.stop_caps.match(T, s1_, i) && !T[i].is(kAllCaps) && j == i + 1) return i + 1;
    return type_chunk(i, j, true);
}

bool MentionFinder::is_gerund(std::size_t i) const {
    auto w = tx(i);
    return T[i].is(kCap) && !T[i].is(kAllCaps) && w.size() > 5 && w.ends_with("ing");
}

bool MentionFinder::any_used(std::size_t a, std::size_t b) const {
    for (std::size_t k = a; k < b; ++k)
        if (used(k)) return true;
    return false;
}

}  // namespace kgmill::ex
