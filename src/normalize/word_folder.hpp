#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "util/string_hash.hpp"

namespace sentinelle {

// Answers whether a folded word is known to the lexicons; used to pick "cool" over "col" when
// collapsing "cooool".
using vocabulary_lookup = std::function<bool(std::string_view)>;

struct folded_word {
  std::string form;       // NFKC + case folded, accents removed, elongations collapsed
  bool all_caps = false;  // at least two letters, all capitals
  bool has_lowercase = false;
  bool elongated = false;  // a letter was repeated three times or more
};

// Folds words for matching: ASCII words take a byte-wise path; others go through ICU
// (NFKC_Casefold, then NFD with marks dropped) once per thread, remembered here: ICU costs
// ~1 µs a word, and customer French repeats the same accented words. One cache per thread; it
// empties itself when full.
class fold_cache {
 public:
  const folded_word& fold(std::string_view raw, const vocabulary_lookup& known);

 private:
  static constexpr std::size_t max_entries = 65536;
  string_map<folded_word> entries_;
  folded_word scratch_;
};

}  // namespace sentinelle
