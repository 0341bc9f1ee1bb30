// S-expression dump of the AST (tests, and the canonical form that lets ORDER BY refer to a
// projected expression by writing it again). Recursion is bounded by the parser's depth checks.
#include <sstream>

#include "query/parser/ast.hpp"

namespace kgmill::query::ast {

const char* op_name(Op op) {
    switch (op) {
        case Op::kNone: return "?";
        case Op::kOr: return "or";
        case Op::kXor: return "xor";
        case Op::kAnd: return "and";
        case Op::kNot: return "not";
        case Op::kEq: return "=";
        case Op::kNe: return "<>";
        case Op::kLt: return "<";
        case Op::kLe: return "<=";
        case Op::kGt: return ">";
        case Op::kGe: return ">=";
        case Op::kRegex: return "=~";
        case Op::kStartsWith: return "starts-with";
        case Op::kEndsWith: return "ends-with";
        case Op::kContains: return "contains";
        case Op::kIn: return "in";
        case Op::kAdd: return "+";
        case Op::kSub: return "-";
        case Op::kMul: return "*";
        case Op::kDiv: return "/";
        case Op::kMod: return "%";
        case Op::kPow: return "^";
        case Op::kNeg: return "neg";
        case Op::kPlus: return "pos";
    }
    return "?";
}

namespace {

std::string quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string literal(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::kNull: return "null";
        case Value::Kind::kBool: return v.as_bool() ? "true" : "false";
        case Value::Kind::kInt: return std::to_string(v.as_int());
        case Value::Kind::kDouble: {
            std::ostringstream o;
            o << v.as_double();
            std::string s = o.str();
            if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
            return s;
        }
        case Value::Kind::kString: return quote(v.as_string());
        default: return "?";
    }
}

void dump_expr(std::ostringstream& o, const Expr* e) {
    if (!e) {
        o << "_";
        return;
    }
    switch (e->kind) {
        case ExprKind::kLiteral: o << literal(e->literal); return;
        case ExprKind::kParam: o << '$' << e->name; return;
        case ExprKind::kVariable: o << e->name; return;
        case ExprKind::kProperty: o << "(. "; dump_expr(o, e->args[0].get()); o << ' ' << e->name << ')'; return;
        case ExprKind::kIndex: o << "(index "; dump_expr(o, e->args[0].get()); o << ' '; dump_expr(o, e->args[1].get()); o << ')'; return;
        case ExprKind::kSlice:
            o << "(slice ";
            dump_expr(o, e->args[0].get());
            o << ' ';
            dump_expr(o, e->args[1].get());
            o << ' ';
            dump_expr(o, e->args[2].get());
            o << ')';
            return;
        case ExprKind::kCall: {
            std::string name = e->name;
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            o << '(' << name << (e->distinct ? " distinct" : "");
            for (const auto& a : e->args) {
                o << ' ';
                dump_expr(o, a.get());
            }
            o << ')';
            return;
        }
        case ExprKind::kCountStar: o << "(count *)"; return;
        case ExprKind::kUnary: o << '(' << op_name(e->op) << ' '; dump_expr(o, e->args[0].get()); o << ')'; return;
        case ExprKind::kBinary:
            o << '(' << op_name(e->op) << ' ';
            dump_expr(o, e->args[0].get());
            o << ' ';
            dump_expr(o, e->args[1].get());
            o << ')';
            return;
        case ExprKind::kList:
            o << "(list";
            for (const auto& a : e->args) {
                o << ' ';
                dump_expr(o, a.get());
            }
            o << ')';
            return;
        case ExprKind::kMap:
            o << "(map";
            for (std::size_t i = 0; i < e->args.size(); ++i) {
                o << ' ' << e->keys[i] << ' ';
                dump_expr(o, e->args[i].get());
            }
            o << ')';
            return;
        case ExprKind::kCase:
            o << "(case" << (e->has_subject ? " subject" : "") << (e->has_else ? " else" : "");
            for (const auto& a : e->args) {
                o << ' ';
                dump_expr(o, a.get());
            }
            o << ')';
            return;
        case ExprKind::kListComp:
            o << "(list-comp " << e->var << ' ';
            for (std::size_t i = 0; i < 3; ++i) {
                if (i) o << ' ';
                dump_expr(o, e->args[i].get());
            }
            o << ')';
            return;
        case ExprKind::kQuantifier:
            o << '(' << e->name << ' ' << e->var << ' ';
            dump_expr(o, e->args[0].get());
            o << ' ';
            dump_expr(o, e->args[1].get());
            o << ')';
            return;
        case ExprKind::kHasLabels:
            o << "(labels ";
            dump_expr(o, e->args[0].get());
            for (const auto& l : e->labels) o << " :" << l;
            o << ')';
            return;
        case ExprKind::kIsNull: o << "(is-null "; dump_expr(o, e->args[0].get()); o << ')'; return;
        case ExprKind::kIsNotNull: o << "(is-not-null "; dump_expr(o, e->args[0].get()); o << ')'; return;
    }
}

void dump_labels(std::ostringstream& o, const LabelExpr& labels) {
    for (const auto& alts : labels) {
        o << " :";
        for (std::size_t i = 0; i < alts.size(); ++i) o << (i ? "|" : "") << alts[i].name;
    }
}

void dump_part(std::ostringstream& o, const PatternPart& p) {
    o << "(pattern";
    if (!p.path_var.empty()) o << " " << p.path_var << " =";
    if (p.shortest == Shortest::kShortest) o << " shortest";
    if (p.shortest == Shortest::kAll) o << " all-shortest";
    for (std::size_t i = 0; i < p.nodes.size(); ++i) {
        const NodePattern& n = p.nodes[i];
        o << " (node" << (n.var.empty() ? "" : " " + n.var);
        dump_labels(o, n.labels);
        if (n.properties) {
            o << ' ';
            dump_expr(o, n.properties.get());
        }
        o << ')';
        if (i < p.rels.size()) {
            const RelPattern& r = p.rels[i];
            o << " (rel " << (r.dir == Direction::kOut ? "->" : r.dir == Direction::kIn ? "<-" : "--");
            if (!r.var.empty()) o << ' ' << r.var;
            for (std::size_t t = 0; t < r.types.size(); ++t) o << (t ? "|" : " :") << r.types[t].name;
            if (r.var_length) {
                o << " *" << (r.min_hops ? std::to_string(*r.min_hops) : "") << ".."
                  << (r.max_hops ? std::to_string(*r.max_hops) : "");
            }
            if (r.properties) {
                o << ' ';
                dump_expr(o, r.properties.get());
            }
            o << ')';
        }
    }
    o << ')';
}

void dump_projection(std::ostringstream& o, const Projection& p) {
    if (p.distinct) o << " distinct";
    if (p.star) o << " *";
    for (const auto& item : p.items) {
        o << " (item ";
        dump_expr(o, item.expr.get());
        if (item.has_alias) o << " as " << item.alias;
        o << ')';
    }
    if (!p.order_by.empty()) {
        o << " (order-by";
        for (const auto& s : p.order_by) {
            o << ' ';
            dump_expr(o, s.expr.get());
            if (s.descending) o << " desc";
        }
        o << ')';
    }
    if (p.skip) {
        o << " (skip ";
        dump_expr(o, p.skip.get());
        o << ')';
    }
    if (p.limit) {
        o << " (limit ";
        dump_expr(o, p.limit.get());
        o << ')';
    }
}

}  // namespace

std::string dump(const Expr& e) {
    std::ostringstream o;
    dump_expr(o, &e);
    return o.str();
}

std::string dump(const Query& q) {
    std::ostringstream o;
    o << "(query";
    if (q.explain) o << " explain";
    for (std::size_t i = 0; i < q.parts.size(); ++i) {
        if (i) o << (q.union_all[i - 1] ? " union-all" : " union");
        for (const Clause& c : q.parts[i].clauses) {
            switch (c.kind) {
                case ClauseKind::kMatch:
                    o << (c.optional ? " (optional-match" : " (match");
                    for (const auto& p : c.patterns) {
                        o << ' ';
                        dump_part(o, p);
                    }
                    break;
                case ClauseKind::kUnwind:
                    o << " (unwind ";
                    dump_expr(o, c.unwind_expr.get());
                    o << " as " << c.unwind_var;
                    break;
                case ClauseKind::kWith: o << " (with"; dump_projection(o, c.projection); break;
                case ClauseKind::kReturn: o << " (return"; dump_projection(o, c.projection); break;
            }
            if (c.where) {
                o << " (where ";
                dump_expr(o, c.where.get());
                o << ')';
            }
            o << ')';
        }
    }
    o << ')';
    return o.str();
}

}  // namespace kgmill::query::ast
