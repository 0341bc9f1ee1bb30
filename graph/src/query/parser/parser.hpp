// graph/src/query/parser/parser.hpp — text → tokens → AST (internal).
//
// A hand-written recursive-descent parser for the openCypher read subset (grammar after the
// openCypher 9 EBNF, https://opencypher.org/resources/). Recursion is bounded: every nested
// construct counts against QueryOptions::max_nesting, and binary chains track their tree depth,
// so no input can overflow the stack. Errors are ParseError with the byte span of the token.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/parser/ast.hpp"

namespace kgmill::query {

enum class TokenKind { kIdent, kQuotedIdent, kInteger, kFloat, kString, kParam, kSymbol, kEnd };

struct Token {
    TokenKind kind = TokenKind::kEnd;
    std::string_view text;  ///< the token as written (symbols, identifiers, keywords)
    std::string value;      ///< decoded string / quoted identifier / parameter name
    std::int64_t int_value = 0;
    double float_value = 0;
    std::size_t offset = 0;
};

/// Splits a query into tokens (comments and whitespace dropped; a kEnd token last).
std::vector<Token> tokenize(std::string_view text);

class Parser {
public:
    Parser(std::string_view text, int max_nesting);
    ast::Query parse_query();

    // parse_expression.cpp
    ast::ExprPtr parse_expression();
    /// One expression and nothing after it (parameter values).
    ast::ExprPtr parse_standalone_expression();

private:
    friend struct NestingGuard;
    // token helpers
    const Token& peek(std::size_t ahead = 0) const;
    const Token& next();
    bool at_keyword(std::string_view kw, std::size_t ahead = 0) const;
    bool accept_keyword(std::string_view kw);
    void expect_keyword(std::string_view kw);
    bool at_symbol(std::string_view s, std::size_t ahead = 0) const;
    bool accept_symbol(std::string_view s);
    void expect_symbol(std::string_view s);
    std::string expect_name(const char* what);  ///< identifier or `quoted`
    [[noreturn]] void fail(const std::string& message) const;  ///< at the current token
    [[noreturn]] void fail_at(const Token& t, const std::string& message) const;
    ast::Span span_from(std::size_t start_offset) const;  ///< start .. end of the previous token
    void refuse_unsupported_clause() const;

    // parser.cpp: clauses
    ast::SingleQuery parse_single_query();
    ast::Clause parse_match(bool optional);
    ast::Clause parse_unwind();
    ast::Clause parse_with_or_return(bool is_return);
    void parse_projection(ast::Projection& p, bool is_return);

    // parse_pattern.cpp
    ast::PatternPart parse_pattern_part();
    void parse_pattern_chain(ast::PatternPart& part);
    ast::NodePattern parse_node_pattern();
    ast::RelPattern parse_rel_pattern();
    ast::LabelExpr parse_label_expr();
    ast::ExprPtr parse_properties();

    // parse_expression.cpp
    ast::ExprPtr parse_or();
    ast::ExprPtr parse_xor();
    ast::ExprPtr parse_and();
    ast::ExprPtr parse_not();
    ast::ExprPtr parse_comparison();
    ast::ExprPtr parse_predicates();
    ast::ExprPtr parse_additive();
    ast::ExprPtr parse_multiplicative();
    ast::ExprPtr parse_power();
    ast::ExprPtr parse_unary();
    ast::ExprPtr parse_postfix();
    ast::ExprPtr parse_atom();
    ast::ExprPtr parse_list_or_comprehension();
    ast::ExprPtr parse_map_literal();
    ast::ExprPtr parse_case();
    ast::ExprPtr parse_function_call(const Token& name_token, std::string name);
    ast::ExprPtr make_binary(ast::Op op, ast::ExprPtr l, ast::ExprPtr r, std::size_t start);
    ast::ExprPtr make_unary(ast::Op op, ast::ExprPtr x, std::size_t start);
    void check_depth(const ast::Expr& e) const;
    bool looks_like_pattern_after_paren() const;

    std::string_view text_;
    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int nesting_ = 0;
    int max_nesting_;
};

/// RAII counter of nested constructs; throws ParseError past the limit.
struct NestingGuard {
    NestingGuard(Parser& p, std::size_t offset);
    ~NestingGuard();
    Parser& parser;
};

/// Case-insensitive ASCII comparison of a keyword.
bool iequals(std::string_view a, std::string_view b);

}  // namespace kgmill::query
