// extractors/src/mentions.cpp — stage 3: mentions (names, roles, persons, events, anaphors).
//
// Works on one sentence's tokens. Order of passes: role phrases ("Secretary of the Party
// Committee"), titled persons ("Assoc. Prof. Dr. X"), role + person ("Director X"), units named
// by a role ("Trưởng khoa Du lịch" → "Khoa Du lịch"), quoted event and programme titles,
// programmes named after a lower-case head ("dự án DeltaWISE"), then capitalised chunks typed
// by head words and the gazetteer, and the lower-case mentions (fields, "the University",
// "an international conference in X", "Belgian universities", "the two institutions").
//
// Vietnamese names follow the language's orthography: a name opens with its head ("Trường Đại
// học …") and capitalises the first syllable of each word, so a lower-case syllable right after
// a capitalised one belongs to the same word ("Giáo dục") unless it is a function word or a
// verb (words.json: vi_break).
#include "mentions.hpp"

#include <string_view>

#include "utf8.hpp"

namespace kgmill::ex {
namespace {

bool is_punct_text(const Token& t, std::string_view text, std::string_view p) {
    return t.is(kPunct) && text.substr(t.b, t.e - t.b) == p;
}

// A head word taken out of a role ("Trưởng khoa") to name the unit: "khoa" → "Khoa".
std::string cap_ascii_first(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
    return out;
}

bool vietnamese_span(const Token* T, std::size_t a, std::size_t b) {
    for (std::size_t k = a; k < b; ++k)
        if (T[k].is(kViet)) return true;
    return false;
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
bool MentionFinder::is_dash(std::size_t i) const {
    if (i >= s1_ || !T[i].is(kPunct)) return false;
    auto s = tx(i);
    return s == "-" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94";
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

int MentionFinder::gaz_at(std::size_t k, std::size_t end, const GazEntry** g) const {
    std::int32_t p = -1;
    int L = R.gaz.longest(T, end, k, p);
    if (L > 0) {
        const GazEntry& e = R.gaz_entries[static_cast<std::size_t>(p)];
        if (e.acronym && !T[k].is(kAllCaps)) return 0;
        if (g) *g = &e;
    }
    return L;
}

bool MentionFinder::vi_breaks(std::size_t k) const {
    if (k >= s1_ || !T[k].is(kLower)) return false;  // only lower-case words end a name
    return R.vi_break.match(T, s1_, k) > 0 || R.vi_stop.match(T, s1_, k) > 0;
}

void MentionFinder::find(std::uint32_t s0, std::uint32_t s1, bool vi, int sentence, std::vector<Mention>& out) {
    s0_ = s0;
    s1_ = s1;
    vi_ = vi;
    sentence_ = sentence;
    out_ = &out;
    sent_first_ = out.size();
    used_.assign(s1 - s0, 0);
    pass_roles();
    pass_persons();
    pass_role_units();
    pass_quoted_events();
    pass_lower_programs();
    pass_chunks();
}

// "Secretary of the Party Committee and Chairman of the University Council", "Vice Rector",
// "Vice President for International Affairs", "Phó Hiệu trưởng phụ trách đối ngoại".
void MentionFinder::pass_roles() {
    for (std::size_t i = s0_; i < s1_; ++i) {
        if (used(i) || !T[i].is(kWord)) continue;
        const bool lower_start = !T[i].is(kCap);
        if (lower_start && !R.role_titles.match(T, s1_, i)) continue;
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
        {   // "Tổng Lãnh sự quán": an organisation's head that starts like a title
            HeadEntry he;
            int HL = head_at(i, s1_, &he);
            if (HL > 0 && i + static_cast<std::size_t>(HL) > last_good) continue;
        }
        if (lower_start) {
            // "head of SHUT's …", "chuyên viên Văn phòng …": a lower-case title needs its organisation next
            std::size_t k = last_good;
            bool ok;
            if (vi_) ok = cap_word(k);
            else if (i > s0_ && T[i - 1].is(kPossessive)) ok = true;  // "the college's president"
            else {
                ok = k + 1 < s1_ && (is_tx(k, "of") || is_tx(k, "at"));
                if (ok) {
                    std::size_t q = k + 1;
                    if (is_tx(q, "the")) ++q;
                    ok = cap_word(q);
                }
            }
            if (!ok) continue;
        }
        // the remit: "for International Affairs", "phụ trách quan hệ quốc tế"
        if (int L = R.role_qualifiers.match(T, s1_, last_good)) {
            std::size_t q = last_good + static_cast<std::size_t>(L);
            std::size_t e = q;
            if (vi_) {
                // (a verb ends the remit: "phụ trách đối ngoại làm trưởng đoàn")
                while (e < s1_ && e < q + 5 && T[e].is(kWord) && T[e].is(kLower) && !R.vi_connectors.match(T, s1_, e) &&
                       !R.vi_name_tail_end.match(T, s1_, e) && !(e > q && R.vi_break.match(T, s1_, e)))
                    ++e;
            } else {
                while (e < s1_ && e < q + 5 && cap_word(e) && !head_at(e, s1_, nullptr) && !T[e].is(kAllCaps)) ++e;
            }
            if (e > q) last_good = e;
        }
        Mention m = at_span(i, last_good);
        m.role = true;
        add(std::move(m));
        i = last_good - 1;
    }
}

// A person name: 1–5 capitalised tokens that are not head words, roles or titles.
std::size_t MentionFinder::name_run(std::size_t k, std::size_t max_len) const {
    std::size_t j = k;
    while (j < s1_ && j - k < max_len && !used(j)) {
        // "Jan de Vries", "Ludwig van Beethoven": a lower-case particle between parts of the name
        if (j > k && T[j].is(kLower) && R.name_particles.match(T, s1_, j) == 1 && j + 1 < s1_ && cap_word(j + 1) && !used(j + 1)) {
            ++j;
            continue;
        }
        if (!cap_word(j) || T[j].is(kAbbrev)) break;
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
    for (std::size_t mi = sent_first_; mi < n0; ++mi) {
        const Mention& r = (*out_)[mi];
        if (!r.role || r.sentence != sentence_) continue;
        std::size_t k0 = r.t1;
        if (k0 >= s1_ || used(k0) || !cap_word(k0)) continue;
        std::size_t k = name_run(k0, 4);
        if (k - k0 < 2) continue;
        if (k < s1_ && cap_word(k)) continue;  // part of a longer name
        std::int32_t gp = -1;
        if (R.gaz.longest(T, k, k0, gp) == static_cast<int>(k - k0)) continue;  // a place or country
        if (vi_ && !R.vi_surnames.match(T, s1_, k0)) continue;  // "Trưởng khoa Du lịch …" names a unit
        add_typed(k0, k, EntityType::kPerson);
    }
}

// "Trưởng khoa Điện tử – Viễn thông", "Trưởng phòng Hợp tác Quốc tế": the role ends with the
// head of the unit it names, so the unit is "Khoa Điện tử – Viễn thông".
void MentionFinder::pass_role_units() {
    if (!vi_) return;
    const std::size_t n0 = out_->size();
    for (std::size_t mi = sent_first_; mi < n0; ++mi) {
        const Mention r = (*out_)[mi];
        if (!r.role) continue;
        std::size_t k0 = r.t1;
        if (k0 >= s1_ || used(k0) || !cap_word(k0)) continue;
        // the last head word inside the role
        std::size_t hpos = 0, hlen = 0;
        HeadEntry he;
        for (std::size_t k = r.t0 + 1; k < r.t1; ++k) {
            HeadEntry h;
            int L = head_at(k, r.t1, &h);
            if (L > 0 && k + static_cast<std::size_t>(L) == r.t1 && h.type == EntityType::kUnit) { hpos = k; hlen = static_cast<std::size_t>(L); he = h; }
        }
        if (hlen == 0) continue;
        HeadEntry h2;
        if (head_at(k0, s1_, &h2)) continue;  // "Trưởng khoa Khoa X": the name has its own head
        std::size_t last = vi_name_end(k0, 0);
        if (last <= k0) continue;
        Mention m = at_span(k0, last);
        m.type = EntityType::kUnit;
        m.name = cap_ascii_first(span(hpos, hpos + hlen)) + " " + std::string(span(k0, last));
        std::size_t jj = last;
        finish_name(m, jj, &he, hpos);
        add(std::move(m));
    }
}

// seminar "Title", the conference “Title,”, dự án “Tên dự án”, “Ngày hội Văn hóa …”
void MentionFinder::pass_quoted_events() {
    for (std::size_t i = s0_; i + 1 < s1_; ++i) {
        if (used(i)) continue;
        EntityType type = EntityType::kEvent;
        std::size_t q = 0;
        std::int32_t head_lex = T[i].lex;
        std::size_t title0 = 0;
        if (T[i].is(kOpenQuote)) {
            // a quoted title that opens with its own head: “Ngày hội Văn hóa Hàn Quốc 2024”
            HeadEntry he;
            if (!head_at(i + 1, s1_, &he) || (he.type != EntityType::kEvent && he.type != EntityType::kProgram)) continue;
            type = he.type;
            q = i;
            title0 = i + 1;
            head_lex = T[i + 1].lex;
        } else {
            HeadEntry he;
            int L = head_at(i, s1_, &he);
            bool ok = L > 0 && (he.type == EntityType::kEvent || he.type == EntityType::kProgram);
            if (ok) type = he.type;
            if (!ok && (L = R.event_anaphors.match(T, s1_, i))) ok = true, type = EntityType::kEvent;
            if (!ok && (L = R.program_heads_lower.match(T, s1_, i))) ok = true, type = EntityType::kProgram;
            if (!ok) continue;
            q = i + static_cast<std::size_t>(L);
            // up to six lower-case words between the head and the title ("hội thảo quốc tế “…”")
            std::size_t lim = q + 6;
            while (q < s1_ && q < lim && T[q].is(kWord) && T[q].is(kLower) && !used(q)) ++q;
            if (q >= s1_ || !T[q].is(kOpenQuote)) continue;
            title0 = q + 1;
        }
        std::size_t c = q + 1;
        while (c < s1_ && c < q + 60 && !T[c].is(kCloseQuote)) ++c;
        if (c >= s1_ || !T[c].is(kCloseQuote) || c == q + 1) continue;
        std::size_t last = c;  // exclusive end of the title's tokens
        while (last > title0 && T[last - 1].is(kPunct)) --last;
        if (last <= title0) continue;
        Mention m;
        m.t0 = static_cast<std::uint32_t>(i);
        m.t1 = static_cast<std::uint32_t>(c + 1);
        m.b = T[title0].b;
        m.e = T[last - 1].e;
        m.type = type;
        m.head_lex = head_lex;
        m.name = std::string(text_.substr(m.b, m.e - m.b));
        add(std::move(m));
        i = c;
    }
}

// Vietnamese: "dự án DeltaWISE", "chương trình trao đổi sinh viên SAKURA Bridge",
// "chương trình Erasmus+": a lower-case programme head names the capitalised name after it.
void MentionFinder::pass_lower_programs() {
    if (!vi_) return;
    for (std::size_t i = s0_; i + 1 < s1_; ++i) {
        if (used(i) || !T[i].is(kLower)) continue;
        int L = R.program_heads_lower.match(T, s1_, i);
        if (!L) continue;
        {   // "Ủy ban học bổng Chính phủ …": inside an organisation's name
            bool inside = i > s0_ && cap_word(i - 1);
            for (std::size_t h = i > s0_ + 3 ? i - 3 : s0_; h < i && !inside; ++h) {
                HeadEntry he;
                int HL = head_at(h, i, &he);
                if (HL > 0 && h + static_cast<std::size_t>(HL) == i) inside = true;
            }
            if (inside) continue;
        }
        std::size_t k = i + static_cast<std::size_t>(L);
        while (k < s1_ && k < i + static_cast<std::size_t>(L) + 6 && T[k].is(kWord) && T[k].is(kLower) && !R.vi_stop.match(T, s1_, k) &&
               !R.vi_connectors.match(T, s1_, k) && !used(k))
            ++k;
        if (k >= s1_ || used(k) || !cap_word(k)) continue;
        HeadEntry he;
        if (head_at(k, s1_, &he)) continue;
        const GazEntry* g = nullptr;
        std::size_t e = k;
        std::string name;
        int gl = gaz_at(k, s1_, &g);
        if (gl > 0 && g->type != EntityType::kProgram) continue;  // "chương trình … Việt Nam"
        if (gl > 0) {
            e = k + static_cast<std::size_t>(gl);
            name = g->name;
        } else {
            e = vi_name_end(k, 0);
            while (e < s1_ && !used(e) && T[e].is(kHasDigit) && !T[e].is(kPunct) && e + 1 < s1_ && cap_word(e + 1)) e = vi_name_end(e + 1, 1);
            if (e <= k) continue;
            name = std::string(span(k, e));
        }
        Mention m;
        m.t0 = static_cast<std::uint32_t>(i);
        m.t1 = static_cast<std::uint32_t>(e);
        m.b = T[k].b;
        m.e = T[e - 1].e;
        m.type = EntityType::kProgram;
        m.head_lex = T[i].lex;
        m.name = std::move(name);
        m.alias = std::string(span(i, e));
        add(std::move(m));
        i = e - 1;
    }
}

Mention MentionFinder::at_span(std::size_t a, std::size_t e) const {
    Mention m;
    m.t0 = static_cast<std::uint32_t>(a);
    m.t1 = static_cast<std::uint32_t>(e);
    m.b = T[a].b;
    m.e = T[e - 1].e;
    m.name = std::string(span(a, e));
    return m;
}

void MentionFinder::add_typed(std::size_t a, std::size_t e, EntityType type) {
    Mention m = at_span(a, e);
    m.type = type;
    add(std::move(m));
}

void MentionFinder::pass_chunks() {
    for (std::size_t i = s0_; i < s1_; ++i) {
        if (used(i)) continue;
        const Token& t = T[i];
        if (t.is(kPunct)) continue;
        // "the two institutions", "hai bên", "all three organisers": a group of organisations named earlier
        const int OL = R.organizer_anaphors.match(T, s1_, i);
        if (int L = OL > 0 ? OL : R.pair_anaphors.match(T, s1_, i); L > 0 && !any_used(i, i + static_cast<std::size_t>(L))) {
            Mention m = at_span(i, i + static_cast<std::size_t>(L));
            m.group = true;
            m.organizers = OL > 0;
            add(std::move(m));
            i += static_cast<std::size_t>(L) - 1;
            continue;
        }
        // "thành phố Cao Lãnh", "TP. Hội An", "tỉnh Đồng Tháp": a Vietnamese place head names a place,
        // also one the gazetteers do not know ("Hội" there is no association)
        if (vi_) {
            if (int L = R.vi_place_heads.match(T, s1_, i); L > 0) {
                const std::size_t a = i + static_cast<std::size_t>(L);
                std::size_t e = a;
                while (e < s1_ && e < a + 4 && cap_word(e) && !used(e)) ++e;
                std::int32_t gp = -1;
                HeadEntry he;
                if (e > a && R.gaz.longest(T, s1_, a, gp) == 0 && !(T[a].is(kAllCaps) && e == a + 1) &&
                    !(head_at(a, s1_, &he) && he.type != EntityType::kPlace && static_cast<std::size_t>(head_at(a, s1_, &he)) >= e - a)) {
                    add_typed(a, e, EntityType::kPlace);
                    i = e - 1;
                    continue;
                }
            }
        }
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
        // a known multi-word name that no further capital continues ("Tổ chức Đại học Pháp ngữ (AUF)")
        {
            const GazEntry* g = nullptr;
            int gl = gaz_at(i, s1_, &g);
            const std::size_t ge = i + static_cast<std::size_t>(gl);
            if (gl >= 2 && !any_used(i, ge) && g->type != EntityType::kField && (ge >= s1_ || !cap_word(ge) || T[ge].is(kAllCaps))) {
                std::int32_t gp = -1;
                R.gaz.longest(T, s1_, i, gp);
                add_gaz(i, ge, gp);
                Mention& m = out_->back();
                std::size_t jj = m.t1;
                if (is_organization(m.type)) { finish_name(m, jj, nullptr, 0); for (auto k = m.t0; k < m.t1; ++k) used_[k - s0_] = 1; }
                i = m.t1 - 1;
                continue;
            }
        }
        std::size_t next = vi_ ? chunk_vi(i) : chunk_en(i);
        if (next > i) i = next - 1;
    }
}

// Lower-case mentions at i; returns the index after the mention (i when none).
std::size_t MentionFinder::lower_mention(std::size_t i) {
    const Token& t = T[i];
    // ordinal or year + capitalised name: "7th International Conference on …", "its 2025 General Assembly"
    if (t.is(kHasDigit) && i + 1 < s1_ && cap_word(i + 1)) {
        auto s = tx(i);
        const bool ordinal = s.size() >= 3 && (s.ends_with("st") || s.ends_with("nd") || s.ends_with("rd") || s.ends_with("th"));
        bool year_event = false;
        if (!ordinal && t.is(kNum) && s.size() == 4) {
            HeadEntry he;
            for (std::size_t k = i + 1; k < s1_ && k < i + 6 && cap_word(k); ++k)
                if (head_at(k, s1_, &he) && he.type == EntityType::kEvent) year_event = true;
        }
        if (ordinal || year_event) return chunk_en(i);
    }
    // field phrases
    std::int32_t gp = -1;
    int gl = R.gaz.longest(T, s1_, i, gp);
    if (gl > 0 && R.gaz_entries[static_cast<std::size_t>(gp)].type == EntityType::kField && !any_used(i, i + gl)) {
        const GazEntry& g = R.gaz_entries[static_cast<std::size_t>(gp)];
        Mention m = at_span(i, i + gl);
        m.type = EntityType::kField;
        m.name = g.name;
        std::string surf(span(i, i + gl));
        if (surf != g.name) m.alias = surf;
        add(std::move(m));
        return i + static_cast<std::size_t>(gl);
    }
    auto w = tx(i);
    // "Nhà trường", "nhà trường": the school the text is about
    if (vi_) {
        std::size_t e = vi_anaphor(i);
        if (e > i) return e;
    }
    // "the Da Nang-based university"
    if (w == "based" && i >= s0_ + 2 && is_dash(i - 1) && i + 1 < s1_ && !used(i + 1)) {
        std::int32_t ap = -1;
        int L = R.anaphor_heads.longest(T, s1_, i + 1, ap);
        if (L > 0 && T[i + 1].is(kLower)) {
            Mention m;
            m.t0 = static_cast<std::uint32_t>(i + 1);
            m.t1 = static_cast<std::uint32_t>(i + 1 + static_cast<std::size_t>(L));
            m.b = T[i + 1].b;
            m.e = T[i + static_cast<std::size_t>(L)].e;
            m.type = R.anaphor_types[static_cast<std::size_t>(ap)];
            m.head_group = R.anaphor_group[static_cast<std::size_t>(ap)];
            m.anaphor = true;
            m.qualified = true;
            m.head_lex = T[i + 1].lex;
            m.name = std::string(span(i + 1, i + 1 + static_cast<std::size_t>(L)));
            add(std::move(m));
            return i + 1 + static_cast<std::size_t>(L);
        }
    }
    // "the University", "the academy", "the seminar", "the German university"
    if ((w == "the" || w == "The") && i + 1 < s1_ && !used(i + 1) && T[i + 1].is(kWord)) {
        std::size_t h = i + 1;
        if (R.demonym_country.count(T[h].lex) && h + 1 < s1_ && T[h + 1].is(kLower)) ++h;  // "the German university"
        std::int32_t ap = -1;
        int AL = R.anaphor_heads.longest(T, s1_, h, ap);
        const std::size_t ae = h + static_cast<std::size_t>(AL);
        bool next_blocks = ae < s1_ && (cap_word(ae) || tx(ae) == "of" || T[ae].is(kOpenQuote));
        if (!next_blocks && ae + 1 < s1_ && T[ae].lex >= 0 && cap_word(ae + 1)) {  // "the Centre for Coastal Futures"
            auto c = R.connectors.find(T[ae].lex);
            if (c != R.connectors.end() && (c->second == kConnOf || c->second == kConnOn)) next_blocks = true;
        }
        if (!next_blocks && T[h].is(kCap) && ae < s1_ && tx(ae) == "(") next_blocks = true;
        if (AL > 0 && !next_blocks && !any_used(h, ae)) {
            Mention m;
            m.t0 = static_cast<std::uint32_t>(i);
            m.t1 = static_cast<std::uint32_t>(ae);
            m.b = T[h].b;
            m.e = T[ae - 1].e;
            m.type = R.anaphor_types[static_cast<std::size_t>(ap)];
            m.head_group = R.anaphor_group[static_cast<std::size_t>(ap)];
            m.anaphor = true;
            m.qualified = h > i + 1;
            m.head_lex = T[h].lex;
            m.name = std::string(span(h, ae));
            add(std::move(m));
            return ae;
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
            // "the symposium on net-zero campus operations" names its topic: a new event
            const std::size_t on = i + 1 + static_cast<std::size_t>(L);
            if (on + 1 < s1_ && tx(on) == "on" && T[on + 1].is(kLower)) {
                std::size_t e = on + 1;
                while (e < s1_ && e < on + 7 && T[e].is(kWord) && (T[e].is(kLower) || T[e].is(kHasDigit)) &&
                       !R.stop_caps.match(T, s1_, e))
                    ++e;
                m.anaphor = false;
                m.t1 = static_cast<std::uint32_t>(e);
                m.e = T[e - 1].e;
                m.name = std::string(span(i + 1, e));
            }
            add(std::move(m));
            return out_->back().t1;
        }
    }
    // "an international conference in Laos": an unnamed event named by its place;
    // "a symposium on net-zero campus operations": one named by its topic
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
        if (L > 0 && h + L + 1 < s1_ && tx(h + L) == "on" && T[h + L + 1].is(kLower)) {
            const std::size_t on = h + static_cast<std::size_t>(L);
            std::size_t e = on + 1;
            while (e < s1_ && e < on + 7 && T[e].is(kWord) && (T[e].is(kLower) || T[e].is(kHasDigit)) && !R.stop_caps.match(T, s1_, e)) ++e;
            Mention m;
            m.t0 = static_cast<std::uint32_t>(i);
            m.t1 = static_cast<std::uint32_t>(e);
            m.b = T[h].b;
            m.e = T[e - 1].e;
            m.type = EntityType::kEvent;
            m.head_lex = T[h].lex;
            m.name = std::string(span(h, e));
            add(std::move(m));
            return e;
        }
    }
    return i;
}

// Vietnamese anaphors: "Nhà trường", "Trường", "Học viện", "Khoa" standing alone.
std::size_t MentionFinder::vi_anaphor(std::size_t i) {
    std::int32_t ap = -1;
    int L = R.anaphor_heads.longest(T, s1_, i, ap);
    if (L <= 0) return i;
    const std::size_t e = i + static_cast<std::size_t>(L);
    if (any_used(i, e)) return i;
    if (e < s1_ && (cap_word(e) || T[e].is(kOpenQuote))) return i;  // a name follows: not an anaphor
    const bool lower = T[i].is(kLower);
    // lower-case single words ("trường", "khoa") are common nouns; only "nhà trường" refers back,
    // and "chương trình", "dự án" when nothing describes them further ("tham gia chương trình,")
    if (lower && L < 2) return i;
    if (lower && tx(i) != "nhà") {  // "nhà trường" always refers back
        if (e < s1_ && !T[e].is(kPunct) && tx(e) != "này" && tx(e) != "đó" && tx(e) != "trên" && !R.vi_stop.match(T, s1_, e)) return i;
        if (i > s0_ && (T[i - 1].is(kNum) || tx(i - 1) == "các" || tx(i - 1) == "những" || tx(i - 1) == "nhiều" || tx(i - 1) == "một")) return i;
    }
    if (!lower && L == 1 && e < s1_ && T[e].is(kLower) && !vi_breaks(e) && !T[e].is(kPunct)) {
        // "Khoa học …" is a word, not the faculty
        if (!R.vi_stop.match(T, s1_, e)) return i;
    }
    Mention m = at_span(i, e);
    m.type = R.anaphor_types[static_cast<std::size_t>(ap)];
            m.head_group = R.anaphor_group[static_cast<std::size_t>(ap)];
    m.anaphor = true;
    m.head_lex = T[i].lex;
    add(std::move(m));
    return e;
}

// Builds a mention of the gazetteer entry gp over [i, j).
void MentionFinder::add_gaz(std::size_t i, std::size_t j, std::int32_t gp) {
    const GazEntry& g = R.gaz_entries[static_cast<std::size_t>(gp)];
    Mention m = at_span(i, j);
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

// After a name chunk [i, j): "(ACRONYM)", "(Other-language name – ACR)", ", Hanoi" after
// "National University", "Office in X".
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
    // parenthesis: "(ACR)", "(English name – ACR)", "(ACR; tên tiếng Việt)"
    if (j + 2 < s1_ && is_punct_text(T[j], text_, "(")) {
        std::size_t c = j + 1;
        while (c < s1_ && c < j + 20 && !is_punct_text(T[c], text_, ")") && !is_punct_text(T[c], text_, "(")) ++c;
        if (c < s1_ && is_punct_text(T[c], text_, ")")) {
            // split the inside at ";", "–", "-" (spaced), ","
            std::string acr, other;
            bool ok = true;
            std::size_t a = j + 1;
            const bool outer_vi = vietnamese_span(T, m.t0, j);
            while (a < c && ok) {
                std::size_t b = a;
                while (b < c && !(T[b].is(kPunct) && (tx(b) == ";" || tx(b) == "," || is_dash(b)))) ++b;
                if (b == a) { ok = false; break; }
                const bool acr_year = b == a + 2 && T[a].is(kAllCaps) && T[a + 1].is(kNum) && tx(a + 1).size() == 4;  // "APWSC 2024"
                if ((b == a + 1 || acr_year) && T[a].is(kAllCaps) && !R.acronym_stop.match(T, s1_, a)) {
                    if (acr.empty()) acr = std::string(span(a, b)); else ok = false;
                } else {
                    // another name of the same body: in the other language, with a head word
                    bool has_head = false, caps = true;
                    for (std::size_t k = a; k < b; ++k) {
                        HeadEntry h;
                        if (head_at(k, b, &h) && cap_word(k)) has_head = true;
                    }
                    caps = cap_word(a);
                    const GazEntry* g = nullptr;
                    int gl = gaz_at(a, b, &g);
                    const bool loc = gl == static_cast<int>(b - a) && g && (g->type == EntityType::kCountry || g->type == EntityType::kPlace);
                    if (!has_head || !caps || loc || b - a < 2 || vietnamese_span(T, a, b) == outer_vi || !other.empty()) ok = false;
                    else other = std::string(span(a, b));
                }
                a = b + 1;
            }
            if (ok && (!acr.empty() || !other.empty())) {
                if (!acr.empty()) {
                    if (!m.alias.empty() && m.alias2.empty()) m.alias2 = m.alias;
                    m.alias = acr;
                }
                if (!other.empty()) (m.alias.empty() ? m.alias : m.alias2) = other;
                j = c + 1;
            }
        }
    }
    // "UNESCO Office in Viet Nam": the office is named with its place
    if (head && head->type == EntityType::kUnit && j + 1 < s1_ && tx(j) == "in") {
        bool office = R.located_office_heads.match(T, s1_, head_pos) > 0;
        std::int32_t gp = -1;
        int gl = office ? R.gaz.longest(T, s1_, j + 1, gp) : 0;
        if (gl > 0 && cap_word(j + 1)) {
            auto ty = R.gaz_entries[static_cast<std::size_t>(gp)].type;
            if (ty == EntityType::kCountry || ty == EntityType::kPlace) {
                if (m.alias.empty()) m.alias = m.name; else m.alias2 = m.name;
                m.name += " in " + std::string(span(j + 1, j + 1 + static_cast<std::size_t>(gl)));
            }
        }
    }
    m.t1 = static_cast<std::uint32_t>(j);
}

// "the SAKURA Bridge exchange programme", "the DeltaWISE project": a lower-case programme head
// after a name; returns the end of the head (next when none).
std::size_t MentionFinder::program_after_name(std::size_t next) {
    std::size_t k = next;
    for (int n = 0; n < 3 && k < s1_; ++n) {
        if (int L = R.program_heads_lower.match(T, s1_, k)) {
            const std::size_t e = k + static_cast<std::size_t>(L);
            if (e < s1_ && (cap_word(e) || tx(e) == "of")) return next;
            return e;
        }
        if (!T[k].is(kWord) || !T[k].is(kLower) || R.stop_caps.match(T, s1_, k)) break;
        ++k;
    }
    return next;
}

// The English name of a Vietnamese name made of a head and known words: "Diễn đàn giáo dục đại
// học Việt Nam - Trung Quốc" → "Vietnam-China Higher Education Forum", "Phái đoàn Wallonie-Bruxelles"
// → "Wallonie-Bruxelles Delegation" (empty when a word is not known). It links the two languages.
std::string MentionFinder::english_name(std::size_t i, std::size_t j) const {
    std::int32_t hp = -1;
    const int HL = R.vi_head_en.longest(T, j, i, hp);
    if (HL <= 0) return {};
    const auto& [head, of_style] = R.vi_head_en_names[static_cast<std::size_t>(hp)];
    std::string places, fields, names;
    auto title = [](const std::string& f) {
        std::string out;
        bool start = true;
        for (std::size_t k = 0; k < f.size(); ++k) {
            char c = f[k];
            if (start && c >= 'a' && c <= 'z' && f.compare(k, 4, "and ") != 0 && f.compare(k, 3, "of ") != 0) c = static_cast<char>(c - 32);
            start = c == ' ';
            out.push_back(c);
        }
        return out;
    };
    std::size_t k = i + static_cast<std::size_t>(HL);
    while (k < j) {
        const GazEntry* g = nullptr;
        const int gl = gaz_at(k, j, &g);
        if (gl > 0 && (g->type == EntityType::kCountry || g->type == EntityType::kPlace)) {
            if (!places.empty()) places += "-";
            places += g->name;
            k += static_cast<std::size_t>(gl);
            continue;
        }
        if (gl > 0 && g->type == EntityType::kField) {
            if (!fields.empty()) fields += " and ";
            fields += title(g->name);
            k += static_cast<std::size_t>(gl);
            continue;
        }
        if (is_dash(k) || R.vi_connectors.match(T, j, k)) { ++k; continue; }
        if (cap_word(k) && !T[k].is(kViet)) {
            std::size_t e = k;
            while (e < j && cap_word(e) && !T[e].is(kViet)) ++e;
            if (!names.empty()) names += " ";
            names += std::string(span(k, e));
            k = e;
            continue;
        }
        return {};
    }
    if (places.empty() && fields.empty() && names.empty()) return {};
    std::string out;
    if (of_style) {
        if (!places.empty() || fields.empty()) return {};
        out = head + " of " + fields;
        if (!names.empty()) out = names + " " + out;
        return out;
    }
    for (const std::string* part : {&places, &fields, &names})
        if (!part->empty()) out += *part + " ";
    return out + head;
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
    if (has_head && !vi_head) {
        // "Green Campus Rating": a head word followed by more name words is not the head
        std::size_t k = head_pos + head_len;
        while (k < j) {
            if (T[k].lex >= 0) {
                auto c = R.connectors.find(T[k].lex);
                if (c != R.connectors.end() && (c->second == kConnOf || c->second == kConnOn)) break;
            }
            const GazEntry* g = nullptr;
            int L = gaz_at(k, j, &g);
            if (L > 0 && (g->type == EntityType::kPlace || g->type == EntityType::kCountry)) { k += static_cast<std::size_t>(L); continue; }
            HeadEntry h2;
            if (T[k].is(kAllCaps) || T[k].is(kHasDigit) || head_at(k, j, &h2)) { ++k; continue; }
            has_head = false;
            break;
        }
    }
    std::int32_t gp = -1;
    int gl = R.gaz.longest(T, j, i, gp);
    if (gl > 0 && R.gaz_entries[static_cast<std::size_t>(gp)].acronym && !T[i].is(kAllCaps)) gl = 0;
    const std::size_t len = j - i;
    if (gl == static_cast<int>(len)) {
        add_gaz(i, j, gp);
        Mention& m = out_->back();
        if (is_organization(m.type)) {
            std::size_t jj = m.t1;
            finish_name(m, jj, nullptr, 0);
            for (auto k = m.t0; k < m.t1; ++k) used_[k - s0_] = 1;
        }
        return m.t1;
    }
    if (has_head && head_len == len && head_pos == i && !T[i].is(kAllCaps)) {
        if (vi_head) {
            std::size_t e = vi_anaphor(i);
            if (e > i) return e;
        }
        return j;
    }
    if (has_head) {
        Mention m;
        m.t0 = static_cast<std::uint32_t>(i);
        m.b = T[i].b;
        m.e = T[j - 1].e;
        m.type = head.type;
        m.name = std::string(span(i, j));
        if (head.type == EntityType::kEvent || head.type == EntityType::kProgram) m.head_lex = T[head_pos].lex;
        // "KIT Graduate School of Information Science": the parent's acronym opens the unit's name
        if (head.type == EntityType::kUnit && !vi_head && head_pos > i && T[i].is(kAllCaps) && head_pos == i + 1)
            m.alias2 = std::string(span(head_pos, j));
        std::size_t jj = j;
        finish_name(m, jj, &head, head_pos);
        if (head.type == EntityType::kPlace && jj < s1_ && R.place_lower_heads.match(T, s1_, jj) == 1) ++jj, m.t1 = static_cast<std::uint32_t>(jj);
        if (vi_head && m.alias2.empty()) m.alias2 = english_name(i, j);
        add(std::move(m));
        return jj;
    }
    // "Nguyễn Văn A", "Nguyen Thi Thu Ha": a person named by a Vietnamese surname
    if (len >= 2 && len <= 4 && R.vi_surnames.match(T, s1_, i) && gl == 0 && !T[i].is(kAllCaps) &&
        (vi_head || !T[i + 1].is(kAllCaps))) {
        add_typed(i, j, EntityType::kPerson);
        return j;
    }
    if (gl > 0) {  // a known name followed by more capitals: take the known part …
        const GazEntry& g = R.gaz_entries[static_cast<std::size_t>(gp)];
        bool whole = !vi_head && (g.type == EntityType::kPlace || g.type == EntityType::kCountry) && !T[i].is(kAllCaps);
        for (std::size_t k = i + static_cast<std::size_t>(gl); whole && k < j; ++k) {
            const GazEntry* g2 = nullptr;
            if (gaz_at(k, j, &g2) || T[k].is(kAllCaps)) whole = false;
        }
        if (!whole || (i + 1 < s1_ && T[i + static_cast<std::size_t>(gl)].is(kPossessive))) {
            add_gaz(i, i + static_cast<std::size_t>(gl), gp);
            return out_->back().t1;
        }
        gl = 0;  // … unless it opens a longer name ("Saigon Precision Robotics")
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
            if (R.common_words.count(T[i].lex)) return j;
            if (clause_initial(i)) {
                // "Murraywood has worked with …": kept only if the text names it elsewhere
                if (T[i].lex >= 0 || is_gerund(i) || tx(i).size() < 4) return j;
                Mention m;
                m.t0 = static_cast<std::uint32_t>(i);
                m.t1 = static_cast<std::uint32_t>(j);
                m.b = T[i].b;
                m.e = T[i].e;
                m.unk = true;
                m.weak = true;
                m.name = std::string(tx(i));
                add(std::move(m));
                return j;
            }
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
    if (!m.acronym && len <= 3 && i > s0_ && (tx(i - 1) == "in" || tx(i - 1) == "tại" || tx(i - 1) == "ở") && j + 1 < s1_ &&
        is_punct_text(T[j], text_, ",")) {
        const GazEntry* g = nullptr;
        if (gaz_at(j + 1, s1_, &g) && g->type == EntityType::kCountry) { m.unk = false; m.type = EntityType::kPlace; }
    }
    if (m.unk && !m.acronym && len >= 2 && len <= 3) {
        bool title_case = true;
        for (std::size_t k = i; k < j; ++k) if (!T[k].is(kCap) || T[k].is(kAllCaps) || T[k].is(kHasDigit)) title_case = false;
        bool role_next = false;
        if (title_case && j + 1 < s1_ && is_punct_text(T[j], text_, ",")) {
            for (std::size_t mi = sent_first_; mi < out_->size(); ++mi)
                if ((*out_)[mi].role && (*out_)[mi].t0 == j + 1) role_next = true;
        }
        // "… Prof. Aiko Morimoto, Dean of X, and Kenta Ishida of Y": coordinated with a person
        bool person_list = false;
        if (title_case && !role_next && i > s0_ + 1 && tx(i - 1) == "and" && j < s1_ && (tx(j) == "of" || tx(j) == "from")) {
            for (std::size_t mi = sent_first_; mi < out_->size(); ++mi)
                if ((*out_)[mi].type == EntityType::kPerson && !(*out_)[mi].role && (*out_)[mi].t1 <= i) person_list = true;
        }
        if (role_next || person_list) { m.unk = false; m.type = EntityType::kPerson; }
    }
    m.name = std::string(span(i, j));
    std::size_t jj = j;
    if (!vi_head) {
        // "the DeltaWISE project": a programme; the head word joins the mention
        std::size_t pe = program_after_name(j);
        if (pe > j) {
            m.unk = false;
            m.type = EntityType::kProgram;
            m.alias = std::string(span(i, pe));
            m.t1 = static_cast<std::uint32_t>(pe);
            add(std::move(m));
            return pe;
        }
        // "the Green Engineering Partnership, a scheme …"
        if (j + 3 < s1_ && is_punct_text(T[j], text_, ",") && (tx(j + 1) == "a" || tx(j + 1) == "an")) {
            std::size_t k = j + 2;
            for (int n = 0; n < 3 && k < s1_ && T[k].is(kLower); ++n, ++k)
                if (R.program_heads_lower.match(T, s1_, k)) { m.unk = false; m.type = EntityType::kProgram; break; }
        }
    }
    finish_name(m, jj, nullptr, 0);
    add(std::move(m));
    return jj;
}

std::size_t MentionFinder::chunk_en(std::size_t i) {
    if (int L = R.not_names.match(T, s1_, i)) return i + static_cast<std::size_t>(L);
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
    bool has_of = false, has_on = false, event_head = false;
    std::size_t ofs[8];
    int nofs = 0;
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
        // "Murray–Darling Institute": a dash without spaces between two capitalised words
        if (!first && is_dash(j) && j + 1 < s1_ && !used(j + 1) && cap_word(j + 1) && T[j - 1].e == t.b &&
            t.e == T[j + 1].b) {
            ++j;
            continue;
        }
        // "Semiconductor Talent Summit 2025": the year closes an event's name
        if (!first && event_head && t.is(kHasDigit) && !t.is(kPunct) && tx(j).size() == 4 &&
            (tx(j).starts_with("19") || tx(j).starts_with("20")) && (j + 1 >= s1_ || !cap_word(j + 1))) {
            ++j;
            last = j;
            break;
        }
        // "Hoshino Women's University": a possessive that belongs to the name (words.json name_possessors)
        if (!first && t.is(kPossessive) && R.name_possessors.match(T, s1_, j - 1) && j + 1 < s1_ && cap_word(j + 1) && !used(j + 1)) {
            ++j;
            continue;
        }
        // "Industry 4.0 Training Centre": a number inside a name
        if (!first && t.is(kHasDigit) && !t.is(kPunct) && j + 1 < s1_ && cap_word(j + 1) && !used(j + 1) &&
            !R.month_of.count(T[j + 1].lex) && tx(j).size() <= 4) {
            ++j;
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
                    case kConnOf: ok = true; has_of = true; if (nofs < 8) ofs[nofs++] = j; break;
                    case kConnThe: ok = j > i && T[j - 1].lex >= 0 && R.connectors.count(T[j - 1].lex) &&
                                        R.connectors.at(T[j - 1].lex) == kConnOf;
                        break;
                    case kConnAnd: {
                        ok = has_of || has_on;  // "Conference on Ocean and Marine Resources"

                        if (ok) {  // "… of A and University of B", "… of Technology and Truong Son University": a new name
                            HeadEntry he;
                            for (std::size_t k = j + 1; k < s1_ && cap_word(k) && !used(k); ++k)
                                if (head_at(k, s1_, &he) && he.type != EntityType::kField) { ok = false; break; }
                        }
                        if (ok) {  // "… of Technology and Japan's …": a country or place ends the name
                            const GazEntry* g = nullptr;
                            int gl = gaz_at(j + 1, s1_, &g);
                            const std::size_t ge = j + 1 + static_cast<std::size_t>(gl);
                            if (gl > 0 && (g->type == EntityType::kCountry || g->type == EntityType::kPlace) &&
                                (ge >= s1_ || !cap_word(ge)))
                                ok = false;
                        }
                        break;
                    }
                    case kConnAmp: ok = true; break;
                    case kConnOn: ok = event_head; has_on = has_on || ok; break;
                    default: break;
                }
                if (ok && !t.is(kCap)) { ++j; continue; }
            }
        }
        break;
    }
    if (last == i) return i + 1;
    // "Tosa Bay University of Japan", "X University of Applied Sciences of Germany": a country after
    // the last "of" is the organisation's location, not its name, when the name before it is long
    // enough to stand alone (three words, or an "of" of its own); "Renmin University of China" stays
    if (nofs > 0 && ofs[nofs - 1] + 1 < last) {
        const std::size_t c = ofs[nofs - 1];
        std::size_t a = c + 1;
        if (T[a].lex >= 0 && R.connectors.count(T[a].lex) && R.connectors.at(T[a].lex) == kConnThe) ++a;
        const GazEntry* g = nullptr;
        const int gl = a < last ? gaz_at(a, last, &g) : 0;
        if (gl > 0 && g->type == EntityType::kCountry && a + static_cast<std::size_t>(gl) == last && is_tx(c, "of")) {
            HeadEntry he;
            bool head_ends = false, any_head = false;
            for (std::size_t k = i; k < c; ++k) {
                int L = head_at(k, c, &he);
                if (L > 0 && cap_word(k)) { any_head = true; if (k + static_cast<std::size_t>(L) == c) head_ends = true; }
            }
            const bool long_name = c - i >= 3 || nofs >= 2;
            if (long_name && (head_ends || !any_head || nofs >= 2)) {
                last = c;
                --nofs;
            }
        }
    }
    // "Centre for Coastal Futures of Murraywood University": the part after an "of" that opens
    // with a name of its own (a head word) is the parent, a mention of its own
    if (nofs > 0) {
        bool head_before = false;
        HeadEntry he;
        for (std::size_t k = i; k < ofs[0]; ++k)
            if (head_at(k, ofs[0], &he) && cap_word(k)) head_before = true;
        for (int n = 0; n < nofs && head_before; ++n) {
            const std::size_t c = ofs[n];
            if (c >= last) break;
            std::size_t a = c + 1;
            if (a < last && T[a].lex >= 0 && R.connectors.count(T[a].lex) && R.connectors.at(T[a].lex) == kConnThe) ++a;
            const std::size_t b = n + 1 < nofs && ofs[n + 1] < last ? ofs[n + 1] : last;
            bool parent = false;
            for (std::size_t k = a; k < b; ++k) {
                HeadEntry h2;
                int L = head_at(k, b, &h2);
                if (L <= 0 || !cap_word(k)) continue;
                if (k + static_cast<std::size_t>(L) != b) continue;  // the parent's head ends its name
                if (h2.type == EntityType::kField || h2.type == EntityType::kPlace || h2.type == EntityType::kEvent ||
                    h2.type == EntityType::kProgram)
                    continue;
                auto ht = tx(k + static_cast<std::size_t>(L) - 1);
                const bool plural = h2.type != EntityType::kCompany && ht.size() > 3 && ht.back() == 's';
                if (!plural && b - a >= 2) parent = true;
            }
            if (parent) { last = c; break; }
        }
    }
    // "the ANHPC Steering Committee": a body of the organisation, which is the role's place
    if (T[i].is(kAllCaps) && last > i + 1 && !R.acronym_stop.match(T, s1_, i)) {
        std::size_t k = i + 1;
        bool body = false;
        while (k < last) {
            int L = R.role_bodies.match(T, last, k);
            if (!L) L = R.role_modifiers.match(T, last, k);
            if (!L) break;
            if (R.role_bodies.match(T, last, k)) body = true;
            k += static_cast<std::size_t>(L);
        }
        if (k == last && body) {
            Mention a;
            a.t0 = static_cast<std::uint32_t>(i);
            a.t1 = static_cast<std::uint32_t>(i + 1);
            a.b = T[i].b;
            a.e = T[i].e;
            a.unk = true;
            a.acronym = true;
            a.name = std::string(tx(i));
            add(std::move(a));
            Mention r;
            r.t0 = static_cast<std::uint32_t>(i + 1);
            r.t1 = static_cast<std::uint32_t>(last);
            r.b = T[i + 1].b;
            r.e = T[last - 1].e;
            r.role = true;
            r.name = std::string(span(i + 1, last));
            add(std::move(r));
            return last;
        }
    }
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

// Extends a Vietnamese name from j (after its head); caps = capitalised syllables so far.
std::size_t MentionFinder::vi_name_end(std::size_t j, int caps) {
    std::size_t last = j;
    bool prev_cap = false;  // the previous token was a capitalised syllable of the name
    while (j < s1_ && !used(j)) {
        const Token& t = T[j];
        if (cap_word(j)) {
            if (caps > 0 && R.vi_surnames.match(T, s1_, j) && !is_dash(j - 1)) {
                // "Trường Đại học X Nguyễn Văn A": a person's name follows the organisation's
                std::size_t e = j;
                while (e < s1_ && cap_word(e)) ++e;
                std::int32_t gp = -1;
                // (a name that goes on with lower-case words is the organisation's own: "… Văn Lang tổ chức"),
                // unless a role opened the phrase: "Hiệu trưởng Trường X Nguyễn Văn A phát biểu"
                if (e - j >= 2 && e - j <= 4 && R.gaz.longest(T, e, j, gp) != static_cast<int>(e - j) &&
                    (e >= s1_ || !T[e].is(kLower) || after_role_))
                    break;
            }
            ++j;
            last = j;
            ++caps;
            prev_cap = true;
            continue;
        }
        if (caps > 0 && j + 1 < s1_ && cap_word(j + 1) && !used(j + 1) && (R.vi_connectors.match(T, s1_, j) || is_dash(j))) {
            HeadEntry h2;
            if (R.vi_connectors.match(T, s1_, j) && head_at(j + 1, s1_, &h2)) break;
            ++j;
            prev_cap = false;
            continue;
        }
        if (t.is(kWord) && t.is(kLower)) {
            // an ordinal ends an event's name: "Diễn đàn … lần thứ 4", "Hội nghị … lần thứ hai"
            if (caps > 0 && tx(j) == "lần" && j + 2 < s1_ && tx(j + 1) == "thứ" && T[j + 2].is(kWord) && !T[j + 2].is(kPunct)) {
                last = j + 3;
                break;
            }
            // a verb-like syllable that the name's capitals continue is part of a word ("Tổng hợp Hà Nội")
            if (prev_cap && vi_breaks(j) && !R.vi_stop.match(T, s1_, j) && !R.vi_connectors.match(T, s1_, j) && cap_word(j + 1) &&
                !used(j + 1)) {
                ++j;
                prev_cap = false;
                continue;
            }
            if (vi_breaks(j)) {
                // "Mạng lưới các trường đại học ASEAN": a plural noun between the head and the name
                if (tx(j) == "các" || tx(j) == "những") {
                    bool found = false;
                    for (std::size_t k = j + 1; k < s1_ && k <= j + 7; ++k) {
                        if (cap_word(k)) { found = true; break; }
                        if (is_punct_text(T[k], text_, ",")) continue;
                        if (!T[k].is(kWord) || !T[k].is(kLower) || vi_breaks(k)) break;
                    }
                    if (found) {
                        while (!cap_word(j)) ++j;
                        continue;
                    }
                }
                break;
            }
            if (prev_cap) {  // the second syllable of a capitalised word: "Giáo dục", "Ngoại ngữ"
                ++j;
                last = j;
                prev_cap = false;
                continue;
            }
            // lower-case words before more capitals: "Hiệp hội Giảng dạy tiếng Pháp"
            bool found = false;
            for (std::size_t k = j + 1; k < s1_ && k <= j + 4; ++k) {
                if (T[k].is(kPunct) || vi_breaks(k) || R.vi_connectors.match(T, s1_, k)) break;
                if (cap_word(k)) { found = true; break; }
            }
            if (found) { ++j; continue; }
            // lower-case words that end the name: "Ủy hội sông Mê Công quốc tế (MRC)"
            if (caps > 0) {
                std::size_t k = j;
                while (k < s1_ && k < j + 3 && T[k].is(kWord) && T[k].is(kLower) && !vi_breaks(k)) ++k;
                if (k > j && (k >= s1_ || R.vi_name_tail_end.match(T, s1_, k))) last = k;
            }
            break;
        }
        break;
    }
    return last;
}

std::size_t MentionFinder::chunk_vi(std::size_t i) {
    after_role_ = false;
    for (std::size_t mi = sent_first_; mi < out_->size(); ++mi)
        if ((*out_)[mi].role && (*out_)[mi].t1 == i) after_role_ = true;
    HeadEntry he;
    int L = head_at(i, s1_, &he);
    if (L > 0 && he.prefix_vi && R.role_titles.match(T, s1_, i) < L) {
        const std::size_t j = i + static_cast<std::size_t>(L);
        // "Hội nghị quốc tế lần thứ 5 về giảng dạy tiếng Pháp …": an event named by its topic
        if (he.type == EntityType::kEvent) {
            std::size_t k = j;
            if (k + 2 < s1_ && tx(k) == "lần" && tx(k + 1) == "thứ") k += 3;
            // a lower-case qualifier before the topic: "Hội thảo khu vực về …", "Hội nghị thường niên về …"
            for (int q = 0; q < 2 && k + 2 < s1_; ++q) {
                static const char* const kQual[][2] = {{"khu", "vực"}, {"quốc", "tế"}, {"quốc", "gia"}, {"thường", "niên"},
                                                      {"cấp", "cao"}, {"toàn", "quốc"}, {"chuyên", "đề"}};
                bool hit = false;
                for (const auto& qw : kQual)
                    if (tx(k) == qw[0] && tx(k + 1) == qw[1]) { hit = true; break; }
                if (!hit) break;
                k += 2;
            }
            if (k + 1 < s1_ && tx(k) == "về" && T[k + 1].is(kWord)) {
                std::size_t e = k + 1;
                while (e < s1_ && e < k + 16 && !used(e) &&
                       ((T[e].is(kWord) && !(T[e].is(kLower) && R.vi_stop.match(T, s1_, e) && tx(e) != "và")) ||
                        (is_dash(e) && e + 1 < s1_ && cap_word(e + 1))))
                    ++e;
                if (e > k + 1) {
                    Mention m = at_span(i, e);
                    m.type = EntityType::kEvent;
                    m.head_lex = T[i].lex;
                    add(std::move(m));
                    return e;
                }
            }
        }
        std::size_t last = vi_name_end(j, 0);
        if (last > j) return type_chunk(i, last, true);
        // a bare head word ("Bộ", "Trường") that names nothing, or refers back ("của Trường")
        std::size_t e = vi_anaphor(i);
        if (e > i) return e;
        if (L > 1 || !cap_word(i + 1)) return i + static_cast<std::size_t>(L);
    }
    {
        std::size_t e = vi_anaphor(i);
        if (e > i) return e;
    }
    // a foreign name with English or French structure ("Université de Bellerive",
    // "Song Hong University of Technology"): chunk it the English way
    if (!T[i].is(kViet)) {
        std::size_t k = i;
        bool foreign_head = false;
        while (k < s1_ && !used(k)) {
            if (cap_word(k)) {
                HeadEntry h;
                if (head_at(k, s1_, &h) && !h.prefix_vi) foreign_head = true;
                if (T[k].is(kViet)) break;
                ++k;
                continue;
            }
            if (T[k].lex >= 0 && R.connectors.count(T[k].lex) && k + 1 < s1_ && (cap_word(k + 1) || R.connectors.count(T[k + 1].lex))) { ++k; continue; }
            break;
        }
        if (foreign_head) return chunk_en(i);
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
        if (k < s1_ && used(k)) return true;
    return false;
}

}  // namespace kgmill::ex
