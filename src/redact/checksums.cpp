#include "redact/checksums.hpp"

#include <array>
#include <ranges>
#include <string>
#include <utility>

namespace sentinelle {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// Folds one more decimal digit or IBAN letter (A = 10 … Z = 35) into a remainder mod 97.
bool fold_mod97(char c, unsigned& remainder) {
  if (is_digit(c)) {
    remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
    return true;
  }
  if (is_upper(c)) {
    remainder = (remainder * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
    return true;
  }
  return false;
}

}  // namespace

bool luhn_valid(std::string_view digits) {
  if (digits.empty()) {
    return false;
  }
  unsigned sum = 0;
  bool doubled = false;  // every second digit from the right is doubled
  for (const char c : std::views::reverse(digits)) {
    if (!is_digit(c)) {
      return false;
    }
    auto digit = static_cast<unsigned>(c - '0');
    if (doubled) {
      digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    }
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

bool iban_checksum_valid(std::string_view iban) {
  if (iban.size() < 5 || !is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) ||
      !is_digit(iban[3])) {
    return false;
  }
  unsigned remainder = 0;
  for (const char c : iban.substr(4)) {
    if (!fold_mod97(c, remainder)) {
      return false;
    }
  }
  for (const char c : iban.substr(0, 4)) {
    fold_mod97(c, remainder);
  }
  return remainder == 1;
}

std::size_t iban_length(std::string_view country_code) {
  // SEPA members and a few other countries French customers often bank in (ISO 13616 registry).
  static constexpr std::array<std::pair<std::string_view, std::size_t>, 41> lengths = {{
      {"AD", 24}, {"AT", 20}, {"BE", 16}, {"BG", 22}, {"CH", 21}, {"CY", 28}, {"CZ", 24},
      {"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27}, {"GB", 22},
      {"GI", 23}, {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IS", 26}, {"IT", 27},
      {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MT", 31}, {"NL", 18},
      {"NO", 15}, {"PL", 28}, {"PT", 25}, {"RO", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24},
      {"SM", 27}, {"TN", 24}, {"TR", 26}, {"VA", 22}, {"MR", 27}, {"SA", 24},
  }};
  for (const auto& [code, length] : lengths) {
    if (code == country_code) {
      return length;
    }
  }
  return 0;
}

bool nir_key_valid(std::string_view nir15) {
  if (nir15.size() != 15) {
    return false;
  }
  // Characters 6-7 are the department; Corsica's "2A" and "2B" count as 19 and 18.
  std::string body(nir15.substr(0, 13));
  if (body.compare(5, 2, "2A") == 0) {
    body.replace(5, 2, "19");
  } else if (body.compare(5, 2, "2B") == 0) {
    body.replace(5, 2, "18");
  }
  unsigned remainder = 0;
  for (const char c : body) {
    if (!is_digit(c)) {
      return false;
    }
    remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
  }
  if (!is_digit(nir15[13]) || !is_digit(nir15[14])) {
    return false;
  }
  const auto key = static_cast<unsigned>((nir15[13] - '0') * 10 + (nir15[14] - '0'));
  return key == 97 - remainder;
}

}  // namespace sentinelle
