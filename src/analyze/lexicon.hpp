#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "analyze/lexicon_entry.hpp"
#include "analyze/lexicon_parser.hpp"
#include "analyze/prefix_index.hpp"
#include "normalize/normalized_text.hpp"
#include "normalize/normalizer.hpp"

namespace sentinelle {

// An entry found in a text: tokens [first, last) of the normalized text.
struct lexicon_match {
  std::uint32_t entry = 0;
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

struct lexicon_options {
  // Sends literal and one-word prefix entries through the RE2::Set too, instead of the
  // exact-match table and the prefix index. Only the equivalence test uses it: both paths must
  // find the same matches.
  bool literals_as_regex = false;
};

// A lexicon directory compiled once at start: the entries, the normalizer they configure
// (emoticons, SMS spellings, vocabulary), an exact-match table for literal entries and one
// RE2::Set for prefix and regex entries. Immutable after load; shared by all threads.
class lexicon {
 public:
  // Loads every `*.lex` file and `sms.map` of `directory`. On any problem, returns nullptr
  // and fills `problems` with FILE:LINE messages.
  static std::unique_ptr<lexicon> load(const std::filesystem::path& directory,
                                       std::vector<lexicon_problem>& problems,
                                       lexicon_options options = {});

  const normalizer& text_normalizer() const { return normalizer_; }
  const std::vector<lexicon_entry>& entries() const { return entries_; }
  std::size_t file_count() const { return file_count_; }

  // Appends every occurrence of every entry in `text`, in no particular order.
  void find_matches(const normalized_text& text, std::vector<lexicon_match>& out) const;

 private:
  class builder;

  void index_literal(std::uint32_t index);

  void find_literal_matches(const normalized_text& text, std::vector<lexicon_match>& out) const;
  void find_regex_matches(const normalized_text& text, std::vector<lexicon_match>& out) const;

  normalizer normalizer_;
  std::vector<lexicon_entry> entries_;
  // Literal entries: one-word ones by vocabulary id, longer ones by their first two ids (a few
  // words such as "pas" or "ne" start hundreds of expressions).
  std::vector<std::vector<std::uint32_t>> single_words_;
  // first id → (second id, index into phrases_), sorted by second id: a few words start
  // hundreds of phrases, and a short binary search beats a second hash lookup per token.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> phrase_starts_;
  std::vector<std::vector<std::uint32_t>> phrases_;
  prefix_index prefixes_;  // one-word "stem*" entries
  std::unique_ptr<RE2::Set> regex_set_;
  std::vector<std::uint32_t> regex_entries_;          // set index → entry index
  std::vector<std::unique_ptr<RE2>> regex_locators_;  // set index → expression to find positions
  std::size_t file_count_ = 0;
};

}  // namespace sentinelle
