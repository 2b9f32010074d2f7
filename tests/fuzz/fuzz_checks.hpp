#pragma once

// What every fuzz target may assert about its output, beyond "no crash and no sanitizer report".
// A broken property is a finding: it prints what broke and aborts, which libFuzzer records as a
// crash with the input that caused it.

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "storage/event.hpp"
#include "util/utf8.hpp"

namespace sentinelle::fuzzing {

[[noreturn]] inline void finding(const char* what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what);
  std::abort();
}

inline void require(bool holds, const char* what) {
  if (!holds) {
    finding(what);
  }
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// What CONTRACT §4 promises of a canonical event, whichever adapter made it: scores within their
// scales and text that is UTF-8 (it is stored, analysed and sent to consoles as JSON).
inline void check_event(const event& e) {
  require(!e.nps || (*e.nps >= 0 && *e.nps <= 10), "nps outside 0..10");
  require(!e.csat || (*e.csat >= 1 && *e.csat <= 5), "csat outside 1..5");
  require(!e.ces || (*e.ces >= 1 && *e.ces <= 7), "ces outside 1..7");
  for (const std::string* text :
       {&e.id, &e.channel, &e.touchpoint, &e.agent_id, &e.team_id, &e.queue, &e.platform,
        &e.customer_id, &e.interaction_id, &e.language, &e.message_kind, &e.author_id,
        &e.author_name, &e.conversation_id, &e.post_id, &e.parent_id, &e.page_id, &e.verbatim}) {
    require(!find_invalid_utf8(*text), "an event field is not UTF-8");
  }
}

inline void check_events(const std::vector<event>& events) {
  for (const event& e : events) {
    check_event(e);
  }
}

}  // namespace sentinelle::fuzzing
