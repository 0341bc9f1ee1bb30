#include "kgmill/graph/store.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "graph_image.hpp"
#include "huge_pages.hpp"
#include "kgmill/core/triples_json.hpp"
#include "kgmill/core/unicode.hpp"

namespace kgmill {
namespace {

// 1: tables only. 2: + the graph snapshot (load_graph reads it in one go).
constexpr int kSchemaVersion = 2;

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, path TEXT, format TEXT, language TEXT, title TEXT, date TEXT,
  content_hash TEXT NOT NULL, bytes INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS statements (
  doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, start INTEGER NOT NULL, triple TEXT NOT NULL,
  PRIMARY KEY (doc, seq));
CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT);
CREATE TABLE IF NOT EXISTS aliases (
  entity TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL, PRIMARY KEY (entity, alias));
CREATE TABLE IF NOT EXISTS relations (
  rid INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
  properties TEXT NOT NULL, weight INTEGER NOT NULL, symmetric INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS provenance (
  rid INTEGER NOT NULL REFERENCES relations(rid), seq INTEGER NOT NULL, doc TEXT NOT NULL,
  sentence TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, extractor TEXT NOT NULL,
  confidence REAL NOT NULL, PRIMARY KEY (rid, seq));
CREATE TABLE IF NOT EXISTS minted_ids (key TEXT PRIMARY KEY, id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS snapshot (part INTEGER PRIMARY KEY, data BLOB NOT NULL);
)sql";

// ---- the graph snapshot --------------------------------------------------------------------
// save_graph writes the graph's image (graph_image.hpp) as the BLOB `snapshot` part 0 and, to be
// memory-mapped, as the file `<store>-graph` beside the database; part 1 holds the image's
// identity (its header: magic, content token, size, counts), so that load_graph maps the file
// only when it is the image of this store's graph. The tables stay the reference for SQL users
// and for the evidence.
//
// Stores written before the image keep a version-2 snapshot, still read:
//   "KGSNAP02" u32 entity_count u32 relation_count
//   entities:  u8 type, str id, str name, str country, varint alias_count, str alias...
//   relations: u32 source[m], u32 target[m], u8 type[m], u8 symmetric[m], u32 weight[m],
//              str properties[m] (detail::encode_properties)
// str = varint byte length + bytes; integers little-endian; vertices are entity indices.
constexpr char kSnapshotMagic[8] = {'K', 'G', 'S', 'N', 'A', 'P', '0', '2'};

class SnapshotReader {
public:
    SnapshotReader(const unsigned char* p, std::size_t n) : p_(p), end_(p + n) {}
    bool ok() const { return ok_; }
    bool has(std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n) ok_ = false;
        return ok_;
    }
    const unsigned char* take(std::size_t n) {
        if (!has(n)) return nullptr;
        const unsigned char* q = p_;
        p_ += n;
        return q;
    }
    std::uint32_t u32() {
        const unsigned char* q = take(4);
        return q ? static_cast<std::uint32_t>(q[0]) | static_cast<std::uint32_t>(q[1]) << 8 |
                       static_cast<std::uint32_t>(q[2]) << 16 | static_cast<std::uint32_t>(q[3]) << 24
                 : 0;
    }
    std::uint8_t u8() {
        const unsigned char* q = take(1);
        return q ? *q : 0;
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ == end_) {
                ok_ = false;
                return 0;
            }
            const unsigned char c = *p_++;
            v |= static_cast<std::uint64_t>(c & 0x7f) << shift;
            if (!(c & 0x80)) return v;
        }
        ok_ = false;
        return 0;
    }
    void str(std::string& out) {
        const std::uint64_t n = varint();
        if (!has(n)) return;
        out.assign(reinterpret_cast<const char*>(p_), n);
        p_ += n;
    }
    std::string_view view() {
        const std::uint64_t n = varint();
        if (!has(n)) return {};
        std::string_view v(reinterpret_cast<const char*>(p_), n);
        p_ += n;
        return v;
    }
    bool at_end() const { return p_ == end_; }

private:
    const unsigned char* p_;
    const unsigned char* end_;
    bool ok_ = true;
};

Properties decode_props(std::string_view s) {
    Properties p;
    detail::for_each_property(s, [&](std::string_view k, std::string_view v) {
        p.emplace_back(std::string(k), std::string(v));
        return true;
    });
    return p;
}

class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &st_, nullptr); }
    ~Stmt() { sqlite3_finalize(st_); }
    Stmt(const Stmt&) = delete;  // owns a prepared statement
    Stmt& operator=(const Stmt&) = delete;
    bool ok() const { return rc_ == SQLITE_OK; }
    Stmt& bind(int i, std::string_view s) {
        sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    /// Without a copy: the bytes must outlive the step (strings the graph owns).
    Stmt& bind_ref(int i, std::string_view s) {
        sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
        return *this;
    }
    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(st_, i, v);
        return *this;
    }
    Stmt& bind(int i, double v) {
        sqlite3_bind_double(st_, i, v);
        return *this;
    }
    /// The bytes must outlive the step.
    Stmt& bind_blob(int i, std::string_view b) {
        sqlite3_bind_blob64(st_, i, b.data(), b.size(), SQLITE_STATIC);
        return *this;
    }
    int step() { return sqlite3_step(st_); }
    /// Ready for the next row. Bindings are kept: every statement binds all its parameters
    /// before each step.
    void reset() { sqlite3_reset(st_); }
    std::string text(int col) const {
        auto* p = sqlite3_column_text(st_, col);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, col))) : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(st_, col); }
    double real(int col) const { return sqlite3_column_double(st_, col); }

private:
    sqlite3_stmt* st_ = nullptr;
    int rc_ = SQLITE_ERROR;
};

/// A provenance from the columns c .. c+5 of a row: doc, sentence, start, end, extractor, confidence.
Provenance provenance_row(sqlite3_stmt* st, int c) {
    auto text = [&](int col) {
        auto* t = sqlite3_column_text(st, col);
        return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(st, col)))
                 : std::string();
    };
    Provenance p;
    p.doc = text(c);
    p.sentence = text(c + 1);
    p.start = static_cast<std::uint32_t>(sqlite3_column_int64(st, c + 2));
    p.end = static_cast<std::uint32_t>(sqlite3_column_int64(st, c + 3));
    p.extractor = text(c + 4);
    p.confidence = sqlite3_column_double(st, c + 5);
    return p;
}

/// Every provenance row into rels[rid].evidence (rows of unknown relations are skipped).
bool read_all_evidence(sqlite3* db, std::vector<Relation>& rels) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT rid,doc,sentence,start,\"end\",extractor,confidence FROM provenance ORDER BY rid, seq",
                           -1, &st, nullptr) != SQLITE_OK)
        return false;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        auto rid = static_cast<std::size_t>(sqlite3_column_int64(st, 0));
        if (rid < rels.size()) rels[rid].evidence.push_back(provenance_row(st, 1));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE;
}

/// Where the memory-mappable copy of a store's graph image lives ("" for in-memory stores).
std::string image_file_path(const std::string& store_path) {
    if (store_path.empty() || store_path == ":memory:" || store_path.rfind("file:", 0) == 0) return {};
    return store_path + "-graph";
}

/// Replaces the image file (written beside, then renamed over, so that a reader never maps a
/// half-written file); an empty image removes it.
Status write_image_file(const std::string& store_path, const std::string& image) {
    const std::string file = image_file_path(store_path);
    if (file.empty()) return Status();
    std::error_code ec;
    if (image.empty()) {
        std::filesystem::remove(file, ec);
        return Status();
    }
    const std::string tmp = file + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(image.data(), static_cast<std::streamsize>(image.size()));
        out.close();
        if (!out) {
            std::filesystem::remove(tmp, ec);
            return make_error(ErrorCode::kIo, "store", file, "cannot write the graph image (the store itself is saved)");
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return make_error(ErrorCode::kIo, "store", file, "cannot replace the graph image: " + ec.message());
    }
    return Status();
}

/// Evidence read from the store on demand, through a connection of its own (opened on first
/// use, so the graph outlives the Store it came from).
class StoreEvidence final : public EvidenceSource {
public:
    explicit StoreEvidence(std::string path) : path_(std::move(path)) {}
    ~StoreEvidence() override {
        if (st_) sqlite3_finalize(st_);
        if (db_) sqlite3_close(db_);
    }
    StoreEvidence(const StoreEvidence&) = delete;  // owns a sqlite3 handle
    StoreEvidence& operator=(const StoreEvidence&) = delete;
    std::vector<Provenance> evidence(std::uint32_t rel) const override {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<Provenance> out;
        if (!db_) {
            if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
                sqlite3_prepare_v2(db_, "SELECT doc,sentence,start,\"end\",extractor,confidence FROM provenance "
                                        "WHERE rid=? ORDER BY seq", -1, &st_, nullptr) != SQLITE_OK) {
                if (db_) sqlite3_close(db_);
                db_ = nullptr;
                return out;
            }
            sqlite3_busy_timeout(db_, 5000);
        }
        sqlite3_bind_int64(st_, 1, rel);
        while (sqlite3_step(st_) == SQLITE_ROW) out.push_back(provenance_row(st_, 0));
        sqlite3_reset(st_);
        return out;
    }

private:
    std::string path_;
    mutable std::mutex mutex_;
    mutable sqlite3* db_ = nullptr;
    mutable sqlite3_stmt* st_ = nullptr;
};

}  // namespace

struct Store::Impl {
    sqlite3* db = nullptr;
    ~Impl() {
        if (db) sqlite3_close(db);
    }
    Error err(const std::string& path, const std::string& what) const {
        return make_error(ErrorCode::kIo, "store", path, what + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
    }
};

std::string resolve_store_path(const std::string& store_or_folder) {
    std::error_code ec;
    if (std::filesystem::is_directory(store_or_folder, ec))
        return (std::filesystem::path(store_or_folder) / "kg.sqlite").string();
    return store_or_folder;
}

Result<std::unique_ptr<Store>> Store::open(const std::string& path_in, Mode mode) {
    std::string path = resolve_store_path(path_in);
    std::error_code ec;
    if (mode == Mode::kReadOnly && !std::filesystem::exists(path, ec))
        return make_error(ErrorCode::kNotFound, "store", path, "no store here (run `kgmill build DOCS -o OUT` first)");
    std::unique_ptr<Store> s(new Store());
    s->impl_ = std::make_unique<Impl>();
    s->path_ = path;
    int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &s->impl_->db, flags, nullptr) != SQLITE_OK)
        return s->impl_->err(path, "cannot open");
    sqlite3* db = s->impl_->db;
    sqlite3_busy_timeout(db, 5000);
    // A file that is not SQLite fails here, not later.
    int version = -1;
    {
        Stmt v(db, "PRAGMA user_version");
        if (!v.ok() || v.step() != SQLITE_ROW) return s->impl_->err(path, "not a kgmill store");
        version = static_cast<int>(v.integer(0));
    }
    if (mode == Mode::kReadWrite) {
        char* msg = nullptr;
        if (version > kSchemaVersion)
            return make_error(ErrorCode::kParse, "store", path,
                              "store schema version " + std::to_string(version) + " is newer than this kgmill");
        sqlite3_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;", nullptr, nullptr, nullptr);
        if (sqlite3_exec(db, kSchema, nullptr, nullptr, &msg) != SQLITE_OK) {
            std::string m = msg ? msg : "";
            sqlite3_free(msg);
            return make_error(ErrorCode::kIo, "store", path, "cannot create schema: " + m);
        }
        if (version >= 1 && version < kSchemaVersion) {
            // Migration from version 1: the snapshot table is new; write it from the tables.
            auto g = s->load_graph();
            if (!g) return g.error();
            if (Status st = s->save_graph(g.value()); !st) return st.error();
        }
        sqlite3_exec(db, ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str(), nullptr, nullptr, nullptr);
    } else if (version >= 1 && version < kSchemaVersion) {
        return make_error(ErrorCode::kParse, "store", path,
                          "store schema version " + std::to_string(version) + " is older than this kgmill's (" +
                              std::to_string(kSchemaVersion) + "): rebuild it with `kgmill build DOCS -o OUT`");
    } else if (version != kSchemaVersion) {
        return make_error(ErrorCode::kParse, "store", path,
                          "not a kgmill store (schema version " + std::to_string(version) + ")");
    }
    return s;
}

Store::~Store() = default;

bool Store::document_unchanged(const std::string& id, const std::string& hash) const {
    Stmt q(impl_->db, "SELECT content_hash FROM documents WHERE id=?");
    q.bind(1, id);
    return q.step() == SQLITE_ROW && q.text(0) == hash;
}

Status Store::begin() {
    if (sqlite3_exec(impl_->db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
        return impl_->err(path_, "begin");
    return {};
}
Status Store::commit() {
    if (sqlite3_exec(impl_->db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        return impl_->err(path_, "commit");
    return {};
}
Status Store::rollback() {
    sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    return {};
}

Status Store::put_document(const StoredDocument& d, const std::vector<Triple>& triples) {
    sqlite3* db = impl_->db;
    {
        Stmt del(db, "DELETE FROM statements WHERE doc=?");
        del.bind(1, d.id);
        if (del.step() != SQLITE_DONE) return impl_->err(path_, "delete statements");
    }
    {
        Stmt ins(db,
                 "INSERT OR REPLACE INTO documents(id,path,format,language,title,date,content_hash,bytes) "
                 "VALUES(?,?,?,?,?,?,?,?)");
        ins.bind(1, d.id).bind(2, d.path).bind(3, d.format).bind(4, d.language).bind(5, d.title)
            .bind(6, d.date).bind(7, d.content_hash).bind(8, static_cast<std::int64_t>(d.bytes));
        if (ins.step() != SQLITE_DONE) return impl_->err(path_, "insert document");
    }
    Stmt ins(db, "INSERT INTO statements(doc,seq,start,triple) VALUES(?,?,?,?)");
    std::int64_t seq = 0;
    for (const auto& t : triples) {
        ins.bind(1, d.id).bind(2, seq++).bind(3, static_cast<std::int64_t>(t.provenance.start)).bind(4, triple_to_json(t));
        if (ins.step() != SQLITE_DONE) return impl_->err(path_, "insert statement");
        ins.reset();
    }
    return {};
}

Result<std::vector<Triple>> Store::load_triples() const {
    Stmt q(impl_->db, "SELECT doc, triple FROM statements ORDER BY doc, start, seq");
    std::vector<Triple> out;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        auto t = triple_from_json(q.text(1));
        if (!t) return make_error(ErrorCode::kParse, "store", path_, "bad statement of " + q.text(0) + ": " + t.error().message);
        out.push_back(std::move(t.value()));
    }
    if (rc != SQLITE_DONE) return impl_->err(path_, "read statements");
    return out;
}

Result<std::map<std::string, std::string>> Store::load_known_ids() const {
    Stmt q(impl_->db, "SELECT key, id FROM minted_ids ORDER BY key");
    std::map<std::string, std::string> out;
    while (q.step() == SQLITE_ROW) out.emplace(q.text(0), q.text(1));
    return out;
}

Status Store::save_graph(const KnowledgeGraph& g) {
    sqlite3* db = impl_->db;
    KGMILL_RETURN_IF_ERROR(begin());
    auto fail = [&](const char* what) -> Status {
        Error e = impl_->err(path_, what);
        (void)rollback();
        return e;
    };
    if (sqlite3_exec(db, "DELETE FROM provenance; DELETE FROM relations; DELETE FROM aliases; DELETE FROM entities;",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail("clear graph");
    {
        Stmt ent(db, "INSERT INTO entities(id,name,type,country) VALUES(?,?,?,?)");
        Stmt ali(db, "INSERT OR IGNORE INTO aliases(entity,alias) VALUES(?,?)");
        Stmt mint(db, "INSERT OR IGNORE INTO minted_ids(key,id) VALUES(?,?)");
        for (const auto& e : g.entities()) {
            ent.bind_ref(1, e.id).bind_ref(2, e.name).bind_ref(3, entity_type_name(e.type)).bind_ref(4, e.country);
            if (ent.step() != SQLITE_DONE) return fail("insert entity");
            ent.reset();
            std::string cls = is_organization(e.type) ? "-1" : std::to_string(static_cast<int>(e.type));
            auto mint_name = [&](const std::string& n) -> bool {
                mint.bind(1, cls + ":" + match_key(n)).bind_ref(2, e.id);
                bool ok = mint.step() == SQLITE_DONE;
                mint.reset();
                return ok;
            };
            if (!mint_name(e.name)) return fail("insert minted id");
            for (const auto& a : e.aliases) {
                ali.bind_ref(1, e.id).bind_ref(2, a);
                if (ali.step() != SQLITE_DONE) return fail("insert alias");
                ali.reset();
                if (!mint_name(a)) return fail("insert minted id");
            }
        }
    }
    {
        Stmt rel(db, "INSERT INTO relations(rid,source,target,type,properties,weight,symmetric) VALUES(?,?,?,?,?,?,?)");
        Stmt prov(db, "INSERT INTO provenance(rid,seq,doc,sentence,start,\"end\",extractor,confidence) VALUES(?,?,?,?,?,?,?,?)");
        std::int64_t rid = 0;
        for (const auto& r : g.relations()) {
            rel.bind(1, rid).bind_ref(2, g.entities()[r.source].id).bind_ref(3, g.entities()[r.target].id)
                .bind_ref(4, relation_type_name(r.type)).bind(5, detail::encode_properties(r.properties))
                .bind(6, static_cast<std::int64_t>(r.weight())).bind(7, static_cast<std::int64_t>(r.symmetric()));
            if (rel.step() != SQLITE_DONE) return fail("insert relation");
            rel.reset();
            std::int64_t seq = 0;
            for (const auto& p : r.evidence) {
                prov.bind(1, rid).bind(2, seq++).bind_ref(3, p.doc).bind_ref(4, p.sentence)
                    .bind(5, static_cast<std::int64_t>(p.start)).bind(6, static_cast<std::int64_t>(p.end))
                    .bind_ref(7, p.extractor).bind(8, p.confidence);
                if (prov.step() != SQLITE_DONE) return fail("insert provenance");
                prov.reset();
            }
            ++rid;
        }
    }
    const std::string image = detail::GraphImage::encode(g);  // empty: too large for an image
    {
        if (sqlite3_exec(db, "DELETE FROM snapshot", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("clear snapshot");
        // SQLite's default limit on a value is 1e9 bytes: a bigger image lives only in the file
        Stmt ins(db, "INSERT INTO snapshot(part,data) VALUES(?,?)");
        if (!image.empty() && image.size() < 900'000'000) {
            ins.bind(1, std::int64_t{0}).bind_blob(2, image);
            if (ins.step() != SQLITE_DONE) return fail("insert snapshot");
            ins.reset();
        }
        if (!image.empty()) {
            ins.bind(1, std::int64_t{1}).bind_blob(2, std::string_view(image).substr(0, detail::GraphImage::kHeaderIdentityBytes));
            if (ins.step() != SQLITE_DONE) return fail("insert snapshot identity");
        }
    }
    if (Status st = commit(); !st) return st;
    return write_image_file(path_, image);
}

namespace {

bool decode_snapshot(const unsigned char* p, std::size_t size, std::vector<Entity>& ents, std::vector<Relation>& rels) {
    SnapshotReader in(p, size);
    const unsigned char* magic = in.take(sizeof kSnapshotMagic);
    if (!magic || std::memcmp(magic, kSnapshotMagic, sizeof kSnapshotMagic) != 0) return false;
    const std::uint32_t n = in.u32(), m = in.u32();
    if (!in.ok() || !in.has(static_cast<std::size_t>(n) * 4)) return false;  // each entity takes >= 5 bytes
    reserve_huge(ents, n);
    ents.resize(n);
    for (Entity& e : ents) {
        const std::uint8_t t = in.u8();
        if (t >= kEntityTypeCount) return false;
        e.type = static_cast<EntityType>(t);
        in.str(e.id);
        in.str(e.name);
        in.str(e.country);
        const std::uint64_t k = in.varint();
        if (!in.has(k)) return false;
        e.aliases.resize(k);
        for (auto& a : e.aliases) in.str(a);
        if (!in.ok()) return false;
    }
    const unsigned char* src = in.take(static_cast<std::size_t>(m) * 4);
    const unsigned char* dst = in.take(static_cast<std::size_t>(m) * 4);
    const unsigned char* type = in.take(m);
    const unsigned char* sym = in.take(m);
    const unsigned char* weight = in.take(static_cast<std::size_t>(m) * 4);
    if (!in.ok()) return false;
    auto u32_at = [](const unsigned char* q, std::size_t i) {
        q += i * 4;
        return static_cast<std::uint32_t>(q[0]) | static_cast<std::uint32_t>(q[1]) << 8 |
               static_cast<std::uint32_t>(q[2]) << 16 | static_cast<std::uint32_t>(q[3]) << 24;
    };
    reserve_huge(rels, m);
    rels.resize(m);
    for (std::size_t i = 0; i < m; ++i) {
        Relation& r = rels[i];
        r.source = u32_at(src, i);
        r.target = u32_at(dst, i);
        if (r.source >= n || r.target >= n || type[i] >= kRelationTypeCount) return false;
        r.type = static_cast<RelationType>(type[i]);
        r.symmetric_flag = sym[i] != 0;
        r.stored_weight = u32_at(weight, i);
        std::string_view props = in.view();
        if (!props.empty()) r.properties = decode_props(props);
    }
    return in.ok() && in.at_end();
}

}  // namespace

namespace {

/// A snapshot part's bytes (nullopt when the part is not stored), read straight into a buffer
/// of our own (8-byte aligned, huge pages advised), not through a result row.
std::optional<std::shared_ptr<unsigned char[]>> read_snapshot_part(sqlite3* db, int part, std::size_t& size, bool& read_ok) {
    read_ok = true;
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db, "main", "snapshot", "data", part, 0, &blob) != SQLITE_OK) {
        sqlite3_blob_close(blob);
        return std::nullopt;
    }
    size = static_cast<std::size_t>(sqlite3_blob_bytes(blob));
    std::shared_ptr<unsigned char[]> buf(new unsigned char[size ? size : 1]);
    advise_huge_pages(buf.get(), size);
    read_ok = sqlite3_blob_read(blob, buf.get(), static_cast<int>(size), 0) == SQLITE_OK;
    sqlite3_blob_close(blob);
    return buf;
}

}  // namespace

Result<KnowledgeGraph> Store::load_graph(const GraphLoadOptions& options) const {
    sqlite3* db = impl_->db;
    auto damaged = [&] {
        return make_error(ErrorCode::kParse, "store", path_,
                          "the graph snapshot is damaged: rebuild the store with `kgmill build DOCS -o OUT`");
    };
    auto evidence_source = std::make_shared<StoreEvidence>(path_);
    std::shared_ptr<const detail::GraphImage> image;
    std::size_t size = 0;
    bool read_ok = true;
    // 1. the image file, when its identity is the one this store recorded (mapped: nothing is read)
    if (auto identity = read_snapshot_part(db, 1, size, read_ok); identity && read_ok) {
        const std::string file = image_file_path(path_);
        if (!file.empty() && size == detail::GraphImage::kHeaderIdentityBytes) {
            std::string why;
            auto mapped = detail::GraphImage::map_file(file, &why);
            // A small image is also checked byte for byte (a few ms); a large one is trusted on its
            // identity, since checking it would read all of it (~0.2 s at 380 MB) before the
            // first answer. build replaces the file by renaming, so it is never half-written.
            constexpr std::size_t kCheckMappedUpTo = std::size_t{64} << 20;
            if (mapped && mapped->identity() == std::string_view(reinterpret_cast<const char*>(identity->get()), size) &&
                (mapped->byte_size() > kCheckMappedUpTo || mapped->verify()))
                image = std::move(mapped);
        }
    }
    // 2. the image (or an older snapshot) stored in the database
    std::vector<Entity> ents;
    std::vector<Relation> rels;
    if (!image) {
        auto snap = read_snapshot_part(db, 0, size, read_ok);
        if (!snap) return load_graph_from_tables();  // no build has saved a snapshot yet
        if (!read_ok) return damaged();
        const unsigned char* p = snap->get();
        if (detail::GraphImage::header_identity(p, size)) {
            // read in full anyway, so checked in full (a mapped file is tied to the store by
            // its identity and not read ahead of use)
            image = detail::GraphImage::open(*snap, p, size, nullptr);
            if (!image || !image->verify()) return damaged();
        } else if (!decode_snapshot(p, size, ents, rels)) {
            return damaged();
        }
    }
    if (image && !options.evidence) return KnowledgeGraph(std::move(image), std::move(evidence_source));
    if (image) {
        const KnowledgeGraph columns(image, nullptr);
        ents = columns.entities();
        rels = columns.relations();
    }
    if (!options.evidence)
        return KnowledgeGraph(KnowledgeGraph::Canonical{}, std::move(ents), std::move(rels), std::move(evidence_source));
    if (!read_all_evidence(db, rels)) return impl_->err(path_, "read provenance");
    for (Relation& r : rels) r.stored_weight = 0;
    return KnowledgeGraph(KnowledgeGraph::Canonical{}, std::move(ents), std::move(rels));
}

Result<KnowledgeGraph> Store::load_graph_from_tables() const {
    sqlite3* db = impl_->db;
    std::vector<Entity> ents;
    std::map<std::string, VertexId> index;
    {
        Stmt q(db, "SELECT id,name,type,country FROM entities ORDER BY id");
        while (q.step() == SQLITE_ROW) {
            Entity e;
            e.id = q.text(0);
            e.name = q.text(1);
            auto t = parse_entity_type(q.text(2));
            if (!t) return make_error(ErrorCode::kParse, "store", path_, "unknown entity type '" + q.text(2) + "'");
            e.type = *t;
            e.country = q.text(3);
            index.emplace(e.id, static_cast<VertexId>(ents.size()));
            ents.push_back(std::move(e));
        }
    }
    {
        Stmt q(db, "SELECT entity, alias FROM aliases ORDER BY entity, alias");
        while (q.step() == SQLITE_ROW) {
            auto it = index.find(q.text(0));
            if (it != index.end()) ents[it->second].aliases.push_back(q.text(1));
        }
    }
    std::vector<Relation> rels;
    {
        Stmt q(db, "SELECT rid,source,target,type,properties,symmetric FROM relations ORDER BY rid");
        while (q.step() == SQLITE_ROW) {
            Relation r;
            auto s = index.find(q.text(1)), o = index.find(q.text(2));
            auto t = parse_relation_type(q.text(3));
            if (s == index.end() || o == index.end() || !t)
                return make_error(ErrorCode::kParse, "store", path_, "relation " + q.text(0) + " is inconsistent");
            r.source = s->second;
            r.target = o->second;
            r.type = *t;
            r.properties = decode_props(q.text(4));
            r.symmetric_flag = q.integer(5) != 0;
            rels.push_back(std::move(r));
        }
    }
    if (!read_all_evidence(db, rels)) return impl_->err(path_, "read provenance");
    return KnowledgeGraph(std::move(ents), std::move(rels));
}

Result<StoreStats> Store::stats() const {
    sqlite3* db = impl_->db;
    StoreStats s;
    auto count = [&](const char* sql) -> std::size_t {
        Stmt q(db, sql);
        return q.step() == SQLITE_ROW ? static_cast<std::size_t>(q.integer(0)) : 0;
    };
    s.documents = count("SELECT count(*) FROM documents");
    s.entities = count("SELECT count(*) FROM entities");
    s.relations = count("SELECT count(*) FROM relations");
    s.statements = count("SELECT count(*) FROM statements");
    {
        Stmt q(db, "SELECT type, count(*) FROM entities GROUP BY type ORDER BY type");
        while (q.step() == SQLITE_ROW) s.entities_by_type[q.text(0)] = static_cast<std::size_t>(q.integer(1));
    }
    {
        Stmt q(db, "SELECT type, count(*) FROM relations GROUP BY type ORDER BY type");
        while (q.step() == SQLITE_ROW) s.relations_by_type[q.text(0)] = static_cast<std::size_t>(q.integer(1));
    }
    return s;
}

Result<std::vector<StoredDocument>> Store::documents() const {
    Stmt q(impl_->db, "SELECT id,path,format,language,title,date,content_hash,bytes FROM documents ORDER BY id");
    std::vector<StoredDocument> out;
    while (q.step() == SQLITE_ROW) {
        StoredDocument d{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6),
                         static_cast<std::uint64_t>(q.integer(7))};
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace kgmill
