// cli/common.hpp — what the kgmill subcommands share: data lookup, exit codes, progress.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "kgmill/core/status.hpp"

namespace kgmill::cli {

/// Exit codes of DESIGN.md.
enum Exit : int { kExitOk = 0, kExitError = 1, kExitUsage = 2, kExitSkipped = 3 };

/// The data folder: --data, $KGMILL_DATA, next to the executable, the install prefix, the source tree.
std::string find_data_dir(const std::string& flag, const char* argv0);

/// Prints "kgmill: <error>" on stderr.
void print_error(const Error& e);

/// A one-line progress display on stderr (only when stderr is a terminal and not quiet).
class Progress {
public:
    Progress(bool enabled, std::size_t total_docs, std::uint64_t total_bytes);
    void update(std::size_t docs_done, std::uint64_t bytes_done);
    void finish();

private:
    bool enabled_;
    std::size_t total_docs_;
    std::uint64_t total_bytes_;
    std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace kgmill::cli
