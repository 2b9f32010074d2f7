#include "util/json_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sentinelle {
namespace {

TEST(JsonWriter, WritesNestedValuesWithCommas) {
  std::string out;
  json_writer json(out);
  json.begin_object().key("a").value(1).key("b").begin_array().value("x").value(true).null();
  json.end_array().key("c").value(-0.8249).end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",true,null],"c":-0.825})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControls) {
  std::string out;
  append_json_string(out, std::string_view("\"a\\b\n\x01\0é", 9));
  EXPECT_EQ(out, "\"\\\"a\\\\b\\n\\u0001\\u0000é\"");
}

TEST(JsonWriter, NeverWritesNanOrNegativeZero) {
  std::string out;
  json_writer json(out);
  json.begin_array().value(std::nan("")).value(-0.0001).end_array();
  EXPECT_EQ(out, "[null,0]");
}

}  // namespace
}  // namespace sentinelle
