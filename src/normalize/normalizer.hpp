#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/normalized_text.hpp"
#include "normalize/word_folder.hpp"
#include "util/string_hash.hpp"

namespace sentinelle {

// Turns French text into folded tokens: UTF-8 checked; NFKC + case + accent folding (ICU);
// typographic apostrophes unified and elisions split ("l'attente" → "le attente"); hyphenated
// words split; elongations collapsed and ALL-CAPS recorded; SMS spellings expanded; emojis
// and known emoticons kept as tokens; punctuation kept as clause marks ("!!!" counted).
//
// Configured once (emoticons, SMS spellings, vocabulary) and then used read-only from any
// number of threads, each with its own normalized_text and fold_cache.
class normalizer {
 public:
  void add_emoticon(std::string_view emoticon);
  void add_sms_spelling(std::string folded_key, std::string_view replacement);
  void set_vocabulary(vocabulary_lookup known) { known_ = std::move(known); }

  // Fills `out`; returns the offset of the first invalid UTF-8 byte instead when there is one.
  std::optional<std::size_t> normalize(std::string_view text, normalized_text& out,
                                       fold_cache& cache) const;

  // The token forms of a lexicon pattern, normalized exactly like analysed text.
  std::vector<std::string> forms(std::string_view text) const;

  bool has_sms_spelling(std::string_view folded_key) const { return sms_.contains(folded_key); }

 private:
  friend class tokenizer;

  std::vector<std::string> emoticons_;  // lowercase, longest first
  string_map<std::vector<std::string>> sms_;
  vocabulary_lookup known_;
};

}  // namespace sentinelle
