// The classifiers of the email, NIR, phone and digit-run rules (the IBAN one has its own file).
#include <string>

#include "redact/checksums.hpp"
#include "redact/number_text.hpp"
#include "redact/pii_rules.hpp"

namespace sentinelle {
namespace {

bool is_ascii_alnum(char c) {
  return is_ascii_digit(c) || is_ascii_letter(c);
}

// The fields a NIR's pattern cannot check: a birth month (01-12, or the 20-42 and 50-99 INSEE
// gives when the month is unknown) and a department other than 00.
bool plausible_nir(std::string_view nir) {
  const int month = (nir[3] - '0') * 10 + (nir[4] - '0');
  const bool month_ok = (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
  return month_ok && nir.substr(5, 2) != "00";
}

bool contains_date(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<digit_group> groups;
  split_digit_groups(text, begin, end, groups);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    if (is_date_at(text, groups, i)) {
      return true;
    }
  }
  return false;
}

// groups[first, last) of a digit run, once dates are set aside: a card when 13-19 digits pass
// Luhn and start like a bank card (ISO/IEC 7812 major industry 2-6: SIRET numbers pass Luhn
// too), any other 9+ digits a number.
void add_run_segment(std::string_view text, const std::vector<digit_group>& groups,
                     std::size_t first, std::size_t last, std::vector<found_pii>& found) {
  if (first >= last) {
    return;
  }
  const std::size_t begin = groups[first].begin;
  const std::size_t end = groups[last - 1].end;
  const std::string digits = digits_in(text, begin, end);
  if (digits.size() < 9) {
    return;
  }
  const bool card = digits.size() >= 13 && digits.size() <= 19 && digits[0] >= '2' &&
                    digits[0] <= '6' && luhn_valid(digits);
  found.push_back({begin, end, card ? pii_kind::card : pii_kind::number});
}

}  // namespace

std::size_t classify_email(std::string_view /*text*/, std::size_t begin, std::size_t end,
                           std::vector<found_pii>& found) {
  found.push_back({begin, end, pii_kind::email});
  return end;
}

std::size_t classify_nir(std::string_view text, std::size_t begin, std::size_t end,
                         std::vector<found_pii>& found) {
  if (continues_a_number(text, begin, end)) {
    return begin + 1;
  }
  std::string nir;
  for (std::size_t i = begin; i < end; ++i) {
    if (is_ascii_alnum(text[i])) {
      nir.push_back(text[i] == 'a' || text[i] == 'b' ? static_cast<char>(text[i] - 'a' + 'A')
                                                     : text[i]);
    }
  }
  if (nir.size() != 15 || !plausible_nir(nir)) {
    return begin + 1;
  }
  // NIR-shaped with a wrong key: still someone's number, mistyped; claimed as a number only.
  found.push_back({begin, end, nir_key_valid(nir) ? pii_kind::nir : pii_kind::number});
  return end;
}

std::size_t classify_french_phone(std::string_view text, std::size_t begin, std::size_t end,
                                  std::vector<found_pii>& found) {
  // "01.02.2024 12" has ten digits and starts with 0: a date and a time, not a phone.
  if (continues_a_number(text, begin, end) || contains_date(text, begin, end)) {
    return begin + 1;
  }
  found.push_back({begin, end, pii_kind::telephone});
  return end;
}

std::size_t classify_international_phone(std::string_view text, std::size_t begin, std::size_t end,
                                         std::vector<found_pii>& found) {
  const std::size_t digits = digits_in(text, begin, end).size();
  if (digits < 8 || digits > 16 || continues_a_number(text, begin, end)) {
    return begin + 1;
  }
  found.push_back({begin, end, pii_kind::telephone});
  return end;
}

std::size_t classify_digit_run(std::string_view text, std::size_t begin, std::size_t end,
                               std::vector<found_pii>& found) {
  std::vector<digit_group> groups;
  split_digit_groups(text, begin, end, groups);
  // Dates inside a run ("12.03.2024 14.30") stay; what lies between them is judged alone.
  std::size_t first = 0;
  std::size_t i = 0;
  while (i < groups.size()) {
    if (is_date_at(text, groups, i)) {
      add_run_segment(text, groups, first, i, found);
      i += 3;
      first = i;
    } else {
      ++i;
    }
  }
  add_run_segment(text, groups, first, groups.size(), found);
  return end;
}

}  // namespace sentinelle
