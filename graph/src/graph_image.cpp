#include "graph_image.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#ifdef __unix__
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "kgmill/core/unicode.hpp"

namespace kgmill::detail {
namespace {

constexpr char kMagic[8] = {'K', 'G', 'I', 'M', 'G', '0', '0', '3'};
constexpr std::size_t kSections = static_cast<std::size_t>(Section::kCount);

struct SectionEntry {
    std::uint64_t offset, size;
};
struct Header {
    char magic[8];
    std::uint64_t token;  // hash of the whole image with this field zero
    std::uint64_t size;   // bytes in the image
    std::uint32_t n, m;
    std::uint32_t sections, reserved;
    SectionEntry table[kSections];
};
static_assert(offsetof(Header, sections) == GraphImage::kHeaderIdentityBytes);

constexpr bool kLittleEndian = std::endian::native == std::endian::little;

/// The image's token: a hash of all its bytes, read as if the token field were zero.
std::uint64_t image_hash(const unsigned char* p, std::size_t n) {
    // 8 bytes a step, multiply-xorshift: several GB/s, enough to spot a stale or damaged image
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w = 0;
        if (i != offsetof(Header, token)) std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    for (; i < n; ++i) h = (h ^ p[i]) * 0x100000001B3ull;
    return h ^ (h >> 29);
}

/// Builds the image section by section; every section starts 8-byte aligned.
class Writer {
public:
    Writer() { out_.resize(sizeof(Header)); }
    void begin(Section s) { pad(), start_[static_cast<std::size_t>(s)] = out_.size(); }
    void end(Section s) { size_[static_cast<std::size_t>(s)] = out_.size() - start_[static_cast<std::size_t>(s)]; }
    template <class T>
    void put(const T& v) {
        const auto* p = reinterpret_cast<const char*>(&v);
        out_.append(p, sizeof(T));
    }
    template <class T>
    void array(Section s, const std::vector<T>& v) {
        begin(s);
        out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
        end(s);
    }
    void bytes(Section s, std::string_view b) {
        begin(s);
        out_.append(b);
        end(s);
    }
    std::string finish(std::uint32_t n, std::uint32_t m) {
        pad();
        Header h{};
        std::memcpy(h.magic, kMagic, sizeof kMagic);
        h.size = out_.size();
        h.n = n;
        h.m = m;
        h.sections = static_cast<std::uint32_t>(kSections);
        for (std::size_t i = 0; i < kSections; ++i) h.table[i] = {start_[i], size_[i]};
        std::memcpy(out_.data(), &h, sizeof h);
        h.token = image_hash(reinterpret_cast<const unsigned char*>(out_.data()), out_.size());
        std::memcpy(out_.data() + offsetof(Header, token), &h.token, sizeof h.token);
        return std::move(out_);
    }

private:
    void pad() {
        while (out_.size() % 8) out_.push_back('\0');
    }
    std::string out_;
    std::array<std::uint64_t, kSections> start_{}, size_{};
};

/// Strings as u32 offsets + one heap; false when the heap outgrows u32.
template <class Get>
bool string_column(Writer& w, Section off_section, Section heap_section, std::size_t count, Get get) {
    std::vector<std::uint32_t> off;
    off.reserve(count + 1);
    std::string heap;
    off.push_back(0);
    for (std::size_t i = 0; i < count; ++i) {
        heap += get(i);
        if (heap.size() > std::numeric_limits<std::uint32_t>::max()) return false;
        off.push_back(static_cast<std::uint32_t>(heap.size()));
    }
    w.array(off_section, off);
    w.bytes(heap_section, heap);
    return true;
}

}  // namespace

std::uint64_t name_key_hash(std::string_view key) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : key) h = (h ^ c) * 0x100000001b3ull;
    return h;
}

std::string GraphImage::encode(const KnowledgeGraph& g) {
    if constexpr (!kLittleEndian) return {};
    const std::size_t n = g.vertex_count(), m = g.edge_count();
    if (n > std::numeric_limits<std::uint32_t>::max() || m > std::numeric_limits<std::uint32_t>::max() / 2) return {};
    Writer w;
    {
        std::vector<std::uint8_t> type(n);
        for (VertexId v = 0; v < n; ++v) type[v] = static_cast<std::uint8_t>(g.entity_type(v));
        w.array(Section::kEntityType, type);
    }
    auto vid = [](std::size_t i) { return static_cast<VertexId>(i); };
    if (!string_column(w, Section::kIdOffset, Section::kIdHeap, n, [&](std::size_t i) { return g.entity_id(vid(i)); }) ||
        !string_column(w, Section::kNameOffset, Section::kNameHeap, n, [&](std::size_t i) { return g.entity_name(vid(i)); }) ||
        !string_column(w, Section::kCountryOffset, Section::kCountryHeap, n,
                       [&](std::size_t i) { return g.entity_country(vid(i)); }))
        return {};
    // aliases as the store's table gives them back: sorted, without repeats (the name index
    // below numbers them in this order)
    std::vector<std::uint32_t> alias_first{0};
    std::vector<std::string_view> all_aliases;
    for (VertexId v = 0; v < n; ++v) {
        std::vector<std::string_view> al = g.entity_aliases(v);
        std::sort(al.begin(), al.end());
        al.erase(std::unique(al.begin(), al.end()), al.end());
        all_aliases.insert(all_aliases.end(), al.begin(), al.end());
        alias_first.push_back(static_cast<std::uint32_t>(all_aliases.size()));
    }
    w.array(Section::kAliasFirst, alias_first);
    if (!string_column(w, Section::kAliasOffset, Section::kAliasHeap, all_aliases.size(),
                       [&](std::size_t i) { return all_aliases[i]; }))
        return {};
    {
        std::vector<std::uint32_t> src(m), dst(m), weight(m);
        std::vector<std::uint8_t> type(m), sym(m);
        for (std::uint32_t r = 0; r < m; ++r) {
            src[r] = g.relation_source(r);
            dst[r] = g.relation_target(r);
            type[r] = static_cast<std::uint8_t>(g.relation_type(r));
            sym[r] = g.relation_symmetric(r) ? 1 : 0;
            weight[r] = static_cast<std::uint32_t>(std::min<std::size_t>(g.relation_weight(r), std::numeric_limits<std::uint32_t>::max()));
        }
        w.array(Section::kRelSource, src);
        w.array(Section::kRelTarget, dst);
        w.array(Section::kRelType, type);
        w.array(Section::kRelSymmetric, sym);
        w.array(Section::kRelWeight, weight);
    }
    if (!string_column(w, Section::kPropOffset, Section::kPropHeap, m,
                       [&](std::size_t r) { return encode_properties(g.relation_properties(static_cast<std::uint32_t>(r))); }))
        return {};
    {
        std::string keys;
        for (const std::string& k : g.relation_property_keys()) keys += k + '\n';
        w.bytes(Section::kPropKeys, keys);
    }
    {
        std::vector<std::uint64_t> first(n + 1), split(n);
        std::vector<std::uint32_t> rel;
        std::vector<Incidence> inc;
        rel.reserve(2 * m);
        inc.reserve(2 * m);
        for (VertexId v = 0; v < n; ++v) {
            first[v] = rel.size();
            for (std::uint32_t r : g.out_relations(v)) rel.push_back(r);
            split[v] = rel.size();
            for (std::uint32_t r : g.in_relations(v)) rel.push_back(r);
            for (const Incidence& x : g.incidences(v)) inc.push_back(x);
        }
        first[n] = rel.size();
        w.array(Section::kAdjFirst, first);
        w.array(Section::kAdjSplit, split);
        w.array(Section::kAdjRelation, rel);
        w.array(Section::kAdjIncidence, inc);
    }
    {
        std::vector<std::uint32_t> first{0}, vertices;
        vertices.reserve(n);
        for (int t = 0; t < kEntityTypeCount; ++t) {
            auto vs = g.vertices_of_type(static_cast<EntityType>(t));
            vertices.insert(vertices.end(), vs.begin(), vs.end());
            first.push_back(static_cast<std::uint32_t>(vertices.size()));
        }
        w.array(Section::kTypeFirst, first);
        w.array(Section::kTypeVertices, vertices);
    }
    {
        std::vector<NameKey> keys;
        keys.reserve(n);
        for (VertexId v = 0; v < n; ++v) {
            keys.push_back({name_key_hash(match_key(g.entity_name(v))), v, 0});
            for (std::uint32_t k = alias_first[v]; k < alias_first[v + 1]; ++k)
                keys.push_back({name_key_hash(match_key(all_aliases[k])), v, k - alias_first[v] + 1});
        }
        std::sort(keys.begin(), keys.end(), [](const NameKey& a, const NameKey& b) {
            return a.hash != b.hash ? a.hash < b.hash : a.vertex != b.vertex ? a.vertex < b.vertex : a.alias < b.alias;
        });
        w.array(Section::kNameKeys, keys);
    }
    return w.finish(static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(m));
}

std::optional<std::string> GraphImage::header_identity(const unsigned char* data, std::size_t size) {
    if (size < kHeaderIdentityBytes || std::memcmp(data, kMagic, sizeof kMagic) != 0) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(data), kHeaderIdentityBytes);
}

std::shared_ptr<const GraphImage> GraphImage::open(std::shared_ptr<const void> owner, const unsigned char* data,
                                                   std::size_t size, std::string* why) {
    auto fail = [&](const char* reason) {
        if (why) *why = reason;
        return std::shared_ptr<const GraphImage>();
    };
    if constexpr (!kLittleEndian) return fail("graph images are little-endian");
    if (size < sizeof(Header) || reinterpret_cast<std::uintptr_t>(data) % 8 != 0) return fail("too short or misaligned");
    Header h;
    std::memcpy(&h, data, sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return fail("not a graph image");
    if (h.size != size) return fail("its size does not match its header (truncated?)");
    if (h.sections != kSections) return fail("unknown section table");
    auto img = std::make_shared<GraphImage>();
    img->owner_ = std::move(owner);
    img->data_ = data;
    img->size_ = size;
    img->n_ = h.n;
    img->m_ = h.m;
    const std::size_t n = h.n, m = h.m;
    bool ok = true;
    auto bytes = [&](Section s, std::size_t expect_elems, std::size_t elem) -> std::pair<const unsigned char*, std::size_t> {
        const SectionEntry& e = h.table[static_cast<std::size_t>(s)];
        if (e.offset % 8 != 0 || e.offset > size || e.size > size - e.offset ||
            (expect_elems != SIZE_MAX && e.size != expect_elems * elem) || e.size % elem != 0) {
            ok = false;
            return {data, 0};
        }
        return {data + e.offset, e.size / elem};
    };
    auto u8 = [&](Section s, std::size_t count) {
        auto [p, k] = bytes(s, count, 1);
        return std::span<const std::uint8_t>(p, k);
    };
    auto u32 = [&](Section s, std::size_t count) {
        auto [p, k] = bytes(s, count, 4);
        return std::span<const std::uint32_t>(reinterpret_cast<const std::uint32_t*>(p), k);
    };
    auto u64 = [&](Section s, std::size_t count) {
        auto [p, k] = bytes(s, count, 8);
        return std::span<const std::uint64_t>(reinterpret_cast<const std::uint64_t*>(p), k);
    };
    auto heap = [&](Section s) {
        auto [p, k] = bytes(s, SIZE_MAX, 1);
        return std::string_view(reinterpret_cast<const char*>(p), k);
    };
    // a heap's last offset is its size: checked here so that no offset can reach past it
    auto strings = [&](Section off_s, Section heap_s, std::size_t count, std::span<const std::uint32_t>& off,
                       std::string_view& hp) {
        off = u32(off_s, count + 1);
        hp = heap(heap_s);
        if (ok && (off.empty() || off.front() != 0 || off.back() != hp.size())) ok = false;
    };
    GraphImage& g = *img;
    g.ent_type_ = u8(Section::kEntityType, n);
    strings(Section::kIdOffset, Section::kIdHeap, n, g.id_off_, g.id_heap_);
    strings(Section::kNameOffset, Section::kNameHeap, n, g.name_off_, g.name_heap_);
    strings(Section::kCountryOffset, Section::kCountryHeap, n, g.country_off_, g.country_heap_);
    g.alias_first_ = u32(Section::kAliasFirst, n + 1);
    const std::size_t aliases = ok && !g.alias_first_.empty() ? g.alias_first_.back() : 0;
    strings(Section::kAliasOffset, Section::kAliasHeap, aliases, g.alias_off_, g.alias_heap_);
    g.rel_source_ = u32(Section::kRelSource, m);
    g.rel_target_ = u32(Section::kRelTarget, m);
    g.rel_type_ = u8(Section::kRelType, m);
    g.rel_sym_ = u8(Section::kRelSymmetric, m);
    g.rel_weight_ = u32(Section::kRelWeight, m);
    strings(Section::kPropOffset, Section::kPropHeap, m, g.prop_off_, g.prop_heap_);
    g.prop_keys_ = heap(Section::kPropKeys);
    g.adj_first_ = u64(Section::kAdjFirst, n + 1);
    g.adj_split_ = u64(Section::kAdjSplit, n);
    g.adj_rel_ = u32(Section::kAdjRelation, 2 * m);
    {
        auto [p, k] = bytes(Section::kAdjIncidence, 2 * m, sizeof(Incidence));
        g.incidences_ = {reinterpret_cast<const Incidence*>(p), k};
    }
    g.type_first_ = u32(Section::kTypeFirst, kEntityTypeCount + 1);
    g.type_vertices_ = u32(Section::kTypeVertices, n);
    {
        auto [p, k] = bytes(Section::kNameKeys, SIZE_MAX, sizeof(NameKey));
        g.name_keys_ = {reinterpret_cast<const NameKey*>(p), k};
    }
    if (!ok) return fail("a section lies outside the image or has the wrong size");
    if (g.adj_first_.front() != 0 || g.adj_first_.back() != 2 * m || g.type_first_.back() != n)
        return fail("inconsistent adjacency or type index");
    return img;
}

bool GraphImage::verify() const {
    std::uint64_t token;
    std::memcpy(&token, data_ + offsetof(Header, token), sizeof token);
    return image_hash(data_, size_) == token;
}

std::shared_ptr<const GraphImage> GraphImage::map_file(const std::string& path, std::string* why) {
#ifdef __unix__
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (why) *why = "cannot open";
        return nullptr;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
        ::close(fd);
        if (why) *why = "cannot read its size";
        return nullptr;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    void* p = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);  // the mapping keeps the file
    if (p == MAP_FAILED) {
        if (why) *why = "cannot map";
        return nullptr;
    }
    std::shared_ptr<const void> mapping(p, [size](const void* q) { ::munmap(const_cast<void*>(q), size); });
    return open(std::move(mapping), static_cast<const unsigned char*>(p), size, why);
#else
    (void)path;
    if (why) *why = "memory mapping is not supported here";
    return nullptr;
#endif
}

}  // namespace kgmill::detail
