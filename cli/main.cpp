// kgmill — command-line tool. Parses flags, calls the libraries, maps errors to exit codes
// (0 ok, 1 error, 2 bad usage, 3 some documents could not be read). No logic of its own.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "commands.hpp"
#include "common.hpp"
#include "kgmill/exporters/export.hpp"

using namespace kgmill;
using namespace kgmill::cli;

int main(int argc, char** argv) {
    CLI::App app{"kgmill — knowledge graphs of institutional cooperation from documents"};
    app.set_version_flag("--version", std::string(KGMILL_VERSION));
    app.require_subcommand(1);
    app.fallthrough();  // --data is accepted after the subcommand too
    std::string data_flag;
    app.add_option("--data", data_flag, "data folder (rules, gazetteers, aliases)");

    std::string format_list = "jsonl";  // the CLI's own, then the registry's (export.hpp)
    for (const ExportFormat& f : export_formats()) format_list += ", " + f.name;

    // build
    BuildOptions build;
    auto* b = app.add_subcommand("build", "extract, merge into OUT/kg.sqlite, write exports into OUT");
    b->add_option("docs", build.run.docs, "files or folders (recursive)")->required();
    b->add_option("-o,--out", build.out, "output folder")->required();
    b->add_option("--formats", build.formats, "comma-separated export formats (default: all): " + format_list)->delimiter(',');
    b->add_option("--threads", build.run.threads, "worker threads (default: all cores)");
    b->add_option("--encoding", build.run.loader.encoding, "encoding of non-UTF files (ICU name, e.g. windows-1258)");
    b->add_option("--base-iri", build.base_iri, "base IRI of RDF entity IRIs");
    b->add_flag("-q,--quiet", build.run.quiet, "no progress line");

    // extract
    ExtractOptions extract;
    auto* x = app.add_subcommand("extract", "triples as JSON Lines (no store)");
    x->add_option("docs", extract.run.docs, "files or folders")->required();
    x->add_option("-o,--out", extract.out, "output file (default: stdout)");
    x->add_option("--threads", extract.run.threads, "worker threads");
    x->add_option("--encoding", extract.run.loader.encoding, "encoding of non-UTF files");
    x->add_flag("-q,--quiet", extract.run.quiet, "no progress line");

    // text
    TextOptions text;
    auto* t = app.add_subcommand("text", "the extracted, normalised text of one document");
    t->add_option("doc", text.doc, "document")->required();
    t->add_option("--encoding", text.encoding, "encoding of non-UTF files");

    // eval
    EvalOptions eval;
    auto* e = app.add_subcommand("eval", "precision / recall / F1 per relation type against a gold file");
    e->add_option("--gold", eval.gold, "gold JSON Lines")->required();
    e->add_option("docs", eval.run.docs, "files or folders")->required();
    e->add_flag("--show-errors", eval.show_errors, "list false positives and misses with evidence");
    e->add_option("--threads", eval.run.threads, "worker threads");
    e->add_flag("-q,--quiet", eval.run.quiet, "no progress line");

    // stats
    std::string stats_store;
    auto* s = app.add_subcommand("stats", "counts of documents, entities and relations by type");
    s->add_option("store", stats_store, "kg.sqlite or the OUT folder")->required();

    // export
    ExportCmdOptions exp;
    auto* ex = app.add_subcommand("export", "one export from a store");
    ex->add_option("store", exp.store, "kg.sqlite or the OUT folder")->required();
    ex->add_option("--format", exp.format, "one of: " + format_list)->required();
    ex->add_option("-o,--out", exp.out, "output file (a folder for neo4j)")->required();
    ex->add_option("--base-iri", exp.base_iri, "base IRI of RDF entity IRIs");

    register_graph_commands(app);
    register_render_command(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& err) {
        int rc = app.exit(err);
        return rc == 0 ? kExitOk : kExitUsage;
    }
    std::string data_dir = find_data_dir(data_flag, argv[0]);
    build.run.data_dir = extract.run.data_dir = eval.run.data_dir = exp.data_dir = data_dir;
    try {
        if (*b) return run_build(build);
        if (*x) return run_extract(extract);
        if (*t) return run_text(text);
        if (*e) return run_eval(eval);
        if (*s) return run_stats(stats_store);
        if (*ex) return run_export(exp);
        if (int rc = run_render_command(app); rc >= 0) return rc;
        return run_graph_command(app);
    } catch (const std::exception& err) {
        std::cerr << "kgmill: internal error: " << err.what() << '\n';
        return kExitError;
    }
}
