#include "kgmill/extractors/eval.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>

#include "kgmill/core/unicode.hpp"

namespace kgmill {
namespace {

bool symmetric_name(const std::string& p) { return p == "SIGNED_AGREEMENT_WITH" || p == "COOPERATES_WITH"; }

std::string doc_key(const std::string& d) {
    auto slash = d.rfind('/');
    return slash == std::string::npos ? d : d.substr(slash + 1);
}

std::string str(const rapidjson::Value& v, const char* key) {
    if (!v.IsObject()) return {};
    auto it = v.FindMember(key);
    if (it == v.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::string fmt2(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}
std::string fmt3(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

}  // namespace

double Counts::precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0.0; }
double Counts::recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0.0; }
double Counts::f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

Result<std::vector<GoldDocument>> load_gold(const std::string& path) {
    std::ifstream in(path);
    if (!in) return make_error(ErrorCode::kNotFound, "eval", path, "cannot open gold file");
    std::vector<GoldDocument> out;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        rapidjson::Document d;
        d.Parse(line.c_str(), line.size());
        if (d.HasParseError() || !d.IsObject())
            return make_error(ErrorCode::kParse, "eval", path + ":" + std::to_string(n), "not a JSON object");
        GoldDocument g;
        g.doc = doc_key(str(d, "doc"));
        if (d.HasMember("entities") && d["entities"].IsArray())
            for (const auto& e : d["entities"].GetArray()) {
                GoldEntity ge{str(e, "id"), str(e, "type"), {}};
                if (e.HasMember("names") && e["names"].IsArray())
                    for (const auto& nm : e["names"].GetArray())
                        if (nm.IsString()) ge.names.emplace_back(nm.GetString(), nm.GetStringLength());
                g.entities.push_back(std::move(ge));
            }
        if (d.HasMember("relations") && d["relations"].IsArray())
            for (const auto& r : d["relations"].GetArray())
                g.relations.push_back({str(r, "s"), str(r, "p"), str(r, "o"), str(r, "evidence")});
        out.push_back(std::move(g));
    }
    return out;
}

EvalReport evaluate(const std::vector<GoldDocument>& gold, const std::vector<Triple>& predicted) {
    using Rel = std::tuple<std::string, std::string, std::string>;
    struct DocGold {
        std::map<std::string, std::string> name_to_id;  // match_key -> id (first wins)
        std::map<std::string, std::string> type_of;
        std::set<Rel> rels;
        std::map<Rel, std::string> evidence;
    };
    std::map<std::string, DocGold> g;
    for (const auto& gd : gold) {
        DocGold dg;
        for (const auto& e : gd.entities) {
            for (const auto& nm : e.names) dg.name_to_id.emplace(match_key(nm), e.id);
            dg.type_of[e.id] = e.type;
        }
        for (const auto& r : gd.relations) {
            auto ts = dg.type_of.find(r.s), to = dg.type_of.find(r.o);
            if ((ts != dg.type_of.end() && ts->second == "Agreement") || (to != dg.type_of.end() && to->second == "Agreement"))
                continue;
            std::string s = r.s, o = r.o;
            if (symmetric_name(r.p) && s > o) std::swap(s, o);
            dg.rels.insert({s, r.p, o});
            dg.evidence.emplace(Rel{s, r.p, o}, r.evidence);
        }
        g[gd.doc] = std::move(dg);
    }
    EvalReport rep;
    std::map<std::string, std::set<Rel>> pred;
    std::map<std::pair<std::string, Rel>, std::string> pred_evidence;
    for (const auto& t : predicted) {
        std::string d = doc_key(t.provenance.doc);
        auto it = g.find(d);
        if (it == g.end()) {
            ++rep.triples_for_unknown_docs;
            continue;
        }
        if (t.property("status") == "planned") continue;
        if (t.subject.type == EntityType::kAgreement || t.object.type == EntityType::kAgreement) continue;
        const auto& m = it->second.name_to_id;
        auto ident = [&](const EntityRef& e) {
            std::vector<std::string> names = {e.name};
            names.insert(names.end(), e.aliases.begin(), e.aliases.end());
            for (const auto& n : names) {
                auto f = m.find(match_key(n));
                if (f != m.end()) return f->second;
            }
            return "?" + match_key(e.name);
        };
        std::string s = ident(t.subject), o = ident(t.object);
        std::string p(relation_type_name(t.predicate));
        if (symmetric_name(p) && s > o) std::swap(s, o);
        Rel r{s, p, o};
        pred[d].insert(r);
        pred_evidence.emplace(std::make_pair(d, r), t.provenance.sentence);
    }
    for (const auto& [d, dg] : g) {
        const auto& pr = pred[d];
        for (const auto& r : pr) {
            bool ok = dg.rels.count(r) > 0;
            auto& c = rep.per_type[std::get<1>(r)];
            (ok ? c.tp : c.fp)++;
            if (!ok)
                rep.false_positives.push_back({d, std::get<0>(r), std::get<1>(r), std::get<2>(r),
                                               pred_evidence[{d, r}], false});
        }
        for (const auto& r : dg.rels)
            if (!pr.count(r)) {
                rep.per_type[std::get<1>(r)].fn++;
                rep.misses.push_back({d, std::get<0>(r), std::get<1>(r), std::get<2>(r), dg.evidence.at(r), false});
            }
    }
    for (const auto& [k, c] : rep.per_type) {
        rep.overall.tp += c.tp;
        rep.overall.fp += c.fp;
        rep.overall.fn += c.fn;
    }
    return rep;
}

std::string format_report(const EvalReport& r, bool show_errors) {
    char buf[256];
    std::string out;
    std::snprintf(buf, sizeof buf, "%-24s %4s %4s %4s  %5s %5s %5s\n", "predicate", "tp", "fp", "fn", "P", "R", "F1");
    out += buf;
    // score.py rounds to 3 places, then prints with 2.
    auto r3 = [](double x) { return std::stod(fmt3(x)); };
    for (const auto& [k, c] : r.per_type) {
        std::snprintf(buf, sizeof buf, "%-24s %4d %4d %4d  %5s %5s %5s\n", k.c_str(), c.tp, c.fp, c.fn,
                      fmt2(r3(c.precision())).c_str(), fmt2(r3(c.recall())).c_str(), fmt2(r3(c.f1())).c_str());
        out += buf;
    }
    const Counts& o = r.overall;
    out += "overall P=" + fmt3(o.precision()) + " R=" + fmt3(o.recall()) + " F1=" + fmt3(o.f1()) + " (tp " +
           std::to_string(o.tp) + ", fp " + std::to_string(o.fp) + ", fn " + std::to_string(o.fn) + ")\n";
    if (show_errors) {
        auto list = [&](const char* title, const std::vector<ScoredRelation>& rs) {
            out += "\n";
            out += title;
            out += " (" + std::to_string(rs.size()) + ")\n";
            for (const auto& x : rs) {
                out += "  " + x.doc + ": " + x.s + " " + x.p + " " + x.o + "\n";
                if (!x.evidence.empty()) out += "      \"" + x.evidence + "\"\n";
            }
        };
        list("false positives", r.false_positives);
        list("misses", r.misses);
    }
    return out;
}

}  // namespace kgmill
