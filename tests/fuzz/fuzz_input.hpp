#pragma once

// Readable inputs for the targets that take several strings: the first N-1 fields end at a '\n'
// (the field may be empty), the last takes the rest, newlines included. Seeds stay plain text
// files, and libFuzzer's mutations of one line leave the others alone. Missing lines are empty.

#include <array>
#include <cstddef>
#include <string_view>

namespace sentinelle::fuzzing {

template <std::size_t N>
std::array<std::string_view, N> split_fields(std::string_view input) {
  static_assert(N > 0);
  std::array<std::string_view, N> fields{};
  for (std::size_t i = 0; i + 1 < N; ++i) {
    const std::size_t end = input.find('\n');
    fields[i] = input.substr(0, end);
    input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
  }
  fields[N - 1] = input;
  return fields;
}

}  // namespace sentinelle::fuzzing
