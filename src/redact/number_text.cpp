#include "redact/number_text.hpp"

namespace sentinelle {
namespace {

constexpr std::string_view no_break_space = "\xC2\xA0";             // U+00A0
constexpr std::string_view narrow_no_break_space = "\xE2\x80\xAF";  // U+202F

bool is_ascii_separator(char c) {
  return c == ' ' || c == '.' || c == '-';
}

unsigned value_of(std::string_view text, const digit_group& group) {
  unsigned value = 0;
  for (std::size_t i = group.begin; i < group.end; ++i) {
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return value;
}

bool is_day(std::string_view text, const digit_group& group) {
  const unsigned day = value_of(text, group);
  return group.size() <= 2 && day >= 1 && day <= 31;
}
bool is_month(std::string_view text, const digit_group& group) {
  const unsigned month = value_of(text, group);
  return group.size() <= 2 && month >= 1 && month <= 12;
}
bool is_year(std::string_view text, const digit_group& group) {
  const unsigned year = value_of(text, group);
  return group.size() == 4 && year >= 1900 && year <= 2099;
}

}  // namespace

std::size_t separator_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) {
    return 0;
  }
  if (is_ascii_separator(text[pos])) {
    return 1;
  }
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with(no_break_space)) {
    return no_break_space.size();
  }
  return rest.starts_with(narrow_no_break_space) ? narrow_no_break_space.size() : 0;
}

std::size_t separator_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) {
    return 0;
  }
  if (is_ascii_separator(text[pos - 1])) {
    return 1;
  }
  const std::string_view head = text.substr(0, pos);
  if (head.ends_with(no_break_space)) {
    return no_break_space.size();
  }
  return head.ends_with(narrow_no_break_space) ? narrow_no_break_space.size() : 0;
}

bool continues_a_number(std::string_view text, std::size_t begin, std::size_t end) {
  const auto digit_at = [&](std::size_t pos) {
    return pos < text.size() && is_ascii_digit(text[pos]);
  };
  // A candidate that starts with '+' or '(' ("(+33) …") is not joined to the digits before it
  // by the digit-run rule: those digits do not make it part of their number.
  const bool starts_with_digit = digit_at(begin);
  if (starts_with_digit && begin > 0 && digit_at(begin - 1)) {
    return true;
  }
  if (const std::size_t before = separator_before(text, begin);
      starts_with_digit && before > 0 && begin > before && digit_at(begin - before - 1)) {
    return true;
  }
  if (digit_at(end)) {
    return true;
  }
  const std::size_t after = separator_at(text, end);
  return after > 0 && digit_at(end + after);
}

void split_digit_groups(std::string_view text, std::size_t begin, std::size_t end,
                        std::vector<digit_group>& groups) {
  groups.clear();
  std::size_t pos = begin;
  while (pos < end) {
    if (!is_ascii_digit(text[pos])) {
      ++pos;
      continue;
    }
    digit_group group{pos, pos};
    while (group.end < end && is_ascii_digit(text[group.end])) {
      ++group.end;
    }
    groups.push_back(group);
    pos = group.end;
  }
}

bool is_date_at(std::string_view text, const std::vector<digit_group>& groups, std::size_t i) {
  if (i + 2 >= groups.size()) {
    return false;
  }
  const digit_group& a = groups[i];
  const digit_group& b = groups[i + 1];
  const digit_group& c = groups[i + 2];
  return (is_day(text, a) && is_month(text, b) && is_year(text, c)) ||
         (is_year(text, a) && is_month(text, b) && is_day(text, c));
}

std::string digits_in(std::string_view text, std::size_t begin, std::size_t end) {
  std::string digits;
  for (std::size_t i = begin; i < end; ++i) {
    if (is_ascii_digit(text[i])) {
      digits.push_back(text[i]);
    }
  }
  return digits;
}

}  // namespace sentinelle
