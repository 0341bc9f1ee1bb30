// kgmill/extractors/eval.hpp — precision / recall / F1 against a gold file, computed exactly
// as ../shared/corpus/score.py does (ONTOLOGY.md "Scoring").
//
//   auto gold = load_gold("gold.jsonl");
//   EvalReport r = evaluate(*gold, triples);
//   std::cout << format_report(r);
#pragma once
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "kgmill/core/status.hpp"
#include "kgmill/core/triple.hpp"

namespace kgmill {

struct GoldEntity {
    std::string id, type;
    std::vector<std::string> names;
};
struct GoldRelation {
    std::string s, p, o, evidence;
};
struct GoldDocument {
    std::string doc;  ///< file name (the part after the last '/')
    std::vector<GoldEntity> entities;
    std::vector<GoldRelation> relations;
};

/// Reads a gold JSON Lines file; errors name the file and line.
Result<std::vector<GoldDocument>> load_gold(const std::string& path);

struct Counts {
    int tp = 0, fp = 0, fn = 0;
    double precision() const;
    double recall() const;
    double f1() const;
};

/// One scored relation (for --show-errors): document, subject, predicate, object, evidence.
struct ScoredRelation {
    std::string doc, s, p, o, evidence;
    bool correct = false;
};

struct EvalReport {
    std::map<std::string, Counts> per_type;  ///< by predicate
    Counts overall;
    std::vector<ScoredRelation> false_positives, misses;
    int triples_for_unknown_docs = 0;
};

/// Scores predicted triples (planned ones and Agreement ends left out) against gold.
EvalReport evaluate(const std::vector<GoldDocument>& gold, const std::vector<Triple>& predicted);

/// The table score.py prints (same layout and rounding); with show_errors also the
/// false positives and misses with their evidence.
std::string format_report(const EvalReport& r, bool show_errors = false);

}  // namespace kgmill
