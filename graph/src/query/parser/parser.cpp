// Query and clause structure:
//   query        := [EXPLAIN] single (UNION [ALL] single)* [';']
//   single       := clause* RETURN-clause
//   clause       := [OPTIONAL] MATCH pattern (',' pattern)* [WHERE expr]
//                 | UNWIND expr AS name
//                 | WITH projection [WHERE expr]
//   projection   := [DISTINCT] ('*' | item) (',' item)* [ORDER BY sort (',' sort)*] [SKIP expr] [LIMIT expr]
// Writing clauses and CALL are refused by name.
#include "query/errors.hpp"
#include "query/parser/parser.hpp"

namespace kgmill::query {

Parser::Parser(std::string_view text, int max_nesting)
    : text_(text), tokens_(tokenize(text)), max_nesting_(max_nesting) {}

const Token& Parser::peek(std::size_t ahead) const {
    std::size_t i = pos_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
}

const Token& Parser::next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
}

bool Parser::at_keyword(std::string_view kw, std::size_t ahead) const {
    const Token& t = peek(ahead);
    return t.kind == TokenKind::kIdent && iequals(t.text, kw);
}

bool Parser::accept_keyword(std::string_view kw) {
    if (!at_keyword(kw)) return false;
    next();
    return true;
}

void Parser::expect_keyword(std::string_view kw) {
    if (!accept_keyword(kw)) fail("expected " + std::string(kw));
}

bool Parser::at_symbol(std::string_view s, std::size_t ahead) const {
    const Token& t = peek(ahead);
    return t.kind == TokenKind::kSymbol && t.text == s;
}

bool Parser::accept_symbol(std::string_view s) {
    if (!at_symbol(s)) return false;
    next();
    return true;
}

void Parser::expect_symbol(std::string_view s) {
    if (!accept_symbol(s)) fail("expected '" + std::string(s) + "'");
}

std::string Parser::expect_name(const char* what) {
    const Token& t = peek();
    if (t.kind == TokenKind::kIdent || t.kind == TokenKind::kQuotedIdent) {
        next();
        return t.value;
    }
    fail(std::string("expected ") + what);
}

void Parser::fail(const std::string& message) const { fail_at(peek(), message); }

void Parser::fail_at(const Token& t, const std::string& message) const {
    std::size_t len = t.kind == TokenKind::kEnd ? 1 : std::max<std::size_t>(1, t.text.size());
    throw ParseError(message, t.offset, len);
}

ast::Span Parser::span_from(std::size_t start) const {
    std::size_t end = start;
    if (pos_ > 0) {
        const Token& prev = tokens_[pos_ - 1];
        end = prev.offset + prev.text.size();
    }
    if (end < start) end = start;
    return {start, std::max<std::size_t>(1, end - start)};
}

NestingGuard::NestingGuard(Parser& p, std::size_t offset) : parser(p) {
    if (++parser.nesting_ > parser.max_nesting_) {
        --parser.nesting_;
        throw ParseError("query nested deeper than " + std::to_string(parser.max_nesting_) + " levels", offset, 1);
    }
}
NestingGuard::~NestingGuard() { --parser.nesting_; }

void Parser::refuse_unsupported_clause() const {
    const Token& t = peek();
    if (t.kind != TokenKind::kIdent) return;
    static const char* const kWrites[] = {"CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP",
                                          "ALTER", "FOREACH", "INSERT"};
    for (const char* w : kWrites)
        if (iequals(t.text, w))
            fail_at(t, std::string(w) + " is not supported: kgmill query is read-only "
                                        "(MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN)");
    if (iequals(t.text, "CALL"))
        fail_at(t, "CALL (procedures and subqueries) is not supported; graph algorithms are the commands "
                   "kgmill neighbors, path, rank, components and communities");
    if (iequals(t.text, "LOAD")) fail_at(t, "LOAD CSV is not supported: kgmill query reads the store only");
    static const char* const kOther[] = {"USE", "SHOW", "START", "FINISH", "PROFILE", "TERMINATE", "GRANT"};
    for (const char* w : kOther)
        if (iequals(t.text, w)) fail_at(t, std::string(w) + " is not supported");
}

ast::Query Parser::parse_query() {
    ast::Query q;
    if (accept_keyword("EXPLAIN")) q.explain = true;
    q.parts.push_back(parse_single_query());
    while (at_keyword("UNION")) {
        next();
        q.union_all.push_back(accept_keyword("ALL"));
        q.parts.push_back(parse_single_query());
    }
    accept_symbol(";");
    if (peek().kind != TokenKind::kEnd) {
        refuse_unsupported_clause();
        fail("expected end of query");
    }
    return q;
}

ast::SingleQuery Parser::parse_single_query() {
    ast::SingleQuery sq;
    while (true) {
        const Token& t = peek();
        if (at_keyword("MATCH")) {
            sq.clauses.push_back(parse_match(false));
        } else if (at_keyword("OPTIONAL")) {
            next();
            if (!at_keyword("MATCH")) fail("expected MATCH after OPTIONAL");
            sq.clauses.push_back(parse_match(true));
        } else if (at_keyword("UNWIND")) {
            sq.clauses.push_back(parse_unwind());
        } else if (at_keyword("WITH")) {
            sq.clauses.push_back(parse_with_or_return(false));
        } else if (at_keyword("RETURN")) {
            sq.clauses.push_back(parse_with_or_return(true));
            return sq;
        } else {
            refuse_unsupported_clause();
            if (sq.clauses.empty() || t.kind != TokenKind::kEnd)
                fail(sq.clauses.empty() ? "expected MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN"
                                        : "expected MATCH, OPTIONAL MATCH, UNWIND, WITH, WHERE or RETURN");
            static const char* const kNames[] = {"MATCH", "UNWIND", "WITH", "RETURN"};
            const ast::Clause& last = sq.clauses.back();
            std::string name = last.optional ? "OPTIONAL MATCH" : kNames[static_cast<int>(last.kind)];
            fail("a query must end with RETURN (this one ends with " + name + ")");
        }
    }
}

ast::Clause Parser::parse_match(bool optional) {
    ast::Clause c;
    c.kind = ast::ClauseKind::kMatch;
    c.optional = optional;
    std::size_t start = peek().offset;
    expect_keyword("MATCH");
    do {
        c.patterns.push_back(parse_pattern_part());
    } while (accept_symbol(","));
    if (accept_keyword("WHERE")) c.where = parse_expression();
    c.span = span_from(start);
    return c;
}

ast::Clause Parser::parse_unwind() {
    ast::Clause c;
    c.kind = ast::ClauseKind::kUnwind;
    std::size_t start = peek().offset;
    expect_keyword("UNWIND");
    c.unwind_expr = parse_expression();
    expect_keyword("AS");
    std::size_t vs = peek().offset;
    c.unwind_var = expect_name("a variable name after AS");
    c.unwind_var_span = span_from(vs);
    c.span = span_from(start);
    return c;
}

ast::Clause Parser::parse_with_or_return(bool is_return) {
    ast::Clause c;
    c.kind = is_return ? ast::ClauseKind::kReturn : ast::ClauseKind::kWith;
    std::size_t start = peek().offset;
    next();  // WITH / RETURN
    parse_projection(c.projection, is_return);
    if (!is_return && accept_keyword("WHERE")) c.where = parse_expression();
    c.span = span_from(start);
    return c;
}

void Parser::parse_projection(ast::Projection& p, bool is_return) {
    if (accept_keyword("DISTINCT")) p.distinct = true;
    bool first = true;
    do {
        if (first && at_symbol("*")) {
            std::size_t s = peek().offset;
            next();
            p.star = true;
            p.star_span = span_from(s);
            first = false;
            continue;
        }
        first = false;
        ast::ProjectionItem item;
        std::size_t s = peek().offset;
        if (peek().kind == TokenKind::kEnd || at_keyword("ORDER") || at_keyword("SKIP") || at_keyword("LIMIT"))
            fail(is_return ? "expected an expression after RETURN" : "expected an expression after WITH");
        item.expr = parse_expression();
        ast::Span es = item.expr->span;
        if (accept_keyword("AS")) {
            item.alias = expect_name("a name after AS");
            item.has_alias = true;
        } else {
            item.alias = std::string(text_.substr(es.offset, es.length));
        }
        item.span = span_from(s);
        p.items.push_back(std::move(item));
    } while (accept_symbol(","));
    if (at_keyword("ORDER")) {
        next();
        expect_keyword("BY");
        do {
            ast::SortItem si;
            si.expr = parse_expression();
            if (accept_keyword("DESC") || accept_keyword("DESCENDING")) si.descending = true;
            else if (accept_keyword("ASC") || accept_keyword("ASCENDING")) si.descending = false;
            p.order_by.push_back(std::move(si));
        } while (accept_symbol(","));
    }
    if (accept_keyword("SKIP") || accept_keyword("OFFSET")) p.skip = parse_expression();
    if (accept_keyword("LIMIT")) p.limit = parse_expression();
}

}  // namespace kgmill::query
