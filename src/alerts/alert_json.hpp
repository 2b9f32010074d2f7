#pragma once

#include <cstdint>
#include <string>

#include "alerts/alert.hpp"
#include "util/json_writer.hpp"

namespace sentinelle {

// The alert object of CONTRACT §4 Alerts, as the list, the consoles and the webhooks show it.
void append_alert_json(json_writer& json, const alert& subject);
std::string alert_json(const alert& subject);

// A console message: {"type":"alert"|"alert_update","seq":N,"alert":{…}}.
std::string stream_message_json(const stream_record& record);

// The body of an outbound webhook: {"type":"alert.created","timestamp":"…","data":{alert}}
// (the Standard Webhooks payload shape).
std::string webhook_payload_json(const alert& subject, std::int64_t now_ms);

}  // namespace sentinelle
