// Scalar functions and the aggregate names. Strings are measured and cut in Unicode code
// points (size('Hà Nội') = 6), case mapping uses ICU. Two kgmill extensions:
//   matchesName(n, text)  true when `text` names n the way `kgmill neighbors` resolves names
//                         (aliases, case, punctuation and diacritics ignored)
//   nameKey(text)         that matching key ("Hà Nội" → "hanoi")
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "kgmill/core/unicode.hpp"
#include "query/errors.hpp"
#include "query/exec/context.hpp"

namespace kgmill::query {

namespace {

using K = Value::Kind;

[[noreturn]] void bad_arg(const BExpr& at, const Value& v, const char* wanted) {
    throw RuntimeError(at.key + "() expects " + wanted + ", got " + a_kind(v.kind()), at.offset,
                       at.length);
}

// byte offsets of each code point start, plus the end
std::vector<std::size_t> cp_offsets(std::string_view s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
    out.push_back(s.size());
    return out;
}

std::string_view str_arg(const Value& v, const BExpr& at) {
    if (v.kind() != K::kString) bad_arg(at, v, "a string");
    return v.as_string();
}

std::int64_t int_arg(const Value& v, const BExpr& at) {
    if (v.kind() != K::kInt) bad_arg(at, v, "an integer");
    return v.as_int();
}

#define FN(name) Value name(const Value* a, std::size_t n, EvalContext& ctx, const BExpr& at)
#define UNUSED (void)n, (void)ctx, (void)at

FN(f_labels) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() != K::kNode) bad_arg(at, a[0], "a node");
    return Value::list({Value::borrowed(entity_type_name(ctx.g.entity_type(a[0].as_node())))});
}
FN(f_type) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() != K::kRelationship) bad_arg(at, a[0], "a relationship");
    return Value::borrowed(relation_type_name(ctx.g.relation_type(a[0].as_relationship())));
}
FN(f_id) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() == K::kNode) return Value::integer(a[0].as_node());
    if (a[0].kind() == K::kRelationship) return Value::integer(a[0].as_relationship());
    bad_arg(at, a[0], "a node or relationship");
}
FN(f_element_id) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() == K::kNode) return Value::borrowed(ctx.g.entity_id(a[0].as_node()));
    if (a[0].kind() == K::kRelationship) return Value::string("r" + std::to_string(a[0].as_relationship()));
    bad_arg(at, a[0], "a node or relationship");
}
FN(f_start_node) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() != K::kRelationship) bad_arg(at, a[0], "a relationship");
    return Value::node(ctx.g.relation_source(a[0].as_relationship()));
}
FN(f_end_node) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() != K::kRelationship) bad_arg(at, a[0], "a relationship");
    return Value::node(ctx.g.relation_target(a[0].as_relationship()));
}
FN(f_nodes) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() != K::kPath) bad_arg(at, a[0], "a path");
    Value::List out;
    for (VertexId v : a[0].as_path().nodes) out.push_back(Value::node(v));
    return Value::list(std::move(out));
}
FN(f_relationships) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() == K::kList) return a[0];  // a variable-length relationship list already is one
    if (a[0].kind() != K::kPath) bad_arg(at, a[0], "a path");
    Value::List out;
    for (std::uint32_t r : a[0].as_path().rels) out.push_back(Value::relationship(r));
    return Value::list(std::move(out));
}
FN(f_length) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() == K::kPath) return Value::integer(static_cast<std::int64_t>(a[0].as_path().rels.size()));
    if (a[0].kind() == K::kList) return Value::integer(static_cast<std::int64_t>(a[0].as_list().size()));
    if (a[0].kind() == K::kString) return Value::integer(static_cast<std::int64_t>(cp_offsets(a[0].as_string()).size() - 1));
    bad_arg(at, a[0], "a path");
}
FN(f_size) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() == K::kList) return Value::integer(static_cast<std::int64_t>(a[0].as_list().size()));
    if (a[0].kind() == K::kString) return Value::integer(static_cast<std::int64_t>(cp_offsets(a[0].as_string()).size() - 1));
    if (a[0].kind() == K::kMap) return Value::integer(static_cast<std::int64_t>(a[0].as_map().size()));
    bad_arg(at, a[0], "a list or a string");
}
FN(f_head) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() != K::kList) bad_arg(at, a[0], "a list");
    return a[0].as_list().empty() ? Value() : a[0].as_list().front();
}
FN(f_last) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() != K::kList) bad_arg(at, a[0], "a list");
    return a[0].as_list().empty() ? Value() : a[0].as_list().back();
}
FN(f_tail) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() != K::kList) bad_arg(at, a[0], "a list");
    const auto& l = a[0].as_list();
    return Value::list(l.empty() ? Value::List{} : Value::List(l.begin() + 1, l.end()));
}
FN(f_properties) {
    UNUSED;
    switch (a[0].kind()) {
        case K::kNull: return Value();
        case K::kNode: return node_properties(ctx.g, a[0].as_node());
        case K::kRelationship: return rel_properties(ctx.g, a[0].as_relationship());
        case K::kMap: return a[0];
        default: bad_arg(at, a[0], "a node, relationship or map");
    }
}
FN(f_keys) {
    Value m = f_properties(a, n, ctx, at);
    if (m.is_null()) return m;
    Value::List out;
    for (const auto& [k, v] : m.as_map()) {
        (void)v;
        out.push_back(Value::string(k));
    }
    return Value::list(std::move(out));
}
FN(f_coalesce) {
    UNUSED;
    for (std::size_t i = 0; i < n; ++i)
        if (!a[i].is_null()) return a[i];
    return Value();
}
FN(f_to_string) {
    UNUSED;
    switch (a[0].kind()) {
        case K::kNull: return Value();
        case K::kString: return a[0];
        case K::kInt: return Value::string(std::to_string(a[0].as_int()));
        case K::kDouble: return Value::string(format_double(a[0].as_double()));
        case K::kBool: return Value::string(a[0].as_bool() ? "true" : "false");
        default: bad_arg(at, a[0], "a number, boolean or string");
    }
}
FN(f_to_integer) {
    UNUSED;
    switch (a[0].kind()) {
        case K::kNull: return Value();
        case K::kInt: return a[0];
        case K::kDouble: {
            double d = a[0].as_double();
            if (std::isnan(d) || d >= 9.2e18 || d <= -9.2e18) return Value();
            return Value::integer(static_cast<std::int64_t>(d));
        }
        case K::kBool: return Value::integer(a[0].as_bool() ? 1 : 0);
        case K::kString: {
            std::string s(a[0].as_string());
            std::int64_t i = 0;
            auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
            if (ec == std::errc() && p == s.data() + s.size()) return Value::integer(i);
            char* end = nullptr;
            double d = std::strtod(s.c_str(), &end);
            if (s.empty() || end != s.c_str() + s.size() || std::isnan(d) || std::fabs(d) >= 9.2e18) return Value();
            return Value::integer(static_cast<std::int64_t>(d));
        }
        default: bad_arg(at, a[0], "a number, boolean or string");
    }
}
FN(f_to_float) {
    UNUSED;
    switch (a[0].kind()) {
        case K::kNull: return Value();
        case K::kInt: return Value::real(static_cast<double>(a[0].as_int()));
        case K::kDouble: return a[0];
        case K::kString: {
            std::string s(a[0].as_string());
            char* end = nullptr;
            double d = std::strtod(s.c_str(), &end);
            if (s.empty() || end != s.c_str() + s.size()) return Value();
            return Value::real(d);
        }
        default: bad_arg(at, a[0], "a number or string");
    }
}
FN(f_to_boolean) {
    UNUSED;
    switch (a[0].kind()) {
        case K::kNull: return Value();
        case K::kBool: return a[0];
        case K::kString: {
            std::string_view s = a[0].as_string();
            if (s == "true" || s == "TRUE" || s == "True") return Value::boolean(true);
            if (s == "false" || s == "FALSE" || s == "False") return Value::boolean(false);
            return Value();
        }
        case K::kInt: return Value::boolean(a[0].as_int() != 0);
        default: bad_arg(at, a[0], "a boolean, string or integer");
    }
}
Value case_map(const Value& v, const BExpr& at, bool upper) {
    if (v.is_null()) return Value();
    std::string_view s = str_arg(v, at);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (upper) u.toUpper(icu::Locale::getRoot());
    else u.toLower(icu::Locale::getRoot());
    std::string out;
    u.toUTF8String(out);
    return Value::string(std::move(out));
}
FN(f_to_lower) { UNUSED; return case_map(a[0], at, false); }
FN(f_to_upper) { UNUSED; return case_map(a[0], at, true); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
Value trim_impl(const Value& v, const BExpr& at, bool left, bool right) {
    if (v.is_null()) return Value();
    std::string_view s = str_arg(v, at);
    std::size_t b = 0, e = s.size();
    if (left)
        while (b < e && is_space(s[b])) ++b;
    if (right)
        while (e > b && is_space(s[e - 1])) --e;
    return Value::string(std::string(s.substr(b, e - b)));
}
FN(f_trim) { UNUSED; return trim_impl(a[0], at, true, true); }
FN(f_ltrim) { UNUSED; return trim_impl(a[0], at, true, false); }
FN(f_rtrim) { UNUSED; return trim_impl(a[0], at, false, true); }
FN(f_replace) {
    UNUSED;
    if (a[0].is_null() || a[1].is_null() || a[2].is_null()) return Value();
    std::string_view s = str_arg(a[0], at), from = str_arg(a[1], at), to = str_arg(a[2], at);
    if (from.empty()) return a[0];
    std::string out;
    std::size_t i = 0;
    while (true) {
        std::size_t j = s.find(from, i);
        if (j == std::string_view::npos) break;
        out.append(s.substr(i, j - i));
        out.append(to);
        i = j + from.size();
    }
    out.append(s.substr(i));
    return Value::string(std::move(out));
}
FN(f_substring) {
    UNUSED;
    if (a[0].is_null()) return Value();
    std::string_view s = str_arg(a[0], at);
    auto offs = cp_offsets(s);
    std::int64_t len_cp = static_cast<std::int64_t>(offs.size()) - 1;
    std::int64_t start = int_arg(a[1], at);
    if (start < 0) throw RuntimeError("substring() start must not be negative", at.offset, at.length);
    std::int64_t count = n > 2 ? int_arg(a[2], at) : len_cp;
    if (count < 0) throw RuntimeError("substring() length must not be negative", at.offset, at.length);
    std::int64_t b = std::min(start, len_cp), e = std::min(len_cp, b + std::min(count, len_cp));
    return Value::string(std::string(s.substr(offs[b], offs[e] - offs[b])));
}
FN(f_left) {
    UNUSED;
    if (a[0].is_null()) return Value();
    std::string_view s = str_arg(a[0], at);
    auto offs = cp_offsets(s);
    std::int64_t k = std::clamp<std::int64_t>(int_arg(a[1], at), 0, static_cast<std::int64_t>(offs.size()) - 1);
    return Value::string(std::string(s.substr(0, offs[k])));
}
FN(f_right) {
    UNUSED;
    if (a[0].is_null()) return Value();
    std::string_view s = str_arg(a[0], at);
    auto offs = cp_offsets(s);
    std::int64_t len_cp = static_cast<std::int64_t>(offs.size()) - 1;
    std::int64_t k = std::clamp<std::int64_t>(int_arg(a[1], at), 0, len_cp);
    return Value::string(std::string(s.substr(offs[len_cp - k])));
}
FN(f_split) {
    UNUSED;
    if (a[0].is_null() || a[1].is_null()) return Value();
    std::string_view s = str_arg(a[0], at), d = str_arg(a[1], at);
    Value::List out;
    if (d.empty()) {
        auto offs = cp_offsets(s);
        for (std::size_t i = 0; i + 1 < offs.size(); ++i) out.push_back(Value::string(std::string(s.substr(offs[i], offs[i + 1] - offs[i]))));
        return Value::list(std::move(out));
    }
    std::size_t i = 0;
    while (true) {
        std::size_t j = s.find(d, i);
        if (j == std::string_view::npos) break;
        out.push_back(Value::string(std::string(s.substr(i, j - i))));
        i = j + d.size();
    }
    out.push_back(Value::string(std::string(s.substr(i))));
    return Value::list(std::move(out));
}
FN(f_reverse) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (a[0].kind() == K::kList) {
        Value::List l = a[0].as_list();
        std::reverse(l.begin(), l.end());
        return Value::list(std::move(l));
    }
    std::string_view s = str_arg(a[0], at);
    auto offs = cp_offsets(s);
    std::string out;
    for (std::size_t i = offs.size() - 1; i > 0; --i) out.append(s.substr(offs[i - 1], offs[i] - offs[i - 1]));
    return Value::string(std::move(out));
}
Value math1(const Value& v, const BExpr& at, double (*f)(double)) {
    if (v.is_null()) return Value();
    if (!v.is_number()) bad_arg(at, v, "a number");
    return Value::real(f(v.as_number()));
}
FN(f_abs) {
    UNUSED;
    if (a[0].kind() == K::kInt) {
        if (a[0].as_int() == std::numeric_limits<std::int64_t>::min()) throw RuntimeError("integer overflow", at.offset, at.length);
        return Value::integer(a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int());
    }
    return math1(a[0], at, [](double d) { return std::fabs(d); });
}
FN(f_ceil) { UNUSED; return math1(a[0], at, [](double d) { return std::ceil(d); }); }
FN(f_floor) { UNUSED; return math1(a[0], at, [](double d) { return std::floor(d); }); }
FN(f_round) {
    UNUSED;
    if (n == 1) return math1(a[0], at, [](double d) { return std::floor(d + 0.5); });
    if (a[0].is_null() || a[1].is_null()) return Value();
    if (!a[0].is_number()) bad_arg(at, a[0], "a number");
    double scale = std::pow(10.0, static_cast<double>(int_arg(a[1], at)));
    return Value::real(std::floor(a[0].as_number() * scale + 0.5) / scale);
}
FN(f_sign) {
    UNUSED;
    if (a[0].is_null()) return Value();
    if (!a[0].is_number()) bad_arg(at, a[0], "a number");
    double d = a[0].as_number();
    return Value::integer(d > 0 ? 1 : d < 0 ? -1 : 0);
}
FN(f_sqrt) { UNUSED; return math1(a[0], at, [](double d) { return std::sqrt(d); }); }
FN(f_exp) { UNUSED; return math1(a[0], at, [](double d) { return std::exp(d); }); }
FN(f_log) { UNUSED; return math1(a[0], at, [](double d) { return std::log(d); }); }
FN(f_log10) { UNUSED; return math1(a[0], at, [](double d) { return std::log10(d); }); }
FN(f_range) {
    UNUSED;
    std::int64_t from = int_arg(a[0], at), to = int_arg(a[1], at), step = n > 2 ? int_arg(a[2], at) : 1;
    if (step == 0) throw RuntimeError("range() step must not be 0", at.offset, at.length);
    Value::List out;
    for (std::int64_t i = from; step > 0 ? i <= to : i >= to; i += step) {
        if (out.size() >= 10'000'000) throw RuntimeError("range() longer than 10 million", at.offset, at.length);
        out.push_back(Value::integer(i));
    }
    return Value::list(std::move(out));
}
FN(f_is_empty) {
    UNUSED;
    switch (a[0].kind()) {
        case K::kNull: return Value();
        case K::kList: return Value::boolean(a[0].as_list().empty());
        case K::kString: return Value::boolean(a[0].as_string().empty());
        case K::kMap: return Value::boolean(a[0].as_map().empty());
        default: bad_arg(at, a[0], "a list, string or map");
    }
}
FN(f_matches_name) {
    UNUSED;
    if (a[0].is_null() || a[1].is_null()) return Value();
    if (a[0].kind() != K::kNode) bad_arg(at, a[0], "a node");
    std::string_view text = str_arg(a[1], at);
    for (VertexId v : ctx.g.find_by_name(text))
        if (v == a[0].as_node()) return Value::boolean(true);
    return Value::boolean(false);
}
FN(f_name_key) {
    UNUSED;
    if (a[0].is_null()) return Value();
    return Value::string(match_key(str_arg(a[0], at)));
}

constexpr int kMany = 1 << 20;
const Function kFunctions[] = {
    {"labels", 1, 1, f_labels},
    {"type", 1, 1, f_type},
    {"id", 1, 1, f_id},
    {"elementid", 1, 1, f_element_id},
    {"startnode", 1, 1, f_start_node},
    {"endnode", 1, 1, f_end_node},
    {"nodes", 1, 1, f_nodes},
    {"relationships", 1, 1, f_relationships},
    {"rels", 1, 1, f_relationships},
    {"length", 1, 1, f_length},
    {"size", 1, 1, f_size},
    {"head", 1, 1, f_head},
    {"last", 1, 1, f_last},
    {"tail", 1, 1, f_tail},
    {"keys", 1, 1, f_keys},
    {"properties", 1, 1, f_properties},
    {"coalesce", 1, kMany, f_coalesce},
    {"tostring", 1, 1, f_to_string},
    {"tointeger", 1, 1, f_to_integer},
    {"tofloat", 1, 1, f_to_float},
    {"toboolean", 1, 1, f_to_boolean},
    {"tolower", 1, 1, f_to_lower},
    {"lower", 1, 1, f_to_lower},
    {"toupper", 1, 1, f_to_upper},
    {"upper", 1, 1, f_to_upper},
    {"trim", 1, 1, f_trim},
    {"ltrim", 1, 1, f_ltrim},
    {"rtrim", 1, 1, f_rtrim},
    {"replace", 3, 3, f_replace},
    {"substring", 2, 3, f_substring},
    {"left", 2, 2, f_left},
    {"right", 2, 2, f_right},
    {"split", 2, 2, f_split},
    {"reverse", 1, 1, f_reverse},
    {"abs", 1, 1, f_abs},
    {"ceil", 1, 1, f_ceil},
    {"floor", 1, 1, f_floor},
    {"round", 1, 2, f_round},
    {"sign", 1, 1, f_sign},
    {"sqrt", 1, 1, f_sqrt},
    {"exp", 1, 1, f_exp},
    {"log", 1, 1, f_log},
    {"log10", 1, 1, f_log10},
    {"range", 2, 3, f_range},
    {"isempty", 1, 1, f_is_empty},
    {"matchesname", 2, 2, f_matches_name},
    {"namekey", 1, 1, f_name_key},
};

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

const Function* find_function(std::string_view name) {
    std::string n = lower_ascii(name);
    for (const Function& f : kFunctions)
        if (n == f.name) return &f;
    return nullptr;
}

bool find_aggregate(std::string_view name, AggKind& kind) {
    std::string n = lower_ascii(name);
    if (n == "count") kind = AggKind::kCount;
    else if (n == "collect") kind = AggKind::kCollect;
    else if (n == "min") kind = AggKind::kMin;
    else if (n == "max") kind = AggKind::kMax;
    else if (n == "sum") kind = AggKind::kSum;
    else if (n == "avg") kind = AggKind::kAvg;
    else return false;
    return true;
}

}  // namespace kgmill::query
