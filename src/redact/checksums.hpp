#pragma once

#include <cstddef>
#include <string_view>

namespace sentinelle {

// The check rules that turn "looks like" into "is". Each takes the bare characters, separators
// already removed; anything outside the expected alphabet makes the check fail.

// Luhn (ISO/IEC 7812-1) over decimal digits: what every payment card number satisfies.
bool luhn_valid(std::string_view digits);

// ISO 13616 IBAN check: country code and check digits moved to the end, letters as 10..35,
// the whole number mod 97 must be 1. Upper-case letters and digits only.
bool iban_checksum_valid(std::string_view iban);

// The IBAN length of a country (ISO 13616 registry) for the countries our customers bank in,
// or 0 when the country is not in our table.
std::size_t iban_length(std::string_view country_code);

// French NIR (numéro de sécurité sociale): 13 characters then a 2-digit key equal to
// 97 - (number mod 97), where Corsican departments 2A and 2B count as 19 and 18.
bool nir_key_valid(std::string_view nir15);

}  // namespace sentinelle
