// Expression evaluation (openCypher 9 semantics: three-valued logic, null propagation,
// integer arithmetic with overflow errors) and the graph's properties as Cypher values.
#include <re2/re2.h>

#include <charconv>
#include <cmath>
#include <limits>

#include "query/errors.hpp"
#include "query/exec/context.hpp"

namespace kgmill::query {

using K = Value::Kind;

std::string format_double(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, d);
    (void)ec;
    std::string s(buf, p);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

// ---- graph properties --------------------------------------------------------------------

Value node_property(const KnowledgeGraph& g, VertexId v, NodeKey key) {
    switch (key) {
        case NodeKey::kId: return Value::borrowed(g.entity_id(v));
        case NodeKey::kName: return Value::borrowed(g.entity_name(v));
        case NodeKey::kType: return Value::borrowed(entity_type_name(g.entity_type(v)));
        case NodeKey::kAliases: {
            // null when there are none, as in the Neo4j export (an empty array field is no property)
            const std::vector<std::string_view> aliases = g.entity_aliases(v);
            if (aliases.empty()) return Value();
            Value::List items;
            items.reserve(aliases.size());
            for (std::string_view a : aliases) items.push_back(Value::borrowed(a));
            return Value::list(std::move(items));
        }
        case NodeKey::kCountry: {
            const std::string_view c = g.entity_country(v);
            return c.empty() ? Value() : Value::borrowed(c);
        }
        case NodeKey::kUnknown: return Value();
    }
    return Value();
}

namespace {

Value text_or_null(std::string_view s) { return s.empty() ? Value() : Value::borrowed(s); }

Value count_value(std::string_view s) {
    if (s.empty()) return Value();
    std::int64_t n = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec == std::errc() && p == s.data() + s.size()) return Value::integer(n);
    return Value::borrowed(s);
}

/// A property of a relation's first evidence (null without evidence).
Value evidence_property(const Provenance* first, RelKey key) {
    if (!first) return Value();
    switch (key) {
        case RelKey::kDoc: return Value::borrowed(first->doc);
        case RelKey::kSentence: return Value::borrowed(first->sentence);
        case RelKey::kStart: return Value::integer(first->start);
        case RelKey::kEnd: return Value::integer(first->end);
        case RelKey::kExtractor: return text_or_null(first->extractor);
        case RelKey::kConfidence: return Value::real(first->confidence);
        default: return Value();
    }
}

}  // namespace

Value rel_property(const KnowledgeGraph& g, std::uint32_t ri, RelKey key, const std::string& name) {
    switch (key) {
        case RelKey::kType: return Value::borrowed(relation_type_name(g.relation_type(ri)));
        case RelKey::kDate:
        case RelKey::kRole:
        case RelKey::kField:
        case RelKey::kStatus:
        case RelKey::kOther: return text_or_null(g.relation_property(ri, name));
        case RelKey::kCount: return count_value(g.relation_property(ri, name));
        case RelKey::kWeight: return Value::integer(static_cast<std::int64_t>(g.relation_weight(ri)));
        case RelKey::kSymmetric: return Value::boolean(g.relation_symmetric(ri));
        case RelKey::kDoc:
        case RelKey::kSentence:
        case RelKey::kStart:
        case RelKey::kEnd:
        case RelKey::kExtractor:
        case RelKey::kConfidence:
            // fetched from the store on demand when the graph was loaded without evidence
            return evidence_property(g.first_evidence(ri), key);
        case RelKey::kUnknown: return text_or_null(g.relation_property(ri, name));
    }
    return Value();
}

Value node_properties(const KnowledgeGraph& g, VertexId v) {
    Value::Map m;
    for (auto [name, key] : {std::pair{"id", NodeKey::kId}, {"name", NodeKey::kName}, {"type", NodeKey::kType},
                             {"aliases", NodeKey::kAliases}, {"country", NodeKey::kCountry}}) {
        Value x = node_property(g, v, key);
        if (!x.is_null()) m.emplace_back(name, std::move(x));
    }
    return Value::map(std::move(m));
}

Value rel_properties(const KnowledgeGraph& g, std::uint32_t ri) {
    Value::Map m;
    static const std::pair<const char*, RelKey> kKeys[] = {
        {"type", RelKey::kType},   {"date", RelKey::kDate},         {"role", RelKey::kRole},
        {"field", RelKey::kField}, {"count", RelKey::kCount},       {"status", RelKey::kStatus},
        {"weight", RelKey::kWeight}, {"symmetric", RelKey::kSymmetric}, {"doc", RelKey::kDoc},
        {"sentence", RelKey::kSentence}, {"start", RelKey::kStart}, {"end", RelKey::kEnd},
        {"extractor", RelKey::kExtractor}, {"confidence", RelKey::kConfidence}};
    for (const auto& [name, key] : kKeys) {
        Value x = rel_property(g, ri, key, name);
        if (!x.is_null()) m.emplace_back(name, std::move(x));
    }
    for (const auto& [k, v] : g.relation_properties(ri))
        if (rel_key(k) == RelKey::kUnknown && !v.empty()) m.emplace_back(std::string(k), Value::borrowed(v));
    return Value::map(std::move(m));
}

// ---- evaluation --------------------------------------------------------------------------

namespace {

[[noreturn]] void type_error(const BExpr& e, const std::string& what) { throw RuntimeError(what, e.offset, e.length); }

Tri as_tri(const Value& v, const BExpr& e) {
    if (v.is_null()) return Tri::kNull;
    if (v.kind() != K::kBool) type_error(e, "expected a boolean, got " + a_kind(v.kind()));
    return tri(v.as_bool());
}

Value arithmetic(BOp op, const Value& a, const Value& b, const BExpr& e) {
    if (a.is_null() || b.is_null()) return Value();
    if (op == BOp::kAdd) {
        if (a.kind() == K::kString || b.kind() == K::kString) {
            auto text = [&](const Value& v) -> std::string {
                switch (v.kind()) {
                    case K::kString: return std::string(v.as_string());
                    case K::kInt: return std::to_string(v.as_int());
                    case K::kDouble: return format_double(v.as_double());
                    case K::kBool: return v.as_bool() ? "true" : "false";
                    default:
                        type_error(e, std::string("cannot add ") + a_kind(a.kind()) + " and " + a_kind(b.kind()));
                }
            };
            return Value::string(text(a) + text(b));
        }
        if (a.kind() == K::kList || b.kind() == K::kList) {
            Value::List out;
            if (a.kind() == K::kList) out = a.as_list();
            else out.push_back(a);
            if (b.kind() == K::kList) out.insert(out.end(), b.as_list().begin(), b.as_list().end());
            else out.push_back(b);
            return Value::list(std::move(out));
        }
    }
    if (!a.is_number() || !b.is_number()) {
        static const char* const kNames[] = {"add", "subtract", "multiply", "divide", "take the remainder of", "raise"};
        int i = op == BOp::kAdd ? 0 : op == BOp::kSub ? 1 : op == BOp::kMul ? 2 : op == BOp::kDiv ? 3 : op == BOp::kMod ? 4 : 5;
        type_error(e, std::string("cannot ") + kNames[i] + " " + a_kind(a.kind()) + " and " + a_kind(b.kind()));
    }
    if (op == BOp::kPow) return Value::real(std::pow(a.as_number(), b.as_number()));
    if (a.kind() == K::kInt && b.kind() == K::kInt) {
        std::int64_t x = a.as_int(), y = b.as_int(), r = 0;
        switch (op) {
            case BOp::kAdd:
                if (__builtin_add_overflow(x, y, &r)) type_error(e, "integer overflow");
                return Value::integer(r);
            case BOp::kSub:
                if (__builtin_sub_overflow(x, y, &r)) type_error(e, "integer overflow");
                return Value::integer(r);
            case BOp::kMul:
                if (__builtin_mul_overflow(x, y, &r)) type_error(e, "integer overflow");
                return Value::integer(r);
            case BOp::kDiv:
                if (y == 0) type_error(e, "division by zero");
                if (x == std::numeric_limits<std::int64_t>::min() && y == -1) type_error(e, "integer overflow");
                return Value::integer(x / y);
            case BOp::kMod:
                if (y == 0) type_error(e, "division by zero");
                if (y == -1) return Value::integer(0);
                return Value::integer(x % y);
            default: break;
        }
    }
    double x = a.as_number(), y = b.as_number();
    switch (op) {
        case BOp::kAdd: return Value::real(x + y);
        case BOp::kSub: return Value::real(x - y);
        case BOp::kMul: return Value::real(x * y);
        case BOp::kDiv: return Value::real(x / y);
        case BOp::kMod: return Value::real(std::fmod(x, y));
        default: return Value();
    }
}

const re2::RE2& regex_for(const BExpr& e, std::string_view pattern, EvalContext& ctx) {
    if (e.regex) return *e.regex;
    std::string key(pattern);
    auto it = ctx.regex_cache.find(key);
    if (it == ctx.regex_cache.end()) {
        RE2::Options opts;
        opts.set_log_errors(false);
        auto re = std::make_shared<const RE2>(key, opts);
        if (!re->ok()) type_error(e.args[1], "invalid regular expression: " + re->error());
        it = ctx.regex_cache.emplace(std::move(key), std::move(re)).first;
    }
    return *it->second;
}

Value comprehension(const BExpr& e, Row& row, EvalContext& ctx) {
    Value list = eval(e.args[0], row, ctx);
    if (list.is_null()) return Value();
    if (list.kind() != K::kList) type_error(e.args[0], "expected a list, got " + a_kind(list.kind()));
    Value saved = std::move(row[e.slot]);
    Value::List out;
    std::size_t trues = 0;
    bool unknown = false;
    Value result;
    bool decided = false;
    for (const Value& x : list.as_list()) {
        row[e.slot] = x;
        Tri t = e.args[1].present ? as_tri(eval(e.args[1], row, ctx), e.args[1]) : Tri::kTrue;
        if (e.op == BOp::kListComp) {
            if (t == Tri::kTrue) out.push_back(e.args[2].present ? eval(e.args[2], row, ctx) : x);
            continue;
        }
        if (t == Tri::kNull) unknown = true;
        if (t == Tri::kTrue) ++trues;
        if (e.op == BOp::kAll && t == Tri::kFalse) { result = Value::boolean(false); decided = true; break; }
        if (e.op == BOp::kAny && t == Tri::kTrue) { result = Value::boolean(true); decided = true; break; }
        if (e.op == BOp::kNone && t == Tri::kTrue) { result = Value::boolean(false); decided = true; break; }
        if (e.op == BOp::kSingle && trues > 1) { result = Value::boolean(false); decided = true; break; }
    }
    row[e.slot] = std::move(saved);
    if (e.op == BOp::kListComp) return Value::list(std::move(out));
    if (decided) return result;
    if (unknown) return Value();
    switch (e.op) {
        case BOp::kAll: return Value::boolean(true);
        case BOp::kAny: return Value::boolean(false);
        case BOp::kNone: return Value::boolean(true);
        default: return Value::boolean(trues == 1);
    }
}

Value index_value(const Value& c, const Value& i, const BExpr& e, EvalContext& ctx) {
    if (c.is_null() || i.is_null()) return Value();
    switch (c.kind()) {
        case K::kList: {
            if (i.kind() != K::kInt) type_error(e, "a list index must be an integer");
            const auto& l = c.as_list();
            std::int64_t n = static_cast<std::int64_t>(l.size()), k = i.as_int();
            if (k < 0) k += n;
            if (k < 0 || k >= n) return Value();
            return l[static_cast<std::size_t>(k)];
        }
        case K::kMap: {
            if (i.kind() != K::kString) type_error(e, "a map key must be a string");
            for (const auto& [key, v] : c.as_map())
                if (key == i.as_string()) return v;
            return Value();
        }
        case K::kNode:
            if (i.kind() != K::kString) type_error(e, "a property name must be a string");
            return node_property(ctx.g, c.as_node(), node_key(i.as_string()));
        case K::kRelationship: {
            if (i.kind() != K::kString) type_error(e, "a property name must be a string");
            std::string name(i.as_string());
            return rel_property(ctx.g, c.as_relationship(), rel_key(name), name);
        }
        default: type_error(e, "cannot index " + a_kind(c.kind()));
    }
}

}  // namespace

Tri eval_predicate(const BExpr& e, Row& row, EvalContext& ctx) { return as_tri(eval(e, row, ctx), e); }

Value eval(const BExpr& e, Row& row, EvalContext& ctx) {
    switch (e.op) {
        case BOp::kConst: return e.constant;
        case BOp::kParam: {
            auto it = ctx.params.find(e.key);
            if (it == ctx.params.end()) type_error(e, "missing parameter $" + e.key);  // checked before the run
            return it->second;
        }
        case BOp::kSlot: return row[e.slot];
        case BOp::kPropertiesMatch: {
            Value obj = eval(e.args[0], row, ctx);
            Value m = eval(e.args[1], row, ctx);
            if (obj.is_null()) return Value();
            if (m.kind() != K::kMap) type_error(e.args[1], "a property map parameter must be a map, got " + a_kind(m.kind()));
            bool unknown = false;
            for (const auto& [k, want] : m.as_map()) {
                Value have;
                if (obj.kind() == K::kNode) {
                    NodeKey nk = node_key(k);
                    if (nk == NodeKey::kUnknown)
                        type_error(e.args[1], "unknown node property '" + k + "'; nodes have id, name, type, aliases, country");
                    have = node_property(ctx.g, obj.as_node(), nk);
                } else {
                    have = rel_property(ctx.g, obj.as_relationship(), rel_key(k), k);
                }
                Tri t = cypher_equals(have, want);
                if (t == Tri::kFalse) return Value::boolean(false);
                if (t == Tri::kNull) unknown = true;
            }
            return unknown ? Value() : Value::boolean(true);
        }
        case BOp::kProperty: {
            Value obj = eval(e.args[0], row, ctx);
            switch (obj.kind()) {
                case K::kNull: return Value();
                case K::kNode: return node_property(ctx.g, obj.as_node(), e.node_key);
                case K::kRelationship: return rel_property(ctx.g, obj.as_relationship(), e.rel_key, e.key);
                case K::kMap:
                    for (const auto& [k, v] : obj.as_map())
                        if (k == e.key) return v;
                    return Value();
                default: type_error(e, "cannot read property '" + e.key + "' of " + a_kind(obj.kind()));
            }
        }
        case BOp::kIndex: return index_value(eval(e.args[0], row, ctx), eval(e.args[1], row, ctx), e, ctx);
        case BOp::kSlice: {
            Value c = eval(e.args[0], row, ctx);
            if (c.is_null()) return Value();
            if (c.kind() != K::kList) type_error(e, "cannot slice " + a_kind(c.kind()));
            const auto& l = c.as_list();
            std::int64_t n = static_cast<std::int64_t>(l.size());
            auto bound = [&](const BExpr& b, std::int64_t dflt) -> std::optional<std::int64_t> {
                if (!b.present) return dflt;
                Value v = eval(b, row, ctx);
                if (v.is_null()) return std::nullopt;
                if (v.kind() != K::kInt) type_error(b, "a slice bound must be an integer");
                std::int64_t k = v.as_int();
                if (k < 0) k += n;
                return std::clamp<std::int64_t>(k, 0, n);
            };
            auto from = bound(e.args[1], 0), to = bound(e.args[2], n);
            if (!from || !to) return Value();
            Value::List out;
            for (std::int64_t k = *from; k < *to; ++k) out.push_back(l[static_cast<std::size_t>(k)]);
            return Value::list(std::move(out));
        }
        case BOp::kFunc: {
            Value args[8];
            std::vector<Value> many;
            Value* a = args;
            if (e.args.size() > 8) {
                many.resize(e.args.size());
                a = many.data();
            }
            for (std::size_t i = 0; i < e.args.size(); ++i) a[i] = eval(e.args[i], row, ctx);
            return e.fn->call(a, e.args.size(), ctx, e);
        }
        case BOp::kAnd: {
            Tri l = eval_predicate(e.args[0], row, ctx);
            if (l == Tri::kFalse) return Value::boolean(false);
            Tri r = eval_predicate(e.args[1], row, ctx);
            if (r == Tri::kFalse) return Value::boolean(false);
            return to_value(l == Tri::kTrue && r == Tri::kTrue ? Tri::kTrue : Tri::kNull);
        }
        case BOp::kOr: {
            Tri l = eval_predicate(e.args[0], row, ctx);
            if (l == Tri::kTrue) return Value::boolean(true);
            Tri r = eval_predicate(e.args[1], row, ctx);
            if (r == Tri::kTrue) return Value::boolean(true);
            return to_value(l == Tri::kFalse && r == Tri::kFalse ? Tri::kFalse : Tri::kNull);
        }
        case BOp::kXor: {
            Tri l = eval_predicate(e.args[0], row, ctx);
            Tri r = eval_predicate(e.args[1], row, ctx);
            if (l == Tri::kNull || r == Tri::kNull) return Value();
            return Value::boolean(l != r);
        }
        case BOp::kNot: {
            Tri x = eval_predicate(e.args[0], row, ctx);
            return x == Tri::kNull ? Value() : Value::boolean(x == Tri::kFalse);
        }
        case BOp::kEq: return to_value(cypher_equals(eval(e.args[0], row, ctx), eval(e.args[1], row, ctx)));
        case BOp::kNe: {
            Tri t = cypher_equals(eval(e.args[0], row, ctx), eval(e.args[1], row, ctx));
            return t == Tri::kNull ? Value() : Value::boolean(t == Tri::kFalse);
        }
        case BOp::kLt:
        case BOp::kLe:
        case BOp::kGt:
        case BOp::kGe: {
            auto c = cypher_compare(eval(e.args[0], row, ctx), eval(e.args[1], row, ctx));
            if (!c) return Value();
            bool r = e.op == BOp::kLt ? *c < 0 : e.op == BOp::kLe ? *c <= 0 : e.op == BOp::kGt ? *c > 0 : *c >= 0;
            return Value::boolean(r);
        }
        case BOp::kRegex: {
            Value s = eval(e.args[0], row, ctx);
            Value p = e.regex ? Value() : eval(e.args[1], row, ctx);
            if (s.is_null() || (!e.regex && p.is_null())) return Value();
            if (s.kind() != K::kString || (!e.regex && p.kind() != K::kString)) return Value();
            const re2::RE2& re = regex_for(e, e.regex ? std::string_view() : p.as_string(), ctx);
            std::string_view text = s.as_string();
            return Value::boolean(RE2::FullMatch(re2::StringPiece(text.data(), text.size()), re));
        }
        case BOp::kStartsWith:
        case BOp::kEndsWith:
        case BOp::kContains: {
            Value a = eval(e.args[0], row, ctx), b = eval(e.args[1], row, ctx);
            if (a.kind() != K::kString || b.kind() != K::kString) return Value();
            std::string_view x = a.as_string(), y = b.as_string();
            if (e.op == BOp::kStartsWith) return Value::boolean(x.substr(0, y.size()) == y);
            if (e.op == BOp::kEndsWith) return Value::boolean(x.size() >= y.size() && x.substr(x.size() - y.size()) == y);
            return Value::boolean(x.find(y) != std::string_view::npos);
        }
        case BOp::kIn: {
            Value x = eval(e.args[0], row, ctx);
            Value l = eval(e.args[1], row, ctx);
            if (l.is_null()) return Value();
            if (l.kind() != K::kList) type_error(e.args[1], "IN expects a list, got " + a_kind(l.kind()));
            bool unknown = false;
            for (const Value& y : l.as_list()) {
                Tri t = cypher_equals(x, y);
                if (t == Tri::kTrue) return Value::boolean(true);
                if (t == Tri::kNull) unknown = true;
            }
            return unknown ? Value() : Value::boolean(false);
        }
        case BOp::kAdd:
        case BOp::kSub:
        case BOp::kMul:
        case BOp::kDiv:
        case BOp::kMod:
        case BOp::kPow: return arithmetic(e.op, eval(e.args[0], row, ctx), eval(e.args[1], row, ctx), e);
        case BOp::kNeg: {
            Value x = eval(e.args[0], row, ctx);
            if (x.is_null()) return Value();
            if (x.kind() == K::kInt) {
                if (x.as_int() == std::numeric_limits<std::int64_t>::min()) type_error(e, "integer overflow");
                return Value::integer(-x.as_int());
            }
            if (x.kind() == K::kDouble) return Value::real(-x.as_double());
            type_error(e, "cannot negate " + a_kind(x.kind()));
        }
        case BOp::kIsNull: return Value::boolean(eval(e.args[0], row, ctx).is_null());
        case BOp::kIsNotNull: return Value::boolean(!eval(e.args[0], row, ctx).is_null());
        case BOp::kList: {
            Value::List out;
            out.reserve(e.args.size());
            for (const BExpr& a : e.args) out.push_back(eval(a, row, ctx));
            return Value::list(std::move(out));
        }
        case BOp::kMap: {
            Value::Map out;
            for (std::size_t i = 0; i < e.args.size(); ++i) out.emplace_back(e.keys[i], eval(e.args[i], row, ctx));
            return Value::map(std::move(out));
        }
        case BOp::kCase: {
            std::size_t i = 0;
            Value subject;
            if (e.has_subject) subject = eval(e.args[i++], row, ctx);
            std::size_t end = e.args.size() - (e.has_else ? 1 : 0);
            for (; i + 1 < end; i += 2) {
                bool hit = e.has_subject ? cypher_equals(subject, eval(e.args[i], row, ctx)) == Tri::kTrue
                                         : eval_predicate(e.args[i], row, ctx) == Tri::kTrue;
                if (hit) return eval(e.args[i + 1], row, ctx);
            }
            return e.has_else ? eval(e.args.back(), row, ctx) : Value();
        }
        case BOp::kListComp:
        case BOp::kAll:
        case BOp::kAny:
        case BOp::kNone:
        case BOp::kSingle: return comprehension(e, row, ctx);
        case BOp::kHasLabels: {
            Value x = eval(e.args[0], row, ctx);
            if (x.is_null()) return Value();
            if (x.kind() != K::kNode) type_error(e, "labels can only be tested on nodes");
            return Value::boolean((e.label_mask >> static_cast<int>(ctx.g.entity_type(x.as_node()))) & 1u);
        }
    }
    return Value();
}

}  // namespace kgmill::query
