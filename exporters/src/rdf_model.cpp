#include "rdf_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace kgmill::detail::rdf {

namespace {

struct RelationTerm {
    std::string_view ns;  ///< "" = kg:
    std::string_view local;
};
// Indexed by RelationType. PART_OF and MEMBER_OF are the W3C Organization Ontology's
// properties (ONTOLOGY.md); the others are kg: terms described in vocabulary.ttl.
constexpr std::array<RelationTerm, kRelationTypeCount> kRelationTerms = {{
    {"", "signedAgreementWith"}, {"", "partyTo"},     {"", "cooperatesWith"},
    {kOrg, "memberOf"},          {kOrg, "subOrganizationOf"}, {"", "locatedIn"},
    {"", "holdsPosition"},       {"", "visited"},     {"", "organized"},
    {"", "attended"},            {"", "runs"},        {"", "concerns"},
}};

// Indexed by EntityType.
constexpr std::array<std::string_view, kEntityTypeCount> kSchemaClasses = {
    "CollegeOrUniversity", "Organization", "ResearchOrganization", "Corporation",
    "GovernmentOrganization", "Organization", "Organization", "Organization", "Person",
    "Country", "Place", "CreativeWork", "Event", "Project", "DefinedTerm"};

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::string hex16(std::uint64_t h) {
    static const char kHex[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) s[static_cast<std::size_t>(i)] = kHex[h & 15];
    return s;
}

std::string double_str(double v) {
    char tmp[32];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
    return std::string(tmp, res.ptr);
}

}  // namespace

std::string_view entity_group(EntityType t) {
    if (is_organization(t)) return "organization";
    switch (t) {
        case EntityType::kPerson: return "person";
        case EntityType::kCountry: return "country";
        case EntityType::kPlace: return "place";
        case EntityType::kAgreement: return "agreement";
        case EntityType::kEvent: return "event";
        case EntityType::kProgram: return "program";
        case EntityType::kField: return "field";
        default: return "organization";
    }
}

std::string normalized_base(const std::string& base) {
    if (!base.empty() && base.back() != '/') return base + "/";
    return base;
}

Vocabulary::Vocabulary(const ExportOptions& opts, std::vector<std::string> extras)
    : base(normalized_base(opts.base_iri)), kg(base + "vocab#") {
    auto add = [&](std::string iri, std::string term, Coerce c = Coerce::kNone) {
        preds.push_back({std::move(iri), std::move(term), c});
        return static_cast<std::uint32_t>(preds.size() - 1);
    };
    auto K = [&](std::string_view local) { return kg + std::string(local); };
    auto N = [](std::string_view ns, std::string_view local) {
        return std::string(ns) + std::string(local);
    };
    type = add(N(kRdf, "type"), "type", Coerce::kVocab);
    id = add(K("id"), "id");
    label = add(N(kRdfs, "label"), "name");
    pref_label = add(N(kSkos, "prefLabel"), "prefLabel");
    alt_label = add(N(kSkos, "altLabel"), "aliases");
    country = add(K("country"), "country");
    relation0 = static_cast<std::uint32_t>(preds.size());
    for (int i = 0; i < kRelationTypeCount; ++i) {
        const auto& rt = kRelationTerms[static_cast<std::size_t>(i)];
        add(rt.ns.empty() ? K(rt.local) : N(rt.ns, rt.local),
            std::string(relation_type_name(static_cast<RelationType>(i))), Coerce::kId);
    }
    holds = add(N(kOrg, "holds"), "holds", Coerce::kId);
    post_in = add(N(kOrg, "postIn"), "postIn", Coerce::kId);
    held_by = add(N(kOrg, "heldBy"), "heldBy", Coerce::kId);
    subject = add(N(kRdf, "subject"), "subject", Coerce::kId);
    predicate = add(N(kRdf, "predicate"), "predicate", Coerce::kVocab);
    object = add(N(kRdf, "object"), "object", Coerce::kId);
    date = add(K("date"), "date");
    start_date = add(K("startDate"), "startDate");
    end_date = add(K("endDate"), "endDate");
    role = add(K("role"), "role");
    field = add(K("field"), "field");
    count = add(K("count"), "count", Coerce::kInteger);
    status = add(K("status"), "status");
    weight = add(K("weight"), "weight", Coerce::kInteger);
    symmetric = add(K("symmetric"), "symmetric", Coerce::kBoolean);
    doc = add(K("doc"), "doc");
    sentence = add(K("sentence"), "sentence");
    start = add(K("start"), "start", Coerce::kInteger);
    end = add(K("end"), "end", Coerce::kInteger);
    extractor = add(K("extractor"), "extractor");
    confidence = add(K("confidence"), "confidence", Coerce::kDouble);
    evidence = add(K("evidence"), "evidence", Coerce::kId);
    derived_from = add(N(kProv, "wasDerivedFrom"), "wasDerivedFrom", Coerce::kId);
    quoted_from = add(N(kProv, "wasQuotedFrom"), "wasQuotedFrom", Coerce::kId);
    extra0 = static_cast<std::uint32_t>(preds.size());
    for (std::string& x : extras) {
        std::string term = identifier(x);
        bool clash = std::any_of(preds.begin(), preds.end(), [&](const Pred& p) {
            return p.term == term || p.iri == K(term);
        });
        if (clash) continue;
        add(K(term), term);
        extra_properties.push_back(std::move(x));
    }

    prefixes = {{"rdf", std::string(kRdf)},     {"rdfs", std::string(kRdfs)},
                {"xsd", std::string(kXsd)},     {"owl", std::string(kOwl)},
                {"skos", std::string(kSkos)},   {"schema", std::string(kSchema)},
                {"org", std::string(kOrg)},     {"prov", std::string(kProv)},
                {"dcterms", std::string(kDcterms)}, {"kg", kg}};

    for (int i = 0; i < kEntityTypeCount; ++i) {
        std::string t(entity_type_name(static_cast<EntityType>(i)));
        vocab_terms.emplace_back(t, K(t));
    }
    vocab_terms.emplace_back("Statement", N(kRdf, "Statement"));
    vocab_terms.emplace_back("Evidence", K("Evidence"));
    vocab_terms.emplace_back("Post", N(kOrg, "Post"));
    for (int i = 0; i < kRelationTypeCount; ++i)
        vocab_terms.emplace_back(preds[relation0 + static_cast<std::uint32_t>(i)].term,
                                 preds[relation0 + static_cast<std::uint32_t>(i)].iri);
}

std::string Vocabulary::class_iri(EntityType t) const {
    return kg + std::string(entity_type_name(t));
}

std::string_view Vocabulary::schema_class(EntityType t) const {
    return kSchemaClasses[static_cast<std::size_t>(t)];
}

const std::string& Vocabulary::relation_iri(RelationType t) const {
    return preds[relation0 + static_cast<std::uint32_t>(t)].iri;
}

std::string_view Vocabulary::term_of(std::string_view iri) const {
    for (const auto& [term, i] : vocab_terms)
        if (i == iri) return term;
    return {};
}

Status check_base_iri(const std::string& base) {
    auto colon = base.find(':');
    bool scheme = colon != std::string::npos && colon > 0 &&
                  std::isalpha(static_cast<unsigned char>(base[0]));
    for (std::size_t i = 0; scheme && i < colon; ++i) {
        char c = base[i];
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
            scheme = false;
    }
    if (!scheme)
        return make_error(ErrorCode::kUsage, "export", "",
                          "base IRI '" + base + "' is not absolute (e.g. https://example.org/kg/)");
    for (unsigned char c : base)
        if (c <= 0x20 || std::string_view("<>\"{}|^`\\").find(static_cast<char>(c)) !=
                             std::string_view::npos)
            return make_error(ErrorCode::kUsage, "export", "",
                              "base IRI '" + base + "' has a character IRIs forbid");
    // IRIs are base + path and the vocabulary is base + "vocab#": a '#' or '?' in the base
    // would put a second fragment or a query into every IRI.
    if (base.find_first_of("#?") != std::string::npos)
        return make_error(ErrorCode::kUsage, "export", "",
                          "base IRI '" + base + "' must not contain '#' or '?' (use a path such "
                          "as https://example.org/kg/)");
    return {};
}

// ---- generator -----------------------------------------------------------------------------

Generator::Generator(const Vocabulary& voc, const KnowledgeGraph& g) : voc_(voc), g_(g) {
    entity_iris_.reserve(g.vertex_count());
    for (const Entity& e : g.entities())
        entity_iris_.push_back(voc.base + std::string(entity_group(e.type)) + "/" +
                               iri_path(e.id));
}

namespace {

Obj iri(std::string s) { return Obj{true, std::move(s), {}, {}}; }
Obj lit(std::string s, std::string_view datatype = {}, std::string_view lang = {}) {
    return Obj{false, std::move(s), datatype, lang};
}
Obj integer(std::int64_t v) { return lit(std::to_string(v), "integer"); }

std::string_view date_type(DateKind k) {
    switch (k) {
        case DateKind::kYear: return "gYear";
        case DateKind::kYearMonth: return "gYearMonth";
        case DateKind::kDate: return "date";
        default: return {};
    }
}

std::string statement_key(const KnowledgeGraph& g, const Relation& r) {
    std::string k = g.entities()[r.source].id;
    k += '\x1f';
    k += relation_type_name(r.type);
    k += '\x1f';
    k += g.entities()[r.target].id;
    return k;
}

}  // namespace

void Generator::entity(VertexId v, Subject& s) const {
    const Entity& e = g_.entities()[v];
    s.clear();
    s.iri = entity_iris_[v];
    auto add = [&](std::uint32_t p, Obj o) { s.pos.push_back({p, std::move(o)}); };
    add(voc_.type, iri(voc_.class_iri(e.type)));
    add(voc_.type, iri(std::string(kSchema) + std::string(voc_.schema_class(e.type))));
    if (e.type == EntityType::kUnit) add(voc_.type, iri(std::string(kOrg) + "OrganizationalUnit"));
    if (e.type == EntityType::kField) add(voc_.type, iri(std::string(kSkos) + "Concept"));
    add(voc_.id, lit(e.id));
    add(voc_.label, lit(e.name, {}, name_language(e.name)));
    add(voc_.pref_label, lit(e.name, {}, name_language(e.name)));
    std::set<std::string_view> seen;  // a repeated alias would be a repeated triple
    for (const std::string& a : e.aliases)
        if (seen.insert(a).second) add(voc_.alt_label, lit(a, {}, name_language(a)));
    if (!e.country.empty()) add(voc_.country, lit(e.country));

    // Relations: outgoing ones, and symmetric ones in both directions (so a SPARQL pattern
    // `?a kg:signedAgreementWith ?b` finds the pair from either end without reasoning).
    std::vector<std::pair<std::uint32_t, const std::string*>> rel;
    std::vector<std::string> posts;
    for (std::uint32_t ri : g_.out_relations(v)) {
        const Relation& r = g_.relations()[ri];
        rel.emplace_back(voc_.relation0 + static_cast<std::uint32_t>(r.type),
                         &entity_iris_[r.target]);
        if (r.type == RelationType::kHoldsPosition)
            posts.push_back(voc_.base + "post/" + hex16(fnv1a(statement_key(g_, r))));
    }
    for (std::uint32_t ri : g_.in_relations(v)) {
        const Relation& r = g_.relations()[ri];
        if (r.symmetric())
            rel.emplace_back(voc_.relation0 + static_cast<std::uint32_t>(r.type),
                             &entity_iris_[r.source]);
    }
    std::sort(rel.begin(), rel.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : *a.second < *b.second;
    });
    rel.erase(std::unique(rel.begin(), rel.end(),
                          [](const auto& a, const auto& b) {
                              return a.first == b.first && *a.second == *b.second;
                          }),
              rel.end());
    for (const auto& [p, o] : rel) add(p, iri(*o));
    std::sort(posts.begin(), posts.end());
    posts.erase(std::unique(posts.begin(), posts.end()), posts.end());
    for (std::string& p : posts) add(voc_.holds, iri(std::move(p)));
}

void Generator::relation(std::uint32_t ri, std::vector<Subject>& out) {
    const Relation& r = g_.relations()[ri];
    const std::string key = statement_key(g_, r);
    const std::string hash = hex16(fnv1a(key));
    // Relations are sorted by (source, type, target): a repeated key is adjacent.
    dup_ = key == prev_key_ ? dup_ + 1 : 1;
    prev_key_ = key;
    const std::string stmt =
        voc_.base + "statement/" + hash + (dup_ > 1 ? "-" + std::to_string(dup_) : "");

    out.emplace_back();
    Subject& s = out.back();
    s.iri = stmt;
    auto add = [&](Subject& sub, std::uint32_t p, Obj o) { sub.pos.push_back({p, std::move(o)}); };
    add(s, voc_.type, iri(std::string(kRdf) + "Statement"));
    add(s, voc_.subject, iri(entity_iris_[r.source]));
    add(s, voc_.predicate, iri(voc_.relation_iri(r.type)));
    add(s, voc_.object, iri(entity_iris_[r.target]));

    const std::string& date = property_of(r, "date");
    if (!date.empty()) {
        DateKind k = classify_date(date);
        if (k == DateKind::kRange) {
            auto [a, b] = split_range(date);
            add(s, voc_.date, lit(date));
            add(s, voc_.start_date, lit(std::string(a), date_type(classify_date(a))));
            add(s, voc_.end_date, lit(std::string(b), date_type(classify_date(b))));
        } else {
            add(s, voc_.date, lit(date, date_type(k)));
        }
    }
    for (auto [key_name, p] : {std::pair{"role", voc_.role}, std::pair{"field", voc_.field}}) {
        const std::string& v = property_of(r, key_name);
        if (!v.empty()) add(s, p, lit(v));
    }
    const std::string& count = property_of(r, "count");
    if (!count.empty()) {
        if (auto n = parse_int(count))
            add(s, voc_.count, integer(*n));
        else
            add(s, voc_.count, lit(count));
    }
    const std::string& status = property_of(r, "status");
    if (!status.empty()) add(s, voc_.status, lit(status));
    for (std::size_t i = 0; i < voc_.extra_properties.size(); ++i) {
        const std::string& v = property_of(r, voc_.extra_properties[i]);
        if (!v.empty()) add(s, voc_.extra0 + static_cast<std::uint32_t>(i), lit(v));
    }
    add(s, voc_.weight, integer(static_cast<std::int64_t>(r.weight())));
    add(s, voc_.symmetric, lit(r.symmetric() ? "true" : "false", "boolean"));

    auto doc_iri = [&](const std::string& doc) { return voc_.base + "doc/" + iri_path(doc); };
    if (!r.evidence.empty()) {
        const Provenance& p = r.evidence.front();
        add(s, voc_.doc, lit(p.doc));
        add(s, voc_.sentence, lit(p.sentence));
        add(s, voc_.start, integer(p.start));
        add(s, voc_.end, integer(p.end));
        if (!p.extractor.empty()) add(s, voc_.extractor, lit(p.extractor));
        if (std::isfinite(p.confidence))
            add(s, voc_.confidence, lit(double_str(p.confidence), "double"));
        std::set<std::string> docs;
        for (const Provenance& e : r.evidence) docs.insert(e.doc);
        for (const std::string& d : docs) {
            add(s, voc_.derived_from, iri(doc_iri(d)));
            docs_.insert(d);
        }
        for (std::size_t k = 1; k <= r.evidence.size(); ++k)
            add(s, voc_.evidence, iri(stmt + "-e" + std::to_string(k)));
    }
    // `s` may dangle after further emplace_back: no use below.
    for (std::size_t k = 1; k <= r.evidence.size(); ++k) {
        const Provenance& p = r.evidence[k - 1];
        out.emplace_back();
        Subject& ev = out.back();
        ev.iri = stmt + "-e" + std::to_string(k);
        add(ev, voc_.type, iri(voc_.kg + "Evidence"));
        add(ev, voc_.doc, lit(p.doc));
        add(ev, voc_.sentence, lit(p.sentence));
        add(ev, voc_.start, integer(p.start));
        add(ev, voc_.end, integer(p.end));
        if (!p.extractor.empty()) add(ev, voc_.extractor, lit(p.extractor));
        if (std::isfinite(p.confidence))
            add(ev, voc_.confidence, lit(double_str(p.confidence), "double"));
        add(ev, voc_.quoted_from, iri(doc_iri(p.doc)));
    }
    if (r.type == RelationType::kHoldsPosition && dup_ == 1) {
        out.emplace_back();
        Subject& post = out.back();
        post.iri = voc_.base + "post/" + hash;
        add(post, voc_.type, iri(std::string(kOrg) + "Post"));
        const std::string& role = property_of(r, "role");
        if (!role.empty()) {
            add(post, voc_.label, lit(role, {}, name_language(role)));
            add(post, voc_.role, lit(role));
        }
        add(post, voc_.post_in, iri(entity_iris_[r.target]));
        add(post, voc_.held_by, iri(entity_iris_[r.source]));
    }
}

void Generator::documents(std::vector<Subject>& out) const {
    for (const std::string& d : docs_) {
        out.emplace_back();
        Subject& s = out.back();
        s.iri = voc_.base + "doc/" + iri_path(d);
        s.pos.push_back({voc_.type, iri(std::string(kProv) + "Entity")});
        s.pos.push_back({voc_.type, iri(std::string(kSchema) + "CreativeWork")});
        s.pos.push_back({voc_.label, lit(d)});
    }
}

}  // namespace kgmill::detail::rdf
