// extractors/src/extractor.cpp — the pipeline: sentences → tokens → mentions → entities →
// rule matches → triples with provenance.
//
// Extractor::create compiles every rule file and gazetteer once into an immutable Resources;
// extract() keeps all its state on the stack of the calling thread, so one Extractor serves
// any number of threads.
#include "kgmill/extractors/extractor.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "dates.hpp"
#include "kgmill/core/unicode.hpp"
#include "kgmill/extractors/sentences.hpp"
#include "mentions.hpp"
#include "model.hpp"
#include "utf8.hpp"

namespace kgmill {
namespace ex {
namespace {

// ---------------------------------------------------------------- entities of one document
struct Ent {
    int parent = -1;  // union-find
    EntityType type = EntityType::kOrganization;
    bool typed = false;                 // some mention had a known kind
    std::map<std::string, int> names;   // surface/canonical name → count
    std::vector<std::string> order;     // names in order of appearance
    int count = 0;
    int first = 0;                      // first mention index
    std::int32_t head_lex = -1;         // events: the head word ("seminar")
    bool acronym_only = true;
};

struct Item {
    bool ment = false;
    int idx = 0;       // token index or mention index
    int run_end = 0;   // token items: end of the run of plain tokens (exclusive)
};

struct Cand {
    int s = -1, o = -1;  // entity roots (o may be an agreement: >= kAgreementBase)
    RelationType p{};
    bool planned = false;
    std::string role, field, date;
    const Rule* rule = nullptr;
    int sentence = 0;
    double confidence = 0;
};
constexpr int kAgreementBase = 1 << 24;

struct Agreement {
    std::string kind;
    std::vector<int> parties;
    std::string date;
};

// ---------------------------------------------------------------- the extractor
class RuleExtractor final : public Extractor {
public:
    explicit RuleExtractor(std::shared_ptr<const Resources> r) : R_(std::move(r)) {}
    std::vector<Triple> extract(const Document& doc) const override;

private:
    std::shared_ptr<const Resources> R_;
};

class DocRun {
public:
    DocRun(const Resources& r, const Document& d) : R(r), doc(d), text(d.text) {}
    std::vector<Triple> run();

private:
    const Resources& R;
    const Document& doc;
    std::string_view text;
    std::vector<Token> toks;
    std::vector<Sentence> sents;
    std::vector<Mention> ments;
    std::vector<int> tok_mention;
    std::vector<Ent> ents;
    std::vector<Cand> cands;
    std::vector<Agreement> agreements;
    std::unordered_map<int, EntityType> coerce;
    int focus = -1;
    // discourse context, updated as the sentences are matched in order
    std::vector<int> ctx_pair;      // parties of the last pair relation ("the two sides")
    int ctx_event = -1;             // the last event named before the sentence
    int ctx_host = -1, ctx_guest = -1;  // the last visit
    std::vector<int> ctx_guest_people;  // the named members of the last visiting delegation
    int ctx_signer = -1;                // who signed agreements with partners named next
    std::string ctx_visit_date;
    // visit episodes: a run of sentences about one delegation (a new guest or a new explicit visit
    // to another host starts the next); members named anywhere in it visited each of its hosts
    int visit_episode = 0;
    struct EpisodeHost { int episode, guest, host, sentence; std::string date; };
    std::vector<EpisodeHost> episode_hosts;
    std::vector<std::pair<int, int>> episode_people;  // (episode, person)
    std::unordered_map<std::string, int> key_ent;  // match key → entity (after resolution)
    std::size_t refs_from = static_cast<std::size_t>(-1);  // first sentence of a references section
    std::vector<std::optional<std::vector<DateHit>>> date_cache;
    int default_year = 0;
    std::string scratch;
    bool debug_ = false;

    int root(int e) {
        while (ents[static_cast<std::size_t>(e)].parent >= 0) e = ents[static_cast<std::size_t>(e)].parent;
        return e;
    }
    void unite(int a, int b);
    void segment();
    void find_all_mentions();
    void resolve();
    void resolve_anaphors();
    void compute_focus();
    void match_sentence(int si);
    void run_rule(const Rule& rule, const LangRules& L, int si, const std::vector<Item>& items);
    void emit(const Rule& rule, const LangRules& L, int si, const std::vector<Item>& items, int start, int end,
              const std::array<std::pair<int, int>, 8>& caps, const std::vector<int>& capbuf);
    void derived_event_fields();
    void derived_structure();
    void delegation_members();
    int field_entity(const std::string& name, const std::string& alias);
    std::vector<Triple> build();

public:
    std::uint32_t item_cls(const Item& it) const;
    int group_size(const Item& it) const {
        const Mention& m = ments[static_cast<std::size_t>(it.idx)];
        return m.group ? static_cast<int>(group_members(m).size()) : 1;
    }
    /// The entities a group mention stands for: the last pair, or the organisers of the event.
    std::vector<int> group_members(const Mention& m) const {
        if (!m.organizers) return ctx_pair;
        // the organisers named last: those of the latest sentence that names any
        std::vector<int> v;
        int last = -1;
        for (const auto& c : cands)
            if (c.p == RelationType::kOrganized && c.o == ctx_event && !c.planned) last = std::max(last, c.sentence);
        for (const auto& c : cands)
            if (c.p == RelationType::kOrganized && c.o == ctx_event && !c.planned && c.sentence == last &&
                std::find(v.begin(), v.end(), c.s) == v.end())
                v.push_back(c.s);
        return v;
    }
    bool parent_suffix(const Item& child, const Item& parent) const;

private:
    EntityType final_type(int e) const;
    EntityRef ref(int e) const;
    std::string canonical(int e) const;
    bool words_in(const WordSet& ws, std::uint32_t t0, std::uint32_t t1) const;
    bool in_name(std::uint32_t k) const;
};

void DocRun::unite(int a, int b) {
    a = root(a);
    b = root(b);
    if (a == b) return;
    // keep the earlier entity as the root
    if (ents[static_cast<std::size_t>(b)].first < ents[static_cast<std::size_t>(a)].first) std::swap(a, b);
    Ent& A = ents[static_cast<std::size_t>(a)];
    Ent& B = ents[static_cast<std::size_t>(b)];
    B.parent = a;
    for (auto& [n, c] : B.names) A.names[n] += c;
    for (auto& n : B.order) if (std::find(A.order.begin(), A.order.end(), n) == A.order.end()) A.order.push_back(n);
    A.count += B.count;
    if (!A.typed && B.typed) { A.type = B.type; A.typed = true; }
    A.acronym_only = A.acronym_only && B.acronym_only;
    if (A.head_lex < 0) A.head_lex = B.head_lex;
}

void DocRun::segment() {
    auto spans = split_sentences(text);
    toks.reserve(text.size() / 5);
    for (const auto& sp : spans) {
        Sentence s;
        s.b = sp.begin;
        s.e = sp.end;
        s.tok0 = static_cast<std::uint32_t>(toks.size());
        tokenize(text, sp.begin, sp.end, &R.lex, scratch, toks);
        s.tok1 = static_cast<std::uint32_t>(toks.size());
        int viet = 0, viet_lower = 0, english = 0, words = 0, caps = 0, allcaps = 0;
        for (auto k = s.tok0; k < s.tok1; ++k) {
            const Token& t = toks[k];
            if (!t.is(kWord)) continue;
            ++words;
            if (t.is(kViet)) ++viet;
            if (t.is(kViet) && t.is(kLower)) ++viet_lower;
            if (t.is(kAllCaps)) ++allcaps;
            if (t.is(kCap)) ++caps;
            const std::string_view w = text.substr(t.b, t.e - t.b);
            if (w == "the" || w == "of" || w == "and" || w == "was" || w == "were" || w == "said" || w == "by" || w == "with")
                ++english;
        }
        // Vietnamese letters only in capitalised words of an English sentence are a Vietnamese name
        // ("Opening the workshop, Dr. Nguyễn Thị Bích Ngọc, Director of ITA, said …")
        s.vi = viet >= 2 && viet * 8 >= words && !(viet_lower == 0 && english >= 2);
        if (s.tok1 > s.tok0) {
            const Token& last = toks[s.tok1 - 1];
            const bool terminal = last.is(kPunct) || last.is(kAbbrev);
            if (!terminal && words >= 3 && (allcaps * 10 >= words * 6)) s.heading = true;
            if (!terminal && words >= 4 && caps * 10 >= words * 8 && !s.vi) s.title_case = true;
            s.headline = !terminal;
        }
        if (refs_from == static_cast<std::size_t>(-1) && s.tok1 > s.tok0) {
            std::size_t n = s.tok1 - s.tok0;
            if (n >= 1 && n <= 4 && static_cast<std::size_t>(R.section_stop.match(toks.data(), s.tok1, s.tok0)) + (toks[s.tok1 - 1].is(kPunct) ? 1 : 0) >= n &&
                R.section_stop.match(toks.data(), s.tok1, s.tok0) > 0)
                refs_from = sents.size();
        }
        sents.push_back(s);
    }
    date_cache.resize(sents.size());
}

void DocRun::find_all_mentions() {
    MentionFinder mf(R, text, toks);
    for (std::size_t si = 0; si < sents.size(); ++si)
        mf.find(sents[si].tok0, sents[si].tok1, sents[si].vi, static_cast<int>(si), ments);
    std::sort(ments.begin(), ments.end(), [](const Mention& a, const Mention& b) { return a.t0 < b.t0; });
    tok_mention.assign(toks.size(), -1);
    for (std::size_t mi = 0; mi < ments.size(); ++mi)
        for (auto k = ments[mi].t0; k < ments[mi].t1; ++k) tok_mention[k] = static_cast<int>(mi);
}

std::string initials(std::string_view name) {
    std::string out;
    std::size_t comma = name.find(',');
    if (comma != std::string_view::npos) name = name.substr(0, comma);
    std::size_t i = 0;
    static const std::set<std::string> skip = {"of", "for", "and", "the", "&", "on", "de", "in", "và", "của", "at"};
    while (i < name.size()) {
        while (i < name.size() && (name[i] == ' ' || name[i] == '-')) ++i;
        std::size_t j = i;
        while (j < name.size() && name[j] != ' ' && name[j] != '-') ++j;
        if (j > i) {
            std::string w(name.substr(i, j - i));
            if (!skip.count(to_lower(w))) {
                int len = 1;
                char32_t c = decode_utf8(w, 0, len);
                if (cp_is_alpha(c)) append_utf8(out, c);
            }
        }
        i = j;
    }
    std::string s = strip_diacritics(out);
    for (auto& ch : s) ch = static_cast<char>((ch >= 'a' && ch <= 'z') ? ch - 32 : ch);
    return s;
}

void DocRun::resolve() {
    // names in Title Case lines run on ("Hanoi University of Science and Technology Ready for
    // Global Integration"): cut them to the longest name that the rest of the text uses
    {
        std::unordered_set<std::string> body_keys;
        for (const auto& m : ments)
            if (!m.role && !m.anaphor && !m.group && !sents[static_cast<std::size_t>(m.sentence)].headline) body_keys.insert(match_key(m.name));
        for (auto& m : ments) {
            if (m.role || m.anaphor || m.group || !sents[static_cast<std::size_t>(m.sentence)].headline) continue;
            if (body_keys.count(match_key(m.name))) continue;
            for (auto k = m.t1; k-- > m.t0 + 2;) {
                const std::string pre(text.substr(toks[m.t0].b, toks[k - 1].e - toks[m.t0].b));
                if (body_keys.count(match_key(pre))) {
                    m.name = pre;
                    m.e = toks[k - 1].e;
                    break;
                }
            }
        }
    }
    std::unordered_map<std::string, int> by_key;
    std::unordered_map<std::string, std::string> key_cache;
    for (std::size_t mi = 0; mi < ments.size(); ++mi) {
        Mention& m = ments[mi];
        if (m.role || m.anaphor || m.group || m.weak) continue;
        auto kc = key_cache.find(m.name);
        if (kc == key_cache.end()) kc = key_cache.emplace(m.name, match_key(m.name)).first;
        const std::string& key = kc->second;
        if (key.empty()) continue;
        int e;
        auto it = by_key.find(key);
        if (it == by_key.end()) {
            e = static_cast<int>(ents.size());
            ents.emplace_back();
            ents.back().first = static_cast<int>(mi);
            by_key.emplace(key, e);
        } else {
            e = root(it->second);
        }
        Ent& E = ents[static_cast<std::size_t>(e)];
        E.names[m.name]++;
        if (std::find(E.order.begin(), E.order.end(), m.name) == E.order.end()) E.order.push_back(m.name);
        E.count++;
        if (!m.unk && !E.typed) { E.type = m.type; E.typed = true; }
        if (!m.acronym) E.acronym_only = false;
        if (E.head_lex < 0) E.head_lex = m.head_lex;
        m.entity = e;
        for (const std::string* al : {&m.alias, &m.alias2}) {
            if (al->empty()) continue;
            std::string k2 = match_key(*al);
            if (k2.empty()) continue;
            auto& E2 = ents[static_cast<std::size_t>(root(e))];
            if (std::find(E2.order.begin(), E2.order.end(), *al) == E2.order.end()) E2.order.push_back(*al);
            auto it2 = by_key.find(k2);
            if (it2 == by_key.end()) by_key.emplace(k2, e);
            else if (root(it2->second) != root(e)) {
                const Ent& other = ents[static_cast<std::size_t>(root(it2->second))];
                const Ent& self = ents[static_cast<std::size_t>(root(e))];
                // merge only compatible kinds (an acronym or an unknown name joins its full name)
                if (!other.typed || !self.typed || other.type == self.type || is_organization(other.type) == is_organization(self.type))
                    unite(it2->second, e);
            }
        }
    }
    // organisations named by their distinctive word ("Murraywood" = "Murraywood University",
    // "Bellerive" = "Université de Bellerive"): a lone unknown name that is a word of exactly one
    // organisation's name, not its head and not a place
    {
        std::unordered_map<std::string, int> word_owner;  // word key → entity, -2 when shared
        for (std::size_t b = 0; b < ents.size(); ++b) {
            const Ent& B = ents[b];
            if (B.parent >= 0 || !B.typed || !is_organization(B.type)) continue;
            for (const auto& n : B.order) {
                std::size_t i = 0;
                while (i < n.size()) {
                    while (i < n.size() && (n[i] == ' ' || n[i] == ',')) ++i;
                    std::size_t j = i;
                    while (j < n.size() && n[j] != ' ' && n[j] != ',') ++j;
                    if (j > i && j - i >= 4 && n[i] >= 'A' && n[i] <= 'Z' && j - i < n.size()) {
                        std::string k = match_key(n.substr(i, j - i));
                        bool upper = true;
                        for (std::size_t c = i; c < j; ++c) if (n[c] >= 'a' && n[c] <= 'z') upper = false;
                        if (!upper) {
                            auto it = word_owner.find(k);
                            if (it == word_owner.end()) word_owner.emplace(k, static_cast<int>(b));
                            else if (it->second != static_cast<int>(b)) it->second = -2;
                        }
                    }
                    i = j;
                }
            }
        }
        // lone sentence-initial words: a name the text uses elsewhere, or a word of one organisation's name
        for (auto& m : ments) {
            if (!m.weak) continue;
            const std::string k = match_key(m.name);
            auto it = by_key.find(k);
            int e = -1;
            if (it != by_key.end()) e = root(it->second);
            else if (auto w = word_owner.find(k); w != word_owner.end() && w->second >= 0) e = root(w->second);
            if (e < 0) continue;
            m.entity = e;
            ents[static_cast<std::size_t>(e)].count++;
        }
        for (std::size_t a = 0; a < ents.size(); ++a) {
            const Ent& A = ents[a];
            if (A.parent >= 0 || A.typed || A.order.size() != 1 || A.acronym_only) continue;
            const std::string& n = A.order.front();
            if (n.find(' ') != std::string::npos) continue;
            std::vector<Token> tk;
            std::string scratch2;
            tokenize(n, 0, static_cast<std::uint32_t>(n.size()), &R.lex, scratch2, tk);
            std::int32_t p = -1;
            if (tk.size() != 1 || R.heads.longest(tk.data(), 1, 0, p) > 0 || R.gaz.longest(tk.data(), 1, 0, p) > 0) continue;
            auto it = word_owner.find(match_key(n));
            if (it != word_owner.end() && it->second >= 0) unite(it->second, static_cast<int>(a));
        }
    }
    // persons named by part of their name after a full mention ("Prof. Tanabe", "Dr. Khoi")
    {
        std::vector<std::vector<std::string>> toks_of(ents.size());
        auto words = [](const std::string& n) {
            std::vector<std::string> w;
            std::size_t i = 0;
            while (i < n.size()) {
                while (i < n.size() && n[i] == ' ') ++i;
                std::size_t j = i;
                while (j < n.size() && n[j] != ' ') ++j;
                if (j > i) w.push_back(match_key(n.substr(i, j - i)));
                i = j;
            }
            return w;
        };
        for (std::size_t a = 0; a < ents.size(); ++a) {
            const Ent& A = ents[a];
            if (A.parent >= 0 || !A.typed || A.type != EntityType::kPerson || A.order.empty()) continue;
            auto wa = words(A.order.front());
            if (wa.size() != 1 || wa[0].empty()) continue;
            int cand = -1, ncand = 0;
            for (std::size_t b = 0; b < ents.size(); ++b) {
                const Ent& B = ents[b];
                if (b == a || B.parent >= 0 || !B.typed || B.type != EntityType::kPerson || B.order.empty()) continue;
                auto wb = words(B.order.front());
                if (wb.size() < 2) continue;
                if (std::find(wb.begin(), wb.end(), wa[0]) != wb.end()) { cand = static_cast<int>(b); ++ncand; }
            }
            if (ncand == 1) unite(cand, static_cast<int>(a));
        }
    }
    // acronyms that equal the initials of a full name in this document (VNU, HUST, ĐHQGHN)
    std::unordered_map<std::string, std::string> init_cache;
    for (std::size_t a = 0; a < ents.size(); ++a) {
        if (ents[a].parent >= 0 || !ents[a].acronym_only) continue;
        const std::string acr = strip_diacritics(ents[a].order.front());
        if (acr.size() < 3) continue;
        int best = -1;
        for (std::size_t b = 0; b < ents.size(); ++b) {
            if (b == a || ents[b].parent >= 0 || ents[b].acronym_only) continue;
            const auto t = ents[b].type;
            if (ents[b].typed && !is_organization(t) && t != EntityType::kEvent && t != EntityType::kProgram) continue;
            for (const auto& n : ents[b].order) {
                auto ci = init_cache.find(n);
                if (ci == init_cache.end()) ci = init_cache.emplace(n, initials(n)).first;
                if (ci->second == acr) {
                    if (best < 0 || ents[b].count > ents[static_cast<std::size_t>(best)].count) best = static_cast<int>(b);
                    break;
                }
            }
        }
        if (best >= 0) unite(best, static_cast<int>(a));
    }
    for (auto& m : ments)
        if (m.entity >= 0) m.entity = root(m.entity);
    for (auto& [k, e] : by_key) key_ent.emplace(k, root(e));
}

void DocRun::resolve_anaphors() {
    // lower-cased names of each entity, made on first use
    std::vector<std::vector<std::string>> lower_names(ents.size());
    std::vector<char> lowered(ents.size(), 0);
    auto names_of = [&](int e) -> const std::vector<std::string>& {
        auto& v = lower_names[static_cast<std::size_t>(e)];
        if (!lowered[static_cast<std::size_t>(e)]) {
            lowered[static_cast<std::size_t>(e)] = 1;
            for (const auto& n : ents[static_cast<std::size_t>(e)].order) v.push_back(to_lower(n));
        }
        return v;
    };
    auto has_word = [](const std::string& ln, const std::string& head, bool end_check) {
        for (std::size_t pos = ln.find(head); pos != std::string::npos; pos = ln.find(head, pos + 1)) {
            if (pos != 0 && ln[pos - 1] != ' ') continue;
            if (!end_check) return true;
            const std::size_t e = pos + head.size();
            if (e == ln.size() || ln[e] == ' ' || ln[e] == ',') return true;
        }
        return false;
    };
    constexpr std::size_t kWindow = 400;  // mentions looked back at
    for (std::size_t mi = 0; mi < ments.size(); ++mi) {
        Mention& m = ments[mi];
        if (!m.anaphor) continue;
        const std::string head = to_lower(m.name);
        int found = -1;
        int by_type = -1;  // events and programmes: the nearest of the kind
        bool focus_tier[2] = {false, false};
        int near_tier[2] = {-1, -1}, salient_tier[2] = {-1, -1};
        // Vietnamese "Trường", "Nhà trường" is the school the text is about
        if (m.type == EntityType::kUniversity && sents[static_cast<std::size_t>(m.sentence)].vi && focus >= 0 &&
            ents[static_cast<std::size_t>(focus)].typed && ents[static_cast<std::size_t>(focus)].type == EntityType::kUniversity &&
            (head == "trường" || head == "nhà trường"))
            found = focus;
        const std::size_t stop = mi > kWindow ? mi - kWindow : 0;
        for (std::size_t k = mi; found < 0 && k-- > stop;) {
            const Mention& p = ments[k];
            if (p.entity < 0) continue;
            const int e = root(p.entity);
            const Ent& E = ents[static_cast<std::size_t>(e)];
            const EntityType t = E.typed ? E.type : EntityType::kOrganization;
            if (m.type == EntityType::kEvent || m.type == EntityType::kProgram) {
                if (t != m.type) continue;
                bool has = E.head_lex == m.head_lex || head == "event" || head == "sự kiện";
                for (const auto& ln : names_of(e)) {
                    if (has) break;
                    has = has_word(ln, head, false);
                }
                if (has) { found = e; break; }
                if (by_type < 0) by_type = e;
                continue;
            }
            if (!is_organization(t)) continue;
            // tier 1: a name holds the head word or a synonym ("university", "université", "đại học");
            // tier 2: an organisation of the same kind
            int tier = 0;
            const auto& words = m.head_group >= 0 ? R.anaphor_group_words[static_cast<std::size_t>(m.head_group)] : std::vector<std::string>{head};
            for (const auto& ln : names_of(e)) {
                for (const auto& w : words)
                    if (has_word(ln, w, true)) { tier = 1; break; }
                if (tier) break;
            }
            if (!tier && E.typed && t == m.type) tier = 2;
            if (!tier) continue;
            const int ti = tier - 1;
            if (e == focus) { focus_tier[ti] = true; continue; }
            if (near_tier[ti] < 0) near_tier[ti] = e;
            // a modified description ("the Lyon-based university") names the other salient one
            if (m.qualified && (salient_tier[ti] < 0 || E.count > ents[static_cast<std::size_t>(salient_tier[ti])].count)) salient_tier[ti] = e;
        }
        if (found < 0 && m.type != EntityType::kEvent && m.type != EntityType::kProgram) {
            // the focus, when it fits, wins over a nearer name ("the institute" in a report about
            // one); a modified description ("the German university") names another one
            const bool vi = sents[static_cast<std::size_t>(m.sentence)].vi;
            for (int ti = 0; ti < 2 && found < 0; ++ti) {
                if (m.qualified) found = salient_tier[ti];
                else if (focus_tier[ti] && (!vi || ti == 0)) found = focus;
                else found = near_tier[ti] >= 0 ? near_tier[ti] : (focus_tier[ti] ? focus : -1);
            }
            if (found < 0 && m.qualified) found = focus_tier[0] || focus_tier[1] ? focus : -1;
        }
        if (found < 0) found = by_type;
        m.entity = found;
        if (found < 0) {
            for (auto k = m.t0; k < m.t1; ++k) tok_mention[k] = -1;  // plain words again
        } else {
            ents[static_cast<std::size_t>(found)].count++;
        }
    }
}

// The document's focus: the organisation named most, titles counting five times, citations
// ("(Ministry of X, 2021)") and references not at all.
void DocRun::compute_focus() {
    std::vector<int> w(ents.size(), 0);
    bool title_subject_seen = false;
    // the title is the first sentence, or the second when the first is a bare label with no
    // name at all ("Tin tức hợp tác quốc tế", "News")
    int title = 0;
    {
        bool first_named = false, second_named = false;
        for (const auto& m : ments) {
            if (m.sentence == 0) first_named = true;
            if (m.sentence == 1 && m.entity >= 0 && !m.role && !m.anaphor) second_named = true;
        }
        if (!first_named && second_named && sents.size() > 2) title = 1;
    }
    for (const auto& m : ments) {
        if (m.entity < 0 || m.role) continue;
        if (static_cast<std::size_t>(m.sentence) >= refs_from) continue;
        const auto t1 = m.t1;
        const bool citation = t1 + 1 < toks.size() && text.substr(toks[t1].b, toks[t1].e - toks[t1].b) == "," &&
                              toks[t1 + 1].is(kNum) && toks[t1 + 1].e - toks[t1 + 1].b == 4;
        if (citation) continue;
        const Sentence& ms = sents[static_cast<std::size_t>(m.sentence)];
        int add = (m.sentence == title || ms.heading || ms.title_case) ? 5 : 1;
        // the first organisation of the title is its subject
        if (m.sentence == title && !title_subject_seen && !m.anaphor) {
            const Ent& E = ents[static_cast<std::size_t>(m.entity)];
            if (E.typed && is_organization(E.type) && E.type != EntityType::kInternationalOrganization) { add = 10; title_subject_seen = true; }
        }
        w[static_cast<std::size_t>(m.entity)] += add;
    }
    int best = -1;
    for (int pass = 0; pass < 2 && best < 0; ++pass) {  // typed organisations first, then unknown names
        for (std::size_t e = 0; e < ents.size(); ++e) {
            const Ent& E = ents[e];
            if (E.parent >= 0 || (pass == 0 && !E.typed)) continue;
            const EntityType t = E.typed ? E.type : EntityType::kOrganization;
            if (!is_organization(t) || t == EntityType::kInternationalOrganization) continue;
            if (w[e] < 3) continue;
            if (best < 0 || w[e] > w[static_cast<std::size_t>(best)]) best = static_cast<int>(e);
        }
    }
    if (best >= 0 && w[static_cast<std::size_t>(best)] >= 3) focus = best;
    if (debug_) std::fprintf(stderr, "focus: %s\n", focus >= 0 ? canonical(focus).c_str() : "-");
}

std::uint32_t DocRun::item_cls(const Item& it) const {
    if (!it.ment) return 0;
    const Mention& m = ments[static_cast<std::size_t>(it.idx)];
    if (m.role) return kClsRole;
    if (m.group) return group_members(m).size() >= 2 ? type_bit(EntityType::kOrganization) : 0;
    if (m.entity < 0) return 0;
    const Ent& E = ents[static_cast<std::size_t>(m.entity)];
    if (!E.typed) return kClsUnk;
    return type_bit(E.type);
}

// "Trường Đại học Ngoại ngữ, Đại học Trường Sơn": a member school and the university (system)
// it belongs to, written as one item of a list.
bool DocRun::parent_suffix(const Item& child, const Item& parent) const {
    if (!child.ment || !parent.ment) return false;
    const Mention& c = ments[static_cast<std::size_t>(child.idx)];
    const Mention& p = ments[static_cast<std::size_t>(parent.idx)];
    if (c.entity < 0 || p.entity < 0 || c.entity == p.entity || !sents[static_cast<std::size_t>(c.sentence)].vi) return false;
    const auto& prefixes = R.vi.list.parent_prefixes;
    if (prefixes.empty()) return false;
    auto starts = [&](const std::string& name) {
        const std::string l = to_lower(name);
        for (const auto& pf : prefixes) if (l.compare(0, pf.size(), pf) == 0) return true;
        return false;
    };
    if (starts(c.name)) return false;
    const EntityType ct = final_type(c.entity);
    if (ct != EntityType::kUniversity && ct != EntityType::kUnit && ct != EntityType::kResearchInstitute) return false;
    for (const auto& n : ents[static_cast<std::size_t>(p.entity)].order)
        if (starts(n)) return true;
    return false;
}

bool DocRun::words_in(const WordSet& ws, std::uint32_t t0, std::uint32_t t1) const {
    if (ws.empty()) return false;
    for (auto k = t0; k < t1; ++k)
        if (!in_name(k) && ws.match(toks.data(), t1, k)) return true;
    return false;
}

// A token inside a name ("School of Planning" holds no plan, "No Limits Foundation" no negation).
bool DocRun::in_name(std::uint32_t k) const {
    const int mi = tok_mention[k];
    if (mi < 0) return false;
    const Mention& m = ments[static_cast<std::size_t>(mi)];
    return !m.role && !m.anaphor && !m.group && m.entity >= 0;
}

// ---------------------------------------------------------------- matching
class Matcher {
public:
    Matcher(const DocRun* run, const Rule& rule, const LangRules& L, const std::vector<Item>& items,
            const std::vector<Token>& toks, const std::vector<Mention>& ments, std::string_view text)
        : run_(run), rule_(rule), L_(L), items_(items), toks_(toks), ments_(ments), text_(text) {}
    bool at(int start) {
        capbuf.clear();
        for (auto& c : caps) c = {0, 0};
        steps_ = 0;
        return step(0, start);
    }
    int end = 0;
    int first_end = 0;  // where the first element of the last match ended
    std::array<std::pair<int, int>, 8> caps{};
    std::vector<int> capbuf;

private:
    const DocRun* run_;
    const Rule& rule_;
    const LangRules& L_;
    const std::vector<Item>& items_;
    const std::vector<Token>& toks_;
    const std::vector<Mention>& ments_;
    std::string_view text_;
    std::uint32_t cls_(const Item& it) const { return run_->item_cls(it); }
    long steps_ = 0;

    int n() const { return static_cast<int>(items_.size()); }
    bool is_tok(int i) const { return i < n() && !items_[static_cast<std::size_t>(i)].ment; }
    std::string_view tok_text(int i) const {
        const Token& t = toks_[static_cast<std::size_t>(items_[static_cast<std::size_t>(i)].idx)];
        return text_.substr(t.b, t.e - t.b);
    }
    int word_at(const WordSet& ws, int i) const {
        if (!is_tok(i)) return 0;
        const Item& it = items_[static_cast<std::size_t>(i)];
        return ws.match(toks_.data(), static_cast<std::size_t>(it.run_end), static_cast<std::size_t>(it.idx));
    }
    bool is_punct(int i, std::string_view p) const { return is_tok(i) && tok_text(i) == p; }

    // A list of entities: A, B, C and D; returns the count and sets j past the last item.
    struct ListEnd { int j, weight; };
    static constexpr int kMaxListItems = 256;
    int parse_list(int i, const Elem& el, int& j, int& weight, ListEnd* ends) {
        const std::uint32_t org = org_bits() | kClsUnk;
        const std::uint32_t loc = type_bit(EntityType::kPlace) | type_bit(EntityType::kCountry);
        int cnt = 0;
        int k = i;
        j = i;
        while (true) {
            int k2 = k;
            for (int guard = 0; guard < 3; ++guard) {
                int L = word_at(L_.list.skip_before, k2);
                if (!L) break;
                k2 += L;
            }
            if (k2 + 1 < n() && items_[static_cast<std::size_t>(k2)].ment && cls_(items_[static_cast<std::size_t>(k2)]) == kClsRole &&
                !(el.cls & kClsRole))
                ++k2;  // "Director Le Quan": the title is not an item
            // "the Da Nang-based university": the place describes the item
            if (is_ment(k2, loc) && is_dash_tok(k2 + 1) && is_tok(k2 + 2) && tok_text(k2 + 2) == "based" && is_ment(k2 + 3, el.cls & org))
                k2 += 3;
            const bool loc_delegation = k2 + 1 < n() && items_[static_cast<std::size_t>(k2)].ment &&
                                        (cls_(items_[static_cast<std::size_t>(k2)]) & (type_bit(EntityType::kPlace) | type_bit(EntityType::kCountry))) &&
                                        word_at(L_.list.skip_after, k2 + 1) > 0;
            if (!(k2 < n() && items_[static_cast<std::size_t>(k2)].ment && ((cls_(items_[static_cast<std::size_t>(k2)]) & el.cls) || loc_delegation))) break;
            // "the university's Centre for Coastal Futures": the item is the most specific body
            while ((el.cls & org) && is_ment(k2, org) && is_tok(k2 + 1) && tok_text(k2 + 1) == "'s" && is_ment(k2 + 2, type_bit(EntityType::kUnit)))
                k2 += 2;
            capbuf.push_back(items_[static_cast<std::size_t>(k2)].idx);
            ++cnt;
            weight += run_->group_size(items_[static_cast<std::size_t>(k2)]);
            k = k2 + 1;
            if (cls_(items_[static_cast<std::size_t>(k2)]) == type_bit(EntityType::kPerson)) k = skip_apposition(k);
            // item suffixes: "(Korea)", "delegation", ", Fujian province"
            if (is_punct(k, "(")) {
                int c = k + 1;
                while (c < n() && c < k + 8 && !is_punct(c, ")")) ++c;
                if (c < n() && is_punct(c, ")")) k = c + 1;
            }
            if (int L = word_at(L_.list.skip_after, k)) k += L;
            if (int L = word_at(L_.list.item_suffix, k)) {  // "X under the Y": Y describes X
                int q = k + L;
                if (is_tok(q) && tok_text(q) == "the") ++q;
                if (q < n() && items_[static_cast<std::size_t>(q)].ment && (cls_(items_[static_cast<std::size_t>(q)]) & (org | loc)))
                    k = q + 1;
            }
            // "from Vietnam", "in Lyon, France", "of Vietnam": the item's place
            if (is_tok(k) && (tok_text(k) == "from" || tok_text(k) == "in" || tok_text(k) == "of") && is_ment(k + 1, loc)) {
                k += 2;
                if (is_punct(k, ",") && is_ment(k + 1, type_bit(EntityType::kCountry))) k += 2;
            }
            if (is_punct(k, ",") && k + 1 < n() && items_[static_cast<std::size_t>(k + 1)].ment &&
                !(cls_(items_[static_cast<std::size_t>(k + 1)]) & el.cls) &&
                (cls_(items_[static_cast<std::size_t>(k + 1)]) & (type_bit(EntityType::kPlace) | type_bit(EntityType::kCountry))))
                k += 2;
            // "Trường Đại học X, Đại học Y": the university system a member school belongs to
            if (is_punct(k, ",") && is_ment(k + 1, org) && run_->parent_suffix(items_[static_cast<std::size_t>(k2)], items_[static_cast<std::size_t>(k + 1)]))
                k += 2;
            // "Khoa Cơ khí, Trường Đại học X", "Department of Y, Z University": a unit and its parent are one item
            if ((el.cls & org) && is_punct(k, ",") && is_ment(k2, type_bit(EntityType::kUnit)) &&
                is_ment(k + 1, type_bit(EntityType::kUniversity) | type_bit(EntityType::kResearchInstitute)))
                k += 2;
            // ", a research body based in Vientiane,": an apposition that describes the item
            if ((el.cls & org) && is_punct(k, ",") && is_tok(k + 1) && word_at(L_.list.appo_open, k + 1)) {
                int c = k + 1;
                while (c < n() && c < k + 16 && !is_punct(c, ",") && !is_punct(c, ";") && !is_ment(c, org)) ++c;
                if (c < n() && is_punct(c, ",")) k = c;  // the comma may separate the next item
                else if (c >= n() || !is_ment(c, org)) k = c;
            }
            j = k;
            if (cnt <= kMaxListItems) ends[cnt - 1] = {k, weight};
            if (cnt >= kMaxListItems) break;
            int S = word_at(L_.list.separators, k);
            if (!S) break;
            k += S;
        }
        return cnt;
    }

    bool is_ment(int x, std::uint32_t cls) const {
        return x < n() && items_[static_cast<std::size_t>(x)].ment && (cls_(items_[static_cast<std::size_t>(x)]) & cls);
    }
    bool is_dash_tok(int x) const { return is_punct(x, "-") || is_punct(x, "\xE2\x80\x93") || is_punct(x, "\xE2\x80\x94"); }

    // After a person item: ", Dean of the Faculty of X", "of Mae Ping University's Faculty of Y",
    // ", chuyên viên Văn phòng X của Trường Y", ", who presented …,": returns where the list goes on.
    int skip_apposition(int k) const {
        const std::uint32_t org = org_bits() | kClsUnk;
        const std::uint32_t loc = type_bit(EntityType::kPlace) | type_bit(EntityType::kCountry);
        int r = k;
        bool role = false;
        if ((is_punct(r, ",") || is_dash_tok(r)) && is_ment(r + 1, kClsRole)) r += 2, role = true;
        else if (is_ment(r, kClsRole)) r += 1, role = true;
        else if (!word_at(L_.list.appo_links, r)) return k;
        bool any = role;
        while (r < n()) {
            if (is_ment(r, org | loc)) { ++r; any = true; continue; }
            if (int L = word_at(L_.list.appo_links, r)) {
                const int q = r + L;
                if (is_ment(q, org | loc) || word_at(L_.list.appo_links, q)) { r = q; continue; }
                // "của trường bạn": a short common-noun phrase closes the apposition
                int c = q;
                while (c < n() && c < q + 3 && is_tok(c) && !is_punct(c, ",") && !word_at(L_.list.separators, c) &&
                       (toks_[static_cast<std::size_t>(items_[static_cast<std::size_t>(c)].idx)].flags & kLower))
                    ++c;
                if (c > q && (c >= n() || word_at(L_.list.separators, c) || is_punct(c, ",") || is_punct(c, ";") || is_punct(c, "."))) { r = c; any = true; }
                break;
            }
            if (is_punct(r, ",") && is_ment(r + 1, org) && any) { ++r; continue; }  // "Bộ môn X, Khoa Y"
            break;
        }
        if (!any) return k;
        // ", who presented …, and": a relative clause
        if (is_punct(r, ",") && word_at(L_.list.relative, r + 1)) {
            for (int c = r + 2; c < n() && c < r + 45; ++c) {
                if (is_ment(c, type_bit(EntityType::kPerson))) break;
                if (is_punct(c, ",") && word_at(L_.list.separators, c + 1)) return c;
                if (is_punct(c, ";")) return c;
            }
        }
        return r;
    }

    bool sentence_start(int i) const {
        if (i == 0) return true;
        if (!is_tok(i - 1)) return false;
        auto s = tok_text(i - 1);
        return s == ":" || s == "•" || (i == 1 && (s == "-" || s == "\xE2\x80\x93" || s == "*"));
    }
    bool clause_start(int i) const {
        if (i == 0) return true;
        if (!is_tok(i - 1)) return false;
        auto s = tok_text(i - 1);
        return s == ":" || s == ";" || s == "–" || s == "-" || s == "•" || s == "(" || s == ",";
    }

    // step to the element after e at position pos; remembers where the first element ended
    bool next(std::size_t e, int pos) {
        if (!step(e + 1, pos)) return false;
        if (e == 0) first_end = pos;
        return true;
    }

    bool step(std::size_t e, int i) {
        if (++steps_ > 20000) return false;  // pathological sentence: give up on this start
        if (e == rule_.pat.size()) { end = i; return true; }
        const Elem& el = rule_.pat[e];
        switch (el.kind) {
            case ElemKind::kEnt: {
                if (i < n() && items_[static_cast<std::size_t>(i)].ment && (cls_(items_[static_cast<std::size_t>(i)]) & el.cls)) {
                    auto saved = el.slot >= 0 ? caps[static_cast<std::size_t>(el.slot)] : std::pair<int, int>{};
                    const auto cb = capbuf.size();
                    if (el.slot >= 0) {
                        caps[static_cast<std::size_t>(el.slot)] = {static_cast<int>(cb), 1};
                        capbuf.push_back(items_[static_cast<std::size_t>(i)].idx);
                    }
                    if (next(e, i + 1)) return true;
                    capbuf.resize(cb);
                    if (el.slot >= 0) caps[static_cast<std::size_t>(el.slot)] = saved;
                }
                return el.opt && next(e, i);
            }
            case ElemKind::kList: {
                const auto cb = capbuf.size();
                int j = i, weight = 0;
                ListEnd ends[kMaxListItems];
                int cnt = parse_list(i, el, j, weight, ends);
                // the longest list first, then shorter ones ("Together with A, B runs …": A alone)
                for (int c = cnt; c >= 1; --c) {
                    if (ends[c - 1].weight < el.min) break;
                    capbuf.resize(cb + static_cast<std::size_t>(c));
                    auto saved = el.slot >= 0 ? caps[static_cast<std::size_t>(el.slot)] : std::pair<int, int>{};
                    if (el.slot >= 0) caps[static_cast<std::size_t>(el.slot)] = {static_cast<int>(cb), c};
                    if (next(e, ends[c - 1].j)) return true;
                    if (el.slot >= 0) caps[static_cast<std::size_t>(el.slot)] = saved;
                }
                capbuf.resize(cb);
                return el.opt && next(e, i);
            }
            case ElemKind::kWord: {
                int L = word_at(el.words, i);
                if (L && next(e, i + L)) return true;
                return el.opt && next(e, i);
            }
            case ElemKind::kGap: {
                for (int k = 0; k <= el.gap_max; ++k) {
                    if (next(e, i + k)) return true;
                    const int p = i + k;
                    if (p >= n()) break;
                    const Item& it = items_[static_cast<std::size_t>(p)];
                    if (it.ment && (cls_(it) & el.gap_no)) break;
                    if (!it.ment && !el.gap_stop.empty() && word_at(el.gap_stop, p)) break;
                }
                return false;
            }
            case ElemKind::kTok: {
                if (is_tok(i) && (toks_[static_cast<std::size_t>(items_[static_cast<std::size_t>(i)].idx)].flags & el.shape) &&
                    next(e, i + 1))
                    return true;
                return el.opt && next(e, i);
            }
            case ElemKind::kRe: {
                if (is_tok(i)) {
                    auto s = tok_text(i);
                    if (RE2::FullMatch(re2::StringPiece(s.data(), s.size()), *el.re) && next(e, i + 1)) return true;
                }
                return el.opt && next(e, i);
            }
            case ElemKind::kStart:
                return (el.min == 2 ? clause_start(i) : sentence_start(i)) && next(e, i);
            case ElemKind::kEnd: {
                int k = i;
                while (k < n() && is_tok(k) && (toks_[static_cast<std::size_t>(items_[static_cast<std::size_t>(k)].idx)].flags & kPunct) &&
                       !is_punct(k, "(") && !is_punct(k, ",") )
                    ++k;
                return (k >= n() || is_punct(i, ";")) && next(e, i);
            }
        }
        return false;
    }
};

void DocRun::match_sentence(int si) {
    const Sentence& s = sents[static_cast<std::size_t>(si)];
    if (s.heading || static_cast<std::size_t>(si) >= refs_from) return;
    std::vector<Item> items;
    for (auto k = s.tok0; k < s.tok1;) {
        const int mi = tok_mention[k];
        if (mi >= 0 && (ments[static_cast<std::size_t>(mi)].role || ments[static_cast<std::size_t>(mi)].entity >= 0 ||
                        ments[static_cast<std::size_t>(mi)].group)) {
            items.push_back({true, mi, 0});
            k = ments[static_cast<std::size_t>(mi)].t1;
            continue;
        }
        items.push_back({false, static_cast<int>(k), 0});
        ++k;
    }
    // run ends of plain tokens (phrases never cross a mention)
    int run_end = static_cast<int>(s.tok1);
    for (std::size_t i = items.size(); i-- > 0;) {
        if (items[i].ment) { run_end = static_cast<int>(ments[static_cast<std::size_t>(items[i].idx)].t0); continue; }
        items[i].run_end = run_end;
    }
    // the event of the context: the last one named before this sentence
    for (std::size_t mi = 0; mi < ments.size() && ments[mi].sentence < si; ++mi) {
        const Mention& m = ments[mi];
        if (m.entity < 0 || m.role || m.anaphor) continue;
        const Ent& E = ents[static_cast<std::size_t>(m.entity)];
        if (E.typed && E.type == EntityType::kEvent) ctx_event = m.entity;
    }
    // "A và B …" opening the sentence: the pair that "hai bên", "the two" will name
    {
        int seen = 0;
        for (std::size_t x = 0; x + 2 < items.size() && x < 14; ++x) {
            if (!items[x].ment) continue;
            const Mention& a = ments[static_cast<std::size_t>(items[x].idx)];
            if (a.role) continue;
            if (++seen > 2) break;
            const Item& mid = items[x + 1];
            const Item& nb = items[x + 2];
            if (mid.ment || !nb.ment || a.entity < 0) continue;
            const auto w = text.substr(toks[static_cast<std::size_t>(mid.idx)].b, toks[static_cast<std::size_t>(mid.idx)].e - toks[static_cast<std::size_t>(mid.idx)].b);
            const Mention& b = ments[static_cast<std::size_t>(nb.idx)];
            if ((w == "và" || w == "and") && b.entity >= 0 && b.entity != a.entity && is_organization(final_type(a.entity)) &&
                is_organization(final_type(b.entity))) {
                const std::size_t after = x + 3;
                const bool more = after + 1 < items.size() && !items[after].ment && items[after + 1].ment &&
                                  (text.substr(toks[static_cast<std::size_t>(items[after].idx)].b, 1) == "," ||
                                   text.substr(toks[static_cast<std::size_t>(items[after].idx)].b, 3) == "v\xC3\xA0");
                if (!more) ctx_pair = {a.entity, b.entity};
                break;
            }
        }
    }
    const LangRules& L = s.vi ? R.vi : R.en;
    std::vector<char> fire(L.rules.size(), 0);
    for (int r : L.untriggered) fire[static_cast<std::size_t>(r)] = 1;
    for (auto k = s.tok0; k < s.tok1; ++k) {
        if (toks[k].lex < 0) continue;
        auto it = L.trigger_index.find(toks[k].lex);
        if (it != L.trigger_index.end())
            for (int r : it->second) fire[static_cast<std::size_t>(r)] = 1;
    }
    // words present in this sentence (a per-thread stamp array over lexicon ids)
    thread_local std::vector<std::uint32_t> stamp;
    thread_local std::uint32_t stamp_id = 0;
    if (stamp.size() < R.lex.size()) stamp.assign(R.lex.size(), 0);
    if (++stamp_id == 0) { std::fill(stamp.begin(), stamp.end(), 0); stamp_id = 1; }
    for (auto k = s.tok0; k < s.tok1; ++k)
        if (toks[k].lex >= 0) stamp[static_cast<std::size_t>(toks[k].lex)] = stamp_id;
    for (std::size_t r = 0; r < L.rules.size(); ++r) {
        if (!fire[r]) continue;
        bool ok = true;
        for (const auto& group : L.rules[r].required) {
            bool any = false;
            for (auto w : group)
                if (stamp[static_cast<std::size_t>(w)] == stamp_id) { any = true; break; }
            if (!any) { ok = false; break; }
        }
        if (ok) run_rule(L.rules[r], L, si, items);
    }
}

void DocRun::run_rule(const Rule& rule, const LangRules& L, int si, const std::vector<Item>& items) {
    Matcher m(this, rule, L, items, toks, ments, text);
    struct Hit {
        int start, end, first_end;
        std::array<std::pair<int, int>, 8> caps;
        std::vector<int> capbuf;
    };
    std::vector<Hit> hits;
    // anchor: a mandatory first element that is an entity or a word tells where matches can start
    const Elem& first = rule.pat.front();
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
        const Item& it = items[static_cast<std::size_t>(i)];
        if (!first.opt) {
            if (first.kind == ElemKind::kEnt && !(it.ment && (item_cls(it) & first.cls))) continue;
            if (first.kind == ElemKind::kWord && (it.ment || !first.words.may_start(toks[static_cast<std::size_t>(it.idx)].lex))) continue;
            if (first.kind == ElemKind::kList && !it.ment && !(toks[static_cast<std::size_t>(it.idx)].lex >= 0)) continue;
        }
        if (m.at(i)) hits.push_back({i, m.end, m.first_end, m.caps, m.capbuf});
    }
    // of matches that end at the same place keep the tightest (the nearest subject)
    auto weight = [](const Hit& h) { return h.capbuf.size(); };
    for (std::size_t a = 0; a < hits.size(); ++a) {
        bool dominated = false;
        for (std::size_t b = 0; b < hits.size(); ++b) {
            if (b == a || hits[b].end != hits[a].end) continue;
            // a match inside the first list of another ("Viện X trực thuộc ĐHTS …") is that list's suffix
            if (hits[b].start < hits[a].start && hits[a].start < hits[b].first_end) { dominated = true; continue; }
            if (hits[a].start < hits[b].start && hits[b].start < hits[a].first_end) continue;
            if (weight(hits[b]) > weight(hits[a]) || (weight(hits[b]) == weight(hits[a]) && hits[b].start > hits[a].start))
                dominated = true;
        }
        if (!dominated) emit(rule, L, si, items, hits[a].start, hits[a].end, hits[a].caps, hits[a].capbuf);
    }
}

void DocRun::emit(const Rule& rule, const LangRules& L, int si, const std::vector<Item>& items, int start, int end,
                  const std::array<std::pair<int, int>, 8>& caps, const std::vector<int>& capbuf) {
    const Sentence& s = sents[static_cast<std::size_t>(si)];
    auto tok_of = [&](int item, bool last) -> std::uint32_t {
        if (item >= static_cast<int>(items.size())) return s.tok1;
        const Item& it = items[static_cast<std::size_t>(item)];
        if (!it.ment) return static_cast<std::uint32_t>(it.idx) + (last ? 1 : 0);
        const Mention& m = ments[static_cast<std::size_t>(it.idx)];
        return last ? m.t1 : m.t0;
    };
    const std::uint32_t mt0 = tok_of(start, false);
    const std::uint32_t mt1 = end > start ? tok_of(end - 1, true) : mt0;
    // clause: from the last ';' before the match
    std::uint32_t clause0 = s.tok0;
    for (auto k = mt0; k > s.tok0; --k)
        if (text.substr(toks[k - 1].b, toks[k - 1].e - toks[k - 1].b) == ";") { clause0 = k; break; }
    std::uint32_t clause1 = s.tok1;
    for (auto k = mt1; k < s.tok1; ++k)
        if (text.substr(toks[k].b, toks[k].e - toks[k].b) == ";") { clause1 = k; break; }
    // negation near the match ("has not signed"), not "not only"
    const std::uint32_t neg0 = std::max(clause0, mt0 >= 4 ? mt0 - 4 : 0u);
    for (auto k = neg0; k < mt1; ++k) {
        if (!in_name(k) && L.negation.match(toks.data(), mt1, k) && !L.negation_except.match(toks.data(), s.tok1, k)) return;
    }
    const bool planned_ctx = words_in(L.planned, clause0, mt1);
    // date: first in the clause, else first in the sentence
    std::string date;
    {
        auto& slot = date_cache[static_cast<std::size_t>(si)];
        if (!slot) {
            bool digits = false;
            for (auto k = s.tok0; k < s.tok1 && !digits; ++k) digits = toks[k].is(kHasDigit);
            slot = digits ? find_dates(text.substr(s.b, s.e - s.b), default_year) : std::vector<DateHit>{};
        }
        const auto& dates = *slot;
        for (const auto& d : dates) {
            const std::uint32_t pos = s.b + d.b;
            if (pos >= toks[clause0].b && (clause1 >= s.tok1 || pos < toks[clause1].b)) { date = d.iso; break; }
        }
        if (date.empty() && !dates.empty()) date = dates.front().iso;
    }
    auto ents_of = [&](int slot) {
        std::vector<int> v;
        if (slot < 0) return v;
        auto [b, c] = caps[static_cast<std::size_t>(slot)];
        for (int k = b; k < b + c; ++k) {
            const Mention& m = ments[static_cast<std::size_t>(capbuf[static_cast<std::size_t>(k)])];
            if (m.group) {
                for (int e : group_members(m))
                    if (std::find(v.begin(), v.end(), e) == v.end()) v.push_back(e);
                continue;
            }
            if (m.entity >= 0 && std::find(v.begin(), v.end(), m.entity) == v.end()) v.push_back(m.entity);
        }
        return v;
    };
    // a slot filled only by anaphors ("the forum"): the anaphor was resolved by its type, which a
    // rule's type coercion must not overturn
    auto anaphoric = [&](int slot) {
        if (slot < 0) return false;
        auto [b, c] = caps[static_cast<std::size_t>(slot)];
        if (c == 0) return false;
        for (int k = b; k < b + c; ++k)
            if (!ments[static_cast<std::size_t>(capbuf[static_cast<std::size_t>(k)])].anaphor) return false;
        return true;
    };
    auto has_group = [&](int slot) {
        if (slot < 0) return false;
        auto [b, c] = caps[static_cast<std::size_t>(slot)];
        for (int k = b; k < b + c; ++k)
            if (ments[static_cast<std::size_t>(capbuf[static_cast<std::size_t>(k)])].group) return true;
        return false;
    };
    auto text_of = [&](int slot) {
        std::string out;
        if (slot < 0) return out;
        auto [b, c] = caps[static_cast<std::size_t>(slot)];
        for (int k = b; k < b + c; ++k) {
            const Mention& m = ments[static_cast<std::size_t>(capbuf[static_cast<std::size_t>(k)])];
            if (!out.empty()) out += ", ";
            out += (m.role || m.group) ? m.name : canonical(m.entity);
        }
        return out;
    };
    // type hints for unknown names in lists: the category noun before the list
    auto hint_for = [&](int slot) -> std::optional<EntityType> {
        for (const auto& el : rule.pat)
            if (el.kind == ElemKind::kList && el.slot == slot && el.hint) {
                std::int32_t p = -1;
                for (auto k = mt0; k < mt1; ++k)
                    if (R.categories.longest(toks.data(), mt1, k, p) > 0)
                        return R.category_types[static_cast<std::size_t>(p)];
            }
        return std::nullopt;
    };
    const bool specific = !date.empty() || words_in(L.specific_signing, s.tok0, s.tok1);
    if (rule.sets_signer >= 0 && !planned_ctx) {
        auto v = ents_of(rule.sets_signer);
        if (!v.empty()) ctx_signer = v.front();
    }
    for (const auto& em : rule.emits) {
        auto from_ctx = [&](std::uint8_t c, std::vector<int>& v) {
            switch (c) {
                case kCtxFocus: if (focus >= 0) v.push_back(focus); break;
                case kCtxEvent: if (ctx_event >= 0) v.push_back(ctx_event); break;
                case kCtxHost: if (ctx_host >= 0) v.push_back(ctx_host); break;
                case kCtxGuest:  // the visiting organisation and the delegation members named so far
                    if (ctx_guest >= 0) v.push_back(ctx_guest);
                    v.insert(v.end(), ctx_guest_people.begin(), ctx_guest_people.end());
                    break;
                case kCtxPair: if (ctx_pair.size() >= 2) v = ctx_pair; break;
                case kCtxSigner: if (ctx_signer >= 0) v.push_back(ctx_signer); break;
                default: break;
            }
        };
        std::vector<int> S = ents_of(em.s);
        if (em.s_alt >= 0) { auto A = ents_of(em.s_alt); if (!A.empty()) S = std::move(A); }
        if (S.empty() && em.s_focus && focus >= 0) S.push_back(focus);
        if (S.empty()) from_ctx(em.s_ctx, S);
        if (S.empty()) continue;
        // a structural fact is never spread over a group ("Khoa X của hai trường")
        const bool structural_p = em.p == RelationType::kPartOf || em.p == RelationType::kLocatedIn || em.p == RelationType::kHoldsPosition;
        if (structural_p && (has_group(em.o) || has_group(em.s))) continue;
        std::vector<int> O = ents_of(em.o);
        if (em.o_alt >= 0) { auto A = ents_of(em.o_alt); if (!A.empty()) O = std::move(A); }
        if (O.empty() && em.o_focus && focus >= 0) O.push_back(focus);
        if (O.empty()) from_ctx(em.o_ctx, O);
        const bool visit_ctx = em.p == RelationType::kVisited && (em.o_ctx == kCtxHost) && ents_of(em.o).empty();
        const std::string role = em.role >= 0 ? text_of(em.role) : em.role_text;
        const std::string field = em.field >= 0 ? text_of(em.field) : "";
        // structure (part of, located in, positions) is not a plan even in a hopeful sentence
        const bool structural = em.p == RelationType::kPartOf || em.p == RelationType::kLocatedIn ||
                                em.p == RelationType::kHoldsPosition || em.p == RelationType::kConcerns;
        const bool planned = em.planned || (planned_ctx && !structural);
        auto hs = hint_for(em.s), ho = hint_for(em.o);
        // (a fallback, which may yet give way to a specific rule, types no entity)
        if (!rule.fallback) {
            for (int e : S) if (!ents[static_cast<std::size_t>(e)].typed) { if (em.s_type) coerce[e] = *em.s_type; else if (hs) coerce[e] = *hs; }
            if (!anaphoric(em.o))
                for (int e : O) if (!ents[static_cast<std::size_t>(e)].typed || em.o_type) { if (em.o_type) coerce[e] = *em.o_type; else if (ho) coerce[e] = *ho; }
            if (em.s_type && !anaphoric(em.s)) for (int e : S) coerce[e] = *em.s_type;
        }
        std::vector<std::pair<int, int>> pairs;
        if (em.pairs) {
            for (std::size_t a = 0; a < S.size(); ++a)
                for (std::size_t b = a + 1; b < S.size(); ++b) pairs.push_back({S[a], S[b]});
        } else {
            for (int x : S)
                for (int y : O)
                    if (x != y) pairs.push_back({x, y});
        }
        const bool dated = em.p != RelationType::kLocatedIn && em.p != RelationType::kPartOf &&
                           em.p != RelationType::kHoldsPosition && em.p != RelationType::kMemberOf &&
                           em.p != RelationType::kConcerns;
        for (auto [x, y] : pairs) {
            Cand c;
            c.s = x;
            c.o = y;
            c.p = em.p;
            c.planned = planned;
            c.role = role;
            c.field = field;
            c.date = dated ? date : "";
            if (visit_ctx && c.date.empty()) c.date = ctx_visit_date;
            c.rule = &rule;
            c.sentence = si;
            c.confidence = rule.confidence * (planned ? 0.8 : 1.0);
            cands.push_back(c);
        }
        // the context for later sentences: the last pair of organisations, the last visit
        // (not from a fallback rule, whose match may yet give way to a specific one)
        if (!planned && !pairs.empty() && !rule.fallback) {
            auto org = [&](int e) { return is_organization(final_type(e)); };
            // (a cooperation stated in passing, "with the support of X", does not make a pair)
            if (em.p == RelationType::kSignedAgreementWith || (em.p == RelationType::kCooperatesWith && em.pairs)) {
                if (em.pairs && S.size() >= 2) ctx_pair = S;
                else if (org(pairs.back().first) && org(pairs.back().second)) ctx_pair = {pairs.back().first, pairs.back().second};
            } else if (em.p == RelationType::kVisited) {
                auto [g, h] = pairs.back();
                const EntityType ht = final_type(h);
                if (is_organization(ht) || ht == EntityType::kPlace || ht == EntityType::kCountry) {
                    const int old_guest = ctx_guest;
                    bool cleared = false;
                    // a person who visits in the name of an organisation the same sentence gives them a
                    // position at ("Minister of X Y paid an official visit to …"): that organisation visits
                    // too, and is the guest "the delegation" refers to later
                    int person_org = -1;
                    if (!org(g) && final_type(g) == EntityType::kPerson && em.s_ctx != kCtxGuest && !visit_ctx && !ents_of(em.s).empty() &&
                        !ents_of(em.o).empty()) {
                        for (const auto& c : cands)
                            if (c.sentence == si && c.p == RelationType::kHoldsPosition && c.s == g && !c.planned &&
                                c.o < kAgreementBase && org(c.o) && final_type(c.o) != EntityType::kUnit && c.o != h) {
                                person_org = c.o;
                                break;
                            }
                        if (person_org >= 0) {
                            bool have = false;
                            for (const auto& c : cands)
                                if (c.sentence == si && c.p == RelationType::kVisited && c.s == person_org && c.o == h) have = true;
                            if (!have) {
                                Cand c;
                                c.s = person_org;
                                c.o = h;
                                c.p = RelationType::kVisited;
                                c.date = dated ? date : "";
                                c.rule = &rule;
                                c.sentence = si;
                                c.confidence = rule.confidence * 0.9;
                                cands.push_back(c);
                            }
                        }
                    }
                    const int g_org = person_org >= 0 ? person_org : g;
                    if (em.s_ctx != kCtxGuest && (org(g_org) || ctx_host != h)) ctx_guest = org(g_org) ? g_org : -1;
                    // a new host, or another organisation's delegation to the same host, starts a new set of members
                    const bool new_guest = org(g_org) && g_org != old_guest;
                    if ((ctx_host != h || new_guest) && em.s_ctx != kCtxGuest) { cleared = !ctx_guest_people.empty() || old_guest >= 0; ctx_guest_people.clear(); }
                    if (ctx_guest != old_guest || cleared) ++visit_episode;
                    if (person_org >= 0 && person_org == ctx_guest) episode_hosts.push_back({visit_episode, person_org, h, si, dated ? date : ""});
                    for (const auto& [pg, ph] : pairs) {
                        if (org(pg) && pg == ctx_guest) episode_hosts.push_back({visit_episode, pg, ph, si, dated ? date : ""});
                        else if (final_type(pg) == EntityType::kPerson && ctx_guest >= 0) episode_people.push_back({visit_episode, pg});
                    }
                    for (const auto& [pg, ph] : pairs)
                        if (ph == h && final_type(pg) == EntityType::kPerson &&
                            std::find(ctx_guest_people.begin(), ctx_guest_people.end(), pg) == ctx_guest_people.end())
                            ctx_guest_people.push_back(pg);
                    ctx_host = h;
                    ctx_visit_date = dated ? date : "";
                    if (org(g) && org(h)) ctx_pair = {g, h};
                }
            }
        }
        // a delegation that attends an event ("đoàn X … đã tham dự …", "a delegation from X attended …") is a
        // visiting delegation: "the delegation" of the next sentences is X's
        if (em.p == RelationType::kAttended && !planned && !pairs.empty() && !rule.fallback && em.s_ctx != kCtxGuest) {
            static constexpr std::string_view kDelegationWords[] = {"đoàn", "Đoàn", "delegation", "Delegation", "delegations"};
            bool delegation = false;
            for (auto k = clause0; k < mt1 && !delegation; ++k) {
                const auto w = text.substr(toks[k].b, toks[k].e - toks[k].b);
                for (auto d : kDelegationWords) delegation = delegation || w == d;
            }
            if (delegation) {
                auto org = [&](int e) { return is_organization(final_type(e)); };
                for (int x : S) {
                    // (a name of unknown type is not taken for the delegation's organisation)
                    if (org(x) && ents[static_cast<std::size_t>(x)].typed && x != ctx_guest) {
                        ctx_guest = x;
                        ctx_guest_people.clear();
                        ctx_host = -1;
                        ++visit_episode;
                    } else if (final_type(x) == EntityType::kPerson && ctx_guest >= 0 &&
                               std::find(ctx_guest_people.begin(), ctx_guest_people.end(), x) == ctx_guest_people.end()) {
                        ctx_guest_people.push_back(x);
                        episode_people.push_back({visit_episode, x});
                    }
                }
            }
        }
        if (em.agreement && em.p == RelationType::kSignedAgreementWith && specific && !planned && !pairs.empty()) {
            std::string kind = words_in(L.mou_words, mt0, mt1) ? "MoU" : words_in(L.loi_words, mt0, mt1) ? "Letter of Intent" : "Agreement";
            auto add_agr = [&](std::vector<int> parties) {
                agreements.push_back({kind, parties, date});
                const int a = kAgreementBase + static_cast<int>(agreements.size() - 1);
                for (int p : parties) {
                    Cand c;
                    c.s = p;
                    c.o = a;
                    c.p = RelationType::kPartyTo;
                    c.date = date;
                    c.rule = &rule;
                    c.sentence = si;
                    c.confidence = rule.confidence;
                    cands.push_back(c);
                }
            };
            if (em.pairs) add_agr(S);
            else for (auto [x, y] : pairs) add_agr({x, y});
        }
    }
}

// The Field entity of that name (made once per document).
int DocRun::field_entity(const std::string& name, const std::string& alias) {
    const std::string key = match_key(name);
    if (key.empty()) return -1;
    auto it = key_ent.find(key);
    if (it != key_ent.end()) {
        const int e = root(it->second);
        const Ent& E = ents[static_cast<std::size_t>(e)];
        if (E.typed && E.type == EntityType::kField) return e;
        return -1;  // the phrase names something else here
    }
    const int fe = static_cast<int>(ents.size());
    ents.emplace_back();
    Ent& F = ents.back();
    F.type = EntityType::kField;
    F.typed = true;
    F.names[name] = 1;
    F.order.push_back(name);
    if (!alias.empty() && alias != name) F.order.push_back(alias);
    F.acronym_only = false;
    key_ent.emplace(key, fe);
    return fe;
}

// An event or programme whose name states its field: "Conference on Vietnamese Studies",
// "Higher Education Forum" (a field of the gazetteer), "Hội nghị … về giảng dạy tiếng Pháp".
void DocRun::derived_event_fields() {
    static const Rule kRuleEn = [] { Rule r; r.id = "en.event_field"; r.confidence = 0.7; return r; }();
    static const Rule kRuleVi = [] { Rule r; r.id = "vi.event_field"; r.confidence = 0.7; return r; }();
    std::set<std::pair<int, int>> done;
    auto add = [&](const Mention& m, int fe) {
        if (fe < 0 || !done.insert({m.entity, fe}).second) return;
        Cand c;
        c.s = m.entity;
        c.o = fe;
        c.p = RelationType::kConcerns;
        c.rule = sents[static_cast<std::size_t>(m.sentence)].vi ? &kRuleVi : &kRuleEn;
        c.sentence = m.sentence;
        c.confidence = 0.7;
        cands.push_back(c);
    };
    for (const auto& m : ments) {
        if (m.entity < 0 || m.anaphor || m.role || m.group) continue;
        if (static_cast<std::size_t>(m.sentence) >= refs_from || sents[static_cast<std::size_t>(m.sentence)].heading) continue;
        const Ent& E = ents[static_cast<std::size_t>(m.entity)];
        if (!E.typed || (E.type != EntityType::kEvent && E.type != EntityType::kProgram)) continue;
        // the topic after "on" / "về" inside the name
        bool topic = false;
        for (auto k = m.t0; k + 1 < m.t1; ++k) {
            const auto w = text.substr(toks[k].b, toks[k].e - toks[k].b);
            if (!(w == "on" || w == "về" || w == "On" || w == "Về")) continue;
            // "Conference on X", "Hội nghị quốc tế lần thứ 5 về X": the topic of the event's head
            bool head_before = false, quoted = false;
            for (auto h = m.t0; h < k; ++h) quoted = quoted || toks[h].is(kOpenQuote);
            if (quoted) break;
            for (auto h = m.t0; h < k && !head_before; ++h) {
                std::int32_t hp = -1;
                int L = R.heads.longest(toks.data(), k, h, hp);
                if (L > 0) {
                    const auto ht = R.head_entries[static_cast<std::size_t>(hp)].type;
                    if (ht == EntityType::kEvent || ht == EntityType::kProgram) head_before = true;
                }
                if (R.event_anaphors.match(toks.data(), k, h)) head_before = true;
            }
            if (!head_before) break;
            auto e = k + 1;
            while (e < m.t1 && toks[e].is(kWord) && !R.field_stop.match(toks.data(), m.t1, e) &&
                   !(toks[e].is(kNum) && e > k + 1))
                ++e;
            if (e > k + 1) {
                std::string f(text.substr(toks[k + 1].b, toks[e - 1].e - toks[k + 1].b));
                add(m, field_entity(f, ""));
                topic = true;
            }
            break;
        }
        if (topic || E.type != EntityType::kEvent) continue;
        // field phrases of the gazetteer inside an event's name
        for (auto k = m.t0; k < m.t1; ++k) {
            std::int32_t p = -1;
            int L = R.gaz.longest(toks.data(), m.t1, k, p);
            if (L <= 0) continue;
            const GazEntry& g = R.gaz_entries[static_cast<std::size_t>(p)];
            if (g.type != EntityType::kField) continue;
            std::string surf(text.substr(toks[k].b, toks[k + static_cast<std::uint32_t>(L) - 1].e - toks[k].b));
            add(m, field_entity(g.name, surf));
            k += static_cast<std::uint32_t>(L) - 1;
        }
    }
}

// The members of a delegation visited every host of that delegation's visit, also the hosts
// named before the members were ("Tham gia đoàn còn có …" at the end of a trip report).
void DocRun::delegation_members() {
    static const Rule kMembers = [] { Rule r; r.id = "delegation_members"; r.confidence = 0.6; return r; }();
    std::set<std::pair<int, int>> have;
    for (const auto& c : cands)
        if (c.p == RelationType::kVisited && !c.planned) have.insert({c.s, c.o});
    for (const auto& h : episode_hosts)
        for (const auto& [ep, p] : episode_people) {
            if (ep != h.episode || p == h.host || !have.insert({p, h.host}).second) continue;
            Cand c;
            c.s = p;
            c.o = h.host;
            c.p = RelationType::kVisited;
            c.date = h.date;
            c.rule = &kMembers;
            c.sentence = h.sentence;
            c.confidence = kMembers.confidence;
            cands.push_back(c);
        }
}

// Structure that the names themselves state: "KIT Graduate School of …" (the parent's acronym
// opens the unit's name) and a letterhead (parent on the first line, the issuing unit below).
void DocRun::derived_structure() {
    auto add_part_of = [&](int unit, int parent, const Rule& rule, int sentence) {
        Cand c;
        c.s = unit;
        c.o = parent;
        c.p = RelationType::kPartOf;
        c.rule = &rule;
        c.sentence = sentence;
        c.confidence = rule.confidence;
        cands.push_back(c);
    };
    static const Rule kAcr = [] { Rule r; r.id = "unit_acronym_parent"; r.confidence = 0.75; return r; }();
    static const Rule kHead = [] { Rule r; r.id = "letterhead_parent"; r.confidence = 0.7; return r; }();
    for (const auto& m : ments) {
        if (m.entity < 0 || m.anaphor || m.role || m.group || m.alias2.empty() || m.t1 <= m.t0 + 1) continue;
        if (final_type(m.entity) != EntityType::kUnit || !toks[m.t0].is(kAllCaps)) continue;
        auto it = key_ent.find(match_key(text.substr(toks[m.t0].b, toks[m.t0].e - toks[m.t0].b)));
        if (it == key_ent.end()) continue;
        const int parent = root(it->second);
        if (parent == m.entity || !is_organization(final_type(parent))) continue;
        add_part_of(m.entity, parent, kAcr, m.sentence);
    }
    // "Ban Thư ký Ủy hội sông Mê Công quốc tế": a unit whose name ends with its parent's name
    static const Rule kSuffix = [] { Rule r; r.id = "unit_name_parent"; r.confidence = 0.7; return r; }();
    for (const auto& m : ments) {
        if (m.entity < 0 || m.anaphor || m.role || m.group || m.t1 <= m.t0 + 2) continue;
        if (final_type(m.entity) != EntityType::kUnit) continue;
        for (auto k = m.t0 + 1; k + 1 < m.t1; ++k) {
            std::int32_t hp = -1;
            if (R.heads.longest(toks.data(), m.t1, k, hp) <= 0 || !toks[k].is(kCap)) continue;
            const auto ht = R.head_entries[static_cast<std::size_t>(hp)].type;
            if (!is_organization(ht) || ht == EntityType::kUnit) continue;
            auto it = key_ent.find(match_key(text.substr(toks[k].b, m.e - toks[k].b)));
            if (it == key_ent.end()) continue;
            const int parent = root(it->second);
            if (parent == m.entity || !is_organization(final_type(parent))) continue;
            add_part_of(m.entity, parent, kSuffix, m.sentence);
            break;
        }
    }
    // letterhead: the first two lines each name one organisation, the second a unit
    auto only_org = [&](std::size_t si) -> const Mention* {
        if (si >= sents.size()) return nullptr;
        const Sentence& sn = sents[si];
        const Mention* found = nullptr;
        for (auto k = sn.tok0; k < sn.tok1; ++k) {
            const int mi = tok_mention[k];
            if (mi < 0) { if (toks[k].is(kWord)) return nullptr; continue; }
            const Mention& m = ments[static_cast<std::size_t>(mi)];
            if (m.entity < 0 || (found && found != &m)) return nullptr;
            found = &m;
        }
        if (!found || !is_organization(final_type(found->entity))) return nullptr;
        const Token& last = toks[sn.tok1 - 1];
        if (last.is(kPunct) && text.substr(last.b, last.e - last.b) == ".") return nullptr;
        return found;
    };
    const Mention* a = only_org(0);
    const Mention* b = a ? only_org(1) : nullptr;
    if (a && b && a->entity != b->entity && final_type(b->entity) == EntityType::kUnit &&
        sents[0].heading && sents[1].heading) {
        add_part_of(b->entity, a->entity, kHead, 1);
    }
    // a unit no sentence places anywhere belongs to the organisation the document is about, when
    // the sentence that first names it names no other organisation and the unit is no partner,
    // host or signatory (then it is someone else's) and is not placed somewhere
    static const Rule kFocus = [] { Rule r; r.id = "unit_focus_parent"; r.confidence = 0.5; r.fallback = true; return r; }();
    if (focus >= 0 && is_organization(final_type(focus)) && final_type(focus) != EntityType::kUnit) {
        std::set<int> placed;
        for (const auto& c : cands)
            if (c.p == RelationType::kPartOf || c.p == RelationType::kLocatedIn || c.p == RelationType::kPartyTo) placed.insert(c.s);
            else if (c.p == RelationType::kVisited) placed.insert(c.o);
            else if (c.p == RelationType::kSignedAgreementWith || c.p == RelationType::kCooperatesWith) placed.insert(c.s), placed.insert(c.o);
        std::set<int> done;
        for (const auto& m : ments) {
            if (m.entity < 0 || m.anaphor || m.role || m.group) continue;
            const int u = m.entity;
            if (u == focus || final_type(u) != EntityType::kUnit || placed.count(u) || !done.insert(u).second) continue;
            bool other = false;
            for (const auto& n : ments)
                if (n.sentence == m.sentence && n.entity >= 0 && n.entity != u && n.entity != focus && !n.role &&
                    is_organization(final_type(n.entity)) && final_type(n.entity) != EntityType::kUnit)
                    other = true;
            if (other) continue;
            add_part_of(u, focus, kFocus, m.sentence);
        }
    }
}

EntityType DocRun::final_type(int e) const {
    if (e >= kAgreementBase) return EntityType::kAgreement;
    auto it = coerce.find(e);
    const Ent& E = ents[static_cast<std::size_t>(e)];
    if (it != coerce.end() && (!E.typed || is_organization(E.type) || E.type == EntityType::kEvent)) return it->second;
    return E.typed ? E.type : EntityType::kOrganization;
}

std::string DocRun::canonical(int e) const {
    if (e < 0) return "";
    if (e >= kAgreementBase) {
        const Agreement& a = agreements[static_cast<std::size_t>(e - kAgreementBase)];
        std::string s = a.kind + "(";
        for (std::size_t i = 0; i < a.parties.size(); ++i) {
            if (i) s += "\xE2\x80\x93";  // en dash
            s += canonical(a.parties[i]);
        }
        if (!a.date.empty()) s += ", " + a.date;
        return s + ")";
    }
    const Ent& E = ents[static_cast<std::size_t>(e)];
    std::string best;
    if (E.typed && E.type == EntityType::kPerson) {  // "Hiroshi Tanabe", not "Tanabe"
        for (const auto& n : E.order) if (n.size() > best.size()) best = n;
        return best;
    }
    int best_count = -1;
    bool best_acr = true;
    for (const auto& n : E.order) {
        auto it = E.names.find(n);
        const int c = it == E.names.end() ? 0 : it->second;
        bool acr = true;
        for (char ch : n) if (ch >= 'a' && ch <= 'z') { acr = false; break; }
        if (n.find(' ') != std::string::npos) acr = false;
        // prefer a full name over an acronym, then frequency, then length
        if (best_count < 0 || (best_acr && !acr) ||
            (acr == best_acr && (c > best_count || (c == best_count && n.size() > best.size())))) {
            best = n;
            best_count = c;
            best_acr = acr;
        }
    }
    return best;
}

EntityRef DocRun::ref(int e) const {
    EntityRef r;
    r.name = canonical(e);
    r.type = final_type(e);
    if (e < kAgreementBase) {
        for (const auto& n : ents[static_cast<std::size_t>(e)].order)
            if (n != r.name) r.aliases.push_back(n);
    }
    return r;
}

bool types_ok(RelationType p, EntityType s, EntityType o) {
    const bool so = is_organization(s), oo = is_organization(o);
    using E = EntityType;
    switch (p) {
        case RelationType::kSignedAgreementWith: return so && oo;
        case RelationType::kPartyTo: return so && o == E::kAgreement;
        case RelationType::kCooperatesWith: return so && (oo || o == E::kCountry);
        case RelationType::kMemberOf: return so && o == E::kNetwork;
        case RelationType::kPartOf: return so && oo;
        case RelationType::kLocatedIn: return (so || s == E::kPlace || s == E::kEvent) && (o == E::kPlace || o == E::kCountry);
        case RelationType::kHoldsPosition: return s == E::kPerson && oo;
        case RelationType::kVisited: return (so || s == E::kPerson) && (oo || o == E::kPlace || o == E::kCountry);
        case RelationType::kOrganized: return so && o == E::kEvent;
        case RelationType::kAttended: return (so || s == E::kPerson) && o == E::kEvent;
        case RelationType::kRuns: return so && o == E::kProgram;
        case RelationType::kConcerns: return (s == E::kEvent || s == E::kProgram || s == E::kAgreement) && o == E::kField;
    }
    return false;
}

std::vector<Triple> DocRun::build() {
    std::vector<Triple> out;
    std::set<std::tuple<int, int, int, bool, int>> seen;
    // an exclusive rule's subjects replace those other rules give the same object in the sentence
    std::vector<char> drop(cands.size(), 0);
    for (const auto& x : cands) {
        if (!x.rule->exclusive) continue;
        for (std::size_t k = 0; k < cands.size(); ++k) {
            const Cand& c = cands[k];
            if (c.rule == x.rule || c.sentence != x.sentence || c.p != x.p) continue;
            const bool same_o = c.o == x.o && c.s != x.s;
            const bool sym = c.p == RelationType::kSignedAgreementWith || c.p == RelationType::kCooperatesWith;
            const bool same_o_sym = sym && c.s == x.o && c.o != x.s;
            if (same_o || same_o_sym) {
                bool also = false;  // the other subject is one of this rule's own
                for (const auto& y : cands)
                    if (y.rule == x.rule && y.sentence == x.sentence && y.p == x.p && (y.s == c.s || (sym && y.o == c.s))) also = true;
                if (!also) drop[k] = 1;
            }
        }
    }
    // a fallback rule speaks only where no specific rule gave that relation type in the sentence
    for (std::size_t k = 0; k < cands.size(); ++k) {
        const Cand& c = cands[k];
        if (!c.rule->fallback) continue;
        for (std::size_t j = 0; j < cands.size(); ++j) {
            const Cand& x = cands[j];
            if (!drop[j] && !x.rule->fallback && x.sentence == c.sentence && x.p == c.p && x.s != x.o &&
                types_ok(x.p, final_type(x.s), final_type(x.o))) { drop[k] = 1; break; }
        }
    }
    // "đoàn X tại Hội An", "the X delegation in Bonn": where the sentence says X visited a place,
    // the same phrase does not locate X there
    for (const auto& x : cands) {
        if (x.p != RelationType::kVisited) continue;
        for (std::size_t k = 0; k < cands.size(); ++k) {
            const Cand& c = cands[k];
            if (c.p == RelationType::kLocatedIn && c.sentence == x.sentence && c.s == x.s && c.o == x.o) drop[k] = 1;
        }
    }
    for (std::size_t ci = 0; ci < cands.size(); ++ci) {
        const Cand& c = cands[ci];
        if (drop[ci]) continue;
        if (c.s == c.o) continue;
        const EntityType st = final_type(c.s), ot = final_type(c.o);
        if (!types_ok(c.p, st, ot)) continue;
        int s = c.s, o = c.o;
        if ((c.p == RelationType::kSignedAgreementWith || c.p == RelationType::kCooperatesWith) && is_organization(ot) && o < s &&
            o < kAgreementBase)
            std::swap(s, o);
        if (!seen.insert({s, static_cast<int>(c.p), o, c.planned, c.sentence}).second) continue;
        const Sentence& sen = sents[static_cast<std::size_t>(c.sentence)];
        Triple t;
        t.subject = ref(c.s);
        t.predicate = c.p;
        t.object = ref(c.o);
        if (!c.date.empty()) t.set_property("date", c.date);
        if (!c.role.empty()) t.set_property("role", c.role);
        if (!c.field.empty()) t.set_property("field", c.field);
        if (c.planned) t.set_property("status", "planned");
        t.provenance.doc = doc.id;
        t.provenance.start = sen.b;
        t.provenance.end = sen.e;
        t.provenance.sentence = std::string(text.substr(sen.b, sen.e - sen.b));
        t.provenance.extractor = c.rule->id;
        t.provenance.confidence = c.confidence;
        out.push_back(std::move(t));
    }
    std::stable_sort(out.begin(), out.end(), [](const Triple& a, const Triple& b) { return a.provenance.start < b.provenance.start; });
    return out;
}

std::vector<Triple> DocRun::run() {
    if (text.empty()) return {};
    if (doc.date.size() >= 4) default_year = std::atoi(doc.date.substr(0, 4).c_str());
    if (default_year == 0) {
        auto d = find_dates(text.substr(0, std::min<std::size_t>(text.size(), 3000)), 0);
        for (const auto& h : d)
            if (h.iso.size() >= 4) { default_year = std::atoi(h.iso.substr(0, 4).c_str()); break; }
    }
    debug_ = std::getenv("KGMILL_DEBUG_MENTIONS") != nullptr;
    segment();
    find_all_mentions();
    resolve();
    compute_focus();
    resolve_anaphors();
    if (debug_) {
        for (std::size_t si = 0; si < sents.size(); ++si) {
            const Sentence& sn = sents[si];
            std::fprintf(stderr, "S%zu%s%s%s: %.*s\n", si, sn.vi ? " [vi]" : "", sn.heading ? " [heading]" : "", sn.title_case ? " [title]" : "",
                         static_cast<int>(std::min<std::uint32_t>(sn.e - sn.b, 160)), text.data() + sn.b);
            for (const auto& m : ments) {
                if (m.sentence != static_cast<int>(si)) continue;
                std::fprintf(stderr, "    %s %s '%s'%s%s -> %s\n", m.role ? "ROLE" : m.unk ? "UNK" : std::string(entity_type_name(m.type)).c_str(),
                             m.anaphor ? "(anaphor)" : "", m.name.c_str(), m.alias.empty() ? "" : (" alias '" + m.alias + "'").c_str(),
                             "", m.entity >= 0 ? canonical(m.entity).c_str() : "-");
            }
        }
    }
    for (std::size_t si = 0; si < sents.size(); ++si) match_sentence(static_cast<int>(si));
    derived_event_fields();
    derived_structure();
    delegation_members();
    return build();
}

std::vector<Triple> RuleExtractor::extract(const Document& doc) const {
    DocRun run(*R_, doc);
    return run.run();
}

}  // namespace
}  // namespace ex

Result<std::shared_ptr<const Extractor>> Extractor::create(const std::string& data_dir) {
    auto r = ex::load_resources(data_dir);
    if (!r) return r.error();
    return std::shared_ptr<const Extractor>(std::make_shared<ex::RuleExtractor>(std::move(*r)));
}

}  // namespace kgmill
