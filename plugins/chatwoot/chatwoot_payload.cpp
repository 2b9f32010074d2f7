#include "chatwoot/chatwoot_payload.hpp"

#include "util/time.hpp"

namespace sentinelle::chatwoot {

using simdjson::dom::element;
using simdjson::dom::object;

constexpr std::int64_t max_unix_s = 253402300799;  // 9999-12-31T23:59:59Z: no overflow in ms

std::optional<element> member(object from, std::string_view key) {
  element value;
  if (from.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
    return std::nullopt;
  }
  return value;
}

std::optional<object> member_object(object from, std::string_view key) {
  object value;
  const auto found = member(from, key);
  if (!found || found->get(value) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  return value;
}

std::string_view member_text(object from, std::string_view key) {
  std::string_view value;
  const auto found = member(from, key);
  return found && found->get(value) == simdjson::SUCCESS ? value : std::string_view{};
}

void payload_reader::problem(std::string_view field, std::string message) {
  problems_.push_back({std::string(field), std::move(message)});
}

std::string payload_reader::id(object from, std::string_view key, std::string_view field) {
  const auto found = member(from, key);
  std::int64_t number = 0;
  std::uint64_t large = 0;  // above INT64_MAX
  if (found && found->get(number) == simdjson::SUCCESS) {
    return std::to_string(number);
  }
  if (found && found->get(large) == simdjson::SUCCESS) {
    return std::to_string(large);
  }
  return text(from, key, field, max_string, "must be a number or a string");
}

std::string payload_reader::text(object from, std::string_view key, std::string_view field,
                                 std::size_t limit, std::string_view wrong_type) {
  const auto found = member(from, key);
  std::string_view written;
  if (!found) {
    return {};
  }
  if (found->get(written) != simdjson::SUCCESS) {
    problem(field, std::string(wrong_type));
  } else if (written.size() > limit) {
    problem(field, "is longer than " + std::to_string(limit) + " bytes");
  } else {
    return std::string(written);
  }
  return {};
}

std::int64_t payload_reader::moment(object from, std::string_view key, std::int64_t fallback) {
  const auto found = member(from, key);
  std::int64_t seconds = 0;
  std::string_view written;
  if (!found) {
    return fallback;
  }
  if (found->get(seconds) == simdjson::SUCCESS) {
    return seconds > 0 && seconds <= max_unix_s ? seconds * 1000 : fallback;
  }
  if (found->get(written) != simdjson::SUCCESS) {
    return fallback;
  }
  if (const auto parsed = parse_rfc3339(written)) {
    return *parsed;
  }
  constexpr std::string_view utc_suffix = " UTC";
  if (written.ends_with(utc_suffix)) {
    const std::string zulu =
        std::string(written.substr(0, written.size() - utc_suffix.size())) + "Z";
    return parse_rfc3339(zulu).value_or(fallback);
  }
  return fallback;
}

}  // namespace sentinelle::chatwoot
