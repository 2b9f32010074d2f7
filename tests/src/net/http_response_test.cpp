#include "net/http_response.hpp"

#include <gtest/gtest.h>

namespace sentinelle {
namespace {

TEST(json_error, has_the_contract_shape) {
  const auto response = json_error(404, "not_found", "no such resource");
  EXPECT_EQ(response.status, 404U);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body, R"({"error":{"code":"not_found","message":"no such resource"}})");
}

TEST(json_error, appends_raw_details) {
  const auto response =
      json_error(422, "invalid_event", "2 items break the schema", R"([{"index":0},{"index":3}])");
  EXPECT_EQ(response.body,
            R"({"error":{"code":"invalid_event","message":"2 items break the schema",)"
            R"("details":[{"index":0},{"index":3}]}})");
}

TEST(json_error, escapes_the_message) {
  const auto response = json_error(400, "invalid_json", "unexpected \"}\"\nat byte 3");
  EXPECT_EQ(response.body,
            R"({"error":{"code":"invalid_json","message":"unexpected \"}\"\nat byte 3"}})");
}

TEST(json_error, stays_json_when_the_message_quotes_client_bytes) {
  const auto response = json_error(400, "bad_request", "unknown parameter '\xFF\xC3\xA9'");
  EXPECT_EQ(response.body,
            R"({"error":{"code":"bad_request","message":"unknown parameter '???'"}})");
}

TEST(json_response, keeps_the_body_as_is) {
  const auto response = json_response(201, R"({"accepted":1})");
  EXPECT_EQ(response.status, 201U);
  EXPECT_EQ(response.body, R"({"accepted":1})");
  EXPECT_TRUE(response.headers.empty());
}

}  // namespace
}  // namespace sentinelle
