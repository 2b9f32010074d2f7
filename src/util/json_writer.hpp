#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sentinelle {

// Appends JSON to a caller-owned string. Hand-written because simdjson only parses, and output
// here is a hot path (one object per analysed line) where a DOM builder would allocate per value.
// The writer tracks commas itself; callers only open, name and close.
class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}

  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  json_writer& key(std::string_view name);
  json_writer& value(std::string_view text);
  json_writer& value(const char* text) { return value(std::string_view(text)); }
  json_writer& value(double number);
  json_writer& value(long long number);
  json_writer& value(int number) { return value(static_cast<long long>(number)); }
  json_writer& value(unsigned number) { return value(static_cast<long long>(number)); }
  json_writer& value(bool flag);
  json_writer& null();
  template <typename T>
  json_writer& value_or_null(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }
  // Appends already-serialized JSON (one complete value) as the next value.
  json_writer& raw(std::string_view json);

 private:
  void separate();

  std::string& out_;
  bool need_comma_ = false;
};

// Writes `number` as json_writer::value(double) does (three decimals at most, shortest form,
// null when not finite) at `out`, which has json_number_max_size bytes; returns the end.
inline constexpr std::size_t json_number_max_size = 32;
char* write_json_number(char* out, double number);

// `number` in thousandths, rounded as write_json_number rounds it (finite numbers only): what a
// stored number keeps so that it renders back to the same digits.
std::int64_t json_thousandths(double number);

// Appends `text` as a quoted JSON string (RFC 8259 escapes; text must be valid UTF-8).
void append_json_string(std::string& out, std::string_view text);

}  // namespace sentinelle
