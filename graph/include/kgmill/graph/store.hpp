// kgmill/graph/store.hpp — the SQLite store that `build` writes and `query`/`export`/`stats`
// read (schema versioned with PRAGMA user_version).
//
//   auto st = Store::open("out/kg.sqlite", Store::Mode::kReadWrite);
//   if (st->document_unchanged(id, hash)) skip;
//   st->begin(); st->put_document(meta, triples); st->commit();    // one transaction per batch
//   st->save_graph(graph);                                          // entities, aliases, relations
//   KnowledgeGraph g = st->load_graph().value();                  // {.evidence = false}: on demand
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kgmill/core/document.hpp"
#include "kgmill/core/status.hpp"
#include "kgmill/core/triple.hpp"
#include "kgmill/graph/knowledge_graph.hpp"

namespace kgmill {

struct StoredDocument {
    std::string id, path, format, language, title, date, content_hash;
    std::uint64_t bytes = 0;
};

struct StoreStats {
    std::size_t documents = 0, entities = 0, relations = 0, statements = 0;
    std::map<std::string, std::size_t> entities_by_type, relations_by_type;
};

struct GraphLoadOptions {
    /// Read every relation's evidence. Without it (queries), Relation::evidence stays empty,
    /// weight() comes from the store and KnowledgeGraph::first_evidence() / all_evidence()
    /// read the store on demand.
    bool evidence = true;
};

class Store {
public:
    enum class Mode { kReadOnly, kReadWrite };
    /// Opens (and in kReadWrite creates or migrates) the store at `path`. A folder is taken
    /// to mean `path/kg.sqlite`.
    static Result<std::unique_ptr<Store>> open(const std::string& path, Mode mode);
    ~Store();
    Store(const Store&) = delete;             // owns a sqlite3 handle
    Store& operator=(const Store&) = delete;

    /// True when the document is stored with this content hash.
    bool document_unchanged(const std::string& id, const std::string& hash) const;
    Status begin();
    Status commit();
    Status rollback();
    /// Replaces what is stored for the document (its row and its statements).
    Status put_document(const StoredDocument& doc, const std::vector<Triple>& triples);
    /// Every stored statement, ordered by (doc id, start, insertion order).
    Result<std::vector<Triple>> load_triples() const;
    /// Ids minted by earlier builds (match key → id).
    Result<std::map<std::string, std::string>> load_known_ids() const;
    /// Rewrites entities, aliases and relations from the merged graph (one transaction).
    Status save_graph(const KnowledgeGraph& g);
    /// Reads the merged graph back (from the snapshot save_graph wrote: no sorting, no
    /// string lookups).
    Result<KnowledgeGraph> load_graph(const GraphLoadOptions& options = {}) const;
    Result<StoreStats> stats() const;
    Result<std::vector<StoredDocument>> documents() const;
    const std::string& path() const { return path_; }

private:
    Store() = default;
    Result<KnowledgeGraph> load_graph_from_tables() const;  // stores no build has saved a snapshot in
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string path_;
};

/// "out/kg.sqlite" for "out" (a folder) and the path itself otherwise.
std::string resolve_store_path(const std::string& store_or_folder);

}  // namespace kgmill
