// The analyzer (src/analyze) with the shipped French lexicons. Checked: a score in [-1, 1], match
// offsets on whole code points of the input (consoles highlight them), and the analysis JSON the
// server renders — at the most detailed level — parses as JSON, and the compact record the
// store keeps reads back as the JSON the server answers.
#include <simdjson.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "analyze/analysis_record.hpp"
#include "analyze/analyzer.hpp"
#include "fuzz_checks.hpp"
#include "lexicon_loader.hpp"

using namespace sentinelle;

namespace {

const analyzer& french() {
  static const analyzer shipped(fuzzing::load_french_lexicon());
  return shipped;
}

void check_analysis(std::string_view text, const analysis& result) {
  if (result.error) {
    fuzzing::require(find_invalid_utf8(text).has_value(), "valid UTF-8 not analysed");
    return;
  }
  fuzzing::require(std::isfinite(result.score) && result.score >= -1.0 && result.score <= 1.0,
                   "a score outside [-1, 1]");
  for (const scored_match& m : result.matches) {
    fuzzing::require(m.begin <= m.end && m.end <= text.size(), "a match outside the text");
    fuzzing::require(fuzzing::on_code_point(text, m.begin) && fuzzing::on_code_point(text, m.end),
                     "a match cuts a UTF-8 sequence");
    fuzzing::require(std::isfinite(m.weight), "a weight that is not finite");
  }
}

void check_stored_form(std::string_view text, const analysis& result) {
  const lexicon& lex = french().lexicon_in_use();
  std::string answered;
  append_analysis_json(result, text, lex, analysis_detail::matches, answered);
  std::string record;
  append_analysis_record(result, text, lex, record);
  std::string stored;
  fuzzing::require(append_analysis_record_json(record, stored), "the record does not read back");
  fuzzing::require(stored == answered, "the record reads back as another analysis");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  french();  // the lexicons load once, before the first input
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static analyzer_workspace workspace;  // reused across inputs, as each server thread does
  static analysis result;
  static simdjson::dom::parser parser;
  const std::string_view text = fuzzing::as_text(data, size);
  french().analyze(text, workspace, result);
  check_analysis(text, result);
  std::string json;
  append_analysis_json(result, text, french().lexicon_in_use(), analysis_detail::explain, json);
  simdjson::dom::element root;
  fuzzing::require(parser.parse(json).get(root) == simdjson::SUCCESS, "the analysis is not JSON");
  if (!result.error) {
    check_stored_form(text, result);
  }
  return 0;
}
