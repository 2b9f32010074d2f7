#pragma once

// What the plugins' unit tests share besides plugin_harness.hpp: the deliveries each plugin
// recorded in its tests/data, variations of them, and the time a platform signs at.

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "util/time.hpp"

namespace sentinelle::plugin_testing {

// The file `name` of `folder` (a plugin's tests/data), byte for byte: a signature covers the
// exact bytes.
inline std::string recorded_file(const std::string& folder, const std::string& name) {
  std::ifstream file(folder + "/" + name, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// `text` with the first `from` replaced by `to`: a variation of a recorded delivery. A `from`
// that is not there fails the test, so a variation never silently tests the original.
inline std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// Now, in the Unix seconds the platforms put in their signed timestamps.
inline std::int64_t now_s() {
  return now_unix_ms() / 1000;
}

}  // namespace sentinelle::plugin_testing
