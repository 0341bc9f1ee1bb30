#include "kgmill/core/status.hpp"

namespace kgmill {

const char* error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::kOk: return "ok";
        case ErrorCode::kNotFound: return "not found";
        case ErrorCode::kIo: return "i/o error";
        case ErrorCode::kEmpty: return "empty";
        case ErrorCode::kBinary: return "binary";
        case ErrorCode::kEncoding: return "encoding";
        case ErrorCode::kNoContent: return "no content";
        case ErrorCode::kParse: return "parse error";
        case ErrorCode::kUsage: return "usage";
        case ErrorCode::kInternal: return "internal error";
    }
    return "unknown";
}

std::string Error::to_string() const {
    std::string s = stage.empty() ? std::string("error") : stage;
    s += ": ";
    if (!path.empty()) {
        s += path;
        if (byte >= 0) s += " (byte " + std::to_string(byte) + ")";
        s += ": ";
    }
    s += message;
    return s;
}

}  // namespace kgmill
