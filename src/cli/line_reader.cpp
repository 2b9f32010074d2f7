#include "cli/line_reader.hpp"

#include <cstring>

namespace sentinelle {

bool line_reader::fill() {
  if (end_) {
    return false;
  }
  length_ = std::fread(buffer_.data(), 1, buffer_.size(), input_);
  position_ = 0;
  end_ = length_ == 0;
  return !end_;
}

bool line_reader::read_line(line_batch& batch) {
  const std::size_t start = batch.text.size();
  bool read_anything = false;
  bool too_long = false;
  while (position_ < length_ || fill()) {
    read_anything = true;
    const char* from = buffer_.data() + position_;
    const auto* newline = static_cast<const char*>(std::memchr(from, '\n', length_ - position_));
    const std::size_t count =
        newline != nullptr ? static_cast<std::size_t>(newline - from) : length_ - position_;
    if (!too_long && batch.text.size() - start + count > max_line_bytes) {
      too_long = true;
      batch.text.resize(start);
    }
    if (!too_long) {
      batch.text.append(from, count);
    }
    position_ += count;
    if (newline != nullptr) {
      ++position_;
      break;
    }
  }
  if (!read_anything) {
    return false;
  }
  if (batch.text.size() > start && batch.text.back() == '\r') {
    batch.text.pop_back();  // CRLF input
  }
  batch.lines.push_back({start, batch.text.size() - start, too_long});
  return true;
}

bool line_reader::read_batch(line_batch& batch) {
  batch.clear();
  while (batch.lines.size() < batch_lines && batch.text.size() < batch_bytes) {
    if (!read_line(batch)) {
      break;
    }
  }
  return !batch.lines.empty();
}

}  // namespace sentinelle
