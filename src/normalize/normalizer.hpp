#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/form_table.hpp"
#include "normalize/normalized_text.hpp"
#include "normalize/word_folder.hpp"

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
  static constexpr std::uint32_t unknown_form = form_table::absent;

  void add_emoticon(std::string_view emoticon);
  void add_sms_spelling(std::string_view folded_key, std::string_view replacement);
  // The forms the lexicons know: each token gets the index of its form in this list as
  // `form_id` (or unknown_form), and elongations collapse towards known forms ("cooool").
  void set_vocabulary(const std::vector<std::string>& forms);

  // Fills `out`; returns the offset of the first invalid UTF-8 byte instead when there is one.
  std::optional<std::size_t> normalize(std::string_view text, normalized_text& out,
                                       fold_cache& cache) const;

  // The token forms of a lexicon pattern, normalized exactly like analysed text.
  std::vector<std::string> forms(std::string_view text) const;

  std::uint32_t form_id(std::string_view form) const;

 private:
  friend class tokenizer;

  template <std::size_t N>
  static constexpr std::array<std::uint32_t, N> filled(std::uint32_t value) {
    std::array<std::uint32_t, N> values{};
    values.fill(value);
    return values;
  }

  // What one folded form is to the normalizer: a vocabulary word, an SMS spelling, or both.
  struct form_info {
    std::uint32_t id = unknown_form;
    std::uint32_t sms = unknown_form;  // index into sms_expansions_
  };
  struct sms_expansion {
    std::vector<std::string> forms;
    std::vector<std::uint32_t> ids;
  };

  // table_ values: a vocabulary id, or with `has_sms` set an index into infos_. Most forms are
  // plain vocabulary words, found without a second lookup per token (perf: a cache miss each).
  static constexpr std::uint32_t has_sms = 1U << 31;
  form_info decode(std::uint32_t value) const {
    if (value == form_table::absent) {
      return {};
    }
    return (value & has_sms) != 0 ? infos_[value & ~has_sms] : form_info{value, unknown_form};
  }
  form_info info(std::string_view form) const { return decode(table_.find(form)); }

  std::vector<std::string> emoticons_;      // lowercase, longest first
  std::array<bool, 128> emoticon_start_{};  // first characters of the emoticons
  // Identifies this normalizer and its vocabulary to the fold caches that note its lookups.
  static std::uint64_t next_stamp();
  std::uint64_t stamp_ = next_stamp();

  form_table table_;              // form → id, or has_sms | index into infos_
  std::vector<form_info> infos_;  // forms with an SMS expansion
  std::vector<sms_expansion> sms_expansions_;
  std::array<std::uint32_t, 128> punct_ids_ = filled<128>(unknown_form);  // by the mark
  std::array<std::uint32_t, 12> elision_ids_ = filled<12>(unknown_form);  // as `elisions`
};

}  // namespace sentinelle
