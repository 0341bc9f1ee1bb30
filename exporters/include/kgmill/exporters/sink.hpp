// kgmill/exporters/sink.hpp — where exporters write: named output streams.
//
// Most formats write one file, some write several (Neo4j: one CSV per label and per relation
// type plus load.cypher; JSON-LD and Turtle add a side file). A Sink hands out one stream per
// name; writers never touch the file system themselves, so tests render into a MemorySink
// and compare bytes.
//
//   DirectorySink out("out/neo4j");            // real runs: files in a folder
//   MemorySink mem;                            // tests: strings in memory
//   write_neo4j(g, mem);  mem.files().at("load.cypher");
//
// Not thread-safe: one writer uses a sink at a time.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "kgmill/core/status.hpp"

namespace kgmill {

class Sink {
public:
    virtual ~Sink() = default;
    /// A stream for the file `name` (a plain file name, no folders), valid until close() or
    /// the sink's destruction. Opening the same name twice is a bug. nullptr when it cannot be
    /// created; the reason is then in close().
    virtual std::ostream* open(const std::string& name) = 0;
    /// Flushes and closes every stream. The first error (cannot create, disk full) is
    /// returned; after an error the sink leaves no partial file under the final names.
    virtual Status close() = 0;
};

/// Writes files into a folder (created when missing). Each file is written to "NAME.tmp"
/// through a 1 MiB buffer and renamed on close(), so a reader never sees a half-written file.
class DirectorySink final : public Sink {
public:
    explicit DirectorySink(std::string dir);
    ~DirectorySink() override;
    DirectorySink(const DirectorySink&) = delete;  // owns open files
    DirectorySink& operator=(const DirectorySink&) = delete;

    std::ostream* open(const std::string& name) override;
    Status close() override;
    const std::string& dir() const { return dir_; }
    /// Names of the files opened so far, in opening order.
    std::vector<std::string> written() const;

private:
    struct File;
    std::string dir_;
    std::vector<std::unique_ptr<File>> files_;
    Status first_error_;
};

/// Keeps every file in memory (tests, golden files).
class MemorySink final : public Sink {
public:
    std::ostream* open(const std::string& name) override;
    Status close() override { return {}; }
    /// File name → content, sorted by name.
    std::map<std::string, std::string> files() const;

private:
    std::map<std::string, std::ostringstream> streams_;
};

/// Hands out one caller-owned stream under one name; other names fail (nullptr). Backs the
/// single-stream write_* functions.
class StreamSink final : public Sink {
public:
    StreamSink(std::string name, std::ostream& out) : name_(std::move(name)), out_(out) {}
    std::ostream* open(const std::string& name) override;
    Status close() override;

private:
    std::string name_;
    std::ostream& out_;
    bool opened_ = false;
    std::string refused_;
};

}  // namespace kgmill
