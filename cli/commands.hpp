// cli/commands.hpp — one function per subcommand.
#pragma once
#include <string>
#include <vector>

#include "pipeline.hpp"

namespace CLI {
class App;
}

namespace kgmill::cli {

struct BuildOptions {
    RunOptions run;
    std::string out;
    std::vector<std::string> formats;
    std::string base_iri;
};
struct ExtractOptions {
    RunOptions run;
    std::string out;
};
struct TextOptions {
    std::string doc, encoding;
};
struct EvalOptions {
    RunOptions run;
    std::string gold;
    bool show_errors = false;
};
struct ExportCmdOptions {
    std::string store, format, out, base_iri, data_dir;
};

int run_build(const BuildOptions& o);
int run_extract(const ExtractOptions& o);
int run_text(const TextOptions& o);
int run_eval(const EvalOptions& o);
int run_stats(const std::string& store);
int run_export(const ExportCmdOptions& o);

/// Graph questions (query, neighbors, path, rank, components, communities, render):
/// registered here, run when one of them was parsed; returns kExitUsage if none matched.
void register_graph_commands(CLI::App& app);
int run_graph_command(CLI::App& app);

/// `kgmill render STORE -o FILE.svg|png|pdf|html ...`: registered here, run when parsed;
/// returns -1 when render was not the subcommand given.
void register_render_command(CLI::App& app);
int run_render_command(CLI::App& app);

}  // namespace kgmill::cli
