#pragma once

#include <cstddef>
#include <string_view>

#include "redact/pii_rules.hpp"

namespace sentinelle {

// What one cheap look at the bytes tells about which rules could match, so that most verbatims
// (no '@', no long number) never reach a regex. Each flag is a necessary condition of its
// rule's pattern, never a guess: skipping a rule cannot change the result.
struct text_census {
  std::size_t digits = 0;
  std::size_t longest_run = 0;  // digits in the longest separator-joined digit run
  bool at_sign = false;
  bool plus_sign = false;
  bool iban_head = false;  // two letters then two digits at a word start ("FR76")
  bool corsica = false;    // "2A" / "2B" right after a digit, as in a Corsican NIR

  explicit text_census(std::string_view text);

  bool may_hold_pii() const;
  bool triggers(rule_trigger trigger) const;
};

}  // namespace sentinelle
