// graph_writers.hpp — private: the factory of each format's GraphWriter (one per .cpp).
#pragma once
#include <memory>
#include <string>

#include "kgmill/exporters/export.hpp"

namespace kgmill::detail {

std::unique_ptr<GraphWriter> make_graphml_writer(Sink& sink, const std::string& main,
                                                 const ExportOptions& opts);
std::unique_ptr<GraphWriter> make_gexf_writer(Sink& sink, const std::string& main,
                                              const ExportOptions& opts);
/// Turtle; with `vocabulary` also writes vocabulary.ttl into the sink.
std::unique_ptr<GraphWriter> make_turtle_writer(Sink& sink, const std::string& main,
                                                const ExportOptions& opts, bool vocabulary);
std::unique_ptr<GraphWriter> make_ntriples_writer(Sink& sink, const std::string& main,
                                                  const ExportOptions& opts);
/// JSON-LD; with `context_file` also writes context.jsonld into the sink.
std::unique_ptr<GraphWriter> make_jsonld_writer(Sink& sink, const std::string& main,
                                                const ExportOptions& opts, bool context_file);
std::unique_ptr<GraphWriter> make_neo4j_writer(Sink& sink, const ExportOptions& opts);
std::unique_ptr<GraphWriter> make_dot_writer(Sink& sink, const std::string& main,
                                             const ExportOptions& opts);

}  // namespace kgmill::detail
