// graph/src/query/errors.hpp — the per-stage exceptions of the query engine (internal).
//
// Inside the engine a stage throws; QueryEngine::run catches and turns the exception into a
// QueryError with line, column and the source line (STYLE.md §4, §5). Nothing here crosses
// the public API.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>

namespace kgmill::query {

/// A located failure: `offset`/`length` are bytes of the query text (npos when unknown).
class QueryException : public std::runtime_error {
public:
    QueryException(const char* stage, std::string message, std::size_t offset, std::size_t length = 1)
        : std::runtime_error(message), stage_(stage), offset_(offset), length_(length) {}
    const char* stage() const { return stage_; }
    std::size_t offset() const { return offset_; }
    std::size_t length() const { return length_; }

private:
    const char* stage_;
    std::size_t offset_, length_;
};

inline constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

/// Syntax errors and unsupported features (the parser).
struct ParseError : QueryException {
    ParseError(std::string m, std::size_t off, std::size_t len = 1) : QueryException("parse", std::move(m), off, len) {}
};
/// Unknown variables, labels, types, properties, functions; misplaced aggregates (the binder).
struct BindError : QueryException {
    BindError(std::string m, std::size_t off, std::size_t len = 1) : QueryException("bind", std::move(m), off, len) {}
};
/// Errors that depend on the data: division by zero, wrong argument types, bad regex.
struct RuntimeError : QueryException {
    RuntimeError(std::string m, std::size_t off = kNoOffset, std::size_t len = 1)
        : QueryException("runtime", std::move(m), off, len) {}
};

}  // namespace kgmill::query
