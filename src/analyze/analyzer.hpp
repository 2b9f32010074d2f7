#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analysis.hpp"
#include "analyze/lexicon.hpp"
#include "analyze/scorer.hpp"
#include "normalize/normalized_text.hpp"
#include "normalize/word_folder.hpp"

namespace sentinelle {

// Per-thread scratch space, reused from one text to the next so analysis allocates little.
struct analyzer_workspace {
  normalized_text text;
  fold_cache cache;
  std::vector<lexicon_match> matches;
  scoring_scratch scoring;
};

// The `analyzer` interface of the pipeline: text → analysis (CONTRACT §5). Thread-safe: one
// analyzer is shared by all threads, each bringing its own workspace.
class analyzer {
 public:
  explicit analyzer(std::unique_ptr<lexicon> lex, scoring_policy policy = {})
      : lexicon_(std::move(lex)), policy_(policy) {}

  void analyze(std::string_view text, analyzer_workspace& workspace, analysis& out) const;

  const lexicon& lexicon_in_use() const { return *lexicon_; }

 private:
  std::unique_ptr<lexicon> lexicon_;
  scoring_policy policy_;
};

// How much of an analysis to render.
enum class analysis_detail {
  summary,  // score, label, flags, topics
  matches,  // + the matches that weigh or tag, as CONTRACT §5 shapes them (term, start, end,
            //   weight): what the server stores and consoles highlight
  explain,  // + every match with its lexicon source line and the rules applied (--explain)
};

// Renders the analysis of `text` as one JSON object. A match's `term` is its lexicon entry as
// written, except for `re:` entries, whose expression (up to 700 bytes) says nothing to a
// supervisor: their term is the text they matched (--explain still names the source line).
void append_analysis_json(const analysis& result, std::string_view text, const lexicon& lex,
                          analysis_detail detail, std::string& out);

// Appends what append_analysis_json renders at analysis_detail::matches in the store's compact
// form (analysis_record.hpp); nothing for a text that could not be analysed.
void append_analysis_record(const analysis& result, std::string_view text, const lexicon& lex,
                            std::string& out);

}  // namespace sentinelle
