#pragma once

// The shipped French lexicons (lexicons/fr), loaded once per process in LLVMFuzzerInitialize:
// the normalizer and analyzer targets run with the configuration the server has.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "analyze/lexicon.hpp"

namespace sentinelle::fuzzing {

inline std::unique_ptr<lexicon> load_french_lexicon() {
  std::vector<lexicon_problem> problems;
  auto lex = lexicon::load(SENTINELLE_LEXICONS, problems);
  for (const lexicon_problem& problem : problems) {
    std::fprintf(stderr, "%s\n", problem.to_string().c_str());
  }
  if (!lex) {
    std::fprintf(stderr, "cannot load the lexicons of %s\n", SENTINELLE_LEXICONS);
    std::exit(1);
  }
  return lex;
}

// Byte `offset` starts a UTF-8 sequence of `text` (or is its end).
inline bool on_code_point(std::string_view text, std::size_t offset) {
  return offset >= text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

}  // namespace sentinelle::fuzzing
