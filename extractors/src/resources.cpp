// extractors/src/resources.cpp — loads gazetteers and compiles rule files, once.
//
// Layout under the data dir:
//   gazetteers/words.json          word lists (titles, roles, head words, connectors, months …)
//   gazetteers/countries.tsv       ISO <TAB> name <TAB> aliases      (type Country)
//   gazetteers/places.tsv          ISO <TAB> name <TAB> aliases      (type Place)
//   gazetteers/organizations.tsv   Type <TAB> name <TAB> aliases
//   gazetteers/fields.tsv          name <TAB> aliases                (type Field)
//   gazetteers/demonyms.tsv        demonym <TAB> ISO
//   rules/<lang>/*.json            lists, modifiers, list syntax and rules (see rules/README.md)
// Every error names the file; rule errors also name the rule id.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kgmill/core/unicode.hpp"
#include "model.hpp"
#include "utf8.hpp"

namespace kgmill::ex {
namespace fs = std::filesystem;

std::uint32_t org_bits() {
    // Asked for in the matcher's inner loops: computed once.
    static const std::uint32_t kBits = [] {
        std::uint32_t b = 0;
        for (int i = 0; i < kEntityTypeCount; ++i)
            if (is_organization(static_cast<EntityType>(i))) b |= 1u << i;
        return b;
    }();
    return kBits;
}

bool parse_classes(std::string_view spec, std::uint32_t& bits, std::string& bad) {
    bits = 0;
    std::size_t p = 0;
    while (p <= spec.size()) {
        std::size_t q = spec.find('|', p);
        if (q == std::string_view::npos) q = spec.size();
        std::string_view c = spec.substr(p, q - p);
        if (c == "ORG") bits |= org_bits();
        else if (c == "UNK") bits |= kClsUnk;
        else if (c == "ORG~") bits |= org_bits() | kClsUnk;
        else if (c == "PERSON") bits |= type_bit(EntityType::kPerson);
        else if (c == "COUNTRY") bits |= type_bit(EntityType::kCountry);
        else if (c == "PLACE") bits |= type_bit(EntityType::kPlace);
        else if (c == "LOC") bits |= type_bit(EntityType::kCountry) | type_bit(EntityType::kPlace);
        else if (c == "EVENT") bits |= type_bit(EntityType::kEvent);
        else if (c == "PROGRAM") bits |= type_bit(EntityType::kProgram);
        else if (c == "FIELD") bits |= type_bit(EntityType::kField);
        else if (c == "ROLE") bits |= kClsRole;
        else if (c == "AGENT") bits |= org_bits() | kClsUnk | type_bit(EntityType::kPerson);
        else if (c == "ANY") bits |= 0xFFFFu | kClsUnk;
        else if (auto t = parse_entity_type(c)) bits |= type_bit(*t);
        else { bad = std::string(c); return false; }
        p = q + 1;
    }
    return true;
}

namespace {

Error file_error(const std::string& path, std::string msg, std::int64_t byte = -1) {
    return make_error(ErrorCode::kParse, "rules", path, std::move(msg), byte);
}

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::kNotFound, "rules", path, "cannot open file");
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.erase(0, 3);
    return to_nfc(s);
}

Result<rapidjson::Document> parse_json(const std::string& path) {
    auto text = read_file(path);
    if (!text) return text.error();
    rapidjson::Document d;
    d.Parse(text->c_str(), text->size());
    if (d.HasParseError()) {
        const auto off = d.GetErrorOffset();
        const auto line = 1 + std::count(text->begin(), text->begin() + static_cast<std::ptrdiff_t>(std::min(off, text->size())), '\n');
        return file_error(path, "line " + std::to_string(line) + ": JSON syntax error: " +
                                    rapidjson::GetParseError_En(d.GetParseError()),
                          static_cast<std::int64_t>(off));
    }
    if (!d.IsObject()) return file_error(path, "top level must be a JSON object");
    return d;
}

std::vector<std::string> split_bar(std::string_view s) {
    std::vector<std::string> out;
    std::size_t p = 0;
    while (p <= s.size()) {
        std::size_t q = s.find('|', p);
        if (q == std::string_view::npos) q = s.size();
        if (q > p) out.emplace_back(s.substr(p, q - p));
        p = q + 1;
    }
    return out;
}

// TSV rows without comments/blank lines.
Result<std::vector<std::vector<std::string>>> read_tsv(const std::string& path) {
    auto text = read_file(path);
    if (!text) return text.error();
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(*text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::size_t p = 0;
        while (true) {
            std::size_t q = line.find('\t', p);
            cols.push_back(line.substr(p, q == std::string::npos ? std::string::npos : q - p));
            if (q == std::string::npos) break;
            p = q + 1;
        }
        rows.push_back(std::move(cols));
    }
    return rows;
}

bool all_caps_name(std::string_view s) {
    int letters = 0;
    for (std::size_t i = 0; i < s.size();) {
        int len = 1;
        char32_t c = decode_utf8(s, i, len);
        if (cp_is_alpha(c)) {
            ++letters;
            if (!cp_is_upper(c)) return false;
        }
        i += len;
    }
    return letters >= 2;
}

class Loader {
public:
    Loader(Resources& r, std::string dir) : r_(r), dir_(std::move(dir)) {}

    Status load_all() {
        KGMILL_RETURN_IF_ERROR(load_words());
        KGMILL_RETURN_IF_ERROR(load_gaz());
        KGMILL_RETURN_IF_ERROR(load_lang("en", r_.en));
        KGMILL_RETURN_IF_ERROR(load_lang("vi", r_.vi));
        return {};
    }

private:
    Resources& r_;
    std::string dir_;

    void add_words(WordSet& ws, const rapidjson::Value& arr) {
        for (const auto& v : arr.GetArray())
            if (v.IsString()) ws.add(phrase_ids(r_.lex, v.GetString()));
    }

    Status words_field(const std::string& path, const rapidjson::Document& d, const char* key, WordSet& ws) {
        auto it = d.FindMember(key);
        if (it == d.MemberEnd()) return {};
        if (!it->value.IsArray()) return file_error(path, std::string("'") + key + "' must be an array of strings");
        add_words(ws, it->value);
        return {};
    }

    Status load_words() {
        const std::string path = dir_ + "/gazetteers/words.json";
        auto d = parse_json(path);
        if (!d) return d.error();
        struct { const char* key; WordSet* ws; } lists[] = {
            {"honorifics", &r_.honorifics}, {"role_titles", &r_.role_titles}, {"role_modifiers", &r_.role_modifiers},
            {"role_bodies", &r_.role_bodies}, {"role_connectors", &r_.role_connectors},
            {"role_body_prefix", &r_.role_body_prefix}, {"stop_caps", &r_.stop_caps}, {"name_possessors", &r_.name_possessors},
            {"acronym_stop", &r_.acronym_stop}, {"event_anaphors", &r_.event_anaphors}, {"weekdays", &r_.weekdays},
            {"located_office_heads", &r_.located_office_heads}, {"place_suffix_heads", &r_.place_suffix_heads},
            {"vi_stop", &r_.vi_stop}, {"vi_connectors", &r_.vi_connectors}, {"people_groups", &r_.people_groups},
            {"place_lower_heads", &r_.place_lower_heads}, {"section_stop", &r_.section_stop}, {"vi_surnames", &r_.vi_surnames},
            {"vi_break", &r_.vi_break}, {"vi_name_tail_end", &r_.vi_name_tail_end}, {"pair_anaphors", &r_.pair_anaphors},
            {"role_qualifiers", &r_.role_qualifiers}, {"program_heads_lower", &r_.program_heads_lower},
            {"field_stop", &r_.field_stop}, {"not_names", &r_.not_names}, {"organizer_anaphors", &r_.organizer_anaphors},
            {"name_particles", &r_.name_particles}, {"vi_place_heads", &r_.vi_place_heads}};
        for (auto& l : lists) KGMILL_RETURN_IF_ERROR(words_field(path, *d, l.key, *l.ws));
        for (auto id : r_.stop_caps.first_words()) r_.common_words.insert(id);
        auto typed_map = [&](const char* key, auto&& fn) -> Status {
            auto it = d->FindMember(key);
            if (it == d->MemberEnd()) return {};
            if (!it->value.IsObject()) return file_error(path, std::string("'") + key + "' must be an object");
            for (const auto& m : it->value.GetObject()) {
                auto t = parse_entity_type(m.name.GetString());
                if (!t) return file_error(path, std::string(key) + ": unknown entity type '" + m.name.GetString() + "'");
                if (!m.value.IsArray()) return file_error(path, std::string(key) + "." + m.name.GetString() + " must be an array");
                for (const auto& v : m.value.GetArray()) fn(*t, std::string(v.GetString()));
            }
            return {};
        };
        KGMILL_RETURN_IF_ERROR(typed_map("org_heads", [&](EntityType t, const std::string& w) {
            auto ids = phrase_ids(r_.lex, w);
            HeadEntry h;
            h.type = t;
            // Vietnamese head words open the name; detect by Vietnamese letters or a known list.
            bool vi = false;
            for (std::size_t i = 0; i < w.size();) {
                int len = 1;
                char32_t c = decode_utf8(w, i, len);
                if (cp_is_vietnamese(c) || c == 0xF4 || c == 0xD4 || c == 0xEA || c == 0xE2) vi = true;
                i += len;
            }
            static const char* vi_ascii[] = {"Khoa", "Phòng", "Ban", "Sở", "Cục", "Hội", "Quỹ", "Viện", "Bộ", "Trường", "Xã", "Huyện", "Quận", "Tỉnh", "Phường"};
            for (auto* a : vi_ascii) if (w == a) vi = true;
            h.prefix_vi = vi;
            r_.head_entries.push_back(h);
            r_.heads.add(ids, static_cast<std::int32_t>(r_.head_entries.size() - 1));
        }));
        KGMILL_RETURN_IF_ERROR(typed_map("anaphor_heads", [&](EntityType t, const std::string& w) {
            // "university|université|đại học": synonyms that name the same kind of body
            const auto group = static_cast<std::int32_t>(r_.anaphor_group_words.size());
            r_.anaphor_group_words.emplace_back();
            for (const auto& v : split_bar(w)) {
                r_.anaphor_group_words.back().push_back(to_lower(v));
                r_.anaphor_types.push_back(t);
                r_.anaphor_group.push_back(group);
                r_.anaphor_heads.add(phrase_ids(r_.lex, v), static_cast<std::int32_t>(r_.anaphor_types.size() - 1));
            }
        }));
        KGMILL_RETURN_IF_ERROR(typed_map("category_nouns", [&](EntityType t, const std::string& w) {
            r_.category_types.push_back(t);
            r_.categories.add(phrase_ids(r_.lex, w), static_cast<std::int32_t>(r_.category_types.size() - 1));
        }));
        if (auto it = d->FindMember("vi_head_en"); it != d->MemberEnd() && it->value.IsObject()) {
            for (const auto& m : it->value.GetObject()) {
                if (m.name.GetString()[0] == '_' || !m.value.IsString()) continue;
                std::string v = m.value.GetString();
                const bool of = v.rfind("of:", 0) == 0;
                if (!of && v.rfind("pre:", 0) != 0) return file_error(path, std::string("vi_head_en: '") + v + "' must start with pre: or of:");
                r_.vi_head_en_names.emplace_back(v.substr(of ? 3 : 4), of);
                r_.vi_head_en.add(phrase_ids(r_.lex, m.name.GetString()), static_cast<std::int32_t>(r_.vi_head_en_names.size() - 1));
            }
        }
        if (auto it = d->FindMember("connectors"); it != d->MemberEnd() && it->value.IsObject()) {
            for (const auto& m : it->value.GetObject()) {
                std::string k = m.value.GetString();
                ConnKind c = k == "of" ? kConnOf : k == "and" ? kConnAnd : k == "amp" ? kConnAmp : k == "the" ? kConnThe
                           : k == "on" ? kConnOn : kConnNone;
                if (c == kConnNone) return file_error(path, "connectors: unknown kind '" + k + "'");
                r_.connectors[r_.lex.intern(to_lower(m.name.GetString()))] = c;
            }
        }
        if (auto it = d->FindMember("months"); it != d->MemberEnd() && it->value.IsObject()) {
            for (const auto& m : it->value.GetObject())
                r_.month_of[r_.lex.intern(to_lower(m.name.GetString()))] = m.value.GetInt();
        }
        return {};
    }

    std::int32_t add_gaz(EntityType t, const std::string& name, const std::string& country,
                         const std::vector<std::string>& aliases) {
        GazEntry g;
        g.type = t;
        g.name = name;
        g.country = country;
        const auto idx = static_cast<std::int32_t>(r_.gaz_entries.size());
        r_.gaz_entries.push_back(g);
        auto add_one = [&](const std::string& s, std::int32_t payload) {
            auto ids = phrase_ids(r_.lex, s);
            if (all_caps_name(s) && ids.size() == 1 && t != EntityType::kField) {
                // Acronym: a separate entry that only matches capitals.
                GazEntry a = r_.gaz_entries[static_cast<std::size_t>(payload)];
                a.acronym = true;
                r_.gaz_entries.push_back(a);
                r_.gaz.add(ids, static_cast<std::int32_t>(r_.gaz_entries.size() - 1));
                return;
            }
            r_.gaz.add(ids, payload);
        };
        add_one(name, idx);
        for (const auto& a : aliases) add_one(a, idx);
        return idx;
    }

    Status load_gaz() {
        const std::string g = dir_ + "/gazetteers/";
        std::unordered_map<std::string, std::int32_t> country_entry;
        {
            auto rows = read_tsv(g + "countries.tsv");
            if (!rows) return rows.error();
            for (auto& c : *rows) {
                if (c.size() < 2) return file_error(g + "countries.tsv", "row '" + c[0] + "': expected ISO<TAB>name<TAB>aliases");
                country_entry[c[0]] = add_gaz(EntityType::kCountry, c[1], c[0], c.size() > 2 ? split_bar(c[2]) : std::vector<std::string>{});
            }
        }
        {
            auto rows = read_tsv(g + "places.tsv");
            if (!rows) return rows.error();
            for (auto& c : *rows) {
                if (c.size() < 2) return file_error(g + "places.tsv", "row '" + c[0] + "': expected ISO<TAB>name<TAB>aliases");
                add_gaz(EntityType::kPlace, c[1], c[0], c.size() > 2 ? split_bar(c[2]) : std::vector<std::string>{});
            }
        }
        {
            auto rows = read_tsv(g + "organizations.tsv");
            if (!rows) return rows.error();
            for (auto& c : *rows) {
                auto t = parse_entity_type(c[0]);
                if (!t) return file_error(g + "organizations.tsv", "unknown entity type '" + c[0] + "'");
                if (c.size() < 2) return file_error(g + "organizations.tsv", "row '" + c[0] + "': missing name");
                add_gaz(*t, c[1], "", c.size() > 2 ? split_bar(c[2]) : std::vector<std::string>{});
            }
        }
        {
            auto rows = read_tsv(g + "fields.tsv");
            if (!rows) return rows.error();
            for (auto& c : *rows)
                add_gaz(EntityType::kField, c[0], "", c.size() > 1 ? split_bar(c[1]) : std::vector<std::string>{});
        }
        {
            auto rows = read_tsv(g + "demonyms.tsv");
            if (!rows) return rows.error();
            for (auto& c : *rows) {
                if (c.size() < 2) continue;
                auto it = country_entry.find(c[1]);
                if (it == country_entry.end())
                    return file_error(g + "demonyms.tsv", "demonym '" + c[0] + "': unknown country code '" + c[1] + "'");
                auto ids = phrase_ids(r_.lex, c[0]);
                if (ids.size() == 1) r_.demonym_country[ids[0]] = it->second;
            }
        }
        return {};
    }

    // ---- rule files ----
    struct FileDoc {
        std::string path;
        rapidjson::Document d;
    };

    Status load_lang(const std::string& lang, LangRules& L) {
        const std::string folder = dir_ + "/rules/" + lang;
        std::vector<std::string> files;
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) return {};
        for (const auto& e : fs::directory_iterator(folder, ec))
            if (e.path().extension() == ".json") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        std::vector<FileDoc> docs;
        std::unordered_map<std::string, WordSet> lists;
        for (const auto& f : files) {
            auto d = parse_json(f);
            if (!d) return d.error();
            docs.push_back({f, std::move(*d)});
        }
        // pass 1: lists, modifiers, list syntax
        for (auto& fd : docs) {
            auto& d = fd.d;
            if (auto it = d.FindMember("lists"); it != d.MemberEnd()) {
                if (!it->value.IsObject()) return file_error(fd.path, "'lists' must be an object");
                for (const auto& m : it->value.GetObject()) {
                    if (!m.value.IsArray()) return file_error(fd.path, std::string("list '") + m.name.GetString() + "' must be an array");
                    auto& ws = lists[m.name.GetString()];
                    for (const auto& v : m.value.GetArray()) {
                        if (!v.IsString()) return file_error(fd.path, std::string("list '") + m.name.GetString() + "': entries must be strings");
                        auto ids = phrase_ids(r_.lex, v.GetString());
                        for (auto id : ids) r_.common_words.insert(id);
                        ws.add(std::move(ids));
                    }
                }
            }
            auto section = [&](const char* key, std::initializer_list<std::pair<const char*, WordSet*>> fields) -> Status {
                auto it = d.FindMember(key);
                if (it == d.MemberEnd()) return {};
                if (!it->value.IsObject()) return file_error(fd.path, std::string("'") + key + "' must be an object");
                for (const auto& m : it->value.GetObject()) {
                    WordSet* target = nullptr;
                    if (std::string_view(m.name.GetString()) == "parent_prefixes") continue;  // read below
                    for (auto& [name, ws] : fields) if (std::string_view(name) == m.name.GetString()) target = ws;
                    if (!target) return file_error(fd.path, std::string(key) + ": unknown entry '" + m.name.GetString() + "'");
                    if (!m.value.IsArray()) return file_error(fd.path, std::string(key) + "." + m.name.GetString() + " must be an array");
                    add_words(*target, m.value);
                }
                return {};
            };
            KGMILL_RETURN_IF_ERROR(section("modifiers", {{"negation", &L.negation}, {"negation_except", &L.negation_except},
                                                         {"planned", &L.planned}, {"specific_signing", &L.specific_signing},
                                                         {"mou", &L.mou_words}, {"letter_of_intent", &L.loi_words}}));
            KGMILL_RETURN_IF_ERROR(section("list_syntax", {{"separators", &L.list.separators}, {"skip_before", &L.list.skip_before},
                                                           {"skip_after", &L.list.skip_after},
                                                           {"item_suffix", &L.list.item_suffix},
                                                           {"appo_links", &L.list.appo_links}, {"relative", &L.list.relative},
                                                           {"appo_open", &L.list.appo_open}}));
            if (auto ls = d.FindMember("list_syntax"); ls != d.MemberEnd() && ls->value.IsObject())
                if (auto pp = ls->value.FindMember("parent_prefixes"); pp != ls->value.MemberEnd() && pp->value.IsArray())
                    for (const auto& v : pp->value.GetArray())
                        if (v.IsString()) L.list.parent_prefixes.push_back(to_lower(v.GetString()) + " ");
        }
        // pass 2: rules
        std::unordered_set<std::string> ids;
        for (auto& fd : docs) {
            auto it = fd.d.FindMember("rules");
            if (it == fd.d.MemberEnd()) continue;
            if (!it->value.IsArray()) return file_error(fd.path, "'rules' must be an array");
            for (const auto& rv : it->value.GetArray()) {
                Rule rule;
                rule.file = fd.path;
                KGMILL_RETURN_IF_ERROR(compile_rule(fd.path, rv, lists, rule));
                if (!ids.insert(rule.id).second) return file_error(fd.path, "rule '" + rule.id + "': duplicate rule id");
                L.rules.push_back(std::move(rule));
            }
        }
        // trigger index: a mandatory word element of each rule, preferring one without very
        // common words (a rule runs only on sentences that contain one of its trigger words)
        std::unordered_set<std::int32_t> common;
        for (const char* w : {",", "of", "in", "the", "and", "with", "at", "-", "–", "(", ")", "to", "from", "for", "on", "by", "a",
                              "an", ";", ":", "or", "&", "'s", "has", "have", "là", "của", "và", "với", "tại", "các"})
            common.insert(r_.lex.intern(w));
        for (std::size_t i = 0; i < L.rules.size(); ++i) {
            const Elem* trig = nullptr;
            bool trig_common = true;
            for (const auto& e : L.rules[i].pat) {
                if (e.kind != ElemKind::kWord || e.opt) continue;
                bool has_common = false;
                for (auto w : e.words.first_words()) if (common.count(w)) has_common = true;
                if (!trig || (!has_common && trig_common)) { trig = &e; trig_common = has_common; }
            }
            if (!trig) { L.untriggered.push_back(static_cast<int>(i)); continue; }
            for (auto w : trig->words.first_words()) L.trigger_index[w].push_back(static_cast<int>(i));
        }
        return {};
    }

    Status compile_rule(const std::string& path, const rapidjson::Value& rv,
                        const std::unordered_map<std::string, WordSet>& lists, Rule& rule) {
        if (!rv.IsObject()) return file_error(path, "each rule must be an object");
        auto idit = rv.FindMember("id");
        if (idit == rv.MemberEnd() || !idit->value.IsString()) return file_error(path, "a rule has no \"id\"");
        rule.id = idit->value.GetString();
        auto err = [&](const std::string& msg) { return file_error(path, "rule '" + rule.id + "': " + msg); };
        if (auto x = rv.FindMember("exclusive"); x != rv.MemberEnd()) rule.exclusive = x->value.IsBool() && x->value.GetBool();
        if (auto x = rv.FindMember("fallback"); x != rv.MemberEnd()) rule.fallback = x->value.IsBool() && x->value.GetBool();
        if (auto c = rv.FindMember("confidence"); c != rv.MemberEnd()) {
            if (!c->value.IsNumber()) return err("confidence must be a number");
            rule.confidence = c->value.GetDouble();
        }
        std::unordered_map<std::string, int> slots;
        auto slot_of = [&](const std::string& name) {
            auto it = slots.find(name);
            if (it != slots.end()) return it->second;
            int s = static_cast<int>(slots.size());
            slots[name] = s;
            return s;
        };
        auto pit = rv.FindMember("pattern");
        if (pit == rv.MemberEnd() || !pit->value.IsArray() || pit->value.Empty()) return err("needs a non-empty \"pattern\" array");
        auto word_alts = [&](const std::string& spec, WordSet& ws) -> Status {
            for (const auto& alt : split_bar(spec)) {
                if (alt[0] == '@') {
                    auto l = lists.find(alt.substr(1));
                    if (l == lists.end()) return err("unknown word list '" + alt + "'");
                    for (auto w : l->second.first_words()) (void)w;
                    // copy phrases: re-add via the list's stored phrases
                    merge_into(ws, l->second);
                } else {
                    auto ids = phrase_ids(r_.lex, alt);
                    for (auto id : ids) r_.common_words.insert(id);
                    ws.add(std::move(ids));
                }
            }
            return {};
        };
        for (const auto& ev : pit->value.GetArray()) {
            if (!ev.IsObject()) return err("pattern elements must be objects");
            Elem e;
            if (auto o = ev.FindMember("opt"); o != ev.MemberEnd()) e.opt = o->value.IsBool() && o->value.GetBool();
            if (auto a = ev.FindMember("as"); a != ev.MemberEnd()) {
                if (!a->value.IsString()) return err("\"as\" must be a string");
                e.slot = slot_of(a->value.GetString());
            }
            std::string bad;
            if (auto m = ev.FindMember("ent"); m != ev.MemberEnd()) {
                e.kind = ElemKind::kEnt;
                if (!m->value.IsString() || !parse_classes(m->value.GetString(), e.cls, bad))
                    return err("unknown entity class '" + bad + "'");
            } else if (auto m2 = ev.FindMember("list"); m2 != ev.MemberEnd()) {
                e.kind = ElemKind::kList;
                if (!m2->value.IsString() || !parse_classes(m2->value.GetString(), e.cls, bad))
                    return err("unknown entity class '" + bad + "'");
                if (auto mn = ev.FindMember("min"); mn != ev.MemberEnd()) e.min = mn->value.GetInt();
                if (auto h = ev.FindMember("hint"); h != ev.MemberEnd()) e.hint = h->value.IsBool() && h->value.GetBool();
            } else if (auto m3 = ev.FindMember("w"); m3 != ev.MemberEnd()) {
                e.kind = ElemKind::kWord;
                if (!m3->value.IsString()) return err("\"w\" must be a string");
                KGMILL_RETURN_IF_ERROR(word_alts(m3->value.GetString(), e.words));
            } else if (auto m4 = ev.FindMember("gap"); m4 != ev.MemberEnd()) {
                e.kind = ElemKind::kGap;
                if (!m4->value.IsInt() || m4->value.GetInt() < 0) return err("\"gap\" must be a non-negative integer");
                e.gap_max = m4->value.GetInt();
                if (auto no = ev.FindMember("no"); no != ev.MemberEnd())
                    if (!no->value.IsString() || !parse_classes(no->value.GetString(), e.gap_no, bad))
                        return err("unknown entity class '" + bad + "'");
                if (auto st = ev.FindMember("stop"); st != ev.MemberEnd()) {
                    if (!st->value.IsString()) return err("\"stop\" must be a string");
                    KGMILL_RETURN_IF_ERROR(word_alts(st->value.GetString(), e.gap_stop));
                }
            } else if (auto m5 = ev.FindMember("tok"); m5 != ev.MemberEnd()) {
                e.kind = ElemKind::kTok;
                std::string s = m5->value.IsString() ? m5->value.GetString() : "";
                if (s == "Cap") e.shape = kCap;
                else if (s == "AllCaps") e.shape = kAllCaps;
                else if (s == "Lower") e.shape = kLower;
                else if (s == "Num") e.shape = kNum;
                else if (s == "Punct") e.shape = kPunct;
                else if (s == "Word") e.shape = kWord;
                else return err("unknown token class '" + s + "'");
            } else if (auto m6 = ev.FindMember("re"); m6 != ev.MemberEnd()) {
                e.kind = ElemKind::kRe;
                if (!m6->value.IsString()) return err("\"re\" must be a string");
                RE2::Options o;
                o.set_log_errors(false);
                auto re = std::make_shared<RE2>(m6->value.GetString(), o);
                if (!re->ok()) return err("bad regular expression '" + std::string(m6->value.GetString()) + "': " + re->error());
                e.re = re;
            } else if (auto m8 = ev.FindMember("end"); m8 != ev.MemberEnd()) {
                e.kind = ElemKind::kEnd;  // end of the sentence (before its final punctuation) or of a clause (';')
            } else if (auto m7 = ev.FindMember("start"); m7 != ev.MemberEnd()) {
                e.kind = ElemKind::kStart;
                // "start": true = sentence start (or after ':'); "start": "clause" = also after , ; – (
                if (m7->value.IsString()) {
                    if (std::string(m7->value.GetString()) != "clause") return err("\"start\" must be true or \"clause\"");
                    e.min = 2;
                }
            } else {
                std::string keys;
                for (const auto& kv : ev.GetObject()) keys += std::string(keys.empty() ? "" : ", ") + kv.name.GetString();
                return err("pattern element without a kind (ent, list, w, gap, tok, re, start, end): {" + keys + "}");
            }
            rule.pat.push_back(std::move(e));
        }
        if (auto ss = rv.FindMember("sets_signer"); ss != rv.MemberEnd()) {
            auto it = ss->value.IsString() ? slots.find(ss->value.GetString()) : slots.end();
            if (it == slots.end()) return err("\"sets_signer\" must name a capture of the pattern");
            rule.sets_signer = it->second;
        }
        auto emit_it = rv.FindMember("emit");
        if (rule.sets_signer >= 0 && (emit_it == rv.MemberEnd() || (emit_it->value.IsArray() && emit_it->value.Empty()))) {
            for (const auto& e : rule.pat)
                if (e.kind == ElemKind::kWord && !e.opt) rule.required.push_back(e.words.first_words());
            rule.nslots = static_cast<int>(slots.size());
            return {};
        }
        if (emit_it == rv.MemberEnd() || !emit_it->value.IsArray() || emit_it->value.Empty()) return err("needs a non-empty \"emit\" array");
        for (const auto& mv : emit_it->value.GetArray()) {
            Emit em;
            auto str = [&](const char* k) -> std::string {
                auto it = mv.FindMember(k);
                return (it != mv.MemberEnd() && it->value.IsString()) ? it->value.GetString() : "";
            };
            auto flag = [&](const char* k) {
                auto it = mv.FindMember(k);
                return it != mv.MemberEnd() && it->value.IsBool() && it->value.GetBool();
            };
            auto p = parse_relation_type(str("p"));
            if (!p) return err("unknown relation type '" + str("p") + "'");
            em.p = *p;
            auto need_slot = [&](const std::string& name, int& out) -> Status {
                if (name.empty()) return {};
                auto it = slots.find(name);
                if (it == slots.end()) return err("emit refers to '" + name + "', which the pattern does not capture");
                out = it->second;
                return {};
            };
            KGMILL_RETURN_IF_ERROR(need_slot(str("s"), em.s));
            KGMILL_RETURN_IF_ERROR(need_slot(str("o"), em.o));
            KGMILL_RETURN_IF_ERROR(need_slot(str("role"), em.role));
            KGMILL_RETURN_IF_ERROR(need_slot(str("field"), em.field));
            KGMILL_RETURN_IF_ERROR(need_slot(str("s_alt"), em.s_alt));
            KGMILL_RETURN_IF_ERROR(need_slot(str("o_alt"), em.o_alt));
            em.planned = flag("planned");
            em.pairs = flag("pairs");
            em.s_focus = flag("focus");
            em.o_focus = flag("o_focus");
            for (const char* k : {"s_ctx", "o_ctx"}) {
                std::string v = str(k);
                if (v.empty()) continue;
                std::uint8_t c = v == "focus" ? kCtxFocus : v == "event" ? kCtxEvent : v == "host" ? kCtxHost : v == "pair" ? kCtxPair
                               : v == "guest" ? kCtxGuest : v == "signer" ? kCtxSigner : kCtxNone;
                if (c == kCtxNone) return err(std::string(k) + ": unknown context '" + v + "' (focus, event, host, guest, pair, signer)");
                (std::string_view(k) == "s_ctx" ? em.s_ctx : em.o_ctx) = c;
            }
            em.agreement = flag("agreement");
            em.role_text = str("role_text");
            if (em.s < 0 && !em.s_focus && !em.s_ctx) return err("emit needs a subject \"s\" (or \"focus\": true, or \"s_ctx\")");
            if (em.o < 0 && !em.pairs && !em.o_focus && !em.o_ctx) return err("emit needs an object \"o\" (or \"pairs\": true, or \"o_ctx\")");
            for (const char* k : {"s_type", "o_type"}) {
                std::string v = str(k);
                if (v.empty()) continue;
                auto t = parse_entity_type(v);
                if (!t) return err(std::string(k) + ": unknown entity type '" + v + "'");
                (std::string_view(k) == "s_type" ? em.s_type : em.o_type) = t;
            }
            rule.emits.push_back(std::move(em));
        }
        for (const auto& e : rule.pat)
            if (e.kind == ElemKind::kWord && !e.opt) rule.required.push_back(e.words.first_words());
        rule.nslots = static_cast<int>(slots.size());
        if (rule.nslots > 8) return err("at most 8 captures");
        return {};
    }

    static void merge_into(WordSet& dst, const WordSet& src) { dst.merge(src); }
};

}  // namespace

Result<std::shared_ptr<const Resources>> load_resources(const std::string& data_dir) {
    auto r = std::make_shared<Resources>();
    r->lex.intern("'s");
    Loader loader(*r, data_dir);
    auto st = loader.load_all();
    if (!st) return st.error();
    r->lex.freeze();
    return std::shared_ptr<const Resources>(std::move(r));
}

}  // namespace kgmill::ex
