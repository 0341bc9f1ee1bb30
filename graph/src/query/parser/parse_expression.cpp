// Expressions, lowest precedence first (openCypher 9):
//   OR < XOR < AND < NOT < comparison (= <> < <= > >= =~) < STARTS WITH / ENDS WITH / CONTAINS /
//   IN / IS [NOT] NULL < + - < * / % < ^ < unary + - < postfix (.key [i] [a..b] :Label) < atom.
// Recursion happens only through nesting (parentheses, lists, maps, calls, NOT, unary signs),
// each level counted by NestingGuard; left-deep chains (a OR b OR …) are built in loops and
// their tree depth is checked, so the later stages may recurse safely.
#include "query/errors.hpp"
#include "query/parser/parser.hpp"

namespace kgmill::query {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;
using ast::Op;

namespace {
ExprPtr make(ExprKind k, ast::Span span) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->span = span;
    return e;
}
}  // namespace

void Parser::check_depth(const Expr& e) const {
    if (e.depth > max_nesting_ * 10)
        throw ParseError("expression deeper than " + std::to_string(max_nesting_ * 10) + " levels", e.span.offset,
                         e.span.length);
}

ExprPtr Parser::make_binary(Op op, ExprPtr l, ExprPtr r, std::size_t start) {
    auto e = make(ExprKind::kBinary, span_from(start));
    e->op = op;
    e->depth = 1 + std::max(l->depth, r->depth);
    e->args.push_back(std::move(l));
    e->args.push_back(std::move(r));
    check_depth(*e);
    return e;
}

ExprPtr Parser::make_unary(Op op, ExprPtr x, std::size_t start) {
    auto e = make(ExprKind::kUnary, span_from(start));
    e->op = op;
    e->depth = 1 + x->depth;
    e->args.push_back(std::move(x));
    check_depth(*e);
    return e;
}

ExprPtr Parser::parse_expression() {
    NestingGuard guard(*this, peek().offset);
    return parse_or();
}

ExprPtr Parser::parse_standalone_expression() {
    ExprPtr e = parse_expression();
    if (peek().kind != TokenKind::kEnd) fail("expected end of expression");
    return e;
}

ExprPtr Parser::parse_or() {
    std::size_t start = peek().offset;
    ExprPtr l = parse_xor();
    while (accept_keyword("OR")) l = make_binary(Op::kOr, std::move(l), parse_xor(), start);
    return l;
}

ExprPtr Parser::parse_xor() {
    std::size_t start = peek().offset;
    ExprPtr l = parse_and();
    while (accept_keyword("XOR")) l = make_binary(Op::kXor, std::move(l), parse_and(), start);
    return l;
}

ExprPtr Parser::parse_and() {
    std::size_t start = peek().offset;
    ExprPtr l = parse_not();
    while (accept_keyword("AND")) l = make_binary(Op::kAnd, std::move(l), parse_not(), start);
    return l;
}

ExprPtr Parser::parse_not() {
    std::size_t start = peek().offset;
    if (at_keyword("NOT")) {
        NestingGuard guard(*this, start);
        next();
        ExprPtr x = parse_not();
        return make_unary(Op::kNot, std::move(x), start);
    }
    return parse_comparison();
}

ExprPtr Parser::parse_comparison() {
    std::size_t start = peek().offset;
    ExprPtr l = parse_predicates();
    bool chained = false;
    while (true) {
        Op op = Op::kNone;
        const Token& t = peek();
        if (t.kind == TokenKind::kSymbol) {
            if (t.text == "=") op = Op::kEq;
            else if (t.text == "<>" || t.text == "!=") op = Op::kNe;
            else if (t.text == "<") op = Op::kLt;
            else if (t.text == "<=") op = Op::kLe;
            else if (t.text == ">") op = Op::kGt;
            else if (t.text == ">=") op = Op::kGe;
            else if (t.text == "=~") op = Op::kRegex;
        }
        if (op == Op::kNone) return l;
        if (chained)
            fail_at(t, "chained comparisons (a < b < c) are not supported; write a < b AND b < c");
        next();
        l = make_binary(op, std::move(l), parse_predicates(), start);
        chained = true;
    }
}

ExprPtr Parser::parse_predicates() {
    std::size_t start = peek().offset;
    ExprPtr l = parse_additive();
    while (true) {
        if (at_keyword("STARTS") && at_keyword("WITH", 1)) {
            next();
            next();
            l = make_binary(Op::kStartsWith, std::move(l), parse_additive(), start);
        } else if (at_keyword("ENDS") && at_keyword("WITH", 1)) {
            next();
            next();
            l = make_binary(Op::kEndsWith, std::move(l), parse_additive(), start);
        } else if (at_keyword("CONTAINS")) {
            next();
            l = make_binary(Op::kContains, std::move(l), parse_additive(), start);
        } else if (at_keyword("IN")) {
            next();
            l = make_binary(Op::kIn, std::move(l), parse_additive(), start);
        } else if (at_keyword("IS")) {
            next();
            bool negated = accept_keyword("NOT");
            expect_keyword("NULL");
            auto e = make(negated ? ExprKind::kIsNotNull : ExprKind::kIsNull, span_from(start));
            e->depth = 1 + l->depth;
            e->args.push_back(std::move(l));
            check_depth(*e);
            l = std::move(e);
        } else {
            return l;
        }
    }
}

ExprPtr Parser::parse_additive() {
    std::size_t start = peek().offset;
    ExprPtr l = parse_multiplicative();
    while (true) {
        if (accept_symbol("+")) l = make_binary(Op::kAdd, std::move(l), parse_multiplicative(), start);
        else if (accept_symbol("-")) l = make_binary(Op::kSub, std::move(l), parse_multiplicative(), start);
        else return l;
    }
}

ExprPtr Parser::parse_multiplicative() {
    std::size_t start = peek().offset;
    ExprPtr l = parse_power();
    while (true) {
        if (accept_symbol("*")) l = make_binary(Op::kMul, std::move(l), parse_power(), start);
        else if (accept_symbol("/")) l = make_binary(Op::kDiv, std::move(l), parse_power(), start);
        else if (accept_symbol("%")) l = make_binary(Op::kMod, std::move(l), parse_power(), start);
        else return l;
    }
}

ExprPtr Parser::parse_power() {
    std::size_t start = peek().offset;
    ExprPtr l = parse_unary();
    while (accept_symbol("^")) l = make_binary(Op::kPow, std::move(l), parse_unary(), start);
    return l;
}

ExprPtr Parser::parse_unary() {
    std::size_t start = peek().offset;
    if (at_symbol("-") || at_symbol("+")) {
        NestingGuard guard(*this, start);
        bool neg = at_symbol("-");
        next();
        // -123 is one literal (so that the smallest integer can be written).
        if (neg && peek().kind == TokenKind::kInteger && !at_symbol("^", 1) && !at_symbol(".", 1) && !at_symbol("[", 1)) {
            const Token& t = next();
            auto e = make(ExprKind::kLiteral, span_from(start));
            e->literal = Value::integer(-t.int_value);
            return e;
        }
        ExprPtr x = parse_unary();
        return make_unary(neg ? Op::kNeg : Op::kPlus, std::move(x), start);
    }
    return parse_postfix();
}

ExprPtr Parser::parse_postfix() {
    std::size_t start = peek().offset;
    ExprPtr e = parse_atom();
    while (true) {
        if (at_symbol(".")) {
            next();
            auto p = make(ExprKind::kProperty, {});
            p->name = expect_name("a property name after '.'");
            p->span = span_from(start);
            p->depth = 1 + e->depth;
            p->args.push_back(std::move(e));
            check_depth(*p);
            e = std::move(p);
        } else if (at_symbol("[")) {
            NestingGuard guard(*this, peek().offset);
            next();
            ExprPtr from, to;
            bool slice = false;
            if (!at_symbol("..")) from = parse_expression();
            if (accept_symbol("..")) {
                slice = true;
                if (!at_symbol("]")) to = parse_expression();
            }
            expect_symbol("]");
            if (!slice && !from) fail("expected an index");
            auto x = make(slice ? ExprKind::kSlice : ExprKind::kIndex, span_from(start));
            int d = e->depth;
            if (from) d = std::max(d, from->depth);
            if (to) d = std::max(d, to->depth);
            x->depth = 1 + d;
            x->args.push_back(std::move(e));
            x->args.push_back(std::move(from));
            if (slice) x->args.push_back(std::move(to));
            check_depth(*x);
            e = std::move(x);
        } else if (at_symbol(":") && (peek(1).kind == TokenKind::kIdent || peek(1).kind == TokenKind::kQuotedIdent)) {
            auto x = make(ExprKind::kHasLabels, {});
            while (accept_symbol(":")) x->labels.push_back(expect_name("a label after ':'"));
            x->span = span_from(start);
            x->depth = 1 + e->depth;
            x->args.push_back(std::move(e));
            e = std::move(x);
        } else {
            return e;
        }
    }
}

bool Parser::looks_like_pattern_after_paren() const {
    // '(' [name] [':' label ...] [{...}] ')' followed by '-' ('-' | '[' | '>') or '<' '-'
    if (!at_symbol("(")) return false;
    std::size_t i = 1;
    int depth = 1;
    for (; i < 64 && depth > 0; ++i) {
        const Token& t = peek(i);
        if (t.kind == TokenKind::kEnd) return false;
        if (t.kind == TokenKind::kSymbol && (t.text == "(" || t.text == "{" || t.text == "[")) ++depth;
        if (t.kind == TokenKind::kSymbol && (t.text == ")" || t.text == "}" || t.text == "]")) --depth;
    }
    if (depth != 0) return false;
    if (at_symbol("<", i) && at_symbol("-", i + 1)) return true;
    return at_symbol("-", i) && (at_symbol("-", i + 1) || at_symbol("[", i + 1) || at_symbol(">", i + 1));
}

ExprPtr Parser::parse_atom() {
    const Token& t = peek();
    std::size_t start = t.offset;
    switch (t.kind) {
        case TokenKind::kInteger: {
            next();
            auto e = make(ExprKind::kLiteral, span_from(start));
            e->literal = Value::integer(t.int_value);
            return e;
        }
        case TokenKind::kFloat: {
            next();
            auto e = make(ExprKind::kLiteral, span_from(start));
            e->literal = Value::real(t.float_value);
            return e;
        }
        case TokenKind::kString: {
            next();
            auto e = make(ExprKind::kLiteral, span_from(start));
            e->literal = Value::string(t.value);
            return e;
        }
        case TokenKind::kParam: {
            next();
            auto e = make(ExprKind::kParam, span_from(start));
            e->name = t.value;
            return e;
        }
        case TokenKind::kQuotedIdent: {
            next();
            auto e = make(ExprKind::kVariable, span_from(start));
            e->name = t.value;
            return e;
        }
        case TokenKind::kEnd: fail("expected an expression");
        case TokenKind::kSymbol: {
            if (t.text == "(") {
                if (looks_like_pattern_after_paren())
                    fail("pattern expressions such as (a)-[:T]->(b) inside expressions are not supported; "
                         "use OPTIONAL MATCH, or MATCH with WITH and count()");
                NestingGuard guard(*this, start);
                next();
                ExprPtr e = parse_expression();
                expect_symbol(")");
                e->span = span_from(start);
                return e;
            }
            if (t.text == "[") return parse_list_or_comprehension();
            if (t.text == "{") return parse_map_literal();
            fail("expected an expression");
        }
        case TokenKind::kIdent: break;
    }
    // identifiers and keywords; clause keywords are not variables (write `match` in backticks)
    static const char* const kReserved[] = {"MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "BY",
                                            "SKIP", "LIMIT", "UNION", "AND", "OR", "XOR", "AS", "DISTINCT", "WHEN",
                                            "THEN", "ELSE", "END", "IN", "IS", "CONTAINS", "STARTS", "ENDS",
                                            "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "FOREACH"};
    for (const char* kw : kReserved)
        if (iequals(t.text, kw) && !at_symbol("(", 1)) fail("expected an expression");
    if (iequals(t.text, "true") || iequals(t.text, "false")) {
        next();
        auto e = make(ExprKind::kLiteral, span_from(start));
        e->literal = Value::boolean(iequals(t.text, "true"));
        return e;
    }
    if (iequals(t.text, "null")) {
        next();
        return make(ExprKind::kLiteral, span_from(start));
    }
    if (iequals(t.text, "CASE")) return parse_case();
    if ((iequals(t.text, "EXISTS") || iequals(t.text, "COUNT") || iequals(t.text, "COLLECT")) && at_symbol("{", 1))
        fail(std::string(t.text) + " { ... } subqueries are not supported");
    if (iequals(t.text, "EXISTS") && at_symbol("(", 1)) {
        // exists(n.prop) is the old spelling of IS NOT NULL; exists((a)-->(b)) is a pattern.
        next();
        if (looks_like_pattern_after_paren())
            fail("pattern expressions such as exists((a)-->(b)) are not supported; use OPTIONAL MATCH");
        NestingGuard guard(*this, start);
        next();
        ExprPtr x = parse_expression();
        expect_symbol(")");
        auto e = make(ExprKind::kIsNotNull, span_from(start));
        e->depth = 1 + x->depth;
        e->args.push_back(std::move(x));
        return e;
    }
    if ((iequals(t.text, "all") || iequals(t.text, "any") || iequals(t.text, "none") || iequals(t.text, "single")) &&
        at_symbol("(", 1) && (peek(2).kind == TokenKind::kIdent || peek(2).kind == TokenKind::kQuotedIdent) &&
        at_keyword("IN", 3)) {
        NestingGuard guard(*this, start);
        std::string q = std::string(t.text);
        for (char& c : q) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        next();
        next();
        auto e = make(ExprKind::kQuantifier, {});
        e->name = q;
        e->var = peek().value;
        next();
        next();  // IN
        ExprPtr list = parse_expression();
        ExprPtr where;
        if (accept_keyword("WHERE")) where = parse_expression();
        else fail("expected WHERE in " + q + "(x IN list WHERE predicate)");
        expect_symbol(")");
        e->span = span_from(start);
        e->depth = 1 + std::max(list->depth, where->depth);
        e->args.push_back(std::move(list));
        e->args.push_back(std::move(where));
        return e;
    }
    if (iequals(t.text, "reduce") && at_symbol("(", 1)) fail("reduce() is not supported");
    if (at_symbol("(", 1)) {
        next();
        return parse_function_call(t, t.value);
    }
    {
        // namespaced functions (apoc.text.join, gds.*): name them in the error
        std::size_t k = 1;
        std::string full(t.text);
        while (at_symbol(".", k) && peek(k + 1).kind == TokenKind::kIdent) {
            full += '.';
            full += peek(k + 1).text;
            k += 2;
        }
        if (k > 1 && at_symbol("(", k)) fail("function " + full + "() is not supported");
    }
    next();
    auto e = make(ExprKind::kVariable, span_from(start));
    e->name = t.value;
    return e;
}

ExprPtr Parser::parse_function_call(const Token& name_token, std::string name) {
    std::size_t start = name_token.offset;
    NestingGuard guard(*this, start);
    expect_symbol("(");
    if (iequals(name, "count") && at_symbol("*")) {
        next();
        expect_symbol(")");
        return make(ExprKind::kCountStar, span_from(start));
    }
    auto e = make(ExprKind::kCall, {});
    e->name = std::move(name);
    if (accept_keyword("DISTINCT")) e->distinct = true;
    int d = 0;
    if (!at_symbol(")")) {
        do {
            e->args.push_back(parse_expression());
            d = std::max(d, e->args.back()->depth);
        } while (accept_symbol(","));
    }
    expect_symbol(")");
    e->depth = 1 + d;
    e->span = span_from(start);
    return e;
}

ExprPtr Parser::parse_list_or_comprehension() {
    std::size_t start = peek().offset;
    NestingGuard guard(*this, start);
    expect_symbol("[");
    if ((peek().kind == TokenKind::kIdent || peek().kind == TokenKind::kQuotedIdent) && at_keyword("IN", 1)) {
        auto e = make(ExprKind::kListComp, {});
        e->var = peek().value;
        next();
        next();
        ExprPtr list = parse_expression();
        ExprPtr where, proj;
        if (accept_keyword("WHERE")) where = parse_expression();
        if (accept_symbol("|")) proj = parse_expression();
        expect_symbol("]");
        e->span = span_from(start);
        int d = list->depth;
        if (where) d = std::max(d, where->depth);
        if (proj) d = std::max(d, proj->depth);
        e->depth = 1 + d;
        e->args.push_back(std::move(list));
        e->args.push_back(std::move(where));
        e->args.push_back(std::move(proj));
        return e;
    }
    if (looks_like_pattern_after_paren()) fail("pattern comprehensions [(a)-->(b) | ...] are not supported");
    auto e = make(ExprKind::kList, {});
    int d = 0;
    if (!at_symbol("]")) {
        do {
            e->args.push_back(parse_expression());
            d = std::max(d, e->args.back()->depth);
        } while (accept_symbol(","));
    }
    expect_symbol("]");
    e->span = span_from(start);
    e->depth = 1 + d;
    return e;
}

ExprPtr Parser::parse_map_literal() {
    std::size_t start = peek().offset;
    NestingGuard guard(*this, start);
    expect_symbol("{");
    auto e = make(ExprKind::kMap, {});
    int d = 0;
    if (!at_symbol("}")) {
        do {
            std::string key;
            if (peek().kind == TokenKind::kString) key = next().value;
            else key = expect_name("a property name");
            expect_symbol(":");
            e->keys.push_back(std::move(key));
            e->args.push_back(parse_expression());
            d = std::max(d, e->args.back()->depth);
        } while (accept_symbol(","));
    }
    expect_symbol("}");
    e->span = span_from(start);
    e->depth = 1 + d;
    return e;
}

ExprPtr Parser::parse_case() {
    std::size_t start = peek().offset;
    NestingGuard guard(*this, start);
    expect_keyword("CASE");
    auto e = make(ExprKind::kCase, {});
    int d = 0;
    auto add = [&](ExprPtr x) {
        d = std::max(d, x->depth);
        e->args.push_back(std::move(x));
    };
    if (!at_keyword("WHEN")) {
        e->has_subject = true;
        add(parse_expression());
    }
    if (!at_keyword("WHEN")) fail("expected WHEN");
    while (accept_keyword("WHEN")) {
        add(parse_expression());
        expect_keyword("THEN");
        add(parse_expression());
    }
    if (accept_keyword("ELSE")) {
        e->has_else = true;
        add(parse_expression());
    }
    expect_keyword("END");
    e->span = span_from(start);
    e->depth = 1 + d;
    return e;
}

}  // namespace kgmill::query
