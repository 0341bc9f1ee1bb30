// The graph questions: `kgmill query` (Cypher subset; a prompt when stdin is a terminal) and
// the named commands neighbors, path, rank, components, communities. Flags and output only;
// the engine and the algorithms are in kgmill_graph (query.hpp, algorithms.hpp).
//
// Output: --format table|csv|tsv|jsonl; the default is an aligned table when stdout is a
// terminal and TSV otherwise, so that `kgmill query ... | cut -f1` works. Exit status: 0, or 1
// when the store cannot be read, a name does not resolve, or a query fails (its error on
// stderr with line, column and a ^ under the place); 2 for bad flags.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "common.hpp"
#include "kgmill/core/ontology.hpp"
#include "kgmill/core/unicode.hpp"
#include "kgmill/graph/algorithms.hpp"
#include "kgmill/graph/query.hpp"
#include "kgmill/graph/store.hpp"

namespace kgmill::cli {

namespace {

using query::OutputFormat;
using query::QueryResult;
using query::Value;

struct GraphOptions {
    std::string store, format;
    // query
    std::string text, file;
    std::vector<std::string> params;
    // neighbors / path
    std::string name, other;
    int hops = 1;
    std::vector<std::string> types;
    // rank / components / communities
    std::string by = "degree";
    std::size_t top = 10;
    std::uint64_t seed = 42;
    double resolution = 1.0;
};

GraphOptions g_opts;
CLI::App *g_query, *g_neighbors, *g_path, *g_rank, *g_components, *g_communities;

void add_format(CLI::App* c) {
    c->add_option("--format", g_opts.format, "table, csv, tsv or jsonl (default: table on a terminal, else tsv)")
        ->check(CLI::IsMember({"table", "csv", "tsv", "jsonl"}));
}

OutputFormat output_format() {
    if (auto f = query::parse_output_format(g_opts.format)) return *f;
    return isatty(STDOUT_FILENO) ? OutputFormat::kTable : OutputFormat::kTsv;
}

/// The store's graph, or nullptr after printing why not.
std::unique_ptr<KnowledgeGraph> load(const std::string& path) {
    auto store = Store::open(path, Store::Mode::kReadOnly);
    if (!store) {
        print_error(store.error());
        return nullptr;
    }
    auto g = (*store)->load_graph({.evidence = false});  // queries read evidence on demand
    if (!g) {
        print_error(g.error());
        return nullptr;
    }
    return std::make_unique<KnowledgeGraph>(std::move(g.value()));
}

/// A name as the user typed it → one vertex (aliases and diacritics are optional); the best
/// candidate when several entities carry the name, with a note on stderr.
std::optional<VertexId> resolve(const KnowledgeGraph& g, const std::string& name) {
    std::vector<VertexId> hits = g.find_by_name(name);
    if (hits.empty()) {
        if (auto v = g.find_id(name)) return *v;
        std::string key = match_key(name);
        std::vector<std::string> close;
        for (VertexId v = 0; v < g.vertex_count() && close.size() < 5 && !key.empty(); ++v)
            if (match_key(g.entity_name(v)).find(key) != std::string::npos) close.emplace_back(g.entity_name(v));
        std::cerr << "kgmill: no entity is named '" << name << "'";
        if (!close.empty()) {
            std::cerr << "; names that contain it:";
            for (const auto& c : close) std::cerr << "\n  " << c;
        }
        std::cerr << '\n';
        return std::nullopt;
    }
    if (hits.size() > 1) {
        std::cerr << "kgmill: '" << name << "' names " << hits.size() << " entities; using "
                  << g.entity_name(hits[0]) << " (" << entity_type_name(g.entity_type(hits[0])) << "); others:";
        for (std::size_t i = 1; i < hits.size(); ++i)
            std::cerr << " " << g.entity_name(hits[i]) << " (" << entity_type_name(g.entity_type(hits[i])) << ")";
        std::cerr << '\n';
    }
    return hits[0];
}

/// "-[:VISITED]->" or "<-[:MEMBER_OF]-", read from `from`.
std::string arrow(const KnowledgeGraph& g, std::uint32_t ri, VertexId from) {
    std::string t = std::string(relation_type_name(g.relation_type(ri)));
    if (g.relation_symmetric(ri)) return "-[:" + t + "]-";
    return g.relation_source(ri) == from ? "-[:" + t + "]->" : "<-[:" + t + "]-";
}

Value names_list(const KnowledgeGraph& g, const std::vector<VertexId>& vs) {
    Value::List items;
    for (VertexId v : vs) items.push_back(Value::borrowed(g.entity_name(v)));
    return Value::list(std::move(items));
}

bool parse_params(query::Params& out) {
    for (const std::string& p : g_opts.params) {
        auto eq = p.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "kgmill: --param expects name=value, got '" << p << "'\n";
            return false;
        }
        out[p.substr(0, eq)] = query::parse_param_value(p.substr(eq + 1));
    }
    return true;
}

/// Runs each statement of `script`; returns false if one failed. `where` prefixes errors.
bool run_script(const query::QueryEngine& engine, const std::string& script, const query::Params& params,
                OutputFormat fmt, const std::string& where) {
    bool ok = true, first = true;
    for (auto& [text, line] : query::split_statements(script)) {
        QueryResult r = engine.run(text, params);
        if (!r.ok()) {
            query::QueryError e = *r.error;
            if (e.line > 0) e.line += line - 1;
            std::cerr << "kgmill: " << (where.empty() ? "" : where + ": ") << e.to_string() << '\n';
            ok = false;
            continue;
        }
        if (!first && fmt != OutputFormat::kJsonl) std::cout << '\n';
        first = false;
        query::write_result(std::cout, engine.graph(), r, fmt);
    }
    std::cout.flush();
    return ok;
}

void print_schema(const KnowledgeGraph& g) {
    std::vector<std::size_t> ents(kEntityTypeCount), rels(kRelationTypeCount);
    for (int t = 0; t < kEntityTypeCount; ++t) ents[static_cast<std::size_t>(t)] = g.vertices_of_type(static_cast<EntityType>(t)).size();
    for (std::uint32_t r = 0; r < g.edge_count(); ++r) ++rels[static_cast<std::size_t>(g.relation_type(r))];
    std::cout << "node labels (property keys: id, name, type, aliases, country)\n";
    for (int i = 0; i < kEntityTypeCount; ++i)
        std::cout << "  :" << entity_type_name(static_cast<EntityType>(i)) << "  " << ents[i] << "\n";
    std::cout << "relationship types (keys: type, date, role, field, count, status, weight, symmetric, doc, sentence, "
                 "start, end, extractor, confidence)\n";
    for (int i = 0; i < kRelationTypeCount; ++i)
        std::cout << "  :" << relation_type_name(static_cast<RelationType>(i)) << "  " << rels[i] << "\n";
}

/// The prompt: statements end with ';'; history is kept for the session.
int interactive(const query::QueryEngine& engine, query::Params params, OutputFormat fmt) {
    const KnowledgeGraph& g = engine.graph();
    std::cout << "kgmill query — " << g.vertex_count() << " entities, " << g.edge_count()
              << " relations. End a statement with ';'. :help lists the commands.\n";
    std::vector<std::string> history;
    std::string buffer, line;
    auto run_one = [&](std::string text) {  // by value: it may come from `history` itself
        history.push_back(text);
        run_script(engine, text, params, fmt, "");
    };
    while (true) {
        std::cout << (buffer.empty() ? "kgmill> " : "   ...> ") << std::flush;
        if (!std::getline(std::cin, line)) {
            std::cout << '\n';
            break;
        }
        if (buffer.empty()) {
            std::string cmd = line;
            while (!cmd.empty() && (cmd.back() == ' ' || cmd.back() == '\r')) cmd.pop_back();
            if (cmd == ":q" || cmd == ":quit" || cmd == ":exit") break;
            if (cmd == ":help") {
                std::cout << ":help             this list\n"
                             ":quit             leave (or Ctrl-D)\n"
                             ":history          the statements of this session\n"
                             "!N                run statement N of the history again\n"
                             ":format F         table, csv, tsv or jsonl\n"
                             ":param name=value set a parameter ($name)\n"
                             ":params           the parameters\n"
                             ":schema           labels and relationship types with counts\n"
                             "EXPLAIN <query>   the plan instead of the rows\n";
                continue;
            }
            if (cmd == ":history") {
                for (std::size_t i = 0; i < history.size(); ++i) std::cout << "  " << i + 1 << "  " << history[i] << '\n';
                continue;
            }
            if (cmd == ":schema") {
                print_schema(g);
                continue;
            }
            if (cmd == ":params") {
                for (const auto& [k, v] : params) std::cout << "  $" << k << " = " << query::to_json(g, v) << '\n';
                continue;
            }
            if (cmd.rfind(":format", 0) == 0) {
                std::string f = cmd.size() > 8 ? cmd.substr(8) : "";
                if (auto pf = query::parse_output_format(f)) fmt = *pf;
                else std::cout << "formats: table, csv, tsv, jsonl\n";
                continue;
            }
            if (cmd.rfind(":param", 0) == 0) {
                std::string p = cmd.size() > 7 ? cmd.substr(7) : "";
                auto eq = p.find('=');
                if (eq == std::string::npos || eq == 0) std::cout << "usage: :param name=value\n";
                else params[p.substr(0, eq)] = query::parse_param_value(p.substr(eq + 1));
                continue;
            }
            if (!cmd.empty() && cmd[0] == '!') {
                std::size_t n = 0;
                try {
                    n = std::stoul(cmd.substr(1));
                } catch (...) {
                }
                if (n == 0 || n > history.size()) std::cout << "no statement " << cmd.substr(1) << " in the history\n";
                else run_one(history[n - 1]);
                continue;
            }
            if (!cmd.empty() && cmd[0] == ':') {
                std::cout << "unknown command " << cmd << " (:help)\n";
                continue;
            }
        }
        buffer += line;
        buffer += '\n';
        // a statement is complete when the buffer holds a ';' outside strings and brackets
        auto parts = query::split_statements(buffer);
        std::string trimmed = buffer;
        while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == ' ' || trimmed.back() == '\r'))
            trimmed.pop_back();
        if (!trimmed.empty() && trimmed.back() == ';') {
            for (auto& [text, l] : parts) run_one(text);
            buffer.clear();
        } else if (parts.empty()) {
            buffer.clear();  // only blank lines or comments
        }
    }
    return kExitOk;
}

int run_query() {
    auto g = load(g_opts.store);
    if (!g) return kExitError;
    query::Params params;
    if (!parse_params(params)) return kExitUsage;
    query::QueryEngine engine(*g);
    OutputFormat fmt = output_format();
    if (!g_opts.text.empty() && !g_opts.file.empty()) {
        std::cerr << "kgmill: give the query as an argument or with -f, not both\n";
        return kExitUsage;
    }
    if (!g_opts.file.empty()) {
        std::ifstream in(g_opts.file, std::ios::binary);
        if (!in) {
            std::cerr << "kgmill: cannot read " << g_opts.file << '\n';
            return kExitError;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        return run_script(engine, ss.str(), params, fmt, g_opts.file) ? kExitOk : kExitError;
    }
    if (!g_opts.text.empty()) return run_script(engine, g_opts.text, params, fmt, "") ? kExitOk : kExitError;
    if (isatty(STDIN_FILENO)) return interactive(engine, std::move(params), isatty(STDOUT_FILENO) && g_opts.format.empty() ? OutputFormat::kTable : fmt);
    std::stringstream ss;
    ss << std::cin.rdbuf();
    return run_script(engine, ss.str(), params, fmt, "<stdin>") ? kExitOk : kExitError;
}

int emit(const KnowledgeGraph& g, QueryResult r) {
    query::write_result(std::cout, g, r, output_format());
    return kExitOk;
}

int run_neighbors() {
    std::uint32_t mask = 0;
    for (const std::string& t : g_opts.types) {
        auto rt = parse_relation_type(t);
        if (!rt) {
            std::cerr << "kgmill: unknown relation type '" << t << "'; the types are";
            for (int i = 0; i < kRelationTypeCount; ++i) std::cerr << " " << relation_type_name(static_cast<RelationType>(i));
            std::cerr << '\n';
            return kExitUsage;
        }
        mask |= 1u << static_cast<int>(*rt);
    }
    if (g_opts.hops < 1) {
        std::cerr << "kgmill: --hops must be at least 1\n";
        return kExitUsage;
    }
    auto g = load(g_opts.store);
    if (!g) return kExitError;
    auto start = resolve(*g, g_opts.name);
    if (!start) return kExitError;
    QueryResult r;
    r.columns = {"hops", "name", "type", "relation", "from", "id"};
    for (const Neighbor& n : neighbors(*g, *start, g_opts.hops, mask)) {
        r.rows.push_back({Value::integer(n.hops), Value::borrowed(g->entity_name(n.vertex)),
                          Value::borrowed(entity_type_name(g->entity_type(n.vertex))),
                          Value::string(arrow(*g, n.via, n.from)), Value::borrowed(g->entity_name(n.from)),
                          Value::borrowed(g->entity_id(n.vertex))});
    }
    return emit(*g, std::move(r));
}

int run_path() {
    auto g = load(g_opts.store);
    if (!g) return kExitError;
    auto a = resolve(*g, g_opts.name);
    auto b = resolve(*g, g_opts.other);
    if (!a || !b) return kExitError;
    QueryResult r;
    r.columns = {"hop", "from", "relation", "to", "doc"};
    auto p = shortest_path(*g, *a, *b);
    if (!p) {
        std::cerr << "kgmill: no path between " << g->entity_name(*a) << " and " << g->entity_name(*b) << '\n';
        return emit(*g, std::move(r));
    }
    for (std::size_t i = 0; i < p->rels.size(); ++i) {
        const Provenance* first = g->first_evidence(p->rels[i]);
        r.rows.push_back({Value::integer(static_cast<std::int64_t>(i + 1)), Value::borrowed(g->entity_name(p->nodes[i])),
                          Value::string(arrow(*g, p->rels[i], p->nodes[i])),
                          Value::borrowed(g->entity_name(p->nodes[i + 1])),
                          first ? Value::borrowed(first->doc) : Value()});
    }
    return emit(*g, std::move(r));
}

int run_rank() {
    auto g = load(g_opts.store);
    if (!g) return kExitError;
    std::vector<double> scores;
    if (g_opts.by == "degree") {
        DegreeCentrality a(*g);
        a.run();
        scores = a.scores();
    } else if (g_opts.by == "betweenness") {
        BetweennessCentrality a(*g);
        a.run();
        scores = a.scores();
    } else {
        PageRank a(*g);
        a.run();
        scores = a.scores();
    }
    QueryResult r;
    r.columns = {"rank", "name", "type", g_opts.by};
    std::size_t i = 0;
    for (VertexId v : top_vertices(scores, g_opts.top)) {
        // six decimals are plenty to rank by and keep the table narrow
        Value score = g_opts.by == "degree" ? Value::integer(static_cast<std::int64_t>(scores[v]))
                                            : Value::real(std::round(scores[v] * 1e6) / 1e6);
        r.rows.push_back({Value::integer(static_cast<std::int64_t>(++i)), Value::borrowed(g->entity_name(v)),
                          Value::borrowed(entity_type_name(g->entity_type(v))), score});
    }
    return emit(*g, std::move(r));
}

int run_groups(bool communities) {
    auto g = load(g_opts.store);
    if (!g) return kExitError;
    std::vector<std::vector<VertexId>> members;
    if (communities) {
        Communities c(*g, Communities::Params{g_opts.seed, g_opts.resolution, 20});
        c.run();
        members = c.members();
        std::cerr << "modularity " << c.modularity() << ", " << members.size() << " communities\n";
    } else {
        ConnectedComponents c(*g);
        c.run();
        members = c.members();
        std::cerr << members.size() << " components\n";
    }
    QueryResult r;
    r.columns = {communities ? "community" : "component", "size", "members"};
    for (std::size_t i = 0; i < members.size() && i < g_opts.top; ++i)
        r.rows.push_back({Value::integer(static_cast<std::int64_t>(i + 1)),
                          Value::integer(static_cast<std::int64_t>(members[i].size())), names_list(*g, members[i])});
    return emit(*g, std::move(r));
}

}  // namespace

void register_graph_commands(CLI::App& app) {
    g_query = app.add_subcommand("query", "answer a read-only Cypher query (a prompt when stdin is a terminal)");
    g_query->add_option("store", g_opts.store, "kg.sqlite or the OUT folder")->required();
    g_query->add_option("cypher", g_opts.text, "the query (several may be separated by ';')");
    g_query->add_option("-f,--file", g_opts.file, "read the statements from FILE");
    g_query->add_option("--param", g_opts.params, "a $parameter: name=value (a Cypher literal or plain text)");
    add_format(g_query);

    g_neighbors = app.add_subcommand("neighbors", "entities within N hops of NAME");
    g_neighbors->add_option("store", g_opts.store, "kg.sqlite or the OUT folder")->required();
    g_neighbors->add_option("name", g_opts.name, "name, alias or id (diacritics optional)")->required();
    g_neighbors->add_option("--hops", g_opts.hops, "how far (default 1)");
    g_neighbors->add_option("--type", g_opts.types, "follow only these relation types (repeat or comma-separate)")->delimiter(',');
    add_format(g_neighbors);

    g_path = app.add_subcommand("path", "a shortest chain of relations between A and B");
    g_path->add_option("store", g_opts.store, "kg.sqlite or the OUT folder")->required();
    g_path->add_option("a", g_opts.name, "from (name, alias or id)")->required();
    g_path->add_option("b", g_opts.other, "to (name, alias or id)")->required();
    add_format(g_path);

    g_rank = app.add_subcommand("rank", "the most central entities");
    g_rank->add_option("store", g_opts.store, "kg.sqlite or the OUT folder")->required();
    g_rank->add_option("--by", g_opts.by, "degree, betweenness or pagerank (default degree)")
        ->check(CLI::IsMember({"degree", "betweenness", "pagerank"}));
    g_rank->add_option("--top", g_opts.top, "how many (default 10)");
    add_format(g_rank);

    g_components = app.add_subcommand("components", "connected components, largest first");
    g_components->add_option("store", g_opts.store, "kg.sqlite or the OUT folder")->required();
    g_components->add_option("--top", g_opts.top, "how many (default 10)");
    add_format(g_components);

    g_communities = app.add_subcommand("communities", "communities (Louvain modularity), largest first");
    g_communities->add_option("store", g_opts.store, "kg.sqlite or the OUT folder")->required();
    g_communities->add_option("--seed", g_opts.seed, "seed of the move order (default 42)");
    g_communities->add_option("--resolution", g_opts.resolution, "above 1: smaller communities (default 1)");
    g_communities->add_option("--top", g_opts.top, "how many (default 10)");
    add_format(g_communities);
}

int run_graph_command(CLI::App&) {
    if (g_query && *g_query) return run_query();
    if (g_neighbors && *g_neighbors) return run_neighbors();
    if (g_path && *g_path) return run_path();
    if (g_rank && *g_rank) return run_rank();
    if (g_components && *g_components) return run_groups(false);
    if (g_communities && *g_communities) return run_groups(true);
    return kExitUsage;
}

}  // namespace kgmill::cli
