#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "facebook/meta_mapping.hpp"

namespace sentinelle::meta {

// A Meta webhook delivery ({"object": …, "entry": […]}) read into one batch of canonical
// events, or the error to answer.
struct parsed_delivery {
  delivery batch;
  unsigned status = 200;  // 400 (not JSON / not UTF-8) or 422 (not Meta's shape)
  std::string code;       // invalid_json | invalid_utf8 | invalid_event
  std::string message;
  std::vector<problem> problems;
  bool ok() const { return status == 200; }
};

// Reads Meta deliveries. One per thread: it reuses simdjson's buffers.
class delivery_parser {
 public:
  // Meta batches at most 1,000 entries per delivery; more is not Meta.
  static constexpr std::size_t max_entries = 1000;

  // `now_ms` is when the delivery arrived: every event's received time, and the occurred time
  // of items that carry none.
  parsed_delivery parse(std::string_view body, std::int64_t now_ms);

 private:
  // The DOM parser validates the whole document first, which separates "not JSON" (400) from
  // "JSON of the wrong shape" (422) cleanly, as the canonical parser does.
  simdjson::dom::parser parser_;
};

}  // namespace sentinelle::meta
