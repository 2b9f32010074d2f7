#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facebook/meta_mapping.hpp"

namespace sentinelle::meta {

// Reads the fields of one item of a delivery (a change's value, a messaging item) by JSON
// pointer ("/from/id"), and records what is wrong under the item's path, so a 422 names the
// exact field ("entry[0].changes[1].value.from.id"). Absent and null are the same.
class item_reader {
 public:
  static constexpr std::size_t max_id = 256;       // as canonical ids and dimensions
  static constexpr std::size_t max_text = 100000;  // as canonical verbatims

  item_reader(simdjson::dom::element item, std::string path, const entry_context& entry,
              std::vector<problem>& problems)
      : item_(item), path_(std::move(path)), entry_(entry), problems_(problems) {}

  bool has(std::string_view pointer) const;
  // The string at `pointer`, or "" when absent or not a string (for item kinds and verbs).
  std::string_view word(std::string_view pointer) const;
  // True only when the value is JSON true.
  bool flag(std::string_view pointer) const;
  // A Meta id: a string or a non-negative integer (older payloads send numbers). "" when
  // absent; a problem when `required` and absent, or when of another type or too long.
  std::string id(std::string_view pointer, bool required);
  // A text (message, username…): a string, "" when absent; a problem when not a string or
  // longer than `limit` bytes.
  std::string text(std::string_view pointer, std::size_t limit = max_text);
  // A Unix time in seconds or milliseconds (an integer or a string of digits); nullopt when
  // absent or unreadable, so the caller falls back to the entry's time.
  std::optional<std::int64_t> unix_ms(std::string_view pointer) const;

  void problem(std::string_view pointer, std::string message);
  std::size_t problem_count() const { return problems_.size(); }

 private:
  std::optional<simdjson::dom::element> find(std::string_view pointer) const;

  simdjson::dom::element item_;
  std::string path_;
  const entry_context& entry_;
  std::vector<meta::problem>& problems_;
};

// A Unix time Meta wrote in seconds (feed, entry.time) or milliseconds (messaging): a value
// below 10^11 is seconds (10^11 s is the year 5138; 10^11 ms is 1973).
std::int64_t as_unix_ms(std::int64_t seconds_or_ms);

}  // namespace sentinelle::meta
