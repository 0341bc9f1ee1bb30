// render_graph: format from the path, the view, then the image or HTML writer.
#include "kgmill/exporters/render.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "kgmill/exporters/sink.hpp"
#include "render_internal.hpp"

namespace kgmill {

namespace {

constexpr std::size_t kImageCap = 150;    // a picture stays readable
constexpr std::size_t kHtmlCap = 20000;   // a browser stays responsive

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// Draws the whole graph with `opts` when the export driver calls finish().
class RenderWriter final : public GraphWriter {
public:
    RenderWriter(std::string format, Sink& sink, std::string main, RenderOptions opts,
                 std::function<void(std::string_view, const RenderReport&)> on_report)
        : format_(std::move(format)), sink_(sink), main_(std::move(main)), opts_(std::move(opts)),
          on_report_(std::move(on_report)) {}
    Status begin(const KnowledgeGraph& g) override {
        g_ = &g;
        return {};
    }
    void node(VertexId) override {}
    void edge(std::uint32_t) override {}
    Status finish() override {
        std::ostream* os = sink_.open(main_);
        if (!os) return make_error(ErrorCode::kIo, "render", main_, "cannot open output");
        RenderReport report;
        Status st = render_to_stream(*g_, opts_, format_, *os, &report);
        if (st.ok() && on_report_) on_report_(format_, report);
        return st;
    }

private:
    std::string format_;
    Sink& sink_;
    std::string main_;
    RenderOptions opts_;
    std::function<void(std::string_view, const RenderReport&)> on_report_;
    const KnowledgeGraph* g_ = nullptr;
};

}  // namespace

const std::vector<std::string>& render_formats() {
    static const std::vector<std::string> kFormats = {"svg", "png", "pdf", "html"};
    return kFormats;
}

std::optional<std::string> render_format_for_path(std::string_view path) {
    const std::string ext = lower(std::filesystem::path(std::string(path)).extension().string());
    if (ext == ".htm") return std::string("html");
    for (const std::string& f : render_formats())
        if (ext == "." + f) return f;
    return std::nullopt;
}

Status render_to_stream(const KnowledgeGraph& g, const RenderOptions& opts, std::string_view format,
                        std::ostream& out, RenderReport* report) {
    const auto& fs = render_formats();
    if (std::find(fs.begin(), fs.end(), format) == fs.end())
        return make_error(ErrorCode::kUsage, "render", "",
                          "unknown diagram format '" + std::string(format) + "' (known: svg, png, pdf, html)");
    if (!render::known_engine(opts.layout))
        return make_error(ErrorCode::kUsage, "render", "",
                          "unknown layout '" + opts.layout + "' (known: sfdp, neato, fdp, dot, circo)");
    const bool html = format == "html";
    auto view = render::select_view(g, opts, html ? kHtmlCap : kImageCap);
    if (!view) return view.error();
    if (report) {
        report->shown_nodes = view->nodes.size();
        report->total_nodes = view->candidates;
        report->shown_edges = view->rels.size();
        report->note = view->note;
    }
    if (html) return render::render_html(g, *view, opts, out);
    return render::render_image(g, *view, opts, std::string(format), out);
}

Status render_graph(const KnowledgeGraph& g, const RenderOptions& opts, const std::string& path,
                    RenderReport* report) {
    auto format = render_format_for_path(path);
    if (!format)
        return make_error(ErrorCode::kUsage, "render", path,
                          "the output must end in .svg, .png, .pdf or .html");
    std::filesystem::path p(path);
    if (p.filename().empty())
        return make_error(ErrorCode::kUsage, "render", path, "output path names a folder");
    DirectorySink sink(p.parent_path().string());
    std::ostream* os = sink.open(p.filename().string());
    Status st = os ? render_to_stream(g, opts, *format, *os, report) : Status();
    Status closed = st.ok() ? sink.close() : Status();
    if (!st.ok()) return st;  // the sink's destructor removes the partial file
    return closed;
}

std::unique_ptr<GraphWriter> make_render_writer(
    std::string_view format, Sink& sink, const std::string& main_name, const RenderOptions& opts,
    std::function<void(std::string_view, const RenderReport&)> on_report) {
    if (format != "svg" && format != "html" && format != "png" && format != "pdf") return nullptr;
    return std::make_unique<RenderWriter>(std::string(format), sink, main_name, opts,
                                          std::move(on_report));
}

}  // namespace kgmill
