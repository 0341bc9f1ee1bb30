// The RDF GraphWriters (Turtle, N-Triples, JSON-LD) and vocabulary.ttl.
//
// Mapping (ONTOLOGY.md "RDF mapping"; IRIs in rdf_model.hpp):
// - an entity is `a kg:<Label>` plus its schema.org class (schema:CollegeOrUniversity, …;
//   org:OrganizationalUnit for units, skos:Concept for fields), with kg:id, rdfs:label and
//   skos:prefLabel (the name), skos:altLabel (aliases), language-tagged @vi / @en by
//   name_language(), and kg:country;
// - a relation is a direct triple (PART_OF = org:subOrganizationOf, MEMBER_OF = org:memberOf,
//   the others kg: properties; symmetric relations in both directions), plus an rdf:Statement
//   carrying its properties (kg:date typed xsd:date / xsd:gYearMonth / xsd:gYear; a range
//   also as kg:startDate / kg:endDate), kg:weight, kg:symmetric, the first evidence (kg:doc,
//   kg:sentence, kg:start, kg:end, kg:extractor, kg:confidence), prov:wasDerivedFrom every
//   source document and kg:evidence → one kg:Evidence node per supporting statement
//   (prov:wasQuotedFrom its document);
// - HOLDS_POSITION also gives an org:Post (org:holds, org:postIn, org:heldBy, the role as
//   rdfs:label) as the W3C Organization Ontology models positions;
// - every source document is a prov:Entity.
// Reification rather than RDF-star: every parser here (rapper, N3.js, Oxigraph, jsonld.js)
// reads it, and RDF 1.1 stores load it unchanged.
#include <ostream>

#include "graph_writers.hpp"
#include "rdf_model.hpp"

namespace kgmill::detail {
namespace {

enum class RdfFormat { kTurtle, kNTriples, kJsonld };

class RdfWriter final : public GraphWriter {
public:
    RdfWriter(Sink& sink, std::string main, ExportOptions opts, RdfFormat f, bool side_file)
        : sink_(sink), main_(std::move(main)), opts_(std::move(opts)), format_(f),
          side_file_(side_file) {}

    Status begin(const KnowledgeGraph& g) override {
        KGMILL_RETURN_IF_ERROR(rdf::check_base_iri(opts_.base_iri));
        voc_.emplace(opts_, extra_relation_properties(g));
        gen_.emplace(*voc_, g);
        if (side_file_) {
            const char* name = format_ == RdfFormat::kJsonld ? "context.jsonld" : "vocabulary.ttl";
            std::ostream* side = sink_.open(name);
            if (!side) return make_error(ErrorCode::kIo, "export", name, "cannot open output");
            OutBuffer o(*side);
            if (format_ == RdfFormat::kJsonld) {
                put_context_document(o, *voc_);
            } else {
                rdf::put_vocabulary(o, *voc_);
            }
        }
        std::ostream* os = sink_.open(main_);
        if (!os) return make_error(ErrorCode::kIo, "export", main_, "cannot open output");
        out_.emplace(*os);
        switch (format_) {
            case RdfFormat::kTurtle: ser_ = rdf::make_turtle(*out_, *voc_); break;
            case RdfFormat::kNTriples: ser_ = rdf::make_ntriples(*out_, *voc_); break;
            case RdfFormat::kJsonld: ser_ = rdf::make_jsonld(*out_, *voc_); break;
        }
        ser_->begin();
        return {};
    }

    void node(VertexId v) override {
        gen_->entity(v, subject_);
        ser_->subject(subject_);
    }

    void edge(std::uint32_t ri) override {
        subjects_.clear();
        gen_->relation(ri, subjects_);
        for (const rdf::Subject& s : subjects_) ser_->subject(s);
    }

    Status finish() override {
        subjects_.clear();
        gen_->documents(subjects_);
        for (const rdf::Subject& s : subjects_) ser_->subject(s);
        ser_->end();
        out_->flush();
        return out_->stream() ? Status{}
                              : make_error(ErrorCode::kIo, "export", main_, "write failed");
    }

private:
    Sink& sink_;
    std::string main_;
    ExportOptions opts_;
    RdfFormat format_;
    bool side_file_;
    std::optional<rdf::Vocabulary> voc_;
    std::optional<rdf::Generator> gen_;
    std::optional<OutBuffer> out_;
    std::unique_ptr<rdf::Serializer> ser_;
    rdf::Subject subject_;
    std::vector<rdf::Subject> subjects_;
};

}  // namespace

std::unique_ptr<GraphWriter> make_turtle_writer(Sink& sink, const std::string& main,
                                                const ExportOptions& opts, bool vocabulary) {
    return std::make_unique<RdfWriter>(sink, main, opts, RdfFormat::kTurtle, vocabulary);
}
std::unique_ptr<GraphWriter> make_ntriples_writer(Sink& sink, const std::string& main,
                                                  const ExportOptions& opts) {
    return std::make_unique<RdfWriter>(sink, main, opts, RdfFormat::kNTriples, false);
}
std::unique_ptr<GraphWriter> make_jsonld_writer(Sink& sink, const std::string& main,
                                                const ExportOptions& opts, bool context_file) {
    return std::make_unique<RdfWriter>(sink, main, opts, RdfFormat::kJsonld, context_file);
}

namespace rdf {

namespace {
// Indexed by EntityType; from ONTOLOGY.md's entity table.
constexpr std::string_view kClassComments[kEntityTypeCount] = {
    "A university, college or academy that trains students, or a member university of a "
    "university system.",
    "A faculty, school, department, institute or office that is part of another organization.",
    "A research academy or institute that is not a university.",
    "A business.",
    "A ministry, government agency, party or state body, or an embassy.",
    "An association, alliance, consortium, forum or network that organizations join.",
    "An international organization such as UNESCO, OECD, the World Bank or an ASEAN body.",
    "Any other organization, or one whose kind is unclear.",
    "A named person (titles and roles are not part of the name).",
    "A sovereign state.",
    "A city, province, region or campus.",
    "A signed agreement, memorandum of understanding or joint statement (one node per signing).",
    "A conference, seminar, forum, exhibition or other named event.",
    "A joint training programme, project, scholarship or exchange scheme.",
    "A field or area that cooperation is about.",
};

struct RelationDoc {
    std::string_view comment;
    bool symmetric;
    std::string_view extra;  ///< further Turtle predicate-object pairs
};
constexpr RelationDoc kRelationDocs[kRelationTypeCount] = {
    {"The two organizations signed an agreement or memorandum of understanding with each "
     "other.",
     true, ""},
    {"The organization is a signatory of the agreement.", false, ""},
    {"Cooperation stated without a signing: joint programmes, research, exchanges, partners. "
     "Symmetric between organizations (written both ways in graph.ttl); directed towards a "
     "Country.",
     false, ""},
    {"Membership of an association, alliance or network.", false, ""},
    {"Organisational hierarchy (a unit or member university is part of an organization).",
     false, ""},
    {"Where an organization, place or event is.", false, ""},
    {"The person holds a role at the organization (kg:role on the statement; also an org:Post).",
     false, ""},
    {"An official visit or delegation (kg:date on the statement).", false, ""},
    {"Organised or hosted an event.", false, "owl:inverseOf schema:organizer"},
    {"Took part in an event.", false, "owl:inverseOf schema:attendee"},
    {"Runs or takes part in a programme or project.", false, ""},
    {"What an agreement, event or programme is about.", false, "rdfs:subPropertyOf schema:about"},
};

void put_literal(OutBuffer& o, std::string_view s) {
    o << '"';
    put_rdf_string(o, s);
    o << '"';
}
}  // namespace

void put_context_document(OutBuffer& o, const Vocabulary& voc) {
    // The empty @graph makes the file a valid JSON-LD document on its own (jsonld.js safe
    // mode rejects a document that is only a context); documents that reference this file
    // as their context use its "@context" only.
    o << "{\n  \"@context\": ";
    put_jsonld_context(o, voc, 2);
    o << ",\n  \"@graph\": []\n}\n";
}

void put_vocabulary(OutBuffer& o, const Vocabulary& voc) {
    o << "# kgmill vocabulary: the classes and properties of ONTOLOGY.md (v1) used by graph.ttl,\n"
         "# graph.nt and graph.jsonld. PART_OF is org:subOrganizationOf and MEMBER_OF is\n"
         "# org:memberOf (W3C Organization Ontology); the other relation types are kg: terms.\n";
    for (const auto& [p, ns] : voc.prefixes) o << "@prefix " << p << ": <" << ns << "> .\n";
    std::string onto = voc.kg.substr(0, voc.kg.size() - 1);  // without '#'
    o << "\n<" << onto << "> a owl:Ontology ;\n"
         "    rdfs:label \"kgmill cooperation ontology\"@en ;\n"
         "    rdfs:comment \"Institutions, people, agreements, events and places, and who "
         "cooperates with whom, as extracted by kgmill.\"@en ;\n"
         "    owl:versionInfo \"1\" .\n";

    o << "\n# ---- classes\n";
    for (int i = 0; i < kEntityTypeCount; ++i) {
        auto t = static_cast<EntityType>(i);
        o << "\nkg:" << entity_type_name(t) << " a owl:Class ;\n    rdfs:subClassOf schema:"
          << voc.schema_class(t);
        if (is_organization(t)) o << ", org:Organization";
        if (t == EntityType::kUnit) o << ", org:OrganizationalUnit";
        if (t == EntityType::kField) o << ", skos:Concept";
        o << " ;\n    rdfs:label ";
        put_literal(o, entity_type_name(t));
        o << "@en ;\n    rdfs:comment ";
        put_literal(o, kClassComments[i]);
        o << "@en .\n";
    }
    o << "\nkg:Evidence a owl:Class ;\n    rdfs:subClassOf prov:Entity ;\n"
         "    rdfs:label \"Evidence\"@en ;\n"
         "    rdfs:comment \"One supporting statement of a relation: the sentence quoted from a "
         "document, its byte offsets in the document's extracted text, the rule that read it "
         "and its confidence.\"@en .\n";

    o << "\n# ---- relation types (rdfs:label is the type's name in every other export)\n";
    for (int i = 0; i < kRelationTypeCount; ++i) {
        auto t = static_cast<RelationType>(i);
        const std::string& iri = voc.relation_iri(t);
        if (iri.compare(0, voc.kg.size(), voc.kg) != 0) {
            o << "\n# " << relation_type_name(t) << " is <" << iri << ">.\n";
            continue;
        }
        const RelationDoc& d = kRelationDocs[i];
        o << "\nkg:" << iri.substr(voc.kg.size()) << " a owl:ObjectProperty"
          << (d.symmetric ? ", owl:SymmetricProperty" : "") << " ;\n    rdfs:label ";
        put_literal(o, relation_type_name(t));
        o << " ;\n    rdfs:comment ";
        put_literal(o, d.comment);
        o << "@en";
        if (!d.extra.empty()) o << " ;\n    " << d.extra;
        o << " .\n";
    }

    o << "\n# ---- properties of entities, statements and evidence (ONTOLOGY.md's names)\n";
    struct Prop {
        std::string_view local, kind, range, comment;
    };
    const Prop props[] = {
        {"id", "owl:DatatypeProperty", "xsd:string", "Stable id of the entity (the basis of its IRI)."},
        {"country", "owl:DatatypeProperty", "xsd:string", "ISO 3166 alpha-2 country code."},
        {"date", "owl:DatatypeProperty", "",
         "When, as precise as the text says: xsd:date, xsd:gYearMonth or xsd:gYear; a range "
         "as a plain 'start/end' string with kg:startDate and kg:endDate."},
        {"startDate", "owl:DatatypeProperty", "", "First day of a date range."},
        {"endDate", "owl:DatatypeProperty", "", "Last day of a date range."},
        {"role", "owl:DatatypeProperty", "xsd:string", "Role held (HOLDS_POSITION)."},
        {"field", "owl:DatatypeProperty", "xsd:string", "Field a cooperation is about."},
        {"count", "owl:DatatypeProperty", "", "A number the text states (xsd:integer when it is one)."},
        {"status", "owl:DatatypeProperty", "xsd:string", "'planned' for a plan that is not a fact yet."},
        {"weight", "owl:DatatypeProperty", "xsd:integer", "Number of supporting statements after merging."},
        {"symmetric", "owl:DatatypeProperty", "xsd:boolean", "True when the relation reads both ways."},
        {"doc", "owl:DatatypeProperty", "xsd:string", "Document id of the (first) supporting statement."},
        {"sentence", "owl:DatatypeProperty", "xsd:string", "Evidence text, exactly as in the document's extracted text."},
        {"start", "owl:DatatypeProperty", "xsd:integer", "Byte offset where the evidence starts."},
        {"end", "owl:DatatypeProperty", "xsd:integer", "Byte offset where the evidence ends."},
        {"extractor", "owl:DatatypeProperty", "xsd:string", "Rule that produced the statement."},
        {"confidence", "owl:DatatypeProperty", "xsd:double", "Confidence of the extraction, 0..1."},
        {"evidence", "owl:ObjectProperty", "kg:Evidence", "A supporting statement of this relation."},
    };
    for (const Prop& p : props) {
        o << "\nkg:" << p.local << " a " << p.kind << " ;\n    rdfs:label ";
        put_literal(o, p.local);
        if (!p.range.empty()) o << " ;\n    rdfs:range " << p.range;
        o << " ;\n    rdfs:comment ";
        put_literal(o, p.comment);
        o << "@en .\n";
    }
}

}  // namespace rdf
}  // namespace kgmill::detail

namespace kgmill {

void write_jsonld_context(std::ostream& out, const ExportOptions& opts) {
    detail::rdf::Vocabulary voc(opts);
    detail::OutBuffer o(out);
    detail::rdf::put_context_document(o, voc);
}

void write_rdf_vocabulary(std::ostream& out, const ExportOptions& opts) {
    detail::rdf::Vocabulary voc(opts);
    detail::OutBuffer o(out);
    detail::rdf::put_vocabulary(o, voc);
}

}  // namespace kgmill
