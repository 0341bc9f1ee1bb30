// fuzz_query_parser.cpp — libFuzzer harness for the openCypher engine (graph/.../query.hpp):
// parse, bind, plan and execute the input against a tiny hand-built graph, plus the script
// splitter, the AST dump, the --param value parser and every output format.
//
// Only the public API is used. Each input is one query text; use fuzz/query.dict.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kgmill/graph/knowledge_graph.hpp"
#include "kgmill/graph/query.hpp"

namespace {

using namespace kgmill;
namespace q = kgmill::query;

constexpr std::size_t kMaxInput = 4 * 1024;  // queries are short; longer ones only find timeouts
constexpr std::size_t kMaxStatements = 4;

// 10 entities of several types (Vietnamese names and aliases included), 12 relations: symmetric
// and directed, with properties and two-statement evidence, and a cycle for path queries.
KnowledgeGraph build_graph() {
    using ET = EntityType;
    using RT = RelationType;
    std::vector<Entity> es = {
        {"vnu", "Vietnam National University, Hanoi", ET::kUniversity, {"VNU", "Đại học Quốc gia Hà Nội"}, "VN"},
        {"ussh", "University of Social Sciences and Humanities", ET::kUniversity, {"USSH"}, "VN"},
        {"hust", "Hanoi University of Science and Technology", ET::kUniversity, {"HUST"}, "VN"},
        {"tsinghua", "Tsinghua University", ET::kUniversity, {}, "CN"},
        {"samsung", "Samsung Electronics", ET::kCompany, {}, "KR"},
        {"aun", "ASEAN University Network", ET::kNetwork, {"AUN"}, ""},
        {"person-le-quan", "Lê Quân", ET::kPerson, {"Le Quan"}, "VN"},
        {"place-ha-noi", "Hà Nội", ET::kPlace, {"Hanoi"}, "VN"},
        {"agreement-vnu-tsinghua-2024", "MoU(VNU–Tsinghua University, 2024-08)", ET::kAgreement, {}, ""},
        {"field-ai", "artificial intelligence", ET::kField, {"trí tuệ nhân tạo"}, ""},
    };
    struct R {
        VertexId s;
        RelationType p;
        VertexId o;
        Properties props;
        int statements;
    };
    const std::vector<R> rs = {
        {2, RT::kSignedAgreementWith, 4, {{"date", "2025"}}, 1},
        {2, RT::kCooperatesWith, 4, {{"field", "semiconductor technology"}}, 2},
        {0, RT::kSignedAgreementWith, 3, {{"date", "2024-08"}}, 1},
        {0, RT::kPartyTo, 8, {}, 1},
        {3, RT::kPartyTo, 8, {}, 1},
        {8, RT::kConcerns, 9, {}, 1},
        {1, RT::kPartOf, 0, {}, 1},
        {0, RT::kMemberOf, 5, {}, 2},
        {0, RT::kLocatedIn, 7, {}, 1},
        {6, RT::kHoldsPosition, 0, {{"role", "Director"}}, 1},
        {6, RT::kVisited, 3, {{"date", "2024-08-28"}}, 1},
        {1, RT::kCooperatesWith, 2, {{"count", "3"}, {"status", "planned"}}, 1},
    };
    std::vector<Relation> relations;
    for (const R& r : rs) {
        Relation rel;
        rel.source = r.s;
        rel.target = r.o;
        rel.type = r.p;
        rel.properties = r.props;
        for (int i = 0; i < r.statements; ++i)
            rel.evidence.push_back({"doc" + std::to_string(i) + ".txt", "evidence \"quoted\"\tsentence",
                                    static_cast<std::uint32_t>(10 * i), static_cast<std::uint32_t>(10 * i + 9),
                                    "fuzz.rule", 0.5});
        rel.symmetric_flag = is_symmetric(r.p) && is_organization(es[r.s].type) && is_organization(es[r.o].type);
        relations.push_back(std::move(rel));
    }
    return KnowledgeGraph(std::move(es), std::move(relations));
}

const KnowledgeGraph& graph() {
    static const KnowledgeGraph g = build_graph();
    return g;
}

const q::QueryEngine& engine() {
    static const q::QueryEngine e = [] {
        q::QueryOptions opts;
        opts.max_var_length = 6;  // `*` unbounded on a graph with cycles: keep path counts small
        return q::QueryEngine(graph(), opts);
    }();
    return e;
}

const q::Params& params() {
    static const q::Params p = {
        {"year", q::Value::string("2025")},
        {"n", q::Value::integer(2)},
        {"x", q::Value::real(0.5)},
        {"name", q::Value::string("VNU")},
        {"list", q::Value::list({q::Value::integer(1), q::Value::string("a"), q::Value()})},
        {"map", q::Value::map({{"k", q::Value::boolean(true)}})},
    };
    return p;
}

void run_one(std::string_view text) {
    const q::QueryResult r = engine().run(text, params());
    if (!r.ok()) {
        (void)r.error->to_string();
        return;
    }
    for (const q::OutputFormat f : {q::OutputFormat::kTable, q::OutputFormat::kCsv, q::OutputFormat::kTsv,
                                    q::OutputFormat::kJsonl}) {
        std::ostringstream out;
        q::write_result(out, graph(), r, f);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxInput) return -1;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)q::dump_ast(text);
    (void)q::parse_param_value(text);
    run_one(text);
    const auto statements = q::split_statements(text);
    if (statements.size() > 1) {
        for (std::size_t i = 0; i < statements.size() && i < kMaxStatements; ++i) run_one(statements[i].first);
    }
    return 0;
}
