// Patterns:
//   part  := [name '='] (shortestPath | allShortestPaths) '(' chain ')' | [name '='] chain
//   chain := node (rel node)*
//   node  := '(' [name] (':' label ('|' [':'] label)*)* [map | $param] ')'
//   rel   := ['<'] '-' ['[' [name] [':' type ('|' [':'] type)*] ['*' [min] ['..' [max]]] [map | $param] ']'] '-' ['>']
#include "query/errors.hpp"
#include "query/parser/parser.hpp"

namespace kgmill::query {

ast::PatternPart Parser::parse_pattern_part() {
    ast::PatternPart part;
    std::size_t start = peek().offset;
    if ((peek().kind == TokenKind::kIdent || peek().kind == TokenKind::kQuotedIdent) && at_symbol("=", 1)) {
        part.path_var = peek().value;
        next();
        next();
    }
    if (at_keyword("shortestPath") || at_keyword("allShortestPaths")) {
        part.shortest = at_keyword("shortestPath") ? ast::Shortest::kShortest : ast::Shortest::kAll;
        next();
        expect_symbol("(");
        parse_pattern_chain(part);
        expect_symbol(")");
        if (part.rels.size() != 1)
            throw ParseError("shortestPath needs a pattern with exactly one relationship, like (a)-[*]-(b)",
                             start, span_from(start).length);
    } else {
        if (!at_symbol("(")) fail("expected '(' to start a pattern");
        parse_pattern_chain(part);
    }
    part.span = span_from(start);
    return part;
}

void Parser::parse_pattern_chain(ast::PatternPart& part) {
    part.nodes.push_back(parse_node_pattern());
    while (at_symbol("-") || (at_symbol("<") && at_symbol("-", 1))) {
        part.rels.push_back(parse_rel_pattern());
        if (!at_symbol("(")) fail("expected '(' after a relationship pattern");
        part.nodes.push_back(parse_node_pattern());
    }
}

ast::LabelExpr Parser::parse_label_expr() {
    ast::LabelExpr out;
    while (accept_symbol(":")) {
        std::vector<ast::LabelName> alts;
        do {
            accept_symbol(":");  // (n:A|:B) is accepted like (n:A|B)
            std::size_t s = peek().offset;
            std::string name = expect_name("a label name after ':'");
            alts.push_back({std::move(name), span_from(s)});
        } while (accept_symbol("|"));
        out.push_back(std::move(alts));
    }
    return out;
}

ast::ExprPtr Parser::parse_properties() {
    if (at_symbol("{")) return parse_map_literal();
    if (peek().kind == TokenKind::kParam) {
        auto e = std::make_unique<ast::Expr>();
        e->kind = ast::ExprKind::kParam;
        e->name = peek().value;
        std::size_t s = peek().offset;
        next();
        e->span = span_from(s);
        return e;
    }
    return nullptr;
}

ast::NodePattern Parser::parse_node_pattern() {
    NestingGuard guard(*this, peek().offset);
    ast::NodePattern n;
    std::size_t start = peek().offset;
    expect_symbol("(");
    if (peek().kind == TokenKind::kIdent || peek().kind == TokenKind::kQuotedIdent) {
        n.var = peek().value;
        next();
    }
    n.labels = parse_label_expr();
    n.properties = parse_properties();
    if (!at_symbol(")")) {
        if (at_keyword("WHERE")) fail("WHERE inside a node pattern is not supported; put it after the MATCH pattern");
        fail("expected ')'");
    }
    next();
    n.span = span_from(start);
    return n;
}

ast::RelPattern Parser::parse_rel_pattern() {
    NestingGuard guard(*this, peek().offset);
    ast::RelPattern r;
    std::size_t start = peek().offset;
    bool left = accept_symbol("<");
    expect_symbol("-");
    if (accept_symbol("[")) {
        if (peek().kind == TokenKind::kIdent || peek().kind == TokenKind::kQuotedIdent) {
            r.var = peek().value;
            next();
        }
        if (accept_symbol(":")) {
            do {
                accept_symbol(":");
                std::size_t s = peek().offset;
                std::string name = expect_name("a relationship type after ':'");
                r.types.push_back({std::move(name), span_from(s)});
            } while (accept_symbol("|"));
        }
        if (accept_symbol("*")) {
            r.var_length = true;
            if (peek().kind == TokenKind::kInteger) {
                r.min_hops = next().int_value;
                if (accept_symbol("..")) {
                    if (peek().kind == TokenKind::kInteger) r.max_hops = next().int_value;
                } else {
                    r.max_hops = r.min_hops;
                }
            } else if (accept_symbol("..")) {
                if (peek().kind == TokenKind::kInteger) r.max_hops = next().int_value;
            } else if (at_keyword("SHORTEST") || at_keyword("TRAIL") || at_keyword("ACYCLIC") || at_keyword("ALL")) {
                fail("Kùzu's recursive-pattern syntax (* SHORTEST / TRAIL / ACYCLIC) is not supported; "
                     "use shortestPath((a)-[*]-(b)) or *min..max");
            }
        }
        r.properties = parse_properties();
        if (!at_symbol("]")) {
            if (at_keyword("WHERE")) fail("WHERE inside a relationship pattern is not supported; put it after the MATCH pattern");
            fail("expected ']'");
        }
        next();
    }
    expect_symbol("-");
    bool right = accept_symbol(">");
    r.dir = left == right ? ast::Direction::kBoth : (right ? ast::Direction::kOut : ast::Direction::kIn);
    r.span = span_from(start);
    if (r.min_hops && r.max_hops && *r.min_hops > *r.max_hops)
        throw ParseError("the lower bound of a variable-length relationship is above its upper bound", r.span.offset,
                         r.span.length);
    return r;
}

}  // namespace kgmill::query
