#include "util/json_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace sentinelle {

namespace {

bool needs_escape(char c) {
  return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

void append_escape(std::string& out, char c) {
  static constexpr char hex[] = "0123456789abcdef";
  const auto byte = static_cast<unsigned char>(c);
  switch (c) {
    case '"': out.append("\\\""); break;
    case '\\': out.append("\\\\"); break;
    case '\n': out.append("\\n"); break;
    case '\r': out.append("\\r"); break;
    case '\t': out.append("\\t"); break;
    default:
      out.append("\\u00");
      out.push_back(hex[byte >> 4]);
      out.push_back(hex[byte & 0xF]);
  }
}

// `thousandths` / 1000 written as std::to_chars writes the double nearest to it, its shortest
// form: for 0.001 <= |x| < 10,000 the fixed notation is never longer than the scientific one,
// and a decimal of at most three places is the only shortest string that reads back as that
// double (any other is 0.001 away, far more than its precision). A weight or a score takes
// ~30 instructions this way against ~400 in to_chars (callgrind: 18 numbers a stored event).
char* write_thousandths(char* out, std::int64_t thousandths) {
  if (thousandths < 0) {
    *out++ = '-';
    thousandths = -thousandths;
  }
  const auto whole = static_cast<int>(thousandths / 1000);
  int fraction = static_cast<int>(thousandths % 1000);
  out = std::to_chars(out, out + 8, whole).ptr;
  if (fraction != 0) {
    *out++ = '.';
    int digits = 3;
    while (fraction % 10 == 0) {
      fraction /= 10;
      --digits;
    }
    for (int place = digits - 1; place >= 0; --place) {
      out[place] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    out += digits;
  }
  return out;
}

double rounded_thousandths(double number) {
  return std::round(number * 1000.0);
}

}  // namespace

// Copies runs of plain bytes in one append: escaping is rare, and a byte-by-byte push_back
// showed up at the top of the server's profile.
void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (needs_escape(text[i])) {
      out.append(text.data() + run, i - run);
      append_escape(out, text[i]);
      run = i + 1;
    }
  }
  out.append(text.data() + run, text.size() - run);
  out.push_back('"');
}

void json_writer::separate() {
  if (need_comma_) {
    out_.push_back(',');
  }
  need_comma_ = true;
}

json_writer& json_writer::begin_object() {
  separate();
  out_.push_back('{');
  need_comma_ = false;
  return *this;
}

json_writer& json_writer::end_object() {
  out_.push_back('}');
  need_comma_ = true;
  return *this;
}

json_writer& json_writer::begin_array() {
  separate();
  out_.push_back('[');
  need_comma_ = false;
  return *this;
}

json_writer& json_writer::end_array() {
  out_.push_back(']');
  need_comma_ = true;
  return *this;
}

json_writer& json_writer::key(std::string_view name) {
  separate();
  append_json_string(out_, name);
  out_.push_back(':');
  need_comma_ = false;
  return *this;
}

json_writer& json_writer::value(std::string_view text) {
  separate();
  append_json_string(out_, text);
  return *this;
}

std::int64_t json_thousandths(double number) {
  return static_cast<std::int64_t>(rounded_thousandths(number));
}

char* write_json_number(char* out, double number) {
  if (!std::isfinite(number)) {  // JSON has no NaN or infinity
    static constexpr std::string_view null = "null";
    return std::copy(null.begin(), null.end(), out);
  }
  // Three decimals are what a score needs; shortest form keeps lines small.
  const double thousandths = rounded_thousandths(number);
  if (std::abs(thousandths) < 10'000'000.0) {
    return write_thousandths(out, static_cast<std::int64_t>(thousandths));
  }
  return std::to_chars(out, out + json_number_max_size, thousandths / 1000.0).ptr;
}

json_writer& json_writer::value(double number) {
  separate();
  char buffer[json_number_max_size];
  out_.append(buffer, write_json_number(buffer, number));
  return *this;
}

json_writer& json_writer::value(long long number) {
  separate();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out_.append(buffer, result.ptr);
  return *this;
}

json_writer& json_writer::value(bool flag) {
  separate();
  out_.append(flag ? "true" : "false");
  return *this;
}

json_writer& json_writer::raw(std::string_view json) {
  separate();
  out_.append(json);
  return *this;
}

json_writer& json_writer::null() {
  separate();
  out_.append("null");
  return *this;
}

}  // namespace sentinelle
