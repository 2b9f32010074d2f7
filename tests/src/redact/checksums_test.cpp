#include "redact/checksums.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

TEST(Checksums, LuhnAcceptsTheTestCards) {
  EXPECT_TRUE(luhn_valid("4111111111111111"));
  EXPECT_TRUE(luhn_valid("5555555555554444"));
  EXPECT_TRUE(luhn_valid("378282246310005"));
}

TEST(Checksums, LuhnRefusesAChangedDigitAndNonDigits) {
  EXPECT_FALSE(luhn_valid("4111111111111112"));
  EXPECT_FALSE(luhn_valid("41111111111111x1"));
  EXPECT_FALSE(luhn_valid(""));
}

TEST(Checksums, IbanMod97) {
  EXPECT_TRUE(iban_checksum_valid("FR7630006000011234567890189"));
  EXPECT_TRUE(iban_checksum_valid("FR1420041010050500013M02606"));
  EXPECT_TRUE(iban_checksum_valid("DE89370400440532013000"));
  EXPECT_TRUE(iban_checksum_valid("GB29NWBK60161331926819"));
  EXPECT_FALSE(iban_checksum_valid("FR7630006000011234567890188"));
  EXPECT_FALSE(iban_checksum_valid("FR76"));
  EXPECT_FALSE(iban_checksum_valid("fr7630006000011234567890189"));  // callers upper-case
}

TEST(Checksums, IbanLengthsOfKnownCountries) {
  EXPECT_EQ(iban_length("FR"), 27U);
  EXPECT_EQ(iban_length("DE"), 22U);
  EXPECT_EQ(iban_length("BE"), 16U);
  EXPECT_EQ(iban_length("ZZ"), 0U);
}

TEST(Checksums, NirKeyIncludingCorsica) {
  EXPECT_TRUE(nir_key_valid("295109912611193"));
  EXPECT_TRUE(nir_key_valid("253072B07300470"));
  EXPECT_TRUE(nir_key_valid("253072A07300443"));
  EXPECT_TRUE(nir_key_valid("255081416802538"));
  EXPECT_FALSE(nir_key_valid("255081416802539"));
  EXPECT_FALSE(nir_key_valid("253072B07300443"));  // 2A's key on a 2B number
  EXPECT_FALSE(nir_key_valid("253072B0730047"));   // 14 characters
}

}  // namespace
}  // namespace sentinelle
