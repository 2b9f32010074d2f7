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

  void find_literal_matches(const normalized_text& text, std::vector<lexicon_match>& out) const;
  void find_regex_matches(const normalized_text& text, std::vector<lexicon_match>& out) const;

  normalizer normalizer_;
  std::vector<lexicon_entry> entries_;
  // Literal entries, indexed by the vocabulary id of their first form in flat arrays: one
  // lookup per token, where vectors of vectors cost a cache miss per level (perf, 20 MB corpus).
  struct first_word {
    std::uint32_t singles = 0;  // one-word entries: single_entries_[singles, + single_count)
    std::uint32_t single_count = 0;
    bool starts_phrases = false;  // some longer entry starts with this word
  };
  // A literal entry of two words or more, with its forms' ids copied out of the entry.
  struct phrase_entry {
    std::uint32_t entry = 0;
    std::uint32_t ids = 0;  // phrase_ids_[ids, + length)
    std::uint32_t length = 0;
  };
  // The phrases that start with one pair of words (a few words such as "pas" or "ne" start
  // hundreds of expressions): phrase_entries_[begin, + count). Open addressing by the pair;
  // count 0 marks an empty slot.
  struct phrase_start {
    std::uint32_t first = 0;
    std::uint32_t second = 0;
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
  };
  static std::size_t pair_hash(std::uint32_t first, std::uint32_t second) {
    const std::uint64_t key = (static_cast<std::uint64_t>(first) << 32) | second;
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32);
  }
  const phrase_start* find_phrase_start(std::uint32_t first, std::uint32_t second) const;

  std::vector<first_word> first_words_;  // by vocabulary id
  std::vector<std::uint32_t> single_entries_;
  std::vector<phrase_start> phrase_starts_;  // a power of two, at most half full
  std::vector<phrase_entry> phrase_entries_;
  std::vector<std::uint32_t> phrase_ids_;
  prefix_index prefixes_;  // one-word "stem*" entries
  std::unique_ptr<RE2::Set> regex_set_;
  std::vector<std::uint32_t> regex_entries_;          // set index → entry index
  std::vector<std::unique_ptr<RE2>> regex_locators_;  // set index → expression to find positions
  std::size_t file_count_ = 0;
};

}  // namespace sentinelle
