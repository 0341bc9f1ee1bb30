// kgmill/core/status.hpp — expected failures as values (STYLE.md §4).
//
//   Result<Document> r = load_document(path, id, opts);
//   if (!r) std::cerr << r.error().to_string() << '\n';
//
// Exceptions never cross the public API; bugs are assertions.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace kgmill {

enum class ErrorCode { kOk = 0, kNotFound, kIo, kEmpty, kBinary, kEncoding, kNoContent, kParse, kUsage, kInternal };

/// Human-readable name of an error code ("encoding", "not found", ...).
const char* error_code_name(ErrorCode code);

/// A failure: which stage, which file, where, and why.
struct Error {
    ErrorCode code = ErrorCode::kInternal;
    std::string stage;    ///< "load", "extract", "store", "export", "query", ...
    std::string path;     ///< file the error is about (may be empty)
    std::int64_t byte = -1;  ///< byte offset in that file, -1 when not applicable
    std::string message;  ///< the reason, one line
    /// "load: path/to/file.txt (byte 12): invalid UTF-8".
    std::string to_string() const;
};

/// Status of an operation that returns nothing.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error e) : error_(std::move(e)), ok_(false) {}  // NOLINT: implicit by design
    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool ok_ = true;
};

/// Value or error (an `expected`-like type; C++20 has no std::expected).
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}  // NOLINT
    Result(Error e) : v_(std::move(e)) {}      // NOLINT
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

/// Builds an Error in one expression.
inline Error make_error(ErrorCode code, std::string stage, std::string path, std::string message,
                        std::int64_t byte = -1) {
    return Error{code, std::move(stage), std::move(path), byte, std::move(message)};
}

}  // namespace kgmill

#define KGMILL_RETURN_IF_ERROR(expr)          \
    do {                                      \
        auto _kg_st = (expr);                 \
        if (!_kg_st.ok()) return _kg_st.error(); \
    } while (0)
