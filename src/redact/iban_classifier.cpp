// The IBAN rule's classifier: where the IBAN ends inside what the pattern took, and whether
// its checksum holds.
#include <algorithm>
#include <string>

#include "redact/checksums.hpp"
#include "redact/number_text.hpp"
#include "redact/pii_rules.hpp"

namespace sentinelle {
namespace {

constexpr std::size_t shortest_iban = 15;  // Norway
constexpr std::size_t longest_iban = 34;

// The match without separators, upper-cased, remembering where each character ends in the
// text and which characters close a group.
struct iban_candidate {
  std::string compact;
  std::vector<std::size_t> text_end;    // text_end[k]: text offset just after compact[k]
  std::vector<std::size_t> group_ends;  // compact lengths at which a group ends

  iban_candidate(std::string_view text, std::size_t begin, std::size_t end) {
    for (std::size_t pos = begin; pos < end; ++pos) {
      const char c = text[pos];
      if (!is_ascii_digit(c) && !is_ascii_letter(c)) {
        continue;
      }
      compact.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
      text_end.push_back(pos + 1);
      if (pos + 1 == end || separator_at(text, pos + 1) > 0) {
        group_ends.push_back(compact.size());
      }
    }
  }

  bool ends_a_group(std::size_t length) const {
    return std::find(group_ends.begin(), group_ends.end(), length) != group_ends.end();
  }

  // Whole groups, dropping the trailing ones without a digit: words the pattern took in.
  std::size_t length_without_trailing_words() const {
    for (std::size_t g = group_ends.size(); g > 0; --g) {
      const std::size_t group_begin = g >= 2 ? group_ends[g - 2] : 0;
      const auto group =
          std::string_view(compact).substr(group_begin, group_ends[g - 1] - group_begin);
      if (std::any_of(group.begin(), group.end(), is_ascii_digit)) {
        return group_ends[g - 1];
      }
    }
    return 0;
  }
};

// The longest prefix that is a valid IBAN: of the country's length when we know it, else
// ending on a group boundary (a random cut passes mod 97 once in 97 tries). 0 when none.
std::size_t valid_length(const iban_candidate& iban, std::size_t expected) {
  if (expected != 0) {
    const bool fits = iban.compact.size() >= expected;
    return fits && iban_checksum_valid(std::string_view(iban.compact).substr(0, expected))
               ? expected
               : 0;
  }
  for (auto it = iban.group_ends.rbegin(); it != iban.group_ends.rend(); ++it) {
    if (*it >= shortest_iban && *it <= longest_iban &&
        iban_checksum_valid(std::string_view(iban.compact).substr(0, *it))) {
      return *it;
    }
  }
  return 0;
}

}  // namespace

std::size_t classify_iban(std::string_view text, std::size_t begin, std::size_t end,
                          std::vector<found_pii>& found) {
  const iban_candidate iban(text, begin, end);
  const std::size_t expected = iban_length(std::string_view(iban.compact).substr(0, 2));
  if (const std::size_t length = valid_length(iban, expected); length != 0) {
    found.push_back({begin, iban.text_end[length - 1], pii_kind::iban});
    return iban.text_end[length - 1];
  }
  if (expected == 0) {
    return begin + 1;  // an unknown country and no checksum: a reference code, not an IBAN
  }
  // A known country's IBAN whose checksum fails (a typo): still bank details, named a number.
  // It ends at the country's length when a group ends there (letter groups included, as in
  // Italy's), else before the trailing words.
  const std::size_t length = iban.ends_a_group(expected)
                                 ? expected
                                 : std::min(iban.length_without_trailing_words(), expected);
  // As many digits as the digit-run rule asks for: "FR76" glued to a word is not bank details.
  const auto kept = std::string_view(iban.compact).substr(0, length);
  if (length < shortest_iban || std::count_if(kept.begin(), kept.end(), is_ascii_digit) < 9) {
    return begin + 1;
  }
  found.push_back({begin, iban.text_end[length - 1], pii_kind::number});
  return iban.text_end[length - 1];
}

}  // namespace sentinelle
