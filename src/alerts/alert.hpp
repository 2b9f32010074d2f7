#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alerts/severity.hpp"

namespace sentinelle {

enum class alert_status : std::uint8_t { open, acknowledged, resolved };

std::string_view alert_status_name(alert_status status);
std::optional<alert_status> parse_alert_status(std::string_view name);

// One alert as stored and as every console sees it (CONTRACT §4 Alerts). The event fields are
// those of the event that raised it, read with it.
struct alert {
  std::string id;              // "al-<seq>"
  std::int64_t seq = 0;        // the stream position of its creation: strictly increasing
  std::int64_t created_at_ms = 0;
  severity level = severity::low;
  alert_status status = alert_status::open;
  std::vector<std::string> reasons;

  // The event.
  std::string event_kind;      // "survey" | "message"
  std::string event_id;
  std::string source;
  std::string channel;
  std::string platform;
  std::string agent_id;
  std::string team_id;
  std::string queue;
  std::string touchpoint;
  std::string customer_id;
  std::optional<int> nps, csat, ces;
  std::int64_t occurred_at_ms = 0;
  std::string excerpt;         // the verbatim
  std::string analysis_json;   // CONTRACT §5 with matches, or empty when no verbatim

  std::string acknowledged_by;
  std::optional<std::int64_t> acknowledged_at_ms;
  std::string resolved_by;
  std::optional<std::int64_t> resolved_at_ms;
  std::string note;
};

// One entry of the console stream: a new alert or a change of one (its state now).
enum class stream_kind : std::uint8_t { alert, alert_update };

struct stream_record {
  std::int64_t seq = 0;
  stream_kind kind = stream_kind::alert;
  alert subject;
};

}  // namespace sentinelle

namespace sentinelle {

// Alert ids are "al-<seq>": short, stable, and the cursor order is the id order.
std::string alert_id_for(std::int64_t seq);
std::optional<std::int64_t> alert_seq_from_id(std::string_view id);

}  // namespace sentinelle
