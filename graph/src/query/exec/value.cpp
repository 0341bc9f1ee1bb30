// Value: construction, accessors and Cypher's comparison semantics.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include "query/exec/value_ops.hpp"

namespace kgmill::query {

Value Value::list(List items) { return Value(Rep(std::make_shared<const List>(std::move(items)))); }

Value Value::map(Map entries) {
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // a repeated key keeps its last value
    Map out;
    out.reserve(entries.size());
    for (auto& e : entries) {
        if (!out.empty() && out.back().first == e.first) out.back().second = std::move(e.second);
        else out.push_back(std::move(e));
    }
    return Value(Rep(std::make_shared<const Map>(std::move(out))));
}

Value Value::path(Path p) { return Value(Rep(std::make_shared<const Path>(std::move(p)))); }

Value::Kind Value::kind() const {
    static constexpr Kind kByIndex[] = {Kind::kNull, Kind::kBool,   Kind::kInt,  Kind::kDouble,       Kind::kString, Kind::kString,
                                        Kind::kList, Kind::kMap, Kind::kNode, Kind::kRelationship, Kind::kPath};
    return kByIndex[rep_.index()];
}

double Value::as_number() const { return rep_.index() == 2 ? static_cast<double>(std::get<2>(rep_)) : std::get<3>(rep_); }

std::string_view Value::as_string() const {
    if (rep_.index() == 4) return std::get<4>(rep_);
    return std::get<5>(rep_);
}

Value Value::owned() const {
    switch (rep_.index()) {
        case 5: return Value::string(std::string(std::get<5>(rep_)));
        case 6: {
            List items;
            for (const Value& v : as_list()) items.push_back(v.owned());
            return Value::list(std::move(items));
        }
        case 7: {
            Map m;
            for (const auto& [k, v] : as_map()) m.emplace_back(k, v.owned());
            return Value::map(std::move(m));
        }
        default: return *this;
    }
}

std::string_view kind_name(Value::Kind k) {
    switch (k) {
        case Value::Kind::kNull: return "null";
        case Value::Kind::kBool: return "bool";
        case Value::Kind::kInt: return "int";
        case Value::Kind::kDouble: return "float";
        case Value::Kind::kString: return "string";
        case Value::Kind::kList: return "list";
        case Value::Kind::kMap: return "map";
        case Value::Kind::kNode: return "node";
        case Value::Kind::kRelationship: return "relationship";
        case Value::Kind::kPath: return "path";
    }
    return "?";
}

std::string a_kind(Value::Kind k) {
    if (k == Value::Kind::kNull) return "null";
    std::string n(kind_name(k));
    return (k == Value::Kind::kInt ? "an " : "a ") + n;
}

namespace {

using K = Value::Kind;

int cmp_int(std::int64_t a, std::int64_t b) { return a < b ? -1 : a > b ? 1 : 0; }

// Numbers: ints exactly; an int and a float as doubles. NaN: not comparable (nullopt).
std::optional<int> cmp_number(const Value& a, const Value& b) {
    if (a.kind() == K::kInt && b.kind() == K::kInt) return cmp_int(a.as_int(), b.as_int());
    double x = a.as_number(), y = b.as_number();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return x < y ? -1 : x > y ? 1 : 0;
}

int cmp_string(std::string_view a, std::string_view b) {
    int c = a.compare(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int order_rank(K k) {
    switch (k) {
        case K::kMap: return 0;
        case K::kNode: return 1;
        case K::kRelationship: return 2;
        case K::kList: return 3;
        case K::kPath: return 4;
        case K::kString: return 5;
        case K::kBool: return 6;
        case K::kInt:
        case K::kDouble: return 7;
        case K::kNull: return 8;
    }
    return 9;
}

}  // namespace

Tri cypher_equals(const Value& a, const Value& b) {
    K ka = a.kind(), kb = b.kind();
    if (ka == K::kNull || kb == K::kNull) return Tri::kNull;
    if (a.is_number() && b.is_number()) {
        auto c = cmp_number(a, b);
        return c ? tri(*c == 0) : Tri::kFalse;
    }
    if (ka != kb) return Tri::kFalse;
    switch (ka) {
        case K::kBool: return tri(a.as_bool() == b.as_bool());
        case K::kString: return tri(a.as_string() == b.as_string());
        case K::kNode: return tri(a.as_node() == b.as_node());
        case K::kRelationship: return tri(a.as_relationship() == b.as_relationship());
        case K::kPath: return tri(a.as_path().nodes == b.as_path().nodes && a.as_path().rels == b.as_path().rels);
        case K::kList: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            if (x.size() != y.size()) return Tri::kFalse;
            bool unknown = false;
            for (std::size_t i = 0; i < x.size(); ++i) {
                Tri t = cypher_equals(x[i], y[i]);
                if (t == Tri::kFalse) return Tri::kFalse;
                if (t == Tri::kNull) unknown = true;
            }
            return unknown ? Tri::kNull : Tri::kTrue;
        }
        case K::kMap: {
            const auto& x = a.as_map();
            const auto& y = b.as_map();
            if (x.size() != y.size()) return Tri::kFalse;
            bool unknown = false;
            for (std::size_t i = 0; i < x.size(); ++i) {
                if (x[i].first != y[i].first) return Tri::kFalse;
                Tri t = cypher_equals(x[i].second, y[i].second);
                if (t == Tri::kFalse) return Tri::kFalse;
                if (t == Tri::kNull) unknown = true;
            }
            return unknown ? Tri::kNull : Tri::kTrue;
        }
        default: return Tri::kFalse;
    }
}

std::optional<int> cypher_compare(const Value& a, const Value& b) {
    K ka = a.kind(), kb = b.kind();
    if (ka == K::kNull || kb == K::kNull) return std::nullopt;
    if (a.is_number() && b.is_number()) return cmp_number(a, b);
    if (ka != kb) return std::nullopt;
    switch (ka) {
        case K::kString: return cmp_string(a.as_string(), b.as_string());
        case K::kBool: return cmp_int(a.as_bool(), b.as_bool());
        case K::kList: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
                auto c = cypher_compare(x[i], y[i]);
                if (!c) return std::nullopt;
                if (*c != 0) return c;
            }
            return cmp_int(static_cast<std::int64_t>(x.size()), static_cast<std::int64_t>(y.size()));
        }
        default: return std::nullopt;
    }
}

int order_compare(const Value& a, const Value& b) {
    K ka = a.kind(), kb = b.kind();
    int ra = order_rank(ka), rb = order_rank(kb);
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (ka) {
        case K::kNull: return 0;
        case K::kInt:
        case K::kDouble: {
            if (ka == K::kInt && kb == K::kInt) return cmp_int(a.as_int(), b.as_int());
            double x = a.as_number(), y = b.as_number();
            bool nx = std::isnan(x), ny = std::isnan(y);
            if (nx || ny) return nx == ny ? 0 : (nx ? 1 : -1);  // NaN sorts after every number
            if (x != y) return x < y ? -1 : 1;
            return cmp_int(ka == K::kInt ? 0 : 1, kb == K::kInt ? 0 : 1);  // 1 before 1.0, stable
        }
        case K::kBool: return cmp_int(a.as_bool(), b.as_bool());
        case K::kString: return cmp_string(a.as_string(), b.as_string());
        case K::kNode: return cmp_int(a.as_node(), b.as_node());
        case K::kRelationship: return cmp_int(a.as_relationship(), b.as_relationship());
        case K::kList: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
                if (int c = order_compare(x[i], y[i])) return c;
            return cmp_int(static_cast<std::int64_t>(x.size()), static_cast<std::int64_t>(y.size()));
        }
        case K::kMap: {
            const auto& x = a.as_map();
            const auto& y = b.as_map();
            for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
                if (int c = cmp_string(x[i].first, y[i].first)) return c;
                if (int c = order_compare(x[i].second, y[i].second)) return c;
            }
            return cmp_int(static_cast<std::int64_t>(x.size()), static_cast<std::int64_t>(y.size()));
        }
        case K::kPath: {
            const Path& x = a.as_path();
            const Path& y = b.as_path();
            if (x.nodes != y.nodes) return x.nodes < y.nodes ? -1 : 1;
            if (x.rels != y.rels) return x.rels < y.rels ? -1 : 1;
            return 0;
        }
    }
    return 0;
}

bool operator==(const Value& a, const Value& b) {
    K ka = a.kind(), kb = b.kind();
    if (ka == K::kNull || kb == K::kNull) return ka == kb;
    if (a.is_number() && b.is_number()) {
        double x = a.as_number(), y = b.as_number();
        if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
        if (ka == K::kInt && kb == K::kInt) return a.as_int() == b.as_int();
        return x == y;
    }
    if (ka != kb) return false;
    switch (ka) {
        case K::kList: {
            const auto& x = a.as_list();
            const auto& y = b.as_list();
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (!(x[i] == y[i])) return false;
            return true;
        }
        case K::kMap: {
            const auto& x = a.as_map();
            const auto& y = b.as_map();
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (x[i].first != y[i].first || !(x[i].second == y[i].second)) return false;
            return true;
        }
        default: return cypher_equals(a, b) == Tri::kTrue;
    }
}

std::size_t value_hash(const Value& v) {
    auto mix = [](std::size_t h, std::size_t x) { return (h ^ x) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL; };
    switch (v.kind()) {
        case K::kNull: return 0x51ed270b;
        case K::kBool: return v.as_bool() ? 0x2545F491 : 0x1f3d5b79;
        case K::kInt: return std::hash<std::int64_t>()(v.as_int());
        case K::kDouble: {
            double d = v.as_double();
            if (std::isnan(d)) return 0x7ff8;
            if (d >= -9.2e18 && d <= 9.2e18 && d == std::floor(d))
                return std::hash<std::int64_t>()(static_cast<std::int64_t>(d));  // 1.0 hashes like 1
            std::uint64_t bits;
            std::memcpy(&bits, &d, sizeof bits);
            return std::hash<std::uint64_t>()(bits);
        }
        case K::kString: return std::hash<std::string_view>()(v.as_string());
        case K::kNode: return mix(1, v.as_node());
        case K::kRelationship: return mix(2, v.as_relationship());
        case K::kList: {
            std::size_t h = 3;
            for (const Value& x : v.as_list()) h = mix(h, value_hash(x));
            return h;
        }
        case K::kMap: {
            std::size_t h = 4;
            for (const auto& [k, x] : v.as_map()) h = mix(mix(h, std::hash<std::string>()(k)), value_hash(x));
            return h;
        }
        case K::kPath: {
            std::size_t h = 5;
            for (auto n : v.as_path().nodes) h = mix(h, n);
            for (auto r : v.as_path().rels) h = mix(h, r);
            return h;
        }
    }
    return 0;
}

}  // namespace kgmill::query
