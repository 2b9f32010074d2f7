#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alerts/severity.hpp"

namespace sentinelle {

enum class event_kind : std::uint8_t { survey, message };

// How an event meets a stored one with the same (kind, source, id). Canonical ingestion only
// adds; a platform may also edit or remove what it sent before (Meta's `verb: edited|remove`).
enum class event_change : std::uint8_t {
  add,    // a stored copy makes this one a duplicate, and nothing changes
  edit,   // the platform's new text replaces the stored one, re-analysed (stored if new)
  erase   // removed on the platform: the stored text is erased and its alert retracted
};

// One survey or message, canonical whatever platform it came from (CONTRACT §4), with what the
// pipeline concluded about it. Times are Unix milliseconds, UTC.
struct event {
  event_kind kind = event_kind::survey;
  event_change change = event_change::add;
  std::string source = "api";      // "api" or a plugin name: ids are unique within a source
  std::string id;                  // the idempotency key within (kind, source)
  std::int64_t occurred_at_ms = 0; // submitted_at (surveys) or created_at (messages)
  std::int64_t received_at_ms = 0;

  // Dimensions scores are grouped and filtered by; empty when not given.
  std::string channel;     // voice | chat | email | social | sms | store | other
  std::string touchpoint;
  std::string agent_id;
  std::string team_id;
  std::string queue;
  std::string platform;    // messages: facebook | instagram | messenger | chat | email | review | other
  std::string customer_id;
  std::string interaction_id;
  std::string language;

  // Survey answers.
  std::optional<int> nps;   // 0..10
  std::optional<int> csat;  // 1..5
  std::optional<int> ces;   // 1..7

  // Message fields.
  std::string message_kind;  // comment | post | private_message | review | mention
  bool is_public = false;
  std::string author_id;
  std::string author_name;
  std::string conversation_id;
  std::string post_id;
  std::string parent_id;
  std::string page_id;

  std::string verbatim;  // the survey comment or the message text

  // What the pipeline concluded: the analysis object as JSON (CONTRACT §5), its score and
  // label, and the classification. The SQLite store keeps the analysis as `analysis_record`,
  // the same in a third of the bytes (analyze/analysis_record.hpp), when the pipeline made one.
  std::string analysis_json;
  std::string analysis_record;
  std::optional<double> sentiment_score;  // null when there is no verbatim
  bool negative_verbatim = false;
  bool detractor = false;
  std::vector<std::string> reasons;
  // Set when the event raises an alert (a detractor): the alert is stored with the event.
  std::optional<severity> alert_severity;
  std::string alert_id;  // filled when read back: the alert the event raised, if any
};

}  // namespace sentinelle
