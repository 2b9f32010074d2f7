#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "analyze/analyzer.hpp"
#include "analyze/lexicon.hpp"

namespace sentinelle::testing {

// The small, stable lexicon of tests/data/rules_lexicon (rule tests must not move when the
// shipped French lexicons grow).
inline std::unique_ptr<lexicon> load_lexicon(const std::string& directory,
                                             lexicon_options options = {}) {
  std::vector<lexicon_problem> problems;
  auto lex = lexicon::load(directory, problems, options);
  for (const auto& problem : problems) {
    ADD_FAILURE() << problem.to_string();
  }
  return lex;
}

inline std::unique_ptr<lexicon> rules_lexicon(lexicon_options options = {}) {
  return load_lexicon(std::string(SENTINELLE_TEST_DATA) + "/rules_lexicon", options);
}

inline std::unique_ptr<lexicon> french_lexicon() {
  return load_lexicon(SENTINELLE_LEXICONS);
}

}  // namespace sentinelle::testing
