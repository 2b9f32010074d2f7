#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sentinelle {

// What one attempt produced: a status when a response head arrived, else the transport error.
struct attempt_result {
  unsigned status = 0;                         // 0: no response (timeout, refused, DNS, TLS…)
  std::string error;                           // why there was no response, for last_error
  std::optional<std::int64_t> retry_after_ms;  // a 429's Retry-After, when given and valid
};

enum class delivery_step : std::uint8_t {
  delivered,     // 2xx
  retry,         // reschedule(attempts, next_attempt_ms, last_error)
  bury,          // schedule used up: to the dead letters
  disable_sink,  // 410 Gone: the receiver asked us to stop
};

struct delivery_decision {
  delivery_step step = delivery_step::retry;
  int attempts = 0;                  // attempts made, this one included
  std::int64_t next_attempt_ms = 0;  // for `retry`
  std::string last_error;            // "http 503", "timeout"… never the payload
};

// Decides what follows an attempt (plugins/webhook/README.md "Retries"): 2xx delivered; 410
// disables the sink; 429 waits its Retry-After (capped at the schedule's longest wait) or the
// schedule; 3xx (never followed), other statuses and transport errors wait
// schedule[attempts] ± jitter. `jitter` is a uniform sample of [-1, 1], scaled to ±10 %.
delivery_decision decide_next_step(const attempt_result& result, int attempts_before,
                                   const std::vector<std::int64_t>& schedule_ms,
                                   std::int64_t now_ms, double jitter);

// Retry-After as delay-seconds or an IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"), in
// milliseconds from `now_ms` (never negative); nullopt when it is neither. The obsolete RFC 850
// and asctime forms are not read: a receiver sending them gets the schedule instead.
std::optional<std::int64_t> parse_retry_after(std::string_view value, std::int64_t now_ms);

}  // namespace sentinelle
