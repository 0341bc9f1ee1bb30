// fuzz_triple_json.cpp — libFuzzer harness for triple_from_json (one triples.jsonl line; the
// CLI reads these from files the user hands it).
//
// Besides memory and UB errors it checks the codec is a fixed point after one trip: whatever
// parses, written back with triple_to_json, must parse again and write the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kgmill/core/triples_json.hpp"

namespace {

constexpr std::size_t kMaxInput = 64 * 1024;

[[noreturn]] void violated(const char* why, const std::string& a, const std::string& b) {
    std::fprintf(stderr, "triple JSON round trip: %s\n  first:  %s\n  second: %s\n", why, a.c_str(), b.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInput) return -1;
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    auto first = kgmill::triple_from_json(line);
    if (!first) {
        (void)first.error().to_string();
        return 0;
    }
    const std::string json1 = kgmill::triple_to_json(*first);
    auto second = kgmill::triple_from_json(json1);
    if (!second) violated(("written line does not parse: " + second.error().message).c_str(), json1, "");
    const std::string json2 = kgmill::triple_to_json(*second);
    if (json1 != json2) violated("second trip writes different bytes", json1, json2);
    return 0;
}
