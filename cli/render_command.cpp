// `kgmill render STORE -o FILE.svg|png|pdf|html [--focus NAME --hops N] [--types T,...]
//  [--relations R,...] [--layout sfdp|neato|fdp|dot|circo] [--group-by country|type|community]
//  [--max-nodes N] [--title TEXT]`: parses, loads the store, calls render_graph
//  (exporters/render.hpp). What was left out goes to stderr.
#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "kgmill/core/ontology.hpp"
#include "kgmill/exporters/render.hpp"
#include "kgmill/graph/store.hpp"

namespace kgmill::cli {

namespace {

struct RenderCmd {
    CLI::App* sub = nullptr;
    std::string store, out, group_by, layout = "sfdp";
    std::vector<std::string> types, relations;
    RenderOptions opts;
};

RenderCmd& cmd() {
    static RenderCmd c;
    return c;
}

std::string fold(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// A label given in any case ("university", "signed_agreement_with").
template <class T, class Parse, class Name>
std::optional<T> parse_label(const std::string& s, int count, Parse parse, Name name) {
    if (auto t = parse(s)) return t;
    for (int i = 0; i < count; ++i)
        if (fold(std::string(name(static_cast<T>(i)))) == fold(s)) return static_cast<T>(i);
    return std::nullopt;
}

template <class T, class Name>
std::string known_list(int count, Name name) {
    std::string s;
    for (int i = 0; i < count; ++i) {
        if (i) s += ", ";
        s += name(static_cast<T>(i));
    }
    return s;
}

int usage(const std::string& msg) {
    std::cerr << "kgmill: render: " << msg << '\n';
    return kExitUsage;
}

}  // namespace

void register_render_command(CLI::App& app) {
    RenderCmd& c = cmd();
    c.sub = app.add_subcommand("render", "draw a diagram: SVG, PNG, PDF (Graphviz) or an interactive HTML page");
    c.sub->add_option("store", c.store, "kg.sqlite or the OUT folder")->required();
    c.sub->add_option("-o,--out", c.out, "output file: .svg, .png, .pdf or .html")->required();
    c.sub->add_option("--focus", c.opts.focus, "centre on this entity (name, alias or id; accents and case ignored)");
    c.sub->add_option("--hops", c.opts.hops, "relations to follow from --focus (default 1)");
    c.sub->add_option("--types", c.types, "entity types to show, comma-separated (e.g. University,Company)")
        ->delimiter(',');
    c.sub->add_option("--relations", c.relations, "relation types to show, comma-separated")->delimiter(',');
    c.sub->add_option("--layout", c.layout, "Graphviz layout engine (default sfdp)")
        ->check(CLI::IsMember({"sfdp", "neato", "fdp", "dot", "circo"}));
    c.sub->add_option("--group-by", c.group_by, "draw groups as clusters")
        ->check(CLI::IsMember({"country", "type", "community"}));
    c.sub->add_option("--max-nodes", c.opts.max_nodes,
                      "most entities to draw, the nearest / busiest first (default 150 for images, 20000 for HTML)");
    c.sub->add_option("--title", c.opts.title, "title of the picture or page");
}

int run_render_command(CLI::App&) {
    RenderCmd& c = cmd();
    if (!c.sub || !c.sub->parsed()) return -1;
    RenderOptions o = c.opts;
    o.layout = c.layout;
    if (!render_format_for_path(c.out)) return usage("the output must end in .svg, .png, .pdf or .html: " + c.out);
    for (const std::string& t : c.types) {
        auto et = parse_label<EntityType>(t, kEntityTypeCount, parse_entity_type, entity_type_name);
        if (!et) return usage("unknown entity type '" + t + "' (known: " +
                              known_list<EntityType>(kEntityTypeCount, entity_type_name) + ")");
        o.types.push_back(*et);
    }
    for (const std::string& r : c.relations) {
        auto rt = parse_label<RelationType>(r, kRelationTypeCount, parse_relation_type, relation_type_name);
        if (!rt) return usage("unknown relation type '" + r + "' (known: " +
                              known_list<RelationType>(kRelationTypeCount, relation_type_name) + ")");
        o.relations.push_back(*rt);
    }
    o.group_by = parse_group_by(c.group_by).value_or(GroupBy::kNone);
    if (o.hops < 0) return usage("--hops must be 0 or more");

    auto store = Store::open(c.store, Store::Mode::kReadOnly);
    if (!store) {
        print_error(store.error());
        return kExitError;
    }
    auto g = (*store)->load_graph();
    if (!g) {
        print_error(g.error());
        return kExitError;
    }
    RenderReport report;
    Status st = render_graph(g.value(), o, c.out, &report);
    if (!st) {
        print_error(st.error());
        return st.error().code == ErrorCode::kUsage ? kExitUsage : kExitError;
    }
    if (!report.note.empty()) std::cerr << "kgmill: render: " << report.note << '\n';
    return kExitOk;
}

}  // namespace kgmill::cli
