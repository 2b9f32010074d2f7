#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/event.hpp"

namespace sentinelle {

// One schema mistake: item `index` of the batch, its `field`, and what is wrong.
struct field_problem {
  std::size_t index = 0;
  std::string field;
  std::string message;
};

struct parsed_events {
  std::vector<event> events;
  int status = 200;  // 400 (not JSON / not UTF-8) or 422 (schema) on error
  std::string code;  // invalid_json | invalid_utf8 | invalid_event
  std::string message;
  std::vector<field_problem> details;
  bool ok() const { return status == 200; }
};

// Parses the canonical JSON of CONTRACT §4 (one object, an array, or NDJSON) into events,
// validating every field; a batch with any invalid item is rejected whole. One parser per
// thread: it reuses simdjson's buffers.
class event_parser {
 public:
  static constexpr std::size_t max_batch = 10000;

  parsed_events parse(std::string_view body, bool ndjson, event_kind kind,
                      const std::string& source, std::int64_t now_ms);

 private:
  // simdjson's DOM parser validates the whole document first, which is what separates
  // "not JSON" (400) from "JSON that breaks the schema" (422) cleanly.
  simdjson::dom::parser parser_;
};

}  // namespace sentinelle
