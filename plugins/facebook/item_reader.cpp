#include "facebook/item_reader.hpp"

#include <charconv>

namespace sentinelle::meta {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// "/from/id" → ".from.id": problems name fields as a reader of the payload writes them.
std::string dotted(std::string_view pointer) {
  std::string out(pointer);
  for (char& c : out) {
    c = c == '/' ? '.' : c;
  }
  return out;
}

std::optional<std::int64_t> digits(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::int64_t as_unix_ms(std::int64_t seconds_or_ms) {
  constexpr std::int64_t seconds_limit = 100000000000;  // 10^11
  return seconds_or_ms < seconds_limit ? seconds_or_ms * 1000 : seconds_or_ms;
}

std::optional<element> item_reader::find(std::string_view pointer) const {
  element value;
  if (item_.at_pointer(pointer).get(value) != simdjson::SUCCESS || value.is_null()) {
    return std::nullopt;
  }
  return value;
}

bool item_reader::has(std::string_view pointer) const {
  return find(pointer).has_value();
}

std::string_view item_reader::word(std::string_view pointer) const {
  std::string_view text;
  const auto value = find(pointer);
  return value && value->get(text) == simdjson::SUCCESS ? text : std::string_view{};
}

bool item_reader::flag(std::string_view pointer) const {
  bool set = false;
  const auto value = find(pointer);
  return value && value->get(set) == simdjson::SUCCESS && set;
}

std::string item_reader::id(std::string_view pointer, bool required) {
  const auto value = find(pointer);
  if (!value) {
    if (required) {
      problem(pointer, "is required");
    }
    return {};
  }
  std::string_view text;
  std::uint64_t number = 0;
  if (value->get(text) == simdjson::SUCCESS) {
    if (text.empty() || text.size() > max_id) {
      problem(pointer, "must be 1 to " + std::to_string(max_id) + " bytes");
      return {};
    }
    return std::string(text);
  }
  if (value->type() == element_type::UINT64 || value->type() == element_type::INT64) {
    if (value->get(number) == simdjson::SUCCESS) {
      return std::to_string(number);
    }
  }
  problem(pointer, "must be a string or a non-negative integer");
  return {};
}

std::string item_reader::text(std::string_view pointer, std::size_t limit) {
  const auto value = find(pointer);
  std::string_view text;
  if (!value) {
    return {};
  }
  if (value->get(text) != simdjson::SUCCESS) {
    problem(pointer, "must be a string");
    return {};
  }
  if (text.size() > limit) {
    problem(pointer, "is longer than " + std::to_string(limit) + " bytes");
    return {};
  }
  return std::string(text);
}

std::optional<std::int64_t> item_reader::unix_ms(std::string_view pointer) const {
  const auto value = find(pointer);
  std::int64_t number = 0;
  std::string_view text;
  if (!value) {
    return std::nullopt;
  }
  if (value->type() == element_type::INT64 || value->type() == element_type::UINT64) {
    if (value->get(number) != simdjson::SUCCESS || number <= 0) {
      return std::nullopt;
    }
    return as_unix_ms(number);
  }
  if (value->get(text) == simdjson::SUCCESS) {
    const auto parsed = digits(text);
    return parsed && *parsed > 0 ? std::optional(as_unix_ms(*parsed)) : std::nullopt;
  }
  return std::nullopt;
}

void item_reader::problem(std::string_view pointer, std::string message) {
  problems_.push_back({entry_.index, path_ + dotted(pointer), std::move(message)});
}

}  // namespace sentinelle::meta
