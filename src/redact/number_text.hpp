#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sentinelle {

// How digits are laid out in customers' text: the separators they put inside a number, the
// digit groups those separators delimit, and the dates that must not be mistaken for numbers.
// Every rule of the redactor reads numbers through these helpers so that they agree on where
// a number starts and ends (which is what keeps redaction idempotent).

inline bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// The separator written inside numbers: space, '.', '-', no-break space (U+00A0) or narrow
// no-break space (U+202F, French typography). Its length in bytes at / just before `pos`, or 0.
std::size_t separator_at(std::string_view text, std::size_t pos);
std::size_t separator_before(std::string_view text, std::size_t pos);

// True when a digit touches [begin, end), directly or across one separator: the candidate is
// then a piece of a longer number and the digit-run rule judges the whole. Digits before a
// candidate that starts with '+' or '(' do not count: the digit-run rule does not join them.
bool continues_a_number(std::string_view text, std::size_t begin, std::size_t end);

// A maximal sequence of ASCII digits: [begin, end) in the text.
struct digit_group {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
};

void split_digit_groups(std::string_view text, std::size_t begin, std::size_t end,
                        std::vector<digit_group>& groups);

// True when groups[i], groups[i+1], groups[i+2] read as a calendar date written with numbers
// only: day month year ("12 03 2024", "01.02.2024") or year month day ("2024-03-12").
bool is_date_at(std::string_view text, const std::vector<digit_group>& groups, std::size_t i);

// The digits of [begin, end), separators dropped.
std::string digits_in(std::string_view text, std::size_t begin, std::size_t end);

}  // namespace sentinelle
