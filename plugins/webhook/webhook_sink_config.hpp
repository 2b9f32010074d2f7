#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "alerts/severity.hpp"

namespace sentinelle {

// One [[sinks.webhook]] table. The config loader fills it; find_sink_config_problem() checks it
// once at start-up, never per delivery.
struct webhook_sink_config {
  std::string name;    // unique among the sinks: the outbox rows' `sink`
  std::string url;     // http:// or https://, host, optional port, path and query
  std::string secret;  // "whsec_<base64>": signs every request (Standard Webhooks)
  severity min_severity = severity::low;  // applied when alerts are queued, by the storage side
  std::int64_t timeout_ms = 15'000;       // one attempt: resolve, connect, TLS, write and read
  // The wait after the 1st, 2nd… failed attempt; a failure once it is used up buries the
  // delivery in the dead letters (so at most size() + 1 attempts).
  std::vector<std::int64_t> retry_schedule_ms = {5'000,      300'000,    1'800'000, 7'200'000,
                                                 18'000'000, 36'000'000, 36'000'000};
  std::size_t max_in_flight = 8;  // attempts at once to this sink
  bool verify_tls = true;         // false only for tests against a self-signed certificate
};

// "" when the sink is usable, else "sinks.webhook[<name>].<key>: <what is wrong>" (the secret's
// value is never quoted).
std::string find_sink_config_problem(const webhook_sink_config& sink);

// The first problem among all sinks, duplicate names included; "" when none.
std::string find_sinks_config_problem(const std::vector<webhook_sink_config>& sinks);

}  // namespace sentinelle
