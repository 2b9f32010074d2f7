#include "net/http_fields.hpp"

#include <algorithm>
#include <cctype>

namespace sentinelle {
namespace {

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

std::optional<std::string_view> find_field(const http_fields& fields, std::string_view name,
                                           bool ignore_case) {
  for (const auto& [field_name, value] : fields) {
    if (ignore_case ? equal_ignoring_ascii_case(field_name, name) : field_name == name) {
      return value;
    }
  }
  return std::nullopt;
}

std::string media_type(std::string_view content_type) {
  std::string type;
  for (const char c : content_type.substr(0, content_type.find(';'))) {
    if (c != ' ' && c != '\t') {
      type.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return type;
}

}  // namespace sentinelle
