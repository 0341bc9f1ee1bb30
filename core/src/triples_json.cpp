// triples_json.cpp — the triples JSON Lines contract of ONTOLOGY.md (RapidJSON underneath).
//
// Output is deterministic: fixed key order (subject{name,type,aliases?}, predicate,
// object{...}, properties{keys sorted}, provenance{doc,sentence,start,end,extractor,
// confidence}), raw UTF-8 (no \u escapes except control characters), and the confidence
// rounded to 3 decimals and printed by hand (0.9, 0.75, 1.0), not by a shortest-double
// algorithm whose last digits could differ between libraries.
#include "kgmill/core/triples_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "kgmill/core/unicode.hpp"

namespace kgmill {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string format_confidence(double c) {
    if (!std::isfinite(c)) c = 0.0;
    long long m = std::llround(c * 1000.0);
    const bool neg = m < 0;
    if (neg) m = -m;
    char frac[8];
    std::snprintf(frac, sizeof frac, "%03lld", m % 1000);
    std::string f = frac;
    while (f.size() > 1 && f.back() == '0') f.pop_back();
    return (neg ? "-" : "") + std::to_string(m / 1000) + "." + f;
}

void write_string(Writer& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_entity(Writer& w, const EntityRef& e) {
    w.StartObject();
    w.Key("name");
    write_string(w, e.name);
    w.Key("type");
    write_string(w, entity_type_name(e.type));
    if (!e.aliases.empty()) {
        w.Key("aliases");
        w.StartArray();
        for (const std::string& a : e.aliases) write_string(w, a);
        w.EndArray();
    }
    w.EndObject();
}

Error parse_error(std::string message, std::int64_t byte = -1) {
    return make_error(ErrorCode::kParse, "triples", "", std::move(message), byte);
}

std::string value_text(const rapidjson::Value& v) {
    if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
    rapidjson::StringBuffer sb;
    Writer w(sb);
    v.Accept(w);
    return std::string(sb.GetString(), sb.GetSize());
}

const rapidjson::Value* member(const rapidjson::Value& obj, const char* key) {
    const auto it = obj.FindMember(key);
    return it == obj.MemberEnd() ? nullptr : &it->value;
}

Result<EntityRef> parse_entity(const rapidjson::Value& v, const char* which) {
    const std::string w = which;
    if (!v.IsObject()) return parse_error("\"" + w + "\" must be an object");
    const rapidjson::Value* name = member(v, "name");
    const rapidjson::Value* type = member(v, "type");
    if (!name || !name->IsString()) return parse_error(w + ".name must be a string");
    if (!type || !type->IsString()) return parse_error(w + ".type must be a string");
    EntityRef e;
    e.name.assign(name->GetString(), name->GetStringLength());
    const std::string_view t(type->GetString(), type->GetStringLength());
    const auto et = parse_entity_type(t);
    if (!et) return parse_error(w + ".type: unknown entity type '" + std::string(t) + "'");
    e.type = *et;
    if (const rapidjson::Value* al = member(v, "aliases")) {
        if (!al->IsArray()) return parse_error(w + ".aliases must be an array of strings");
        for (const rapidjson::Value& a : al->GetArray()) {
            if (!a.IsString()) return parse_error(w + ".aliases must be an array of strings");
            e.aliases.emplace_back(a.GetString(), a.GetStringLength());
        }
    }
    return e;
}

// RapidJSON 1.1.0 decodes the escape of a lone low surrogate (U+DC00..U+DFFF) to invalid UTF-8,
// even with kParseValidateEncodingFlag, which checks only raw bytes: check every string we keep.
bool strings_valid(const Triple& t) {
    const auto entity_ok = [](const EntityRef& e) {
        if (!is_valid_utf8(e.name)) return false;
        for (const std::string& a : e.aliases)
            if (!is_valid_utf8(a)) return false;
        return true;
    };
    if (!entity_ok(t.subject) || !entity_ok(t.object)) return false;
    for (const auto& [k, v] : t.properties)
        if (!is_valid_utf8(k) || !is_valid_utf8(v)) return false;
    const Provenance& p = t.provenance;
    return is_valid_utf8(p.doc) && is_valid_utf8(p.sentence) && is_valid_utf8(p.extractor);
}

}  // namespace

double round_confidence(double c) {
    if (!std::isfinite(c)) return 0.0;
    return static_cast<double>(std::llround(c * 1000.0)) / 1000.0;
}

std::string triple_to_json(const Triple& t) {
    rapidjson::StringBuffer sb;
    Writer w(sb);
    w.StartObject();
    w.Key("subject");
    write_entity(w, t.subject);
    w.Key("predicate");
    write_string(w, relation_type_name(t.predicate));
    w.Key("object");
    write_entity(w, t.object);
    w.Key("properties");
    w.StartObject();
    std::vector<const std::pair<std::string, std::string>*> props;
    for (const auto& p : t.properties) props.push_back(&p);
    std::stable_sort(props.begin(), props.end(), [](auto* a, auto* b) { return a->first < b->first; });
    for (const auto* p : props) {
        write_string(w, p->first);  // Key and String write the same token
        write_string(w, p->second);
    }
    w.EndObject();
    w.Key("provenance");
    w.StartObject();
    w.Key("doc");
    write_string(w, t.provenance.doc);
    w.Key("sentence");
    write_string(w, t.provenance.sentence);
    w.Key("start");
    w.Uint(t.provenance.start);
    w.Key("end");
    w.Uint(t.provenance.end);
    w.Key("extractor");
    write_string(w, t.provenance.extractor);
    w.Key("confidence");
    const std::string c = format_confidence(t.provenance.confidence);
    w.RawValue(c.data(), c.size(), rapidjson::kNumberType);
    w.EndObject();
    w.EndObject();
    return std::string(sb.GetString(), sb.GetSize());
}

Result<Triple> triple_from_json(std::string_view line) {
    rapidjson::Document d;
    // No kParseFullPrecisionFlag: in RapidJSON 1.1.0 its strtod overflows and can read out of
    // bounds on long mantissas with large exponents (Tencent/rapidjson#1251, #1249; fixed after
    // 1.1.0). Confidence is rounded to 3 decimals, so the normal-precision parse is enough.
    d.Parse<rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
    if (d.HasParseError())
        return parse_error(std::string("invalid JSON: ") + rapidjson::GetParseError_En(d.GetParseError()) +
                               " at byte " + std::to_string(d.GetErrorOffset()),
                           static_cast<std::int64_t>(d.GetErrorOffset()));
    if (!d.IsObject()) return parse_error("a triple must be a JSON object");
    Triple t;
    const rapidjson::Value* s = member(d, "subject");
    const rapidjson::Value* p = member(d, "predicate");
    const rapidjson::Value* o = member(d, "object");
    if (!s) return parse_error("missing \"subject\"");
    if (!p || !p->IsString()) return parse_error("missing or non-string \"predicate\"");
    if (!o) return parse_error("missing \"object\"");
    Result<EntityRef> subj = parse_entity(*s, "subject");
    if (!subj) return subj.error();
    Result<EntityRef> obj = parse_entity(*o, "object");
    if (!obj) return obj.error();
    t.subject = std::move(subj).value();
    t.object = std::move(obj).value();
    const std::string_view pred(p->GetString(), p->GetStringLength());
    const auto rt = parse_relation_type(pred);
    if (!rt) return parse_error("unknown relation type '" + std::string(pred) + "'");
    t.predicate = *rt;
    if (const rapidjson::Value* props = member(d, "properties")) {
        if (!props->IsObject()) return parse_error("\"properties\" must be an object");
        for (const auto& m : props->GetObject()) {
            if (m.value.IsNull()) continue;
            if (m.value.IsObject() || m.value.IsArray())
                return parse_error("property \"" + std::string(m.name.GetString()) + "\" must be a scalar");
            t.set_property(std::string(m.name.GetString(), m.name.GetStringLength()), value_text(m.value));
        }
    }
    if (const rapidjson::Value* pv = member(d, "provenance")) {
        if (!pv->IsObject()) return parse_error("\"provenance\" must be an object");
        Provenance& pr = t.provenance;
        for (const char* key : {"doc", "sentence", "extractor"}) {
            const rapidjson::Value* v = member(*pv, key);
            if (!v) continue;
            if (!v->IsString()) return parse_error(std::string("provenance.") + key + " must be a string");
            std::string& dst = key[0] == 'd' ? pr.doc : key[0] == 's' ? pr.sentence : pr.extractor;
            dst.assign(v->GetString(), v->GetStringLength());
        }
        for (const char* key : {"start", "end"}) {
            const rapidjson::Value* v = member(*pv, key);
            if (!v) continue;
            if (!v->IsUint()) return parse_error(std::string("provenance.") + key + " must be an unsigned 32-bit integer");
            (key[0] == 's' ? pr.start : pr.end) = v->GetUint();
        }
        if (const rapidjson::Value* v = member(*pv, "confidence")) {
            if (!v->IsNumber()) return parse_error("provenance.confidence must be a number");
            pr.confidence = v->GetDouble();
        }
        if (pr.end < pr.start) return parse_error("provenance.end is before provenance.start");
    }
    if (!strings_valid(t)) return parse_error("invalid UTF-8 in a string (\\u escape of a lone surrogate)");
    return t;
}

}  // namespace kgmill
