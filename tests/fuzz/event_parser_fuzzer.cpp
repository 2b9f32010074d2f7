// Canonical event JSON (CONTRACT §4) through event_parser::parse. The first byte picks the mode,
// so one target covers all four: bit 0 survey (0) or message (1), bit 1 JSON (0) or NDJSON (1);
// the seeds start with '0'..'3' to stay readable.
#include <cstddef>
#include <cstdint>

#include "fuzz_checks.hpp"
#include "ingest/event_parser.hpp"

using namespace sentinelle;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const event_kind kind = (data[0] & 1) != 0 ? event_kind::message : event_kind::survey;
  const bool ndjson = (data[0] & 2) != 0;
  static event_parser parser;  // reused, as the plugins reuse theirs
  static const std::string source = "api";
  const parsed_events parsed =
      parser.parse(fuzzing::as_text(data + 1, size - 1), ndjson, kind, source, 1795179780000);
  if (parsed.ok()) {
    fuzzing::require(!parsed.events.empty(), "an accepted batch holds no event");
    fuzzing::require(parsed.events.size() <= event_parser::max_batch, "batch over max_batch");
    fuzzing::check_events(parsed.events);
    for (const event& e : parsed.events) {
      fuzzing::require(e.kind == kind, "an event of the wrong kind");
    }
  } else {
    fuzzing::require(parsed.status == 400 || parsed.status == 422, "a status other than 400/422");
    fuzzing::require(parsed.events.empty(), "a refused batch still holds events");
  }
  return 0;
}
