#include "pipeline.hpp"

#include <algorithm>
#include <filesystem>

#include "common.hpp"
#include "kgmill/core/parallel.hpp"

namespace kgmill::cli {

namespace fs = std::filesystem;

Result<AliasTable> load_aliases(const std::string& data_dir) {
    AliasTable table;
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_regular_file(fs::path(data_dir) / "aliases.tsv", ec)) files.push_back(fs::path(data_dir) / "aliases.tsv");
    if (fs::is_directory(fs::path(data_dir) / "aliases", ec))
        for (const auto& e : fs::directory_iterator(fs::path(data_dir) / "aliases"))
            if (e.path().extension() == ".tsv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        Status st = table.load(f.string());
        if (!st) return st.error();
    }
    return table;
}

Result<Context> make_context(const std::string& data_dir) {
    Context ctx;
    auto ex = Extractor::create(data_dir);
    if (!ex) return ex.error();
    ctx.extractor = ex.value();
    auto aliases = load_aliases(data_dir);
    if (!aliases) return aliases.error();
    ctx.aliases = std::move(aliases.value());
    return ctx;
}

std::size_t run_extraction(const RunOptions& opts, const Context& ctx,
                           const std::function<bool(const std::string&, const std::string&)>& is_unchanged,
                           const std::function<void(Extracted&)>& consume) {
    std::vector<Error> errors;
    std::vector<SourceFile> sources = collect_sources(opts.docs, errors);
    std::size_t failed = errors.size();
    for (const auto& e : errors) print_error(e);

    std::uint64_t total_bytes = 0;
    std::vector<std::uint64_t> sizes(sources.size(), 0);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        std::error_code ec;
        sizes[i] = fs::file_size(sources[i].path, ec);
        total_bytes += sizes[i];
    }
    Progress progress(!opts.quiet, sources.size(), total_bytes);
    std::vector<Extracted> slots(sources.size());
    unsigned threads = opts.threads ? opts.threads : hardware_threads();
    std::uint64_t bytes_done = 0;
    ordered_parallel_for(
        sources.size(), threads, 4 * static_cast<std::size_t>(threads),
        [&](std::size_t i) {
            Extracted& x = slots[i];
            x.source = sources[i];
            auto doc = load_document(sources[i].path, sources[i].id, opts.loader);
            if (!doc) {
                x.error = doc.error();
                return;
            }
            x.doc = std::move(doc.value());
            x.ok = true;
            if (is_unchanged && is_unchanged(x.doc.id, x.doc.content_hash)) {
                x.unchanged = true;
                return;
            }
            x.triples = ctx.extractor->extract(x.doc);
        },
        [&](std::size_t i) {
            Extracted& x = slots[i];
            if (!x.ok) {
                print_error(x.error);
                ++failed;
            } else {
                consume(x);
            }
            bytes_done += sizes[i];
            progress.update(i + 1, bytes_done);
            x = Extracted{};  // release memory: streaming, not holding the corpus
        });
    progress.finish();
    return failed;
}

}  // namespace kgmill::cli
