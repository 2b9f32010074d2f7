#include "zendesk/zendesk_fields.hpp"

#include <algorithm>
#include <array>

namespace sentinelle::zendesk {
namespace {

// Each mapped field: its key under [plugins.zendesk], where its path is configured and where it
// goes, and whether a delivery means anything without it.
struct field_entry {
  std::string_view key;
  std::string settings::*configured;
  field_path rating_fields::*compiled;
  bool required;
};

constexpr std::array<field_entry, 9> field_entries{{
    {"fields.rating_id", &settings::rating_id, &rating_fields::rating_id, true},
    {"fields.score", &settings::score, &rating_fields::score, true},
    {"fields.comment", &settings::comment, &rating_fields::comment, false},
    {"fields.agent_id", &settings::agent_id, &rating_fields::agent_id, false},
    {"fields.team_id", &settings::team_id, &rating_fields::team_id, false},
    {"fields.ticket_id", &settings::ticket_id, &rating_fields::ticket_id, false},
    {"fields.customer_id", &settings::customer_id, &rating_fields::customer_id, false},
    {"fields.submitted_at", &settings::submitted_at, &rating_fields::submitted_at, false},
    {"fields.channel", &settings::channel, &rating_fields::channel, false},
}};

// RFC 6901: in a pointer, '~' only starts "~0" ('~') or "~1" ('/').
bool valid_pointer(std::string_view pointer) {
  for (std::size_t i = 0; i < pointer.size(); ++i) {
    if (pointer[i] == '~' &&
        (i + 1 == pointer.size() || (pointer[i + 1] != '0' && pointer[i + 1] != '1'))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> to_json_pointer(std::string_view path) {
  if (path.starts_with('/')) {
    return valid_pointer(path) ? std::optional<std::string>(path) : std::nullopt;
  }
  std::string pointer;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(path.find('.', start), path.size());
    if (end == start) {
      return std::nullopt;  // "", ".a", "a..b", "a.": an empty name
    }
    pointer.push_back('/');
    for (const char c : path.substr(start, end - start)) {
      pointer += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    if (end == path.size()) {
      return pointer;
    }
    start = end + 1;
  }
}

std::optional<rating_fields> rating_fields::compile(const settings& configured,
                                                    std::string& error) {
  rating_fields compiled;
  for (const field_entry& entry : field_entries) {
    const std::string& path = configured.*entry.configured;
    const std::string where = "plugins.zendesk." + std::string(entry.key);
    if (path.empty() && entry.required) {
      error = where + ": required, a rating means nothing without it";
      return std::nullopt;
    }
    if (path.empty()) {
      continue;
    }
    const auto pointer = to_json_pointer(path);
    if (!pointer) {
      error = where + ": \"" + path +
              "\" is neither a JSON pointer (\"/a/b\") nor a dotted path (\"a.b\")";
      return std::nullopt;
    }
    compiled.*entry.compiled = field_path{path, *pointer};
  }
  return compiled;
}

std::optional<simdjson::dom::element> find(simdjson::dom::element root, const field_path& path) {
  simdjson::dom::element value;
  if (path.pointer.empty() || root.at_pointer(path.pointer).get(value) != simdjson::SUCCESS ||
      value.is_null()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace sentinelle::zendesk
