#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analysis.hpp"

namespace sentinelle {

std::optional<std::uint8_t> find_topic(std::string_view name);
std::optional<std::uint8_t> find_flag(std::string_view name);

enum class pattern_kind : std::uint8_t { literal, prefix, regex };

// One compiled lexicon line: what it matches and what it means.
struct lexicon_entry {
  std::string pattern;  // as written in the file
  std::string source;   // "polarity_general.lex:12"
  pattern_kind kind = pattern_kind::literal;
  std::vector<std::string> forms;       // normalized tokens; a prefix token keeps its trailing '*'
  std::vector<std::uint32_t> form_ids;  // literal entries: the forms' vocabulary ids
  std::string regex;                    // for `re:` entries: the expression as written
  double weight = 0.0;
  double multiplier = 1.0;  // intensifier factor, or a negator's strength
  bool negator = false;
  bool intensifier = false;
  bool applies_after = false;  // intensifier of the word before it ("du tout")
  bool contrast = false;
  bool self_negated = false;  // holds a negator ("pas mal"): never negated again
  std::uint32_t flags = 0;
  std::vector<std::uint8_t> topics;

  // Scores or steers the rules; tag-only entries (topics) never hide other entries.
  bool is_scoring() const { return weight != 0.0 || negator || intensifier || contrast; }
};

}  // namespace sentinelle
