#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/event_limits.hpp"
#include "plugin/hook_body.hpp"

namespace sentinelle::chatwoot {

// The limits of the canonical schema, so a Chatwoot message is held to what /v1/messages
// would accept.
inline constexpr std::size_t max_string = event_limits::max_field_bytes;
inline constexpr std::size_t max_text = event_limits::max_text_bytes;

// The member `key` of `from`; nullopt when it is missing or null (Chatwoot writes both).
std::optional<simdjson::dom::element> member(simdjson::dom::object from, std::string_view key);
std::optional<simdjson::dom::object> member_object(simdjson::dom::object from,
                                                   std::string_view key);
// A string member, "" when missing or of another type: for values that only select a branch.
std::string_view member_text(simdjson::dom::object from, std::string_view key);

// Reads the fields of one payload, collecting each mistake as a 422 detail instead of stopping
// at the first, so the sender sees everything that is wrong at once.
class payload_reader {
 public:
  explicit payload_reader(std::vector<payload_problem>& problems) : problems_(problems) {}

  void problem(std::string_view field, std::string message);

  // An id Chatwoot writes as a number (118) or a string ("118"); "" when missing.
  std::string id(simdjson::dom::object from, std::string_view key, std::string_view field);
  // A string of at most `limit` bytes; "" when missing.
  std::string text(simdjson::dom::object from, std::string_view key, std::string_view field,
                   std::size_t limit = max_string,
                   std::string_view wrong_type = "must be a string");
  // Chatwoot's times: RFC 3339 ("2021-07-23T18:02:48.000Z"), "2020-03-03 13:05:57 UTC" (its
  // documented sample) or Unix seconds; `fallback` (the receipt time) when missing or unreadable,
  // as a date never justifies losing the customer's words.
  static std::int64_t moment(simdjson::dom::object from, std::string_view key,
                             std::int64_t fallback);

 private:
  std::vector<payload_problem>& problems_;
};

}  // namespace sentinelle::chatwoot
