#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "redact/pii_kind.hpp"

namespace sentinelle {

// One piece of personal data a rule decided to replace: [begin, end) of the text it ran on.
struct found_pii {
  std::size_t begin = 0;
  std::size_t end = 0;
  pii_kind kind = pii_kind::number;
};

// What a text must contain before a rule's regex is worth running over it (text_census.hpp):
// an '@'; "two letters, two digits" at a word start; a 9-digit run or a Corsican "2A"/"2B";
// a '+' and 8 digits; a run of 9 digits joined by single separators.
enum class rule_trigger : std::uint8_t {
  at_sign,
  iban_head,
  nir_shape,
  plus_and_digits,
  digit_run
};

// Judges one regex match [begin, end) of `text`: appends what to replace (the match, a part of
// it, or nothing) and returns where the search resumes — the match's end when it was consumed,
// `begin + 1` when it was refused so that a later start may still match.
using pii_classifier = std::size_t (*)(std::string_view text, std::size_t begin, std::size_t end,
                                       std::vector<found_pii>& found);

// re2 finds the shape; the classifier checks context and checksums, which regexes cannot do.
struct pii_rule {
  std::string_view name;
  std::string pattern;
  rule_trigger trigger = rule_trigger::digit_run;
  pii_classifier classify = nullptr;
};

// The rules in the order they run, each over the text the previous ones have rewritten: the
// specific, checksummed kinds first, the catch-all digit runs last.
std::vector<pii_rule> pii_rules();

// The classifiers (pii_classifiers.cpp, iban_classifier.cpp), named by the rule table.
std::size_t classify_email(std::string_view text, std::size_t begin, std::size_t end,
                           std::vector<found_pii>& found);
std::size_t classify_iban(std::string_view text, std::size_t begin, std::size_t end,
                          std::vector<found_pii>& found);
std::size_t classify_nir(std::string_view text, std::size_t begin, std::size_t end,
                         std::vector<found_pii>& found);
std::size_t classify_french_phone(std::string_view text, std::size_t begin, std::size_t end,
                                  std::vector<found_pii>& found);
std::size_t classify_international_phone(std::string_view text, std::size_t begin, std::size_t end,
                                         std::vector<found_pii>& found);
std::size_t classify_digit_run(std::string_view text, std::size_t begin, std::size_t end,
                               std::vector<found_pii>& found);

}  // namespace sentinelle
