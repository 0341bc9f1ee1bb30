#include "kgmill/graph/knowledge_graph.hpp"

#include <algorithm>
#include <numeric>

#include "kgmill/core/unicode.hpp"

namespace kgmill {

bool Relation::symmetric() const { return symmetric_flag; }

const std::string& Relation::property(const std::string& key) const {
    static const std::string kEmpty;
    for (const auto& [k, v] : properties)
        if (k == key) return v;
    return kEmpty;
}

KnowledgeGraph::KnowledgeGraph(std::vector<Entity> entities, std::vector<Relation> relations) {
    // Canonical order: entities by id; relations by (source id, type, target id, date).
    std::vector<VertexId> order(entities.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](VertexId a, VertexId b) { return entities[a].id < entities[b].id; });
    std::vector<VertexId> remap(entities.size());
    entities_.reserve(entities.size());
    for (VertexId i = 0; i < order.size(); ++i) {
        remap[order[i]] = i;
        entities_.push_back(std::move(entities[order[i]]));
    }
    for (auto& r : relations) {
        r.source = remap[r.source];
        r.target = remap[r.target];
    }
    std::sort(relations.begin(), relations.end(), [](const Relation& a, const Relation& b) {
        if (a.source != b.source) return a.source < b.source;
        if (a.type != b.type) return a.type < b.type;
        if (a.target != b.target) return a.target < b.target;
        return a.properties < b.properties;
    });
    relations_ = std::move(relations);
    index();
}

void KnowledgeGraph::index() {
    out_.assign(entities_.size(), {});
    in_.assign(entities_.size(), {});
    for (std::uint32_t i = 0; i < relations_.size(); ++i) {
        out_[relations_[i].source].push_back(i);
        in_[relations_[i].target].push_back(i);
    }
    by_id_.clear();
    by_key_.clear();
    for (VertexId v = 0; v < entities_.size(); ++v) {
        by_id_.emplace(entities_[v].id, v);
        auto add = [&](const std::string& n) {
            auto& vs = by_key_[match_key(n)];
            if (std::find(vs.begin(), vs.end(), v) == vs.end()) vs.push_back(v);
        };
        add(entities_[v].name);
        for (const auto& a : entities_[v].aliases) add(a);
    }
}

std::optional<VertexId> KnowledgeGraph::find_id(std::string_view id) const {
    auto it = by_id_.find(std::string(id));
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

std::vector<VertexId> KnowledgeGraph::find_by_name(std::string_view name) const {
    auto it = by_key_.find(match_key(name));
    if (it == by_key_.end()) return {};
    std::vector<VertexId> vs = it->second;
    const std::string key = match_key(name);
    std::stable_sort(vs.begin(), vs.end(), [&](VertexId a, VertexId b) {
        bool ea = match_key(entities_[a].name) == key, eb = match_key(entities_[b].name) == key;
        if (ea != eb) return ea;
        if (degree(a) != degree(b)) return degree(a) > degree(b);
        return a < b;
    });
    return vs;
}

}  // namespace kgmill
