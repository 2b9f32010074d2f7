#include "redact/pii_rules.hpp"

namespace sentinelle {
namespace {

// A separator inside a number (kept in step with number_text.cpp's separator_at).
constexpr std::string_view sep = R"((?:[ .\-]|\x{a0}|\x{202f}))";
// IBANs are printed in groups of four separated by spaces (or dashes), never dots.
constexpr std::string_view iban_sep = R"((?:[ \-]|\x{a0}|\x{202f}))";

std::string email_pattern() {
  // Local part, '@', dotted domain labels, an alphabetic top-level domain; Unicode letters
  // allowed (internationalized addresses).
  return R"([\p{L}\p{N}._%+\-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,})";
}

std::string iban_pattern() {
  // Country, check digits, then 11 to 30 letters or digits, each optionally after a separator:
  // customers copy the bank's groups of four as well as the RIB's 5/5/11/2. Bounded to the
  // longest IBAN so that a refused candidate costs little (no quadratic rescans); the
  // classifier cuts the trailing words this also takes in.
  return "(?i)\\b[a-z]{2}[0-9]{2}(?:" + std::string(iban_sep) + "?[a-z0-9]){11,30}";
}

std::string nir_pattern() {
  // sex, year, month, department (2A/2B for Corsica), commune, order, key.
  const std::string s = std::string(sep) + "?";
  return "[12]" + s + "[0-9]{2}" + s + "[0-9]{2}" + s + "(?:[0-9]{2}|2[ABab])" + s + "[0-9]{3}" +
         s + "[0-9]{3}" + s + "[0-9]{2}";
}

std::string french_phone_pattern() {
  // 0X XX XX XX XX (or "0 800 123 456"), or +33 / 0033 / (+33) with an optional "(0)" or a
  // stray 0 before the 9 digits.
  const std::string s = std::string(sep) + "?";
  const std::string international =
      R"((?:\(\+33\)|\+33|\(0033\)|0033))" + s + R"((?:\(0\))" + s + "|0" + s + ")?";
  return "(?:" + international + "|0" + s + ")[1-9](?:" + s + "[0-9]){8}";
}

std::string international_phone_pattern() {
  // +CC then digits: other countries' numbers (E.164 allows up to 15 digits).
  const std::string s = std::string(sep) + "?";
  return R"((?:\(\+[1-9][0-9]{0,2}\)|\+[1-9][0-9]{0,2}))" + s + R"((?:\(0\))" + s +
         ")?[0-9](?:" + s + "[0-9]){5,12}";
}

std::string digit_run_pattern() {
  // Digit groups joined by single separators, as long as it goes.
  return "[0-9]+(?:" + std::string(sep) + "[0-9]+)*";
}

}  // namespace

std::vector<pii_rule> pii_rules() {
  std::vector<pii_rule> rules;
  rules.push_back({"email", email_pattern(), rule_trigger::at_sign, classify_email});
  rules.push_back({"iban", iban_pattern(), rule_trigger::iban_head, classify_iban});
  rules.push_back({"nir", nir_pattern(), rule_trigger::nir_shape, classify_nir});
  rules.push_back(
      {"french_phone", french_phone_pattern(), rule_trigger::digit_run, classify_french_phone});
  rules.push_back({"international_phone", international_phone_pattern(),
                   rule_trigger::plus_and_digits, classify_international_phone});
  rules.push_back({"digit_run", digit_run_pattern(), rule_trigger::digit_run, classify_digit_run});
  return rules;
}

}  // namespace sentinelle
