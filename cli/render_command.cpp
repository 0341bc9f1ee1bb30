#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "common.hpp"

namespace kgmill::cli {

void register_render_command(CLI::App&) {}

int run_render_command(CLI::App&) { return -1; }

}  // namespace kgmill::cli
