#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

namespace sentinelle {

// A block of input lines analysed together; lines are slices of `text`.
struct line_batch {
  struct line {
    std::size_t offset = 0;
    std::size_t length = 0;
    bool too_long = false;  // the line was over the limit; its text was dropped
  };
  std::string text;
  std::vector<line> lines;
  std::string output;  // one JSON line per input line, once analysed

  void clear() {
    text.clear();
    lines.clear();
    output.clear();
  }
};

// Reads a stream line by line in fixed-size chunks, so memory stays flat whatever the input:
// a line over `max_line_bytes` is skipped (and reported), never buffered whole.
class line_reader {
 public:
  static constexpr std::size_t max_line_bytes = 16U << 20;
  static constexpr std::size_t batch_bytes = 1U << 20;
  static constexpr std::size_t batch_lines = 4096;

  explicit line_reader(std::FILE* input) : input_(input), buffer_(1U << 20) {}

  // Fills `batch` with the next lines; false when the input is exhausted and nothing was read.
  bool read_batch(line_batch& batch);

 private:
  bool read_line(line_batch& batch);
  bool fill();

  std::FILE* input_;
  std::vector<char> buffer_;
  std::size_t position_ = 0;
  std::size_t length_ = 0;
  bool end_ = false;
};

}  // namespace sentinelle
