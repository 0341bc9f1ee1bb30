// QueryEngine: parse → bind → plan → execute, with every stage's exception turned into a
// QueryError that carries line, column and the source line (STYLE.md §4, §5).
#include <algorithm>
#include <new>

#include "kgmill/graph/query.hpp"
#include "query/binder/binder.hpp"
#include "query/errors.hpp"
#include "query/exec/context.hpp"
#include "query/exec/operators.hpp"
#include "query/parser/parser.hpp"
#include "query/planner/planner.hpp"

namespace kgmill::query {

namespace {

std::size_t count_chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

QueryError locate(std::string_view text, const QueryException& e, int first_line = 1) {
    QueryError err;
    err.stage = e.stage();
    err.message = e.what();
    if (e.offset() == kNoOffset) return err;
    std::size_t off = std::min(e.offset(), text.size());
    std::size_t line_start = text.rfind('\n', off == 0 ? 0 : off - 1);
    line_start = (line_start == std::string_view::npos || off == 0) ? 0 : line_start + 1;
    if (off > 0 && text[off - 1] == '\n') line_start = off;
    std::size_t line_end = text.find('\n', off);
    if (line_end == std::string_view::npos) line_end = text.size();
    err.line = first_line + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
    err.column = static_cast<int>(count_chars(text.substr(line_start, off - line_start))) + 1;
    std::size_t span_end = std::min(off + e.length(), line_end);
    err.length = std::max(1, static_cast<int>(count_chars(text.substr(off, span_end > off ? span_end - off : 0))));
    err.source_line = std::string(text.substr(line_start, line_end - line_start));
    if (!err.source_line.empty() && err.source_line.back() == '\r') err.source_line.pop_back();
    return err;
}

Value literal_value(const ast::Expr& e, bool& ok) {
    switch (e.kind) {
        case ast::ExprKind::kLiteral: return e.literal;
        case ast::ExprKind::kUnary:
            if (e.op == ast::Op::kNeg && e.args[0]->kind == ast::ExprKind::kLiteral && e.args[0]->literal.is_number()) {
                const Value& x = e.args[0]->literal;
                return x.kind() == Value::Kind::kInt ? Value::integer(-x.as_int()) : Value::real(-x.as_double());
            }
            break;
        case ast::ExprKind::kList: {
            Value::List items;
            for (const auto& a : e.args) items.push_back(literal_value(*a, ok));
            return Value::list(std::move(items));
        }
        case ast::ExprKind::kMap: {
            Value::Map m;
            for (std::size_t i = 0; i < e.args.size(); ++i) m.emplace_back(e.keys[i], literal_value(*e.args[i], ok));
            return Value::map(std::move(m));
        }
        default: break;
    }
    ok = false;
    return Value();
}

}  // namespace

std::string QueryError::to_string() const {
    std::string s = "Query " + stage + " error";
    if (line > 0) s += " (line " + std::to_string(line) + ", col " + std::to_string(column) + ")";
    s += ": " + message;
    if (line > 0) {
        s += "\n" + source_line + "\n";
        // the underline keeps the tabs of the line so that it lines up
        int col = 1;
        for (std::size_t i = 0; i < source_line.size() && col < column; ++i) {
            unsigned char c = static_cast<unsigned char>(source_line[i]);
            if ((c & 0xC0) == 0x80) continue;  // inside a multi-byte character
            s += c == '\t' ? '\t' : ' ';
            ++col;
        }
        for (; col < column; ++col) s += ' ';
        s += std::string(static_cast<std::size_t>(std::max(1, length)), '^');
    }
    return s;
}

/// A query ready to run: its bound form and the operators that point into it. A prepared
/// query runs on one thread at a time (`busy`); the cache hands it out again afterwards.
struct PreparedQuery {
    BoundQuery bound;
    std::vector<Pipeline> pipelines;
    bool busy = false;
};

namespace {
constexpr std::size_t kCacheEntries = 256;  ///< prepared queries kept (cleared when full)
}  // namespace

QueryEngine::QueryEngine(const KnowledgeGraph& graph, QueryOptions options)
    : graph_(graph), options_(options), indexes_(std::make_unique<Indexes>()) {
    for (const std::string& k : graph.relation_property_keys())
        if (rel_key(k) == RelKey::kUnknown) indexes_->schema.extra_rel_keys.insert(k);
    indexes_->schema.max_var_length = options.max_var_length;
}

QueryEngine::~QueryEngine() = default;
QueryEngine::QueryEngine(QueryEngine&&) noexcept = default;

QueryResult QueryEngine::run(std::string_view text, const Params& params) const {
    QueryResult result;
    if (text.size() > options_.max_query_bytes) {
        result.error = QueryError{"parse", "the query is longer than " + std::to_string(options_.max_query_bytes) + " bytes", 0, 0, 1, ""};
        return result;
    }
    const std::string key(text);
    PreparedQuery* prepared = nullptr;  // from the cache (busy while we run it)
    std::unique_ptr<PreparedQuery> fresh;
    {
        std::lock_guard<std::mutex> lock(indexes_->cache_mutex);
        auto it = indexes_->cache.find(key);
        if (it != indexes_->cache.end() && !it->second->busy) {
            prepared = it->second.get();
            prepared->busy = true;
        }
    }
    try {
        if (!prepared) {
            fresh = std::make_unique<PreparedQuery>();
            Parser parser(text, options_.max_nesting);
            ast::Query ast = parser.parse_query();
            fresh->bound = Binder(indexes_->schema).bind(ast);
            for (std::size_t i = 1; i < fresh->bound.union_all.size(); ++i)
                if (fresh->bound.union_all[i] != fresh->bound.union_all[0])
                    throw BindError("UNION and UNION ALL cannot be mixed in one query", 0, 1);
            fresh->pipelines = Planner(fresh->bound, options_.max_operators).plan();
            prepared = fresh.get();
        }
        const BoundQuery& bound = prepared->bound;
        for (const UsedParam& p : bound.params)
            if (!params.count(p.name))
                throw BindError("missing parameter $" + p.name + " (pass it with --param " + p.name + "=VALUE)", p.offset,
                                p.length);
        if (bound.explain) {
            result.columns = {"plan"};
            for (std::size_t p = 0; p < prepared->pipelines.size(); ++p) {
                if (p) result.rows.push_back({Value::string(bound.union_all[p - 1] ? "UnionAll" : "Union")});
                for (const auto& op : prepared->pipelines[p].ops)
                    result.rows.push_back({Value::string(std::string(static_cast<std::size_t>(op->depth) * 2, ' ') +
                                                         op->describe(bound.slot_names))});
            }
        } else {
            result.columns = bound.parts[0].columns;
            EvalContext ctx(graph_, *indexes_, params, &result.rows);
            for (Pipeline& pipe : prepared->pipelines) {
                ctx.stop_upto = 0;
                for (auto& op : pipe.ops) {
                    op->ctx = &ctx;
                    op->reset();
                }
                Row row(static_cast<std::size_t>(bound.slot_count));
                pipe.ops.front()->push(row);
                pipe.ops.front()->finish();
            }
            if (prepared->pipelines.size() > 1 && !bound.union_all[0]) {  // UNION: distinct rows, first seen first
                std::vector<std::vector<Value>> unique;
                std::unordered_set<std::vector<Value>, RowHash> seen;
                for (auto& r : result.rows)
                    if (seen.insert(r).second) unique.push_back(std::move(r));
                result.rows = std::move(unique);
            }
        }
    } catch (const QueryException& e) {
        result.columns.clear();
        result.rows.clear();
        result.error = locate(text, e);
    } catch (const std::bad_alloc&) {
        result.columns.clear();
        result.rows.clear();
        result.error = QueryError{"runtime", "out of memory (add LIMIT, or narrow the pattern)", 0, 0, 1, ""};
    }
    // Give the plan back, or keep a fresh one for the next run of the same text. Operators keep
    // state between runs only until their next reset(); a run that threw leaves it to that reset.
    std::lock_guard<std::mutex> lock(indexes_->cache_mutex);
    if (fresh) {
        if (prepared == fresh.get() && !indexes_->cache.count(key)) {
            if (indexes_->cache.size() >= kCacheEntries) {
                for (auto it = indexes_->cache.begin(); it != indexes_->cache.end();)
                    it = it->second->busy ? std::next(it) : indexes_->cache.erase(it);
            }
            fresh->busy = false;
            indexes_->cache.emplace(key, std::move(fresh));
        }
    } else if (prepared) {
        prepared->busy = false;
    }
    return result;
}

std::vector<std::pair<std::string, int>> split_statements(std::string_view s) {
    std::vector<std::pair<std::string, int>> out;
    std::size_t start = 0;
    int line = 1, start_line = 1;
    int depth = 0;
    auto flush = [&](std::size_t end) {
        std::string_view piece = s.substr(start, end - start);
        std::size_t first = std::string_view::npos;  // offset of the first token in the piece
        try {
            std::vector<Token> toks = tokenize(piece);
            if (toks.size() > 1) first = toks.front().offset;
        } catch (const QueryException& e) {
            first = std::min(e.offset(), piece.size());  // keep it: running it reports the error
        }
        if (first == std::string_view::npos) return;
        // Start the text at the beginning of the first token's line, so that error columns are
        // those of the script; a statement that starts mid-line gets spaces for what precedes it.
        std::size_t nl = piece.rfind('\n', first);
        int l = start_line + static_cast<int>(std::count(piece.begin(), piece.begin() + static_cast<std::ptrdiff_t>(first), '\n'));
        std::string text;
        if (nl == std::string_view::npos) {
            std::size_t line_begin = s.rfind('\n', start == 0 ? 0 : start - 1);
            line_begin = (start == 0 || line_begin == std::string_view::npos) ? 0 : line_begin + 1;
            if (start > 0 && s[start - 1] == '\n') line_begin = start;
            for (std::size_t k = line_begin; k < start; ++k)
                if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) text += s[k] == '\t' ? '\t' : ' ';
            text += piece;
        } else {
            text = std::string(piece.substr(nl + 1));
        }
        while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' || text.back() == '\t'))
            text.pop_back();
        out.emplace_back(std::move(text), l);
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\n') ++line;
        if (c == '\'' || c == '"' || c == '`') {
            char q = c;
            for (++i; i < s.size() && s[i] != q; ++i) {
                if (s[i] == '\n') ++line;
                if (s[i] == '\\' && q != '`' && i + 1 < s.size()) ++i;
            }
        } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
            while (i < s.size() && s[i] != '\n') ++i;
            if (i < s.size()) ++line;
        } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            std::size_t close = s.find("*/", i + 2);
            std::size_t stop = close == std::string_view::npos ? s.size() : close + 2;
            line += static_cast<int>(std::count(s.begin() + static_cast<std::ptrdiff_t>(i), s.begin() + static_cast<std::ptrdiff_t>(stop), '\n'));
            i = stop - 1;
        } else if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            --depth;
        } else if (c == ';' && depth == 0) {
            flush(i);
            start = i + 1;
            start_line = line;
        }
    }
    flush(s.size());
    return out;
}

std::string dump_ast(std::string_view text) {
    try {
        Parser parser(text, QueryOptions{}.max_nesting);
        return ast::dump(parser.parse_query());
    } catch (const QueryException& e) {
        return locate(text, e).to_string();
    }
}

Value parse_param_value(std::string_view text) {
    try {
        std::vector<Token> toks = tokenize(text);
        if (toks.size() > 1) {
            Parser parser(text, QueryOptions{}.max_nesting);
            ast::ExprPtr e = parser.parse_standalone_expression();
            bool ok = true;
            Value v = literal_value(*e, ok);
            if (ok) return v;
        }
    } catch (const QueryException&) {
    }
    return Value::string(std::string(text));
}

}  // namespace kgmill::query
