// text_decode.cpp — bytes of a text/HTML file → UTF-8 (ICU converters for everything but UTF-8).
//
// Policy (DESIGN.md "Documents"): UTF-8 with or without BOM, UTF-16 LE/BE with a BOM; any other
// encoding only when the caller names an ICU converter. A BOM wins over a named encoding: a
// file that starts with one says what it is, and a folder may mix such files with legacy ones.
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <memory>
#include <string>
#include <string_view>

#include "kgmill/core/unicode.hpp"
#include "loader_internal.hpp"

namespace kgmill::loader_detail {
namespace {

constexpr std::size_t kSniffBytes = 4096;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A reason when the first bytes look binary, "" otherwise. NUL bytes never occur in text;
// a high share of other control characters means the same.
std::string binary_reason(std::string_view bytes) {
    if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return "binary file (OLE compound document: a legacy .doc/.xls or an encrypted Office file)";
    const std::string_view head = bytes.substr(0, kSniffBytes);
    std::size_t controls = 0;
    for (const char ch : head) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0) return "binary file";
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
            c == 0x7F)
            ++controls;
    }
    if (controls * 10 > head.size()) return "binary file";
    return {};
}

Result<std::string> validate_utf8(std::string_view body, std::size_t base, const std::string& path) {
    std::size_t bad = 0;
    if (!is_valid_utf8(body, &bad)) {
        const std::size_t at = base + bad;
        return load_error(ErrorCode::kEncoding, path,
                          "invalid UTF-8 at byte " + std::to_string(at) +
                              "; name the encoding with --encoding",
                          static_cast<std::int64_t>(at));
    }
    return std::string(body);
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Converts `body` (which starts at byte `base` of the file) with an open converter.
Result<std::string> convert(UConverter* cnv, std::string_view body, std::size_t base,
                            const std::string& label, const std::string& path) {
    UErrorCode st = U_ZERO_ERROR;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
    std::u16string u16;
    u16.reserve(body.size());
    const char* src = body.data();
    const char* const src_end = body.data() + body.size();
    UChar chunk[16384];
    for (;;) {
        st = U_ZERO_ERROR;
        UChar* tgt = chunk;
        ucnv_toUnicode(cnv, &tgt, chunk + std::size(chunk), &src, src_end, nullptr, true, &st);
        u16.append(reinterpret_cast<const char16_t*>(chunk), static_cast<std::size_t>(tgt - chunk));
        if (st == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(st)) {
            char bad[32];
            int8_t bad_len = sizeof bad;
            UErrorCode st2 = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, bad, &bad_len, &st2);
            if (U_FAILURE(st2)) bad_len = 0;
            const std::size_t at = base + static_cast<std::size_t>(src - body.data()) -
                                   static_cast<std::size_t>(bad_len);
            const char* what = st == U_TRUNCATED_CHAR_FOUND ? "truncated " : "invalid ";
            return load_error(ErrorCode::kEncoding, path,
                              what + label + " at byte " + std::to_string(at),
                              static_cast<std::int64_t>(at));
        }
        break;
    }
    std::string out;
    int32_t len = 0;
    st = U_ZERO_ERROR;
    u_strToUTF8(nullptr, 0, &len, reinterpret_cast<const UChar*>(u16.data()),
                static_cast<int32_t>(u16.size()), &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return load_error(ErrorCode::kEncoding, path, "cannot convert " + label + " text to UTF-8");
    out.resize(static_cast<std::size_t>(len));
    st = U_ZERO_ERROR;
    u_strToUTF8(out.data(), len, &len, reinterpret_cast<const UChar*>(u16.data()),
                static_cast<int32_t>(u16.size()), &st);
    if (U_FAILURE(st))
        return load_error(ErrorCode::kEncoding, path, "cannot convert " + label + " text to UTF-8");
    // A named single-byte encoding accepts any bytes, so binary files are caught here.
    if (std::string why = binary_reason(out); !why.empty())
        return load_error(ErrorCode::kBinary, path, why);
    return out;
}

Result<std::string> convert_named(const char* name, std::string_view body, std::size_t base,
                                  const std::string& path) {
    UErrorCode st = U_ZERO_ERROR;
    ConverterPtr cnv(ucnv_open(name, &st));
    if (U_FAILURE(st) || !cnv)
        return load_error(ErrorCode::kUsage, path,
                          std::string("unknown encoding '") + name + "' (not an ICU converter name)");
    return convert(cnv.get(), body, base, name, path);
}

}  // namespace

Result<std::string> decode_text(std::string_view bytes, const std::string& path,
                                const LoaderOptions& opts) {
    if (starts_with(bytes, "\xEF\xBB\xBF")) return validate_utf8(bytes.substr(3), 3, path);
    if (starts_with(bytes, "\xFF\xFE")) return convert_named("UTF-16LE", bytes.substr(2), 2, path);
    if (starts_with(bytes, "\xFE\xFF")) return convert_named("UTF-16BE", bytes.substr(2), 2, path);
    if (!opts.encoding.empty()) {
        UErrorCode st = U_ZERO_ERROR;
        ConverterPtr cnv(ucnv_open(opts.encoding.c_str(), &st));
        if (U_FAILURE(st) || !cnv)
            return load_error(ErrorCode::kUsage, path,
                              "unknown encoding '" + opts.encoding + "' (not an ICU converter name)");
        const char* canonical = ucnv_getName(cnv.get(), &st);
        if (U_SUCCESS(st) && std::string_view(canonical) != "UTF-8")
            return convert(cnv.get(), bytes, 0, opts.encoding, path);
        // Named UTF-8: fall through to the strict validator (ICU would substitute silently).
    }
    if (std::string why = binary_reason(bytes); !why.empty())
        return load_error(ErrorCode::kBinary, path, why);
    return validate_utf8(bytes, 0, path);
}

}  // namespace kgmill::loader_detail
