// rdf_model.hpp — private: the RDF view of a KnowledgeGraph (ONTOLOGY.md "RDF mapping"),
// produced one subject at a time and written by the Turtle, N-Triples and JSON-LD
// serializers, so the three files hold the same triples by construction.
//
// IRIs (B = ExportOptions::base_iri):
//   entity     B + group + "/" + id     group: organization (all organisation kinds, whose
//                                       kind may change as documents are added), person,
//                                       country, place, agreement, event, program, field
//   statement  B + "statement/" + h     h = FNV-1a 64 of (source id, type, target id), hex
//   evidence   statement + "-e" + k     k = 1.. in evidence order (doc, start)
//   post       B + "post/" + h          org:Post of a HOLDS_POSITION
//   document   B + "doc/" + doc id      percent-encoded
//   vocabulary B + "vocab#" + term      prefix kg:
// Ids are kept by the store once minted, so IRIs are stable across runs and growing stores.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/exporters/export.hpp"
#include "writer_util.hpp"

namespace kgmill::detail::rdf {

inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kSchema = "https://schema.org/";
inline constexpr std::string_view kOrg = "http://www.w3.org/ns/org#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";

/// How a JSON-LD term's values are written.
enum class Coerce : std::uint8_t {
    kNone,     ///< literals as JSON strings / value objects
    kId,       ///< IRIs as (relative) strings: "@type": "@id"
    kVocab,    ///< IRIs as terms or CURIEs: "@type": "@vocab"
    kInteger,  ///< native JSON numbers: "@type": "xsd:integer"
    kDouble,   ///< native JSON numbers: "@type": "xsd:double"
    kBoolean,  ///< native JSON booleans: "@type": "xsd:boolean"
};

/// A predicate: its IRI and its JSON-LD term.
struct Pred {
    std::string iri;
    std::string term;  ///< JSON-LD key ("type" is the @type alias)
    Coerce coerce = Coerce::kNone;
};

/// An object: an IRI or a literal (datatype: an xsd local name, "" = xsd:string; lang: BCP 47).
struct Obj {
    bool iri = false;
    std::string value;
    std::string_view datatype;
    std::string_view lang;
};

struct PredObj {
    std::uint32_t pred;  ///< index into Vocabulary::preds
    Obj obj;
};

/// One subject and its predicate-object pairs, grouped by predicate (same predicate adjacent).
struct Subject {
    std::string iri;
    std::vector<PredObj> pos;
    void clear() { iri.clear(); pos.clear(); }
};

/// Predicates, classes, prefixes and JSON-LD terms for one base IRI (and the graph's extra
/// relation properties).
struct Vocabulary {
    explicit Vocabulary(const ExportOptions& opts, std::vector<std::string> extra_properties = {});

    std::string base, kg;
    std::vector<Pred> preds;
    /// (prefix, namespace) for Turtle and JSON-LD CURIEs, in declaration order.
    std::vector<std::pair<std::string, std::string>> prefixes;
    /// (term, IRI) of classes and relation predicates usable as @type / @vocab values.
    std::vector<std::pair<std::string, std::string>> vocab_terms;
    std::vector<std::string> extra_properties;

    // indices into preds
    std::uint32_t type, id, label, pref_label, alt_label, country, relation0, holds, post_in,
        held_by, subject, predicate, object, date, start_date, end_date, role, field, count,
        status, weight, symmetric, doc, sentence, start, end, extractor, confidence, evidence,
        derived_from, quoted_from, extra0;

    std::string class_iri(EntityType t) const;             ///< kg:University …
    std::string_view schema_class(EntityType t) const;     ///< schema:CollegeOrUniversity …
    const std::string& relation_iri(RelationType t) const;  ///< kg:signedAgreementWith …
    /// The JSON-LD term of a class or relation IRI, or "".
    std::string_view term_of(std::string_view iri) const;
};

/// The base IRI with a final '/' added when missing.
std::string normalized_base(const std::string& base);

/// Type path of an entity IRI ("organization", "person", …).
std::string_view entity_group(EntityType t);

/// Builds the subjects of the graph, in order: every entity (node()), then per relation its
/// statement, evidence and post (edge()), then the documents (finish()).
class Generator {
public:
    Generator(const Vocabulary& voc, const KnowledgeGraph& g);
    const std::string& entity_iri(VertexId v) const { return entity_iris_[v]; }
    /// The entity's subject.
    void entity(VertexId v, Subject& out) const;
    /// The statement, evidence and post subjects of one relation (appended to `out`).
    void relation(std::uint32_t ri, std::vector<Subject>& out);
    /// The document subjects (every doc seen by relation()).
    void documents(std::vector<Subject>& out) const;

private:
    const Vocabulary& voc_;
    const KnowledgeGraph& g_;
    std::vector<std::string> entity_iris_;
    std::set<std::string> docs_;
    std::string prev_key_;
    int dup_ = 0;
};

/// A serializer: begin, subjects in order, end.
class Serializer {
public:
    virtual ~Serializer() = default;
    virtual void begin() = 0;
    virtual void subject(const Subject& s) = 0;
    virtual void end() = 0;
};

std::unique_ptr<Serializer> make_turtle(OutBuffer& out, const Vocabulary& voc);
std::unique_ptr<Serializer> make_ntriples(OutBuffer& out, const Vocabulary& voc);
std::unique_ptr<Serializer> make_jsonld(OutBuffer& out, const Vocabulary& voc);

/// The JSON-LD context object ({ … }, without the "@context" key), indented by `indent`.
void put_jsonld_context(OutBuffer& out, const Vocabulary& voc, int indent);
/// context.jsonld: {"@context": {…}, "@graph": []}.
void put_context_document(OutBuffer& out, const Vocabulary& voc);
/// vocabulary.ttl.
void put_vocabulary(OutBuffer& out, const Vocabulary& voc);

/// Error when base_iri cannot prefix IRIs (no scheme, or characters IRIs forbid).
Status check_base_iri(const std::string& base);

}  // namespace kgmill::detail::rdf
