#include "util/json_writer.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <random>
#include <string>

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

// Numbers are written to three decimals, in the shortest form std::to_chars gives the rounded
// double; small ones take a faster path, which must agree with it exactly.
std::string as_to_chars(double number) {
  const double rounded = std::round(number * 1000.0) / 1000.0;
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, rounded == 0.0 ? 0.0 : rounded);
  return std::string(buffer, result.ptr);
}

std::string as_written(double number) {
  std::string out;
  json_writer(out).value(number);
  return out;
}

TEST(JsonWriter, WritesNumbersAsTheShortestFormOfTheirThreeDecimals) {
  for (std::int64_t thousandths = -2'000'000; thousandths <= 2'000'000; thousandths += 7) {
    const double number = static_cast<double>(thousandths) / 1000.0;
    ASSERT_EQ(as_written(number), as_to_chars(number)) << thousandths;
  }
  std::mt19937_64 random(20261130);
  std::uniform_real_distribution<double> near(-12'000.0, 12'000.0);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  for (int i = 0; i < 200'000; ++i) {
    for (const double number : {near(random), unit(random), unit(random) * 1e-3, near(random) * 1e6}) {
      ASSERT_EQ(as_written(number), as_to_chars(number)) << number;
    }
  }
  for (const double edge : {0.0005, -0.0005, 0.0004999, 9999.9995, -9999.9995, 9999.9994, 1e15,
                            -0.001, 0.001, 10'000.0, 9'999.999, 123.5, -2.5, -3.75}) {
    EXPECT_EQ(as_written(edge), as_to_chars(edge)) << edge;
  }
}

}  // namespace
}  // namespace sentinelle
