#pragma once

#include <simdjson.h>

#include <optional>
#include <string>

#include "zendesk/zendesk_settings.hpp"

namespace sentinelle::zendesk {

// One configured place in the delivery's JSON.
struct field_path {
  std::string written;  // as configured, so a 422 names the path the user wrote
  std::string pointer;  // the RFC 6901 JSON pointer simdjson resolves; "" = not mapped
};

// Where the rating's values are, checked once at start: a malformed path stops the server with
// the key named instead of silently reading nothing on every delivery.
struct rating_fields {
  field_path rating_id;
  field_path score;
  field_path comment;
  field_path agent_id;
  field_path team_id;
  field_path ticket_id;
  field_path customer_id;
  field_path submitted_at;
  field_path channel;

  // nullopt and `error` ("plugins.zendesk.fields.score: …") when a path is malformed, or when
  // the id or the score is turned off.
  static std::optional<rating_fields> compile(const settings& configured, std::string& error);
};

// "satisfaction_rating.id" → "/satisfaction_rating/id" ('~' and '/' in a name are escaped); a
// path that starts with '/' is already a pointer and is only checked. nullopt when malformed.
std::optional<std::string> to_json_pointer(std::string_view path);

// The value at `path`; nullopt when the path is not mapped, leads nowhere, or holds null.
std::optional<simdjson::dom::element> find(simdjson::dom::element root, const field_path& path);

}  // namespace sentinelle::zendesk
