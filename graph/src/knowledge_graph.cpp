#include "kgmill/graph/knowledge_graph.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>
#include <unordered_map>

#include "huge_pages.hpp"
#include "kgmill/core/unicode.hpp"

namespace kgmill {

bool Relation::symmetric() const { return symmetric_flag; }

struct KnowledgeGraph::Lazy {
    std::once_flag names_once;
    std::unordered_map<std::string, std::vector<VertexId>> by_key;  // match_key(name or alias) → vertices
    std::mutex evidence_mutex;
    std::map<std::uint32_t, Provenance> first_evidence;  // node-based: pointers stay valid
};

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

KnowledgeGraph::KnowledgeGraph(Canonical, std::vector<Entity> entities, std::vector<Relation> relations,
                               std::shared_ptr<const EvidenceSource> evidence)
    : entities_(std::move(entities)), relations_(std::move(relations)), evidence_source_(std::move(evidence)) {
    index();
}

void KnowledgeGraph::index() {
    // Compressed adjacency: per vertex its out-relations then its in-relations, each in
    // relation order (two passes over the relations, no per-vertex allocation).
    const std::size_t n = entities_.size();
    reserve_huge(first_, n + 1);
    first_.assign(n + 1, 0);
    reserve_huge(split_, n);
    split_.assign(n, 0);
    std::vector<std::uint32_t> out_deg;
    reserve_huge(out_deg, n);
    out_deg.assign(n, 0);
    for (const Relation& r : relations_) {
        ++out_deg[r.source];
        ++first_[r.target + 1];
    }
    for (std::size_t v = 0; v < n; ++v) first_[v + 1] += first_[v] + out_deg[v];
    std::vector<std::uint64_t> in_at;
    reserve_huge(in_at, n);
    in_at.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        split_[v] = first_[v];
        in_at[v] = first_[v] + out_deg[v];
    }
    reserve_huge(incident_, first_[n]);
    incident_.resize(first_[n]);
    for (std::uint32_t i = 0; i < relations_.size(); ++i) {
        const Relation& r = relations_[i];
        incident_[split_[r.source]++] = i;
        incident_[in_at[r.target]++] = i;
    }
    lazy_ = std::make_shared<Lazy>();
}

std::optional<VertexId> KnowledgeGraph::find_id(std::string_view id) const {
    // entities_ are sorted by id
    auto it = std::lower_bound(entities_.begin(), entities_.end(), id,
                               [](const Entity& e, std::string_view k) { return std::string_view(e.id) < k; });
    if (it == entities_.end() || it->id != id) return std::nullopt;
    return static_cast<VertexId>(it - entities_.begin());
}

std::vector<VertexId> KnowledgeGraph::find_by_name(std::string_view name) const {
    if (!lazy_) return {};
    std::call_once(lazy_->names_once, [&] {
        auto& by_key = lazy_->by_key;
        by_key.reserve(entities_.size());
        for (VertexId v = 0; v < entities_.size(); ++v) {
            auto add = [&](const std::string& n) {
                auto& vs = by_key[match_key(n)];
                if (std::find(vs.begin(), vs.end(), v) == vs.end()) vs.push_back(v);
            };
            add(entities_[v].name);
            for (const auto& a : entities_[v].aliases) add(a);
        }
    });
    auto it = lazy_->by_key.find(match_key(name));
    if (it == lazy_->by_key.end()) return {};
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

const Provenance* KnowledgeGraph::first_evidence(std::uint32_t rel) const {
    const Relation& r = relations_[rel];
    if (!r.evidence.empty()) return &r.evidence.front();
    if (!evidence_source_ || r.stored_weight == 0 || !lazy_) return nullptr;
    std::lock_guard<std::mutex> lock(lazy_->evidence_mutex);
    auto it = lazy_->first_evidence.find(rel);
    if (it == lazy_->first_evidence.end()) {
        std::vector<Provenance> ev = evidence_source_->evidence(rel);
        if (ev.empty()) return nullptr;
        it = lazy_->first_evidence.emplace(rel, std::move(ev.front())).first;
    }
    return &it->second;
}

std::vector<Provenance> KnowledgeGraph::all_evidence(std::uint32_t rel) const {
    const Relation& r = relations_[rel];
    if (!r.evidence.empty() || !evidence_source_ || r.stored_weight == 0) return r.evidence;
    return evidence_source_->evidence(rel);
}

}  // namespace kgmill
