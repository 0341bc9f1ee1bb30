#include "common.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace kgmill::cli {

namespace fs = std::filesystem;

std::string find_data_dir(const std::string& flag, const char* argv0) {
    if (!flag.empty()) return flag;
    if (const char* env = std::getenv("KGMILL_DATA"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = fs::absolute(argv0, ec);
    fs::path dir = exe.parent_path();
    for (const fs::path& cand : {dir / "data", dir / ".." / "share" / "kgmill" / "data"})
        if (fs::is_directory(cand / "rules", ec)) return cand.lexically_normal().string();
#ifdef KGMILL_SOURCE_DATA_DIR
    return KGMILL_SOURCE_DATA_DIR;
#else
    return "data";
#endif
}

void print_error(const Error& e) { std::cerr << "kgmill: " << e.to_string() << '\n'; }

Progress::Progress(bool enabled, std::size_t total_docs, std::uint64_t total_bytes)
    : enabled_(enabled && isatty(STDERR_FILENO)), total_docs_(total_docs), total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(std::size_t docs_done, std::uint64_t bytes_done) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200) && docs_done < total_docs_) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double mbs = secs > 0 ? static_cast<double>(bytes_done) / 1e6 / secs : 0.0;
    double left = bytes_done > 0 ? secs * static_cast<double>(total_bytes_ - bytes_done) / static_cast<double>(bytes_done) : 0.0;
    std::fprintf(stderr, "\r%zu/%zu documents  %.1f MB/s  %.0f s left   ", docs_done, total_docs_, mbs, left);
    std::fflush(stderr);
}

void Progress::finish() {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
}

}  // namespace kgmill::cli
