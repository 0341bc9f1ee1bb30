// MATCH: pattern variables, labels and relationship types (checked against the ontology, with
// the list of valid names in the error), property maps turned into WHERE conjuncts.
#include <algorithm>

#include "kgmill/core/ontology.hpp"
#include "query/binder/binder.hpp"
#include "query/errors.hpp"

namespace kgmill::query {

namespace {

constexpr std::uint32_t kAllEntityTypes = (1u << kEntityTypeCount) - 1;
constexpr std::uint32_t kAllRelationTypes = (1u << kRelationTypeCount) - 1;

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            char x = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i - 1])));
            char y = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j - 1])));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x == y ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

/// " (did you mean X?)" when one valid name is close to `name`.
template <class NameOf>
std::string suggestion(std::string_view name, int count, NameOf name_of) {
    std::string best;
    std::size_t best_d = name.size() >= 8 ? 4 : 3;  // "Universities" is 3 edits from University
    for (int i = 0; i < count; ++i) {
        std::string_view cand = name_of(i);
        std::size_t d = edit_distance(name, cand);
        if (d < best_d) {
            best_d = d;
            best = std::string(cand);
        }
    }
    return best.empty() ? "" : " (did you mean " + best + "?)";
}

std::string all_labels() {
    std::string s = "Entity (every node), ";
    for (int i = 0; i < kEntityTypeCount; ++i) s += (i ? ", " : "") + std::string(entity_type_name(static_cast<EntityType>(i)));
    return s;
}

std::string all_rel_types() {
    std::string s;
    for (int i = 0; i < kRelationTypeCount; ++i)
        s += (i ? ", " : "") + std::string(relation_type_name(static_cast<RelationType>(i)));
    return s;
}

std::uint32_t label_bit(const std::string& name, const ast::Span& span) {
    if (auto t = parse_entity_type(name)) return 1u << static_cast<int>(*t);
    // The Neo4j export gives every node the label Entity too (for its id constraint).
    if (name == "Entity") return kAllEntityTypes;
    std::string hint = suggestion(name, kEntityTypeCount, [](int i) { return entity_type_name(static_cast<EntityType>(i)); });
    if (hint.empty() && parse_relation_type(name)) hint = " (" + name + " is a relationship type)";
    throw BindError("unknown label '" + name + "'" + hint + "; the labels are " + all_labels(), span.offset, span.length);
}

std::uint32_t rel_type_bit(const std::string& name, const ast::Span& span) {
    if (auto t = parse_relation_type(name)) return 1u << static_cast<int>(*t);
    std::string hint =
        suggestion(name, kRelationTypeCount, [](int i) { return relation_type_name(static_cast<RelationType>(i)); });
    if (hint.empty() && parse_entity_type(name)) hint = " (" + name + " is a node label)";
    throw BindError("unknown relationship type '" + name + "'" + hint + "; the types are " + all_rel_types(), span.offset,
                    span.length);
}

/// An expression of `op` written at `span` (errors point there).
BExpr expr_at(BOp op, const ast::Span& span) {
    BExpr e;
    e.op = op;
    e.offset = span.offset;
    e.length = span.length;
    return e;
}

/// The pattern variable in `slot`, as written at `span`.
BExpr slot_at(int slot, const ast::Span& span) {
    BExpr var = expr_at(BOp::kSlot, span);
    var.slot = slot;
    return var;
}

BExpr property_equals(int slot, const std::string& key, NodeKey nk, RelKey rk, BExpr value, const ast::Span& span) {
    BExpr prop = expr_at(BOp::kProperty, span);
    prop.key = key;
    prop.node_key = nk;
    prop.rel_key = rk;
    prop.args.push_back(slot_at(slot, span));
    BExpr eq = expr_at(BOp::kEq, span);
    eq.args.push_back(std::move(prop));
    eq.args.push_back(std::move(value));
    return eq;
}

/// (n $props): checked at run time, when the parameter's keys are known.
BExpr properties_match(int slot, BExpr map, const ast::Span& span) {
    BExpr b = expr_at(BOp::kPropertiesMatch, span);
    b.args.push_back(slot_at(slot, span));
    b.args.push_back(std::move(map));
    return b;
}

}  // namespace

std::uint32_t Binder::bind_labels(const ast::LabelExpr& labels) {
    std::uint32_t mask = kAllEntityTypes;
    for (const auto& alts : labels) {
        std::uint32_t any = 0;
        for (const ast::LabelName& l : alts) any |= label_bit(l.name, l.span);
        mask &= any;
    }
    return mask;
}

std::uint32_t Binder::bind_label_names(const std::vector<std::string>& names, const ast::Span& span) {
    std::uint32_t mask = kAllEntityTypes;
    for (const std::string& n : names) mask &= label_bit(n, span);
    return mask;
}

std::vector<std::pair<std::string, BExpr>> Binder::bind_property_map(const ast::Expr* props) {
    std::vector<std::pair<std::string, BExpr>> out;
    if (!props) return out;
    for (std::size_t i = 0; i < props->args.size(); ++i) out.emplace_back(props->keys[i], bind_expr(*props->args[i]));
    return out;
}

BoundNode Binder::bind_node(const ast::NodePattern& n, BoundMatch& m) {
    BoundNode bn;
    bn.name = n.var;
    bn.type_mask = bind_labels(n.labels);
    if (!n.var.empty()) {
        auto it = scope_.find(n.var);
        if (it != scope_.end()) {
            if (it->second.type != VarType::kNode && it->second.type != VarType::kAny)
                throw BindError("variable '" + n.var + "' is not a node", n.span.offset, n.span.length);
            bn.slot = it->second.slot;
        } else {
            bn.slot = new_slot(n.var);
            scope_[n.var] = {bn.slot, VarType::kNode};
            m.new_slots.push_back(bn.slot);
        }
    } else {
        bn.slot = new_slot("");
        m.new_slots.push_back(bn.slot);
    }
    if (n.properties && n.properties->kind == ast::ExprKind::kParam) {
        m.conjuncts.push_back(properties_match(bn.slot, bind_expr(*n.properties), n.properties->span));
        return bn;
    }
    for (auto& [key, value] : bind_property_map(n.properties.get())) {
        NodeKey nk = node_key(key);
        if (nk == NodeKey::kUnknown)
            throw BindError("unknown node property '" + key + "'; nodes have id, name, type, aliases, country",
                            n.properties->span.offset, n.properties->span.length);
        m.conjuncts.push_back(property_equals(bn.slot, key, nk, RelKey::kUnknown, std::move(value), n.span));
    }
    return bn;
}

BoundRel Binder::bind_rel(const ast::RelPattern& r, BoundMatch& m) {
    BoundRel br;
    br.name = r.var;
    br.type_mask = 0;
    for (const ast::LabelName& t : r.types) br.type_mask |= rel_type_bit(t.name, t.span);
    if (r.types.empty()) br.type_mask = kAllRelationTypes;
    br.dir = r.dir == ast::Direction::kOut ? Dir::kOut : r.dir == ast::Direction::kIn ? Dir::kIn : Dir::kBoth;
    br.var_length = r.var_length;
    if (r.var_length) {
        std::int64_t lo = r.min_hops.value_or(1);
        std::int64_t hi = r.max_hops.value_or(std::max<std::int64_t>(lo, schema_.max_var_length));
        if (lo < 0 || hi < 0) throw BindError("path lengths cannot be negative", r.span.offset, r.span.length);
        if (hi > 1000) throw BindError("variable-length upper bound above 1000", r.span.offset, r.span.length);
        br.min_hops = static_cast<int>(lo);
        br.max_hops = static_cast<int>(hi);
    }
    if (!r.var.empty()) {
        if (scope_.count(r.var))
            throw BindError("relationship variable '" + r.var + "' is already bound; a pattern cannot reuse it",
                            r.span.offset, r.span.length);
        br.slot = new_slot(r.var);
        scope_[r.var] = {br.slot, r.var_length ? VarType::kRelList : VarType::kRel};
    } else {
        br.slot = new_slot("");
    }
    m.new_slots.push_back(br.slot);
    if (r.properties && r.properties->kind == ast::ExprKind::kParam) {
        if (r.var_length)
            throw BindError("a parameter as the property map of a variable-length relationship is not supported; "
                            "write the map out",
                            r.properties->span.offset, r.properties->span.length);
        m.conjuncts.push_back(properties_match(br.slot, bind_expr(*r.properties), r.properties->span));
        return br;
    }
    for (auto& [key, value] : bind_property_map(r.properties.get())) {
        RelKey rk = rel_key(key);
        if (rk == RelKey::kUnknown && schema_.extra_rel_keys.count(key)) rk = RelKey::kOther;
        if (rk == RelKey::kUnknown)
            throw BindError("unknown relationship property '" + key +
                                "'; relationships have type, date, role, field, count, status, weight, symmetric, doc, "
                                "sentence, start, end, extractor, confidence",
                            r.properties->span.offset, r.properties->span.length);
        if (r.var_length)
            br.properties.push_back({rk, {key, std::move(value)}});
        else
            m.conjuncts.push_back(property_equals(br.slot, key, NodeKey::kUnknown, rk, std::move(value), r.span));
    }
    return br;
}

BoundMatch Binder::bind_match(const ast::Clause& c) {
    BoundMatch m;
    m.optional = c.optional;
    for (const ast::PatternPart& part : c.patterns) {
        BoundPart bp;
        bp.shortest = part.shortest == ast::Shortest::kNone       ? ShortestKind::kNone
                      : part.shortest == ast::Shortest::kShortest ? ShortestKind::kShortest
                                                                  : ShortestKind::kAll;
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            bp.nodes.push_back(bind_node(part.nodes[i], m));
            if (i < part.rels.size()) {
                bp.rels.push_back(bind_rel(part.rels[i], m));
                if (bp.shortest != ShortestKind::kNone) {
                    BoundRel& r = bp.rels.back();
                    if (!part.rels[i].var_length) {  // shortestPath((a)-[:T]-(b)) means one hop at most
                        r.var_length = true;
                        r.min_hops = r.max_hops = 1;
                    }
                    if (r.min_hops > 1)
                        throw BindError("shortestPath supports a lower bound of 0 or 1 only", part.rels[i].span.offset,
                                        part.rels[i].span.length);
                    if (scope_.count(r.name) && !r.name.empty()) scope_[r.name].type = VarType::kRelList;
                }
            }
        }
        if (!part.path_var.empty()) {
            bp.path_slot = new_slot(part.path_var);
            declare(part.path_var, bp.path_slot, VarType::kPath, part.span);
            m.new_slots.push_back(bp.path_slot);
        }
        m.parts.push_back(std::move(bp));
    }
    if (c.where) split_conjuncts(bind_expr(*c.where), m.conjuncts);
    return m;
}

}  // namespace kgmill::query
