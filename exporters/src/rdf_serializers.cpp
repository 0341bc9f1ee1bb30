// Turtle (https://www.w3.org/TR/turtle/), N-Triples (https://www.w3.org/TR/n-triples/) and
// JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/) serializers of rdf::Subject streams.
#include <algorithm>

#include "rdf_model.hpp"

namespace kgmill::detail::rdf {

namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// A conservative Turtle PN_LOCAL: [A-Za-z0-9_] first, then [A-Za-z0-9_.-] or %XX, not ending
/// in '.'. Anything else is written as a full <IRI>.
bool plain_local(std::string_view s) {
    if (s.empty() || s.back() == '.') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || (i > 0 && (c == '-' || c == '.'));
        if (c == '%' && i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2])) {
            i += 2;
            continue;
        }
        if (!ok) return false;
    }
    return true;
}

bool is_integer_literal(std::string_view s) {
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---- Turtle ----------------------------------------------------------------------------------

class TurtleSerializer final : public Serializer {
public:
    TurtleSerializer(OutBuffer& out, const Vocabulary& voc) : out_(out), voc_(voc) {
        prefixes_ = voc.prefixes;
        for (std::string_view g : {"organization", "person", "country", "place", "agreement",
                                   "event", "program", "field", "statement", "post", "doc"})
            prefixes_.emplace_back(std::string(g), voc.base + std::string(g) + "/");
    }

    void begin() override {
        out_ << "# kgmill knowledge graph. Vocabulary: vocabulary.ttl; relations are also\n"
                "# reified as rdf:Statement nodes with their PROV-O evidence.\n";
        for (const auto& [p, ns] : prefixes_) {
            out_ << "@prefix " << p << ": <" << ns << "> .\n";
        }
    }

    void subject(const Subject& s) override {
        out_ << '\n';
        put_iri(s.iri);
        for (std::size_t i = 0; i < s.pos.size(); ++i) {
            const PredObj& po = s.pos[i];
            const bool same = i > 0 && s.pos[i - 1].pred == po.pred;
            if (same) {
                out_ << ", ";
            } else {
                out_ << (i == 0 ? " " : " ;\n    ");
                if (po.pred == voc_.type)
                    out_ << 'a';
                else
                    put_iri(voc_.preds[po.pred].iri);
                out_ << ' ';
            }
            put_obj(po.obj);
        }
        out_ << " .\n";
    }

    void end() override {}

private:
    void put_iri(std::string_view iri) {
        // Longest matching namespace first would matter only for nested namespaces; the
        // entity groups and doc/statement/post never nest, and kg (base + "vocab#") has '#'.
        for (const auto& [p, ns] : prefixes_) {
            if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0 &&
                plain_local(iri.substr(ns.size()))) {
                out_ << p << ':' << iri.substr(ns.size());
                return;
            }
        }
        out_ << '<' << iri << '>';
    }
    void put_obj(const Obj& o) {
        if (o.iri) return put_iri(o.value);
        if (o.datatype == "integer" && is_integer_literal(o.value)) {
            out_ << o.value;
            return;
        }
        if (o.datatype == "boolean") {
            out_ << o.value;
            return;
        }
        out_ << '"';
        put_rdf_string(out_, o.value);
        out_ << '"';
        if (!o.lang.empty()) {
            out_ << '@' << o.lang;
        } else if (!o.datatype.empty()) {
            out_ << "^^xsd:" << o.datatype;
        }
    }

    OutBuffer& out_;
    const Vocabulary& voc_;
    std::vector<std::pair<std::string, std::string>> prefixes_;
};

// ---- N-Triples ------------------------------------------------------------------------------

class NTriplesSerializer final : public Serializer {
public:
    NTriplesSerializer(OutBuffer& out, const Vocabulary& voc) : out_(out), voc_(voc) {}
    void begin() override {}
    void subject(const Subject& s) override {
        for (const PredObj& po : s.pos) {
            out_ << '<' << s.iri << "> <" << voc_.preds[po.pred].iri << "> ";
            if (po.obj.iri) {
                out_ << '<' << po.obj.value << '>';
            } else {
                out_ << '"';
                put_rdf_string(out_, po.obj.value);
                out_ << '"';
                if (!po.obj.lang.empty())
                    out_ << '@' << po.obj.lang;
                else if (!po.obj.datatype.empty())
                    out_ << "^^<" << kXsd << po.obj.datatype << '>';
            }
            out_ << " .\n";
        }
    }
    void end() override {}

private:
    OutBuffer& out_;
    const Vocabulary& voc_;
};

// ---- JSON-LD --------------------------------------------------------------------------------

void put_json_string(OutBuffer& out, std::string_view s) {
    out << '"';
    put_json(out, s);
    out << '"';
}

class JsonldSerializer final : public Serializer {
public:
    JsonldSerializer(OutBuffer& out, const Vocabulary& voc) : out_(out), voc_(voc) {}

    void begin() override {
        out_ << "{\n  \"@context\": ";
        put_jsonld_context(out_, voc_, 2);
        out_ << ",\n  \"@graph\": [";
    }

    void subject(const Subject& s) override {
        out_ << (first_ ? "\n    {\"@id\": " : ",\n    {\"@id\": ");
        first_ = false;
        put_json_string(out_, relative(s.iri));
        for (std::size_t i = 0; i < s.pos.size();) {
            std::size_t j = i;
            while (j < s.pos.size() && s.pos[j].pred == s.pos[i].pred) ++j;
            const Pred& p = voc_.preds[s.pos[i].pred];
            out_ << ", ";
            put_json_string(out_, p.term);
            out_ << ": ";
            if (j - i > 1) out_ << '[';
            for (std::size_t k = i; k < j; ++k) {
                if (k > i) out_ << ", ";
                put_value(p, s.pos[k].obj);
            }
            if (j - i > 1) out_ << ']';
            i = j;
        }
        out_ << '}';
    }

    void end() override { out_ << "\n  ]\n}\n"; }

private:
    /// An IRI relative to @base (the base IRI ends in '/'), else a CURIE, else absolute.
    std::string relative(const std::string& iri) const {
        const std::string& b = voc_.base;
        if (!b.empty() && b.back() == '/' && iri.size() > b.size() &&
            iri.compare(0, b.size(), b) == 0) {
            std::string_view rest(iri);
            rest.remove_prefix(b.size());
            auto colon = rest.find(':'), slash = rest.find('/');
            bool safe = rest[0] != '/' && rest[0] != '?' && rest[0] != '#' &&
                        (colon == std::string_view::npos ||
                         (slash != std::string_view::npos && slash < colon));
            if (safe) return std::string(rest);
        }
        return curie(iri);
    }
    std::string curie(const std::string& iri) const {
        for (const auto& [p, ns] : voc_.prefixes)
            if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0 &&
                iri.compare(ns.size(), 2, "//") != 0)
                return p + ":" + iri.substr(ns.size());
        return iri;
    }
    void put_value(const Pred& p, const Obj& o) {
        if (o.iri) {
            if (p.coerce == Coerce::kVocab) {
                std::string_view term = voc_.term_of(o.value);
                put_json_string(out_, term.empty() ? curie(o.value) : std::string(term));
            } else if (p.coerce == Coerce::kId) {
                put_json_string(out_, relative(o.value));
            } else {
                out_ << "{\"@id\": ";
                put_json_string(out_, relative(o.value));
                out_ << '}';
            }
            return;
        }
        const bool native = (p.coerce == Coerce::kInteger && o.datatype == "integer") ||
                            (p.coerce == Coerce::kDouble && o.datatype == "double") ||
                            (p.coerce == Coerce::kBoolean && o.datatype == "boolean");
        if (native) {
            out_ << o.value;
            return;
        }
        const bool coerced = p.coerce != Coerce::kNone;
        if (!o.lang.empty() || !o.datatype.empty() || coerced) {
            // A value object: a language tag, a datatype, or a plain string under a term
            // that would otherwise coerce it.
            out_ << "{\"@value\": ";
            put_json_string(out_, o.value);
            if (!o.lang.empty()) {
                out_ << ", \"@language\": ";
                put_json_string(out_, o.lang);
            } else if (!o.datatype.empty()) {
                out_ << ", \"@type\": \"xsd:" << o.datatype << '"';
            }
            out_ << '}';
            return;
        }
        put_json_string(out_, o.value);
    }

    OutBuffer& out_;
    const Vocabulary& voc_;
    bool first_ = true;
};

}  // namespace

std::unique_ptr<Serializer> make_turtle(OutBuffer& out, const Vocabulary& voc) {
    return std::make_unique<TurtleSerializer>(out, voc);
}
std::unique_ptr<Serializer> make_ntriples(OutBuffer& out, const Vocabulary& voc) {
    return std::make_unique<NTriplesSerializer>(out, voc);
}
std::unique_ptr<Serializer> make_jsonld(OutBuffer& out, const Vocabulary& voc) {
    return std::make_unique<JsonldSerializer>(out, voc);
}

void put_jsonld_context(OutBuffer& out, const Vocabulary& voc, int indent) {
    const std::string pad(static_cast<std::size_t>(indent) + 2, ' ');
    const std::string close_pad(static_cast<std::size_t>(indent), ' ');
    auto curie = [&](const std::string& iri) {
        for (const auto& [p, ns] : voc.prefixes)
            if (iri.size() > ns.size() && iri.compare(0, ns.size(), ns) == 0)
                return p + ":" + iri.substr(ns.size());
        return iri;
    };
    bool first = true;
    auto entry = [&](std::string_view key) {
        out << (first ? "{\n" : ",\n") << pad;
        first = false;
        put_json_string(out, key);
        out << ": ";
    };
    entry("@base");
    put_json_string(out, voc.base);
    for (const auto& [p, ns] : voc.prefixes) {
        entry(p);
        put_json_string(out, ns);
    }
    for (const Pred& p : voc.preds) {
        entry(p.term);
        if (p.term == "type") {
            out << "\"@type\"";
            continue;
        }
        const char* coerce = nullptr;
        switch (p.coerce) {
            case Coerce::kNone: break;
            case Coerce::kId: coerce = "@id"; break;
            case Coerce::kVocab: coerce = "@vocab"; break;
            case Coerce::kInteger: coerce = "xsd:integer"; break;
            case Coerce::kDouble: coerce = "xsd:double"; break;
            case Coerce::kBoolean: coerce = "xsd:boolean"; break;
        }
        if (!coerce) {
            put_json_string(out, curie(p.iri));
        } else {
            out << "{\"@id\": ";
            put_json_string(out, curie(p.iri));
            out << ", \"@type\": \"" << coerce << "\"}";
        }
    }
    for (const auto& term_iri : voc.vocab_terms) {
        // (not a structured binding: clang 14 cannot capture one in the lambda below)
        const auto& term = term_iri.first;
        const auto& iri = term_iri.second;
        // Relation terms are already defined above (as properties with "@type": "@id"); a
        // term names one IRI, used both as a property and as an rdf:predicate value.
        if (std::any_of(voc.preds.begin(), voc.preds.end(),
                        [&](const Pred& p) { return p.term == term; }))
            continue;
        entry(term);
        put_json_string(out, curie(iri));
    }
    out << '\n' << close_pad << '}';
}

}  // namespace kgmill::detail::rdf
