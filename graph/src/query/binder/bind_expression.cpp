// Expressions: variables to slots, property keys to enums, functions to table entries,
// aggregates to slots filled by the Aggregate operator, parameters to constants, constant
// regular expressions compiled once.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "query/binder/binder.hpp"
#include "query/errors.hpp"

namespace kgmill::query {

namespace {

BExpr at(BOp op, const ast::Expr& e) {
    BExpr b;
    b.op = op;
    b.offset = e.span.offset;
    b.length = e.span.length;
    return b;
}

BOp binary_op(ast::Op op) {
    switch (op) {
        case ast::Op::kOr: return BOp::kOr;
        case ast::Op::kXor: return BOp::kXor;
        case ast::Op::kAnd: return BOp::kAnd;
        case ast::Op::kEq: return BOp::kEq;
        case ast::Op::kNe: return BOp::kNe;
        case ast::Op::kLt: return BOp::kLt;
        case ast::Op::kLe: return BOp::kLe;
        case ast::Op::kGt: return BOp::kGt;
        case ast::Op::kGe: return BOp::kGe;
        case ast::Op::kRegex: return BOp::kRegex;
        case ast::Op::kStartsWith: return BOp::kStartsWith;
        case ast::Op::kEndsWith: return BOp::kEndsWith;
        case ast::Op::kContains: return BOp::kContains;
        case ast::Op::kIn: return BOp::kIn;
        case ast::Op::kAdd: return BOp::kAdd;
        case ast::Op::kSub: return BOp::kSub;
        case ast::Op::kMul: return BOp::kMul;
        case ast::Op::kDiv: return BOp::kDiv;
        case ast::Op::kMod: return BOp::kMod;
        case ast::Op::kPow: return BOp::kPow;
        default: return BOp::kConst;
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

const char* const kNodeKeys = "id, name, type, aliases, country";
const char* const kRelKeys =
    "type, date, role, field, count, status, weight, symmetric, doc, sentence, start, end, extractor, confidence";

}  // namespace

NodeKey node_key(std::string_view k) {
    if (k == "id") return NodeKey::kId;
    if (k == "name") return NodeKey::kName;
    if (k == "type") return NodeKey::kType;
    if (k == "aliases") return NodeKey::kAliases;
    if (k == "country") return NodeKey::kCountry;
    return NodeKey::kUnknown;
}

RelKey rel_key(std::string_view k) {
    static const std::pair<const char*, RelKey> kKeys[] = {
        {"type", RelKey::kType},     {"date", RelKey::kDate},           {"role", RelKey::kRole},
        {"field", RelKey::kField},   {"count", RelKey::kCount},         {"status", RelKey::kStatus},
        {"weight", RelKey::kWeight}, {"symmetric", RelKey::kSymmetric}, {"doc", RelKey::kDoc},
        {"sentence", RelKey::kSentence}, {"start", RelKey::kStart},     {"end", RelKey::kEnd},
        {"extractor", RelKey::kExtractor}, {"confidence", RelKey::kConfidence}};
    for (const auto& [name, key] : kKeys)
        if (k == name) return key;
    return RelKey::kUnknown;
}

VarType Binder::static_type(const ast::Expr& e) const {
    if (e.kind == ast::ExprKind::kVariable) {
        auto it = scope_.find(e.name);
        if (it != scope_.end()) return it->second.type;
    }
    if (e.kind == ast::ExprKind::kCall) {
        std::string n = lower(e.name);
        if (n == "startnode" || n == "endnode") return VarType::kNode;
    }
    return VarType::kAny;
}

BExpr Binder::bind_expr(const ast::Expr& e) {
    if (projected_ && e.kind != ast::ExprKind::kLiteral && e.kind != ast::ExprKind::kParam) {
        auto it = projected_->find(ast::dump(e));
        if (it != projected_->end()) {
            BExpr b = at(BOp::kSlot, e);
            b.slot = it->second.first;
            return b;
        }
    }
    switch (e.kind) {
        case ast::ExprKind::kLiteral: {
            BExpr b = at(BOp::kConst, e);
            b.constant = e.literal;
            return b;
        }
        case ast::ExprKind::kParam: {
            BExpr b = at(BOp::kParam, e);
            b.key = e.name;
            used_params_.push_back({e.name, e.span.offset, e.span.length});
            return b;
        }
        case ast::ExprKind::kVariable: {
            auto it = scope_.find(e.name);
            if (it == scope_.end()) {
                std::string msg = "unknown variable '" + e.name + "'";
                if (projected_) msg += " (after an aggregation or DISTINCT, ORDER BY sees only the projected columns)";
                throw BindError(msg, e.span.offset, e.span.length);
            }
            BExpr b = at(BOp::kSlot, e);
            b.slot = it->second.slot;
            return b;
        }
        case ast::ExprKind::kProperty: return bind_property(e);
        case ast::ExprKind::kIndex: {
            BExpr b = at(BOp::kIndex, e);
            b.args.push_back(bind_expr(*e.args[0]));
            b.args.push_back(bind_expr(*e.args[1]));
            return b;
        }
        case ast::ExprKind::kSlice: {
            BExpr b = at(BOp::kSlice, e);
            b.args.push_back(bind_expr(*e.args[0]));
            for (int i = 1; i <= 2; ++i) {
                if (e.args[i]) {
                    b.args.push_back(bind_expr(*e.args[i]));
                } else {
                    BExpr absent;
                    absent.present = false;
                    b.args.push_back(std::move(absent));
                }
            }
            return b;
        }
        case ast::ExprKind::kCall: return bind_call(e);
        case ast::ExprKind::kCountStar: return bind_aggregate(e, AggKind::kCountStar);
        case ast::ExprKind::kUnary: {
            BExpr x = bind_expr(*e.args[0]);
            if (e.op == ast::Op::kPlus) return x;
            BExpr b = at(e.op == ast::Op::kNot ? BOp::kNot : BOp::kNeg, e);
            b.args.push_back(std::move(x));
            return b;
        }
        case ast::ExprKind::kBinary: {
            BExpr b = at(binary_op(e.op), e);
            b.args.push_back(bind_expr(*e.args[0]));
            b.args.push_back(bind_expr(*e.args[1]));
            if (b.op == BOp::kRegex && b.args[1].is_const() && b.args[1].constant.kind() == Value::Kind::kString) {
                RE2::Options opts;
                opts.set_log_errors(false);
                auto re = std::make_shared<RE2>(std::string(b.args[1].constant.as_string()), opts);
                if (!re->ok())
                    throw BindError("invalid regular expression: " + re->error(), e.args[1]->span.offset,
                                    e.args[1]->span.length);
                b.regex = std::move(re);
            }
            return b;
        }
        case ast::ExprKind::kList: {
            BExpr b = at(BOp::kList, e);
            bool all_const = true;
            for (const auto& a : e.args) {
                b.args.push_back(bind_expr(*a));
                all_const = all_const && b.args.back().is_const();
            }
            if (all_const) {  // [1, 2, 'x'] is a constant: evaluate once
                Value::List items;
                for (BExpr& a : b.args) items.push_back(std::move(a.constant));
                BExpr c = at(BOp::kConst, e);
                c.constant = Value::list(std::move(items));
                return c;
            }
            return b;
        }
        case ast::ExprKind::kMap: {
            BExpr b = at(BOp::kMap, e);
            b.keys = e.keys;
            for (const auto& a : e.args) b.args.push_back(bind_expr(*a));
            return b;
        }
        case ast::ExprKind::kCase: {
            BExpr b = at(BOp::kCase, e);
            b.has_subject = e.has_subject;
            b.has_else = e.has_else;
            for (const auto& a : e.args) b.args.push_back(bind_expr(*a));
            return b;
        }
        case ast::ExprKind::kListComp:
        case ast::ExprKind::kQuantifier: return bind_comprehension(e);
        case ast::ExprKind::kHasLabels: {
            BExpr b = at(BOp::kHasLabels, e);
            b.args.push_back(bind_expr(*e.args[0]));
            b.label_mask = bind_label_names(e.labels, e.span);
            return b;
        }
        case ast::ExprKind::kIsNull:
        case ast::ExprKind::kIsNotNull: {
            BExpr b = at(e.kind == ast::ExprKind::kIsNull ? BOp::kIsNull : BOp::kIsNotNull, e);
            b.args.push_back(bind_expr(*e.args[0]));
            return b;
        }
    }
    throw BindError("unsupported expression", e.span.offset, e.span.length);
}

BExpr Binder::bind_property(const ast::Expr& e) {
    BExpr b = at(BOp::kProperty, e);
    b.key = e.name;
    b.node_key = node_key(e.name);
    b.rel_key = rel_key(e.name);
    if (b.rel_key == RelKey::kUnknown && schema_.extra_rel_keys.count(e.name)) b.rel_key = RelKey::kOther;
    VarType t = static_type(*e.args[0]);
    // the span of the key: after the object and the '.'
    std::size_t key_off = e.span.offset + e.span.length >= e.name.size() ? e.span.offset + e.span.length - e.name.size()
                                                                          : e.span.offset;
    if (t == VarType::kNode && b.node_key == NodeKey::kUnknown)
        throw BindError("unknown node property '" + e.name + "'; nodes have " + kNodeKeys, key_off, e.name.size());
    if (t == VarType::kRel && b.rel_key == RelKey::kUnknown)
        throw BindError("unknown relationship property '" + e.name + "'; relationships have " + kRelKeys, key_off,
                        e.name.size());
    if (t == VarType::kRelList)
        throw BindError("'" + e.args[0]->name + "' is a list of relationships (a variable-length pattern); use " +
                            "[x IN " + e.args[0]->name + " | x." + e.name + "]",
                        e.span.offset, e.span.length);
    if (t == VarType::kPath)
        throw BindError("'" + e.args[0]->name + "' is a path; use nodes(" + e.args[0]->name + ") or relationships(" +
                            e.args[0]->name + ")",
                        e.span.offset, e.span.length);
    b.args.push_back(bind_expr(*e.args[0]));
    return b;
}

BExpr Binder::bind_call(const ast::Expr& e) {
    AggKind kind;
    if (find_aggregate(e.name, kind)) return bind_aggregate(e, kind);
    const Function* fn = find_function(e.name);
    if (!fn) {
        std::string n = lower(e.name);
        if (n == "rand" || n == "randomuuid" || n == "timestamp" || n == "date" || n == "datetime" || n == "duration")
            throw BindError("function " + e.name + "() is not supported (dates are strings here: compare them as "
                            "strings, e.g. r.date STARTS WITH '2025')",
                            e.span.offset, e.name.size());
        if (n == "stdev" || n == "stdevp" || n == "percentilecont" || n == "percentiledisc")
            throw BindError("aggregate " + e.name + "() is not supported (count, collect, min, max, sum, avg are)",
                            e.span.offset, e.name.size());
        throw BindError("unknown function '" + e.name + "'", e.span.offset, e.name.size());
    }
    if (e.distinct) throw BindError("DISTINCT is only allowed in aggregate functions", e.span.offset, e.name.size());
    int n = static_cast<int>(e.args.size());
    if (n < fn->min_args || n > fn->max_args) {
        std::string want = fn->min_args == fn->max_args ? std::to_string(fn->min_args)
                                                        : std::to_string(fn->min_args) + " to " + std::to_string(fn->max_args);
        throw BindError(std::string(fn->name) + "() takes " + want + " argument" + (fn->max_args == 1 ? "" : "s") +
                            ", got " + std::to_string(n),
                        e.span.offset, e.span.length);
    }
    BExpr b = at(BOp::kFunc, e);
    b.fn = fn;
    b.key = fn->name;
    for (const auto& a : e.args) b.args.push_back(bind_expr(*a));
    return b;
}

BExpr Binder::bind_aggregate(const ast::Expr& e, AggKind kind) {
    if (!aggregates_)
        throw BindError("aggregate functions such as count() and collect() are only allowed in WITH and RETURN",
                        e.span.offset, e.span.length);
    if (in_aggregate_) throw BindError("aggregate functions cannot be nested", e.span.offset, e.span.length);
    AggSpec spec;
    spec.kind = kind;
    spec.distinct = e.distinct;
    if (kind == AggKind::kCountStar) {
        spec.arg.present = false;
    } else {
        if (e.args.size() != 1)
            throw BindError(lower(e.name) + "() takes 1 argument, got " + std::to_string(e.args.size()), e.span.offset,
                            e.span.length);
        in_aggregate_ = true;
        try {
            spec.arg = bind_expr(*e.args[0]);
        } catch (...) {
            in_aggregate_ = false;
            throw;
        }
        in_aggregate_ = false;
    }
    spec.slot = new_slot(ast::dump(e));
    BExpr b = at(BOp::kSlot, e);
    b.slot = spec.slot;
    aggregates_->push_back(std::move(spec));
    return b;
}

BExpr Binder::bind_comprehension(const ast::Expr& e) {
    BOp op = BOp::kListComp;
    if (e.kind == ast::ExprKind::kQuantifier) {
        op = e.name == "all" ? BOp::kAll : e.name == "any" ? BOp::kAny : e.name == "none" ? BOp::kNone : BOp::kSingle;
    }
    BExpr b = at(op, e);
    b.args.push_back(bind_expr(*e.args[0]));  // the list, in the outer scope
    Scope saved = scope_;
    const auto* saved_projected = projected_;
    projected_ = nullptr;
    b.slot = new_slot(e.var);
    scope_[e.var] = {b.slot, VarType::kAny};
    try {
        for (std::size_t i = 1; i < e.args.size(); ++i) {
            if (e.args[i]) {
                b.args.push_back(bind_expr(*e.args[i]));
            } else {
                BExpr absent;
                absent.present = false;
                b.args.push_back(std::move(absent));
            }
        }
    } catch (...) {
        scope_ = std::move(saved);
        projected_ = saved_projected;
        throw;
    }
    scope_ = std::move(saved);
    projected_ = saved_projected;
    return b;
}

}  // namespace kgmill::query
