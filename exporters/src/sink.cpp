#include "kgmill/exporters/sink.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace kgmill {

namespace fs = std::filesystem;

struct DirectorySink::File {
    std::string final_path, tmp_path;
    std::unique_ptr<char[]> buffer;
    std::ofstream out;
};

DirectorySink::DirectorySink(std::string dir) : dir_(std::move(dir)) {}

DirectorySink::~DirectorySink() {
    // Not closed: abandon whatever was written.
    for (auto& f : files_) {
        if (f->out.is_open()) f->out.close();
        std::error_code ec;
        fs::remove(f->tmp_path, ec);
    }
}

std::ostream* DirectorySink::open(const std::string& name) {
    if (!first_error_.ok()) return nullptr;
    std::error_code ec;
    fs::create_directories(dir_.empty() ? "." : dir_, ec);
    if (ec) {
        first_error_ = make_error(ErrorCode::kIo, "export", dir_,
                                  "cannot create folder: " + ec.message());
        return nullptr;
    }
    auto f = std::make_unique<File>();
    f->final_path = (fs::path(dir_.empty() ? "." : dir_) / name).string();
    f->tmp_path = f->final_path + ".tmp";
    constexpr std::size_t kBuffer = 1 << 20;
    f->buffer.reset(new char[kBuffer]);
    f->out.rdbuf()->pubsetbuf(f->buffer.get(), kBuffer);
    f->out.open(f->tmp_path, std::ios::binary | std::ios::trunc);
    if (!f->out) {
        first_error_ = make_error(ErrorCode::kIo, "export", f->final_path,
                                  std::string("cannot create file: ") + std::strerror(errno));
        return nullptr;
    }
    files_.push_back(std::move(f));
    return &files_.back()->out;
}

Status DirectorySink::close() {
    Status st = first_error_;
    for (auto& f : files_) {
        if (!f->out.is_open()) continue;
        f->out.flush();
        const bool bad = !f->out;
        f->out.close();
        if ((bad || f->out.fail()) && st.ok())
            st = make_error(ErrorCode::kIo, "export", f->final_path,
                            "write failed (disk full or file system error)");
    }
    for (auto& f : files_) {
        std::error_code ec;
        if (st.ok()) {
            fs::rename(f->tmp_path, f->final_path, ec);
            if (ec) st = make_error(ErrorCode::kIo, "export", f->final_path,
                                    "cannot rename " + f->tmp_path + ": " + ec.message());
        }
        if (!st.ok()) fs::remove(f->tmp_path, ec);
    }
    files_.clear();
    return st;
}

std::vector<std::string> DirectorySink::written() const {
    std::vector<std::string> names;
    for (const auto& f : files_) names.push_back(fs::path(f->final_path).filename().string());
    return names;
}

std::ostream* MemorySink::open(const std::string& name) { return &streams_[name]; }

std::map<std::string, std::string> MemorySink::files() const {
    std::map<std::string, std::string> out;
    for (const auto& [name, s] : streams_) out.emplace(name, s.str());
    return out;
}

std::ostream* StreamSink::open(const std::string& name) {
    if (name != name_ || opened_) {
        if (refused_.empty()) refused_ = name;
        return nullptr;
    }
    opened_ = true;
    return &out_;
}

Status StreamSink::close() {
    out_.flush();
    if (!refused_.empty())
        return make_error(ErrorCode::kInternal, "export", refused_,
                          "this writer needs a file beside " + name_ + "; use a Sink");
    if (!out_) return make_error(ErrorCode::kIo, "export", name_, "write failed");
    return {};
}

}  // namespace kgmill
