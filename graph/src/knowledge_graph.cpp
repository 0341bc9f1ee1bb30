#include "kgmill/graph/knowledge_graph.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <map>
#include <mutex>
#include <numeric>
#include <unordered_map>

#include "graph_image.hpp"
#include "huge_pages.hpp"
#include "kgmill/core/unicode.hpp"

namespace kgmill {

bool Relation::symmetric() const { return symmetric_flag; }

struct KnowledgeGraph::Lazy {
    std::once_flag names_once;
    std::unordered_map<std::string, std::vector<VertexId>> by_key;  // match_key(name or alias) → vertices
    std::once_flag types_once;
    std::array<std::vector<VertexId>, kEntityTypeCount> by_type;
    std::once_flag incidences_once;
    std::vector<Incidence> incidences;  // in CSR order (graphs built in memory)
    std::once_flag materialize_once;
    Materialized materialized;          // image-backed graphs
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

KnowledgeGraph::KnowledgeGraph(std::shared_ptr<const detail::GraphImage> image,
                               std::shared_ptr<const EvidenceSource> evidence)
    : image_(std::move(image)), evidence_source_(std::move(evidence)) {
    vertex_count_ = image_->vertex_count();
    edge_count_ = image_->edge_count();
    first_ = image_->adj_first();
    split_ = image_->adj_split();
    incident_ = image_->adj_relation();
    lazy_ = std::make_shared<Lazy>();
}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& o)
    : entities_(o.entities_), relations_(o.relations_), image_(o.image_), vertex_count_(o.vertex_count_),
      edge_count_(o.edge_count_), own_first_(o.own_first_), own_split_(o.own_split_), own_incident_(o.own_incident_),
      evidence_source_(o.evidence_source_), lazy_(o.lazy_) {
    point_at_adjacency();
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& o) noexcept
    : entities_(std::move(o.entities_)), relations_(std::move(o.relations_)), image_(std::move(o.image_)),
      vertex_count_(o.vertex_count_), edge_count_(o.edge_count_), own_first_(std::move(o.own_first_)),
      own_split_(std::move(o.own_split_)), own_incident_(std::move(o.own_incident_)),
      evidence_source_(std::move(o.evidence_source_)), lazy_(std::move(o.lazy_)) {
    point_at_adjacency();
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& o) {
    if (this != &o) *this = KnowledgeGraph(o);
    return *this;
}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& o) noexcept {
    if (this == &o) return *this;
    entities_ = std::move(o.entities_);
    relations_ = std::move(o.relations_);
    image_ = std::move(o.image_);
    vertex_count_ = o.vertex_count_;
    edge_count_ = o.edge_count_;
    own_first_ = std::move(o.own_first_);
    own_split_ = std::move(o.own_split_);
    own_incident_ = std::move(o.own_incident_);
    evidence_source_ = std::move(o.evidence_source_);
    lazy_ = std::move(o.lazy_);
    point_at_adjacency();
    return *this;
}

void KnowledgeGraph::point_at_adjacency() {
    // the spans show either the image's arrays (shared) or this object's own vectors
    if (image_) {
        first_ = image_->adj_first();
        split_ = image_->adj_split();
        incident_ = image_->adj_relation();
    } else {
        first_ = own_first_;
        split_ = own_split_;
        incident_ = own_incident_;
    }
}

void KnowledgeGraph::index() {
    // Compressed adjacency: per vertex its out-relations then its in-relations, each in
    // relation order (two passes over the relations, no per-vertex allocation).
    vertex_count_ = entities_.size();
    edge_count_ = relations_.size();
    const std::size_t n = entities_.size();
    reserve_huge(own_first_, n + 1);
    own_first_.assign(n + 1, 0);
    reserve_huge(own_split_, n);
    own_split_.assign(n, 0);
    std::vector<std::uint32_t> out_deg;
    reserve_huge(out_deg, n);
    out_deg.assign(n, 0);
    for (const Relation& r : relations_) {
        ++out_deg[r.source];
        ++own_first_[r.target + 1];
    }
    for (std::size_t v = 0; v < n; ++v) own_first_[v + 1] += own_first_[v] + out_deg[v];
    std::vector<std::uint64_t> in_at;
    reserve_huge(in_at, n);
    in_at.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        own_split_[v] = own_first_[v];
        in_at[v] = own_first_[v] + out_deg[v];
    }
    reserve_huge(own_incident_, own_first_[n]);
    own_incident_.resize(own_first_[n]);
    for (std::uint32_t i = 0; i < relations_.size(); ++i) {
        const Relation& r = relations_[i];
        own_incident_[own_split_[r.source]++] = i;
        own_incident_[in_at[r.target]++] = i;
    }
    point_at_adjacency();
    lazy_ = std::make_shared<Lazy>();
}

const KnowledgeGraph::Materialized& KnowledgeGraph::materialized() const {
    std::call_once(lazy_->materialize_once, [&] {
        const detail::GraphImage& img = *image_;
        auto& [ents, rels] = lazy_->materialized;
        reserve_huge(ents, vertex_count_);
        ents.resize(vertex_count_);
        for (VertexId v = 0; v < vertex_count_; ++v) {
            Entity& e = ents[v];
            e.id = img.entity_id(v);
            e.name = img.entity_name(v);
            e.type = img.entity_type(v);
            e.country = img.entity_country(v);
            e.aliases.reserve(img.alias_count(v));
            for (std::uint32_t i = 0; i < img.alias_count(v); ++i) e.aliases.emplace_back(img.alias(v, i));
        }
        reserve_huge(rels, edge_count_);
        rels.resize(edge_count_);
        for (std::uint32_t r = 0; r < edge_count_; ++r) {
            Relation& x = rels[r];
            x.source = img.relation_source(r);
            x.target = img.relation_target(r);
            x.type = img.relation_type(r);
            x.symmetric_flag = img.relation_symmetric(r);
            x.stored_weight = img.relation_weight(r);
            for (const auto& [k, v] : relation_properties(r)) x.properties.emplace_back(k, v);
        }
    });
    return lazy_->materialized;
}

// ---- column accessors -------------------------------------------------------------------------

EntityType KnowledgeGraph::entity_type(VertexId v) const { return image_ ? image_->entity_type(v) : entities_[v].type; }
std::string_view KnowledgeGraph::entity_id(VertexId v) const { return image_ ? image_->entity_id(v) : entities_[v].id; }
std::string_view KnowledgeGraph::entity_name(VertexId v) const {
    return image_ ? image_->entity_name(v) : entities_[v].name;
}
std::string_view KnowledgeGraph::entity_country(VertexId v) const {
    return image_ ? image_->entity_country(v) : entities_[v].country;
}
std::vector<std::string_view> KnowledgeGraph::entity_aliases(VertexId v) const {
    std::vector<std::string_view> out;
    if (image_) {
        for (std::uint32_t i = 0; i < image_->alias_count(v); ++i) out.push_back(image_->alias(v, i));
    } else {
        out.assign(entities_[v].aliases.begin(), entities_[v].aliases.end());
    }
    return out;
}
VertexId KnowledgeGraph::relation_source(std::uint32_t r) const {
    return image_ ? image_->relation_source(r) : relations_[r].source;
}
VertexId KnowledgeGraph::relation_target(std::uint32_t r) const {
    return image_ ? image_->relation_target(r) : relations_[r].target;
}
RelationType KnowledgeGraph::relation_type(std::uint32_t r) const {
    return image_ ? image_->relation_type(r) : relations_[r].type;
}
bool KnowledgeGraph::relation_symmetric(std::uint32_t r) const {
    return image_ ? image_->relation_symmetric(r) : relations_[r].symmetric();
}
std::size_t KnowledgeGraph::relation_weight(std::uint32_t r) const {
    if (image_) return image_->relation_weight(r);
    return relations_[r].weight();
}


std::string_view KnowledgeGraph::relation_property(std::uint32_t r, std::string_view key) const {
    if (!image_) {
        for (const auto& [k, v] : relations_[r].properties)
            if (k == key) return v;
        return {};
    }
    std::string_view found;
    detail::for_each_property(image_->relation_props(r), [&](std::string_view k, std::string_view v) {
        if (k != key) return true;
        found = v;
        return false;
    });
    return found;
}

std::vector<std::pair<std::string_view, std::string_view>> KnowledgeGraph::relation_properties(std::uint32_t r) const {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    if (!image_) {
        for (const auto& [k, v] : relations_[r].properties) out.emplace_back(k, v);
        return out;
    }
    detail::for_each_property(image_->relation_props(r), [&](std::string_view k, std::string_view v) {
        out.emplace_back(k, v);
        return true;
    });
    return out;
}

std::vector<std::string> KnowledgeGraph::relation_property_keys() const {
    std::vector<std::string> keys;
    if (image_) {
        std::string_view s = image_->property_keys();
        while (!s.empty()) {
            const auto nl = s.find('\n');
            keys.emplace_back(s.substr(0, nl));
            if (nl == std::string_view::npos) break;
            s.remove_prefix(nl + 1);
        }
        return keys;
    }
    std::set<std::string_view> seen;
    for (const Relation& r : relations_)
        for (const auto& [k, v] : r.properties) seen.insert(k);
    keys.assign(seen.begin(), seen.end());
    return keys;
}

std::span<const VertexId> KnowledgeGraph::vertices_of_type(EntityType t) const {
    if (image_) return image_->vertices_of_type(t);
    std::call_once(lazy_->types_once, [&] {
        for (VertexId v = 0; v < entities_.size(); ++v)
            lazy_->by_type[static_cast<std::size_t>(entities_[v].type)].push_back(v);
    });
    return lazy_->by_type[static_cast<std::size_t>(t)];
}

std::span<const Incidence> KnowledgeGraph::incidences(VertexId v) const {
    if (image_) return image_->incidences().subspan(first_[v], first_[v + 1] - first_[v]);
    std::call_once(lazy_->incidences_once, [&] {
        auto& inc = lazy_->incidences;
        reserve_huge(inc, incident_.size());
        inc.resize(incident_.size());
        Incidence* out = inc.data();
        for (VertexId u = 0; u < entities_.size(); ++u) {
            for (std::size_t i = first_[u]; i < first_[u + 1]; ++i) {
                const std::uint32_t ri = incident_[i];
                const Relation& r = relations_[ri];
                const bool is_out = i < split_[u];
                const VertexId other = is_out ? r.target : r.source;
                Incidence x;
                x.other = other;
                x.rel = ri;
                x.type = static_cast<std::uint8_t>(r.type);
                x.other_type = static_cast<std::uint8_t>(entities_[other].type);
                x.flags = static_cast<std::uint8_t>((is_out ? Incidence::kOut : 0) |
                                                    (r.symmetric_flag ? Incidence::kSymmetric : 0) |
                                                    (r.source == r.target ? Incidence::kSelfLoop : 0));
                *out++ = x;
            }
        }
    });
    return std::span<const Incidence>(lazy_->incidences).subspan(first_[v], first_[v + 1] - first_[v]);
}

std::optional<VertexId> KnowledgeGraph::find_id(std::string_view id) const {
    // vertices are sorted by id
    VertexId lo = 0, hi = static_cast<VertexId>(vertex_count_);
    while (lo < hi) {
        const VertexId mid = lo + (hi - lo) / 2;
        if (entity_id(mid) < id) lo = mid + 1;
        else hi = mid;
    }
    if (lo == vertex_count_ || entity_id(lo) != id) return std::nullopt;
    return lo;
}

std::vector<VertexId> KnowledgeGraph::find_by_name(std::string_view name) const {
    if (!lazy_) return {};
    const std::string key = match_key(name);
    std::vector<VertexId> vs;
    if (image_) {
        // the image's name index: (hash of key, vertex) pairs; a hash can collide, so each
        // candidate's own name and aliases are checked
        const auto keys = image_->name_keys();
        const std::uint64_t h = detail::name_key_hash(key);
        auto it = std::lower_bound(keys.begin(), keys.end(), h,
                                   [](const detail::NameKey& k, std::uint64_t x) { return k.hash < x; });
        for (; it != keys.end() && it->hash == h; ++it) {
            const VertexId v = it->vertex;
            if (!vs.empty() && vs.back() == v) continue;
            const std::string_view text = it->alias == 0 ? entity_name(v) : image_->alias(v, it->alias - 1);
            if (match_key(text) == key) vs.push_back(v);
        }
    } else {
        std::call_once(lazy_->names_once, [&] {
            auto& by_key = lazy_->by_key;
            by_key.reserve(entities_.size());
            for (VertexId v = 0; v < entities_.size(); ++v) {
                auto add = [&](const std::string& n) {
                    auto& list = by_key[match_key(n)];
                    if (std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
                };
                add(entities_[v].name);
                for (const auto& a : entities_[v].aliases) add(a);
            }
        });
        auto it = lazy_->by_key.find(key);
        if (it == lazy_->by_key.end()) return {};
        vs = it->second;
    }
    std::stable_sort(vs.begin(), vs.end(), [&](VertexId a, VertexId b) {
        bool ea = match_key(entity_name(a)) == key, eb = match_key(entity_name(b)) == key;
        if (ea != eb) return ea;
        if (degree(a) != degree(b)) return degree(a) > degree(b);
        return a < b;
    });
    return vs;
}

const Provenance* KnowledgeGraph::first_evidence(std::uint32_t rel) const {
    if (!image_) {
        const Relation& r = relations_[rel];
        if (!r.evidence.empty()) return &r.evidence.front();
        if (r.stored_weight == 0) return nullptr;
    } else if (image_->relation_weight(rel) == 0) {
        return nullptr;
    }
    if (!evidence_source_ || !lazy_) return nullptr;
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
    if (!image_) {
        const Relation& r = relations_[rel];
        if (!r.evidence.empty() || !evidence_source_ || r.stored_weight == 0) return r.evidence;
    } else if (!evidence_source_ || image_->relation_weight(rel) == 0) {
        return {};
    }
    return evidence_source_->evidence(rel);
}

}  // namespace kgmill
