#include "kgmill/graph/resolve.hpp"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <set>
#include <type_traits>
#include <unordered_map>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "kgmill/core/unicode.hpp"
#include "kgmill/graph/countries.hpp"

namespace kgmill {
namespace {

// Organisation kinds resolve together (one document may call a university an
// "Organization" when the text is unclear); other types only with themselves.
int type_class(EntityType t) { return is_organization(t) ? -1 : static_cast<int>(t); }

std::string class_key(EntityType t, const std::string& key) {
    return std::to_string(type_class(t)) + ":" + key;
}

bool is_acronym(std::string_view s) {
    if (s.size() < 2 || s.size() > 12) return false;
    int upper = 0;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z') ++upper;
        else if (c == '-' || c == '&' || (c >= '0' && c <= '9')) continue;
        else return false;
    }
    return upper >= 2;
}

// Initials of the significant words: "Vietnam National University" → "VNU".
std::string initials(std::string_view name) {
    static const std::set<std::string> kSkip = {"of", "and", "the", "for", "in", "at", "on", "&", "de", "du", "des", "la"};
    std::string out;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && (name[i] == ' ' || name[i] == '-')) ++i;
        std::size_t j = i;
        while (j < name.size() && name[j] != ' ' && name[j] != '-') ++j;
        if (j > i) {
            std::string w(name.substr(i, j - i));
            std::string lw = fold_case(w);
            if (!kSkip.count(lw)) {
                std::string plain = strip_diacritics(w);
                if (!plain.empty() && ((plain[0] >= 'A' && plain[0] <= 'Z') || (plain[0] >= 'a' && plain[0] <= 'z')))
                    out.push_back(static_cast<char>(plain[0] >= 'a' ? plain[0] - 'a' + 'A' : plain[0]));
            }
        }
        i = j;
    }
    return out;
}

std::string slug(std::string_view name) {
    std::string plain = strip_diacritics(name), out;
    for (char c : plain) {
        unsigned char u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) out.push_back(c);
        else if (u >= 'A' && u <= 'Z') out.push_back(static_cast<char>(u - 'A' + 'a'));
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > 80) out.resize(80);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? std::string("x") : out;
}

std::string type_slug(EntityType t) {
    std::string s(entity_type_name(t));
    std::string out;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z') {
            if (!out.empty()) out.push_back('-');
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

struct UnionFind {
    std::vector<std::size_t> parent;
    std::size_t add() {
        parent.push_back(parent.size());
        return parent.size() - 1;
    }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    // The smaller index (first seen) stays the root, so results follow input order.
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a == b) return;
        if (b < a) std::swap(a, b);
        parent[b] = a;
    }
};

struct Mention {
    std::string name;                   // first spelling seen for this key
    EntityType type;
    bool acronym;
    std::vector<std::string> spellings;  // every other spelling with the same key
};

/// True when the text has cased letters and none of them is lower case ("ĐẠI HỌC TRƯỜNG SƠN",
/// "UNIVERSITY OF X"): a headline or letterhead spelling, not the one to show.
bool shouting(std::string_view s) {
    bool upper = false;
    for (std::int32_t i = 0, n = static_cast<std::int32_t>(s.size()); i < n;) {
        UChar32 c;
        U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, n, c);
        if (c < 0) return false;
        if (u_islower(c)) return false;
        if (u_isupper(c) || u_istitle(c)) upper = true;
    }
    return upper;
}

/// The spelling of a mention to show: the first seen, unless it is all capitals and another
/// spelling is not (acronyms are all capitals by nature and never get here as names to show).
const std::string& display_name(const Mention& m) {
    if (m.acronym || !shouting(m.name)) return m.name;
    for (const auto& sp : m.spellings)
        if (!shouting(sp)) return sp;
    return m.name;
}

// Collects mentions, unites them, and picks canonical names.
class Resolver {
public:
    Resolver(const AliasTable& aliases, const std::map<std::string, std::string>& known)
        : aliases_(aliases), known_(known) {}

    // Registers one end of a triple; returns its mention-group index.
    std::size_t add(const EntityRef& ref) {
        std::size_t first = node_for(ref.name, ref.type);
        for (const auto& a : ref.aliases) uf_.unite(first, node_for(a, ref.type));
        return first;
    }

    // Unites acronyms with the one name whose initials they are (when unambiguous).
    void link_initials() {
        std::map<std::string, std::set<std::size_t>> by_initials;  // class:INITIALS -> roots
        for (std::size_t i = 0; i < mentions_.size(); ++i) {
            const auto& m = mentions_[i];
            if (m.acronym || !is_organization(m.type)) continue;
            std::vector<std::string> forms;
            auto add_forms = [&](const std::string& name) {
                forms.push_back(name);
                if (auto comma = name.find(','); comma != std::string::npos) forms.push_back(name.substr(0, comma));
            };
            add_forms(m.name);
            for (const auto& sp : m.spellings) add_forms(sp);
            for (const auto& f : forms) {
                std::string ini = initials(f);
                if (ini.size() >= 2) by_initials[class_key(m.type, ini)].insert(uf_.find(i));
            }
        }
        for (std::size_t i = 0; i < mentions_.size(); ++i) {
            const auto& m = mentions_[i];
            if (!m.acronym) continue;
            auto it = by_initials.find(class_key(m.type, m.name));
            if (it == by_initials.end()) continue;
            std::set<std::size_t> roots;
            for (auto r : it->second) roots.insert(uf_.find(r));
            roots.erase(uf_.find(i));
            if (roots.size() == 1) uf_.unite(i, *roots.begin());
        }
    }

    std::size_t root(std::size_t node) { return uf_.find(node); }
    const std::vector<Mention>& mentions() const { return mentions_; }
    const std::vector<std::size_t>& counts() const { return counts_; }
    const AliasTable::Group* group_of(std::size_t node) const { return group_[node]; }

private:
    std::size_t node_for(const std::string& name, EntityType type) {
        std::string key = match_key(name);
        if (key.empty()) key = name;
        const AliasTable::Group* g = aliases_.find_key(key);
        std::string ck = class_key(type, key);
        auto it = index_.find(ck);
        std::size_t n;
        if (it == index_.end()) {
            n = uf_.add();
            index_.emplace(ck, n);
            mentions_.push_back({name, type, is_acronym(name), {}});
            counts_.push_back(0);
            group_.push_back(nullptr);
            if (g && type_class(g->type) == type_class(type)) {
                group_[n] = g;
                // Every name of the alias group joins this node.
                std::string gk = class_key(type, "group:" + g->canonical);
                auto git = index_.find(gk);
                if (git == index_.end()) index_.emplace(gk, n);
                else uf_.unite(n, git->second);
            }
        } else {
            n = it->second;
            auto& m = mentions_[n];
            if (name != m.name && std::find(m.spellings.begin(), m.spellings.end(), name) == m.spellings.end())
                m.spellings.push_back(name);
        }
        ++counts_[n];
        return n;
    }

    const AliasTable& aliases_;
    const std::map<std::string, std::string>& known_;
    UnionFind uf_;
    std::unordered_map<std::string, std::size_t> index_;
    std::vector<Mention> mentions_;
    std::vector<std::size_t> counts_;
    std::vector<const AliasTable::Group*> group_;
};

struct Cluster {
    std::vector<std::size_t> nodes;  // mention nodes, in first-seen order
};

}  // namespace

Status AliasTable::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) return make_error(ErrorCode::kNotFound, "aliases", path, "cannot open alias file");
    std::string line;
    int lineno = 0;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::size_t b = 0;
        for (;;) {
            auto e = line.find('\t', b);
            cols.push_back(to_nfc(line.substr(b, e == std::string::npos ? std::string::npos : e - b)));
            if (e == std::string::npos) break;
            b = e + 1;
        }
        if (cols.size() < 3)
            return make_error(ErrorCode::kParse, "aliases", path + ":" + std::to_string(lineno),
                              "expected Type<TAB>Canonical name<TAB>alias...");
        auto type = parse_entity_type(cols[0]);
        if (!type)
            return make_error(ErrorCode::kParse, "aliases", path + ":" + std::to_string(lineno),
                              "unknown entity type '" + cols[0] + "'");
        Group g{*type, cols[1], {}, ""};
        for (std::size_t i = 1; i < cols.size(); ++i) {
            if (cols[i].rfind("country=", 0) == 0) {
                g.country = cols[i].substr(8);
                continue;
            }
            if (!cols[i].empty()) g.names.push_back(cols[i]);
        }
        std::size_t idx = groups_.size();
        groups_.push_back(std::move(g));
        for (const auto& n : groups_.back().names) by_key_.emplace(match_key(n), idx);
    }
    return {};
}

const AliasTable::Group* AliasTable::find(std::string_view name) const { return find_key(match_key(name)); }

const AliasTable::Group* AliasTable::find_key(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : &groups_[it->second];
}

namespace {

struct Resolved {
    std::vector<Entity> entities;
    std::vector<std::size_t> entity_of_node;  // mention node -> entity index
};

Resolved resolve_entities(Resolver& r, const std::map<std::string, std::string>& known_ids) {
    r.link_initials();
    const auto& ms = r.mentions();
    std::map<std::size_t, Cluster> clusters;  // root -> nodes (ordered by root = first seen)
    for (std::size_t i = 0; i < ms.size(); ++i) clusters[r.root(i)].nodes.push_back(i);

    Resolved out;
    out.entity_of_node.assign(ms.size(), 0);
    std::set<std::string> used_ids;
    for (auto& [root, c] : clusters) {
        Entity e;
        // Type: the most specific kind most often seen (organisations), else the first.
        std::map<EntityType, std::size_t> votes;
        const AliasTable::Group* group = nullptr;
        for (auto n : c.nodes) {
            votes[ms[n].type] += r.counts()[n];
            if (!group && r.group_of(n)) group = r.group_of(n);
        }
        EntityType type = ms[c.nodes.front()].type;
        std::size_t best = 0;
        for (auto [t, v] : votes) {
            std::size_t w = v * 2 + (t == EntityType::kOrganization ? 0 : 1);
            if (w > best) {
                best = w;
                type = t;
            }
        }
        if (group) type = group->type;
        e.type = type;
        // Canonical name: the alias table's, else the most frequent non-acronym name
        // (ties: first seen), else the first name.
        std::string name;
        if (group) {
            name = group->canonical;
        } else {
            std::size_t best_count = 0;
            for (auto n : c.nodes)
                if (!ms[n].acronym && r.counts()[n] > best_count) {
                    best_count = r.counts()[n];
                    name = display_name(ms[n]);
                }
            if (name.empty()) name = display_name(ms[c.nodes.front()]);
        }
        e.name = name;
        std::set<std::string> aliases;
        for (auto n : c.nodes) {
            if (ms[n].name != name) aliases.insert(ms[n].name);
            for (const auto& sp : ms[n].spellings)
                if (sp != name) aliases.insert(sp);
        }
        if (group)
            for (const auto& a : group->names)
                if (a != name) aliases.insert(a);
        e.aliases.assign(aliases.begin(), aliases.end());
        if (type == EntityType::kCountry) e.country = country_code(name);
        if (group && !group->country.empty()) e.country = group->country;
        // Id: one minted earlier for any of its names, else type/slug of the first-seen name.
        std::string id;
        for (auto n : c.nodes) {
            auto it = known_ids.find(class_key(type, match_key(ms[n].name)));
            if (it != known_ids.end() && !used_ids.count(it->second)) {
                id = it->second;
                break;
            }
        }
        if (id.empty()) {
            // Organisations may change kind as documents are added (Organization → University),
            // so their id carries no type; other types never change class.
            std::string name_slug = slug(group ? group->canonical : ms[c.nodes.front()].name);
            std::string base = is_organization(type) ? name_slug : type_slug(type) + "-" + name_slug;
            id = base;
            for (int k = 2; used_ids.count(id); ++k) id = base + "-" + std::to_string(k);
        }
        used_ids.insert(id);
        e.id = id;
        for (auto n : c.nodes) out.entity_of_node[n] = out.entities.size();
        out.entities.push_back(std::move(e));
    }
    return out;
}

}  // namespace

KnowledgeGraph build_graph(const std::vector<Triple>& triples, const AliasTable& aliases,
                           const ResolveOptions& opts) {
    return build_graph(triples, aliases, opts, nullptr);
}

namespace {

/// build_graph for const triples (evidence copied) and for triples it may consume (evidence
/// moved: a graph of many statements then holds one copy of each sentence, not two).
template <class Triples>
KnowledgeGraph build_graph_from(Triples& triples, const AliasTable& aliases, const ResolveOptions& opts,
                                std::vector<std::pair<std::string, std::string>>* ends_out) {
    Resolver r(aliases, opts.known_ids);
    std::vector<std::pair<std::size_t, std::size_t>> ends;
    ends.reserve(triples.size());
    for (const auto& t : triples) ends.emplace_back(r.add(t.subject), r.add(t.object));
    Resolved res = resolve_entities(r, opts.known_ids);
    if (ends_out) {
        ends_out->clear();
        ends_out->reserve(triples.size());
        for (const auto& [s, o] : ends)
            ends_out->emplace_back(res.entities[res.entity_of_node[s]].id, res.entities[res.entity_of_node[o]].id);
    }

    // Countries of organisations from LOCATED_IN a Country.
    struct Key {
        VertexId s, o;
        RelationType p;
        bool operator<(const Key& k) const { return std::tie(s, p, o) < std::tie(k.s, k.p, k.o); }
    };
    std::map<Key, std::vector<std::size_t>> edges;  // -> triple indices (input order)
    for (std::size_t i = 0; i < triples.size(); ++i) {
        auto s = static_cast<VertexId>(res.entity_of_node[ends[i].first]);
        auto o = static_cast<VertexId>(res.entity_of_node[ends[i].second]);
        if (s == o) continue;
        RelationType p = triples[i].predicate;
        bool sym = is_symmetric(p) && is_organization(res.entities[s].type) &&
                   is_organization(res.entities[o].type);
        if (sym && res.entities[o].id < res.entities[s].id) std::swap(s, o);
        edges[{s, o, p}].push_back(i);
    }
    std::vector<Relation> rels;
    rels.reserve(edges.size());
    for (auto& [k, idx] : edges) {
        Relation rel;
        rel.source = k.s;
        rel.target = k.o;
        rel.type = k.p;
        rel.symmetric_flag = is_symmetric(k.p) && is_organization(res.entities[k.s].type) &&
                             is_organization(res.entities[k.o].type);
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
            const auto& pa = triples[a].provenance;
            const auto& pb = triples[b].provenance;
            return std::tie(pa.doc, pa.start, pa.end) < std::tie(pb.doc, pb.start, pb.end);
        });
        bool any_fact = false;
        for (auto i : idx)
            if (triples[i].property("status") != "planned") any_fact = true;
        for (auto i : idx) {
            const Triple& t = triples[i];
            if constexpr (std::is_const_v<Triples>) rel.evidence.push_back(t.provenance);
            else rel.evidence.push_back(std::move(triples[i].provenance));
            if (any_fact && t.property("status") == "planned") continue;
            for (const auto& [key, value] : t.properties) {
                if (key == "status" && any_fact) continue;
                bool have = false;
                for (const auto& [k2, v2] : rel.properties) have |= (k2 == key);
                if (!have && !value.empty()) rel.properties.emplace_back(key, value);
            }
        }
        std::sort(rel.properties.begin(), rel.properties.end());
        // Deduplicate identical evidence (the same statement from two rules).
        rel.evidence.erase(std::unique(rel.evidence.begin(), rel.evidence.end(),
                                       [](const Provenance& a, const Provenance& b) {
                                           return a.doc == b.doc && a.start == b.start && a.end == b.end &&
                                                  a.extractor == b.extractor;
                                       }),
                           rel.evidence.end());
        rels.push_back(std::move(rel));
    }
    // An organisation's country from its LOCATED_IN a Country.
    for (const auto& rel : rels)
        if (rel.type == RelationType::kLocatedIn && res.entities[rel.target].type == EntityType::kCountry &&
            res.entities[rel.source].country.empty())
            res.entities[rel.source].country = res.entities[rel.target].country;
    return KnowledgeGraph(std::move(res.entities), std::move(rels));
}

}  // namespace

KnowledgeGraph build_graph(const std::vector<Triple>& triples, const AliasTable& aliases,
                           const ResolveOptions& opts,
                           std::vector<std::pair<std::string, std::string>>* ends_out) {
    return build_graph_from(triples, aliases, opts, ends_out);
}

KnowledgeGraph build_graph_consuming(std::vector<Triple>& triples, const AliasTable& aliases,
                                     const ResolveOptions& opts,
                                     std::vector<std::pair<std::string, std::string>>* ends_out) {
    return build_graph_from(triples, aliases, opts, ends_out);
}

void apply_canonical_names(std::vector<Triple>& triples, const KnowledgeGraph& g,
                           const std::vector<std::pair<std::string, std::string>>& ends) {
    auto apply = [&](EntityRef& ref, const std::string& id) {
        auto v = g.find_id(id);
        if (!v) return;
        const Entity& e = g.entities()[*v];
        ref.name = e.name;
        ref.type = e.type;
        ref.aliases = e.aliases;
    };
    for (std::size_t i = 0; i < triples.size() && i < ends.size(); ++i) {
        apply(triples[i].subject, ends[i].first);
        apply(triples[i].object, ends[i].second);
    }
}

void canonicalise_triples(std::vector<Triple>& triples, const AliasTable& aliases) {
    std::vector<std::pair<std::string, std::string>> ends;
    KnowledgeGraph g = build_graph(triples, aliases, {}, &ends);
    apply_canonical_names(triples, g, ends);
}

}  // namespace kgmill
