#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/form_table.hpp"

namespace sentinelle {

// Answers whether a folded word is known to the lexicons; used to pick "cool" over "col" when
// collapsing "cooool".
using vocabulary_lookup = std::function<bool(std::string_view)>;

struct folded_word {
  static constexpr std::uint32_t not_noted = UINT32_MAX;

  std::string form;       // NFKC + case folded, accents removed, elongations collapsed
  bool all_caps = false;  // at least two letters, all capitals
  bool has_lowercase = false;
  bool elongated = false;  // a letter was repeated three times or more
  // What the cache's owner (the normalizer) found about `form`, kept with a cached word so the
  // owner looks it up once, not once per occurrence; not_noted until it does.
  std::uint32_t note = not_noted;
};

// A word that fold_plain_word folded.
struct plain_word {
  std::size_t length = 0;  // bytes of the original text
  bool all_caps = false;
  bool has_lowercase = false;
  bool digits_only = false;
};

// The word at the start of `text` when it is plain — ASCII letters and digits, and Latin
// letters that fold on their own (é, ç, œ, ñ…) — appended to `form` folded exactly as
// fold_cache::fold would fold it, without ICU, a cache or a string of its own: most words of
// customer French are plain. Returns false, leaving `form` as it was, for a word that another
// character continues (an apostrophe, a mark, any other letter) or that stretches a letter
// ("nuuul"): fold_cache::fold handles those.
bool fold_plain_word(std::string_view text, std::string& form, plain_word& word);

// Folds words for matching: ASCII words take a byte-wise path; others go through ICU
// (NFKC_Casefold, then NFD with marks dropped) once per thread, remembered here: ICU costs
// ~1 µs a word, and customer French repeats the same accented words. One cache per thread; it
// empties itself when full, and when another owner starts using it: the folds of elongated
// words and the notes depend on the owner's vocabulary. Owners are told apart by a stamp that
// each normalizer takes anew whenever its vocabulary changes (an address could be reused by
// the next lexicon loaded on the same thread).
class fold_cache {
 public:
  void bind(std::uint64_t owner_stamp) {
    if (owner_stamp != owner_stamp_) {
      clear();
      owner_stamp_ = owner_stamp;
    }
  }
  folded_word& fold(std::string_view raw, const vocabulary_lookup& known);

 private:
  static constexpr std::size_t max_entries = 65536;

  void clear() {
    index_ = form_table();
    folded_.clear();
  }

  // Open addressing over flat arrays: the node-based std::unordered_map this replaces spent
  // its time chasing bucket chains (perf on the 20 MB corpus).
  form_table index_;  // raw word → index into folded_
  std::vector<folded_word> folded_;
  folded_word scratch_;
  std::uint64_t owner_stamp_ = 0;  // 0: no owner yet
};

}  // namespace sentinelle
