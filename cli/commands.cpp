#include "commands.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <iostream>
#include <functional>
#include <map>
#include <mutex>
#include <set>

#include "common.hpp"
#include "kgmill/core/parallel.hpp"
#include "kgmill/core/triples_json.hpp"
#include "kgmill/exporters/export.hpp"
#include "kgmill/exporters/render.hpp"
#include "kgmill/extractors/eval.hpp"
#include "kgmill/graph/store.hpp"

namespace kgmill::cli {

namespace fs = std::filesystem;

namespace {

// Writes triples as JSON Lines to a file (atomically: a temp file renamed on success).
Status write_triples(const std::vector<Triple>& triples, const std::string& path) {
    std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        if (!out) return make_error(ErrorCode::kIo, "export", path, "cannot write");
        for (const auto& t : triples) out << triple_to_json(t) << '\n';
        if (!out) return make_error(ErrorCode::kIo, "export", path, "write failed");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) return make_error(ErrorCode::kIo, "export", path, ec.message());
    return {};
}

std::vector<std::string> known_format_names() {
    std::vector<std::string> names = {"jsonl"};
    for (const auto& f : export_formats()) names.push_back(f.name);
    return names;
}

// Extracts every document (no store) and canonicalises names across them.
Result<std::vector<Triple>> extract_all(const RunOptions& run, std::size_t& failed) {
    auto ctx = make_context(run.data_dir);
    if (!ctx) return ctx.error();
    std::vector<Triple> all;
    failed = run_extraction(run, ctx.value(), nullptr, [&](Extracted& x) {
        for (auto& t : x.triples) all.push_back(std::move(t));
    });
    canonicalise_triples(all, ctx->aliases);
    return all;
}

}  // namespace

int run_build(const BuildOptions& o) {
    // Validate formats before any work.
    std::vector<std::string> formats = o.formats;
    auto known = known_format_names();
    if (formats.empty()) formats = known;
    for (const auto& f : formats)
        if (std::find(known.begin(), known.end(), f) == known.end()) {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            std::cerr << "kgmill: build: unknown format '" << f << "' (known: " << list << ")\n";
            return kExitUsage;
        }
    auto ctx = make_context(o.run.data_dir);
    if (!ctx) {
        print_error(ctx.error());
        return kExitError;
    }
    std::error_code ec;
    fs::create_directories(o.out, ec);
    if (ec) {
        print_error(make_error(ErrorCode::kIo, "build", o.out, "cannot create output folder: " + ec.message()));
        return kExitError;
    }
    auto store = Store::open((fs::path(o.out) / "kg.sqlite").string(), Store::Mode::kReadWrite);
    if (!store) {
        print_error(store.error());
        return kExitError;
    }
    std::map<std::string, std::string> stored_hash;
    auto stored_docs = (*store)->documents();
    if (!stored_docs) {
        print_error(stored_docs.error());
        return kExitError;
    }
    for (const auto& d : stored_docs.value()) stored_hash[d.id] = d.content_hash;

    // Batches of documents go into the store in one transaction each.
    struct Pending {
        StoredDocument meta;
        std::vector<Triple> triples;
    };
    std::vector<Pending> batch;
    std::size_t batch_bytes = 0, added = 0, unchanged = 0;
    bool store_failed = false;
    // Into a new store, the statements just written are all there is: keep them, in the
    // order load_triples() gives (document id, then start, then position), instead of reading
    // them back and parsing their JSON. A later document with the same id replaces an earlier
    // one, as in the store.
    const bool fresh_store = stored_docs.value().empty();
    std::map<std::string, std::vector<Triple>> kept;
    auto flush = [&] {
        if (batch.empty() || store_failed) return;
        Status st = (*store)->begin();
        for (auto& p : batch)
            if (st) st = (*store)->put_document(p.meta, p.triples);
        if (st) st = (*store)->commit();
        if (!st) {
            (void)(*store)->rollback();
            print_error(st.error());
            store_failed = true;
        } else if (fresh_store) {
            for (auto& p : batch) kept[p.meta.id] = std::move(p.triples);
        }
        batch.clear();
        batch_bytes = 0;
    };
    std::size_t failed = run_extraction(
        o.run, ctx.value(),
        [&](const std::string& id, const std::string& hash) {
            auto it = stored_hash.find(id);
            return it != stored_hash.end() && it->second == hash;
        },
        [&](Extracted& x) {
            if (x.unchanged) {
                ++unchanged;
                return;
            }
            StoredDocument m{x.doc.id, x.source.path, format_name(x.doc.format), x.doc.language,
                             x.doc.title, x.doc.date, x.doc.content_hash, x.doc.text.size()};
            batch_bytes += x.doc.text.size();
            batch.push_back({std::move(m), std::move(x.triples)});
            ++added;
            if (batch.size() >= 256 || batch_bytes >= (16u << 20)) flush();
        });
    flush();
    if (store_failed) return kExitError;

    Result<std::vector<Triple>> triples = std::vector<Triple>{};
    if (fresh_store) {
        std::size_t total = 0;
        for (const auto& [id, ts] : kept) total += ts.size();
        triples.value().reserve(total);
        for (auto& [id, ts] : kept) {
            std::stable_sort(ts.begin(), ts.end(), [](const Triple& a, const Triple& b) {
                return a.provenance.start < b.provenance.start;
            });
            for (Triple& t : ts) {
                // The store keeps confidence to three decimals (triples_json); so does this path.
                t.provenance.confidence = round_confidence(t.provenance.confidence);
                triples.value().push_back(std::move(t));
            }
        }
        kept.clear();
    } else {
        triples = (*store)->load_triples();
    }
    auto known_ids = (*store)->load_known_ids();
    if (!triples || !known_ids) {
        print_error(!triples ? triples.error() : known_ids.error());
        return kExitError;
    }
    ResolveOptions ropts;
    ropts.known_ids = std::move(known_ids.value());
    std::vector<std::pair<std::string, std::string>> ends;
    // Without a triples.jsonl to write, the statements are done with once the graph holds their
    // evidence: it takes their provenance instead of copying it, and they go before the store
    // and the exports allocate theirs (peak memory follows the number of statements).
    const bool keep_triples = std::find(formats.begin(), formats.end(), "jsonl") != formats.end();
    KnowledgeGraph g = keep_triples ? build_graph(triples.value(), ctx->aliases, ropts, &ends)
                                    : build_graph_consuming(triples.value(), ctx->aliases, ropts, &ends);
    if (!keep_triples) std::vector<Triple>().swap(triples.value());
    ExportOptions eo;
    if (!o.base_iri.empty()) eo.base_iri = o.base_iri;
    std::mutex say_mutex;  // the writers below run on several threads: one line at a time
    auto say = [&](const std::string& line) {
        std::lock_guard<std::mutex> lock(say_mutex);
        std::cerr << line << '\n';
    };
    // What the diagrams' node cap left out ("showing 150 of 2,340 nodes: …"), as render says it.
    if (!o.run.quiet)
        eo.on_render_report = [&](std::string_view format, const RenderReport& r) {
            if (!r.note.empty()) say("kgmill: build: graph." + std::string(format) + ": " + r.note);
        };
    // Saving the graph and writing each export only read the graph: they run side by side on
    // the build's threads, slowest first (the diagrams; Graphviz itself is used by one at a time).
    std::vector<std::function<Status()>> writers;
    auto add_export = [&](const std::string& f) {
        if (f == "jsonl") {
            writers.push_back([&] {
                std::vector<Triple> canon = std::move(triples.value());
                apply_canonical_names(canon, g, ends);
                return write_triples(canon, (fs::path(o.out) / "triples.jsonl").string());
            });
            return;
        }
        std::string file;
        for (const auto& ef : export_formats())
            if (ef.name == f) file = ef.default_file;
        writers.push_back([&, f, file]() -> Status {
            if (f == "html") {
                // The page inlines the viewer's files; without them the other outputs still count.
                if (auto web = find_html_assets(); !web) {
                    say("kgmill: build: warning: " + file + " not written: " + web.error().message);
                    return {};
                }
            }
            return export_graph(g, f, (fs::path(o.out) / file).string(), eo);
        });
    };
    auto wanted = [&](const char* f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
    if (wanted("html")) add_export("html");
    writers.push_back([&] { return (*store)->save_graph(g); });
    for (const char* f : {"jsonl"})
        if (wanted(f)) add_export(f);
    for (const auto& f : formats)
        if (f != "html" && f != "jsonl" && f != "svg") add_export(f);
    if (wanted("svg")) add_export("svg");
    std::vector<Status> written(writers.size());
    const unsigned threads = o.run.threads ? o.run.threads : hardware_threads();
    bool write_failed = false;
    ordered_parallel_for(
        writers.size(), threads, writers.size(), [&](std::size_t i) { written[i] = writers[i](); },
        [&](std::size_t i) {
            if (written[i]) return;
            std::lock_guard<std::mutex> lock(say_mutex);
            print_error(written[i].error());
            write_failed = true;
        });
    if (write_failed) return kExitError;
    if (!o.run.quiet)
        std::cerr << "kgmill: " << added << " documents added, " << unchanged << " unchanged, " << failed
                  << " skipped; graph: " << g.vertex_count() << " entities, " << g.edge_count()
                  << " relations; written to " << o.out << "\n";
    return failed ? kExitSkipped : kExitOk;
}

int run_extract(const ExtractOptions& o) {
    std::size_t failed = 0;
    auto all = extract_all(o.run, failed);
    if (!all) {
        print_error(all.error());
        return kExitError;
    }
    if (o.out.empty()) {
        for (const auto& t : all.value()) std::cout << triple_to_json(t) << '\n';
    } else if (Status st = write_triples(all.value(), o.out); !st) {
        print_error(st.error());
        return kExitError;
    }
    return failed ? kExitSkipped : kExitOk;
}

int run_text(const TextOptions& o) {
    LoaderOptions lo;
    lo.encoding = o.encoding;
    auto doc = load_document(o.doc, fs::path(o.doc).filename().string(), lo);
    if (!doc) {
        print_error(doc.error());
        return kExitError;
    }
    std::cout << doc->text;
    return kExitOk;
}

int run_eval(const EvalOptions& o) {
    auto gold = load_gold(o.gold);
    if (!gold) {
        print_error(gold.error());
        return kExitError;
    }
    std::size_t failed = 0;
    auto all = extract_all(o.run, failed);
    if (!all) {
        print_error(all.error());
        return kExitError;
    }
    EvalReport r = evaluate(gold.value(), all.value());
    std::cout << format_report(r, o.show_errors);
    return failed ? kExitSkipped : kExitOk;
}

int run_stats(const std::string& store_path) {
    auto store = Store::open(store_path, Store::Mode::kReadOnly);
    if (!store) {
        print_error(store.error());
        return kExitError;
    }
    auto s = (*store)->stats();
    if (!s) {
        print_error(s.error());
        return kExitError;
    }
    std::cout << "documents   " << s->documents << "\n"
              << "statements  " << s->statements << "\n"
              << "entities    " << s->entities << "\n";
    for (const auto& [k, v] : s->entities_by_type) std::cout << "  " << k << " " << v << "\n";
    std::cout << "relations   " << s->relations << "\n";
    for (const auto& [k, v] : s->relations_by_type) std::cout << "  " << k << " " << v << "\n";
    return kExitOk;
}

int run_export(const ExportCmdOptions& o) {
    auto store = Store::open(o.store, Store::Mode::kReadOnly);
    if (!store) {
        print_error(store.error());
        return kExitError;
    }
    if (o.format == "jsonl") {
        auto triples = (*store)->load_triples();
        if (!triples) {
            print_error(triples.error());
            return kExitError;
        }
        // Canonical names: the same resolution as `build` (aliases, ids minted before).
        auto aliases = load_aliases(o.data_dir);
        auto known_ids = (*store)->load_known_ids();
        if (!aliases || !known_ids) {
            print_error(!aliases ? aliases.error() : known_ids.error());
            return kExitError;
        }
        ResolveOptions ropts;
        ropts.known_ids = std::move(known_ids.value());
        std::vector<std::pair<std::string, std::string>> ends;
        KnowledgeGraph g = build_graph(triples.value(), aliases.value(), ropts, &ends);
        apply_canonical_names(triples.value(), g, ends);
        Status st = write_triples(triples.value(), o.out);
        if (!st) {
            print_error(st.error());
            return kExitError;
        }
        return kExitOk;
    }
    auto g = (*store)->load_graph();
    if (!g) {
        print_error(g.error());
        return kExitError;
    }
    ExportOptions eo;
    if (!o.base_iri.empty()) eo.base_iri = o.base_iri;
    Status st = export_graph(g.value(), o.format, o.out, eo);
    if (!st) {
        print_error(st.error());
        return st.error().code == ErrorCode::kUsage ? kExitUsage : kExitError;
    }
    return kExitOk;
}

}  // namespace kgmill::cli
