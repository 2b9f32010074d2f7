#include "signature/standard_webhooks.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sentinelle {
namespace {

// The test vector of the Standard Webhooks reference libraries.
constexpr std::string_view vector_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr std::string_view vector_id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
constexpr std::int64_t vector_timestamp = 1614265330;
constexpr std::string_view vector_body = R"({"test": 2432232314})";
constexpr std::string_view vector_signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

std::string vector_key() {
  std::string error;
  const auto secret = standard_webhooks_secret::parse(vector_secret, error);
  EXPECT_TRUE(secret.has_value()) << error;
  return secret ? secret->key() : std::string();
}

signature_check verify_vector(std::string_view signature, std::int64_t now = vector_timestamp,
                              std::string_view id = vector_id,
                              std::string_view timestamp = "1614265330") {
  return standard_webhooks_verify(vector_key(), {id, timestamp, signature}, vector_body, now);
}

TEST(standard_webhooks, signs_the_reference_vector) {
  EXPECT_EQ(standard_webhooks_sign(vector_key(), vector_id, vector_timestamp, vector_body),
            vector_signature);
}

TEST(standard_webhooks, verifies_the_reference_vector) {
  EXPECT_EQ(verify_vector(vector_signature), signature_check::ok);
}

TEST(standard_webhooks, parses_a_secret_without_its_prefix) {
  std::string error;
  const auto bare = standard_webhooks_secret::parse(vector_secret.substr(6), error);
  ASSERT_TRUE(bare.has_value()) << error;
  EXPECT_EQ(bare->key(), vector_key());
  EXPECT_EQ(bare->key().size(), 24U);
}

TEST(standard_webhooks, rejects_a_secret_that_is_not_base64) {
  for (const char* bad :
       {"whsec_not base64!", "whsec_", "", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n"}) {
    std::string error;
    EXPECT_FALSE(standard_webhooks_secret::parse(bad, error).has_value()) << bad;
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(error.find("MfKQ"), std::string::npos) << "the error must not quote the secret";
  }
}

TEST(standard_webhooks, rejects_a_wrong_signature) {
  EXPECT_EQ(verify_vector("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF="),
            signature_check::no_matching_signature);
  EXPECT_EQ(verify_vector("v1,"), signature_check::no_matching_signature);
  EXPECT_EQ(verify_vector("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
            signature_check::no_matching_signature);
}

TEST(standard_webhooks, rejects_a_changed_body) {
  EXPECT_EQ(standard_webhooks_verify(vector_key(), {vector_id, "1614265330", vector_signature},
                                     R"({"test": 2432232315})", vector_timestamp),
            signature_check::no_matching_signature);
}

TEST(standard_webhooks, rejects_timestamps_outside_the_tolerance) {
  EXPECT_EQ(verify_vector(vector_signature, vector_timestamp + 300), signature_check::ok);
  EXPECT_EQ(verify_vector(vector_signature, vector_timestamp - 300), signature_check::ok);
  EXPECT_EQ(verify_vector(vector_signature, vector_timestamp + 301),
            signature_check::timestamp_too_old);
  EXPECT_EQ(verify_vector(vector_signature, vector_timestamp - 301),
            signature_check::timestamp_too_new);
}

TEST(standard_webhooks, rejects_a_timestamp_that_is_not_an_integer) {
  for (const char* bad :
       {"-1614265330", "1614265330.5", "abc", "1614265330 ", "99999999999999999999"}) {
    EXPECT_EQ(verify_vector(vector_signature, vector_timestamp, vector_id, bad),
              signature_check::invalid_timestamp)
        << bad;
  }
}

TEST(standard_webhooks, accepts_any_matching_entry_and_ignores_other_versions) {
  const std::string several =
      "v1,Zm9v v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= " + std::string(vector_signature);
  EXPECT_EQ(verify_vector(several), signature_check::ok);
  EXPECT_EQ(verify_vector("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
            signature_check::no_matching_signature);
  EXPECT_EQ(verify_vector("v1a,whatever " + std::string(vector_signature)), signature_check::ok);
}

TEST(standard_webhooks, rejects_an_id_containing_a_dot) {
  const std::string key = vector_key();
  const std::string signature = standard_webhooks_sign(key, "msg.1", vector_timestamp, "{}");
  EXPECT_EQ(
      standard_webhooks_verify(key, {"msg.1", "1614265330", signature}, "{}", vector_timestamp),
      signature_check::invalid_id);
}

TEST(standard_webhooks, reports_a_missing_header) {
  EXPECT_EQ(verify_vector(""), signature_check::missing_header);
  EXPECT_EQ(verify_vector(vector_signature, vector_timestamp, ""), signature_check::missing_header);
  EXPECT_EQ(verify_vector(vector_signature, vector_timestamp, vector_id, ""),
            signature_check::missing_header);
}

TEST(standard_webhooks, names_every_check) {
  EXPECT_EQ(signature_check_name(signature_check::ok), "ok");
  EXPECT_EQ(signature_check_name(signature_check::timestamp_too_old), "timestamp_too_old");
  EXPECT_EQ(signature_check_name(signature_check::no_matching_signature), "no_matching_signature");
}

}  // namespace
}  // namespace sentinelle
