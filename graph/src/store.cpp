#include "kgmill/graph/store.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "kgmill/core/triples_json.hpp"
#include "kgmill/core/unicode.hpp"

namespace kgmill {
namespace {

constexpr int kSchemaVersion = 1;

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
)sql";

// Properties are stored as "k=v" lines (values never contain a newline).
std::string encode_props(const Properties& p) {
    std::string s;
    for (const auto& [k, v] : p) {
        s += k;
        s += '=';
        for (char c : v) s += (c == '\n' ? ' ' : c);
        s += '\n';
    }
    return s;
}
Properties decode_props(std::string_view s) {
    Properties p;
    while (!s.empty()) {
        auto nl = s.find('\n');
        auto line = s.substr(0, nl);
        auto eq = line.find('=');
        if (eq != std::string_view::npos) p.emplace_back(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
        if (nl == std::string_view::npos) break;
        s.remove_prefix(nl + 1);
    }
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
    Stmt& bind(int i, std::int64_t v) {
        sqlite3_bind_int64(st_, i, v);
        return *this;
    }
    Stmt& bind(int i, double v) {
        sqlite3_bind_double(st_, i, v);
        return *this;
    }
    int step() { return sqlite3_step(st_); }
    void reset() {
        sqlite3_reset(st_);
        sqlite3_clear_bindings(st_);
    }
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
        sqlite3_exec(db, ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str(), nullptr, nullptr, nullptr);
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
            ent.bind(1, e.id).bind(2, e.name).bind(3, entity_type_name(e.type)).bind(4, e.country);
            if (ent.step() != SQLITE_DONE) return fail("insert entity");
            ent.reset();
            std::string cls = is_organization(e.type) ? "-1" : std::to_string(static_cast<int>(e.type));
            auto mint_name = [&](const std::string& n) -> bool {
                mint.bind(1, cls + ":" + match_key(n)).bind(2, e.id);
                bool ok = mint.step() == SQLITE_DONE;
                mint.reset();
                return ok;
            };
            if (!mint_name(e.name)) return fail("insert minted id");
            for (const auto& a : e.aliases) {
                ali.bind(1, e.id).bind(2, a);
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
            rel.bind(1, rid).bind(2, g.entities()[r.source].id).bind(3, g.entities()[r.target].id)
                .bind(4, relation_type_name(r.type)).bind(5, encode_props(r.properties))
                .bind(6, static_cast<std::int64_t>(r.weight())).bind(7, static_cast<std::int64_t>(r.symmetric()));
            if (rel.step() != SQLITE_DONE) return fail("insert relation");
            rel.reset();
            std::int64_t seq = 0;
            for (const auto& p : r.evidence) {
                prov.bind(1, rid).bind(2, seq++).bind(3, p.doc).bind(4, p.sentence)
                    .bind(5, static_cast<std::int64_t>(p.start)).bind(6, static_cast<std::int64_t>(p.end))
                    .bind(7, p.extractor).bind(8, p.confidence);
                if (prov.step() != SQLITE_DONE) return fail("insert provenance");
                prov.reset();
            }
            ++rid;
        }
    }
    return commit();
}

Result<KnowledgeGraph> Store::load_graph() const {
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
    {
        Stmt q(db, "SELECT rid,doc,sentence,start,\"end\",extractor,confidence FROM provenance ORDER BY rid, seq");
        while (q.step() == SQLITE_ROW) {
            auto rid = static_cast<std::size_t>(q.integer(0));
            if (rid >= rels.size()) continue;
            Provenance p;
            p.doc = q.text(1);
            p.sentence = q.text(2);
            p.start = static_cast<std::uint32_t>(q.integer(3));
            p.end = static_cast<std::uint32_t>(q.integer(4));
            p.extractor = q.text(5);
            p.confidence = q.real(6);
            rels[rid].evidence.push_back(std::move(p));
        }
    }
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
